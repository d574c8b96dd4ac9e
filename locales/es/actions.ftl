### Repository of Actions on Paid Domestic Work: Spanish text of the country actions
### (schema/seeds/domestic_work_actions.toml). One message per action, `action-<slug>`:
### the value is the title, `.description` the description. Order follows the TOML file.

## Social security coverage

action-uy-domestic-workers-social-security-coverage = Amplia cobertura de seguridad social para las trabajadoras y los trabajadores domésticos
    .source = 851de0bf
    .description = En Uruguay, la cobertura de seguridad social de las trabajadoras y los trabajadores domésticos abarca un amplio espectro de prestaciones sociales, extensibles a quienes cuidan a niñas y niños y a personas enfermas, y a acompañantes personales.
    .description-source = fb1f7bb4

action-pe-domestic-work-contracts-registry = Registro de contratos de trabajo doméstico
    .source = 8e82e2d8
    .description = Perú ha implementado un registro de contratos de trabajo doméstico que permite el seguimiento interinstitucional de la obligación de cotizar al sistema de seguridad social.
    .description-source = e7824964

action-mx-domestic-workers-social-security-incorporation = Incorporación obligatoria de las trabajadoras y los trabajadores domésticos a la seguridad social
    .source = 73318372
    .description = México actualizó su normativa, con lo que estableció la obligación de los empleadores de incorporar a la seguridad social a los 2.3 millones de trabajadoras y trabajadores domésticos del país, en su mayoría mujeres, y dio acceso a los derechos y prestaciones que conforman un trabajo decente al mismo número de personas.
    .description-source = b3833ed6

action-py-neighborhood-tours-formalization = Recorridos barriales para formalizar el empleo doméstico
    .source = f1d004c1
    .description = En Paraguay se realizan recorridos por los barrios para avanzar en la formalización de las relaciones laborales (firma de un contrato de trabajo e inscripción en el Instituto de Previsión Social); tras cruzar datos con el Instituto de Previsión Social en los meses siguientes, pudo verificarse un impacto positivo en las zonas visitadas.
    .description-source = f0d41390

## Inspection

action-uy-door-to-door-inspection = Inspección puerta a puerta de los hogares
    .source = 3c749eb1
    .description = Uruguay realiza la inspección puerta a puerta como práctica masiva para inspeccionar todos los hogares, a fin de detectar infracciones laborales, dada la dificultad que tienen las trabajadoras y los trabajadores domésticos para presentar denuncias.
    .description-source = cc8fbb56

action-jm-inspector-tablets = Tabletas para inspectores e inspectoras del trabajo en el terreno
    .source = 337247e9
    .description = En Jamaica, con el uso de tabletas para la labor de inspectores e inspectoras en el terreno, fue posible recibir denuncias de forma presencial.
    .description-source = afafda63

action-es-inspection-social-security-data-crossing = Cruce de datos de la inspección del trabajo y de la seguridad social
    .source = 49cd65f7
    .description = En España, un real decreto-ley aprobado en 2022 permite cruzar los datos de la inspección del trabajo con los de la Tesorería General de la Seguridad Social para asegurar que el cumplimiento del salario mínimo y de las cotizaciones a la seguridad social sea correcto; cuando se detecta una anomalía, se cita a la parte empleadora ante la inspección del trabajo.
    .description-source = 095a2f19

## Dissemination and awareness raising

action-cl-registration-portal-training = Capacitación sobre el portal de registro e información
    .source = 5e0f20d1
    .description = En Chile se ha brindado capacitación para el uso de un portal de registro e información sobre derechos y deberes y sobre la inspección del trabajo, en el que las personas trabajadoras pueden registrarse y generar un contrato de trabajo.
    .description-source = 773f3d9a

## Training and professionalization

action-jm-domestic-workers-training = Capacitación para trabajadoras y trabajadores domésticos en alianza con su sindicato
    .source = ee14aa2a
    .description = El Ministerio de Jamaica se alió con el sindicato de trabajadoras y trabajadores domésticos para ofrecer capacitación técnica a las trabajadoras y los trabajadores domésticos, con excelentes resultados.
    .description-source = e4c4ec43

action-cl-domestic-workers-training = Capacitación técnica para trabajadoras y trabajadores domésticos
    .source = 34a94233
    .description = En el 6.º Diálogo se destacó la experiencia de Chile en capacitación técnica dirigida a trabajadoras y trabajadores domésticos, orientada a facilitar su trabajo y a ir más allá del trabajo de cuidados.
    .description-source = 595a1cb3

action-gt-domestic-workers-training = Capacitación técnica para trabajadoras y trabajadores domésticos
    .source = 34a94233
    .description = En el 6.º Diálogo se destacó la experiencia de Guatemala en capacitación técnica dirigida a trabajadoras y trabajadores domésticos, orientada a facilitar su trabajo y a ir más allá del trabajo de cuidados.
    .description-source = 390577f4

action-mx-domestic-work-skills-certification = Capacitación y certificación de competencias con organizaciones de la sociedad civil
    .source = f646925a
    .description = En México, la autoridad laboral colabora con organizaciones de la sociedad civil para brindar capacitación y acompañar los procesos de certificación de competencias en trabajo doméstico, así como en la economía de los cuidados y en servicios turísticos.
    .description-source = e468ec39

## Alliances with social actors

action-uy-tripartite-domestic-work-law = Ley de Trabajo Doméstico con el apoyo de la Comisión Tripartita para la Igualdad de Oportunidades
    .source = c1262153
    .description = En Uruguay, la Ley de Trabajo Doméstico de 2006 surgió con el apoyo de la Comisión Tripartita para la Igualdad de Oportunidades, integrada por los sectores de trabajadores y de empleadores, el Ministerio de Trabajo y el INMUJERES.
    .description-source = 1caa2a8d

action-uy-domestic-work-tripartite-wage-setting = El trabajo doméstico en el órgano tripartito de salarios mínimos
    .source = 586f16bf
    .description = En Uruguay, los salarios del trabajo doméstico aumentaron muy por encima del promedio del resto de los salarios privados al integrarse al órgano tripartito de fijación y ajuste de los salarios mínimos.
    .description-source = c0dbf543

action-py-tripartite-commission-domestic-work = Apoyo de la Comisión Tripartita
    .source = 4fcc9b6d
    .description = Paraguay atribuye a la Comisión Tripartita un alto grado de apoyo para avanzar en materia de trabajo doméstico.
    .description-source = 11fd4364

action-tt-domestic-workers-union-cooperative = Sindicato y cooperativa de trabajadoras y trabajadores domésticos que ofrecen capacitación
    .source = e57d4913
    .description = Trinidad y Tobago mencionó la existencia de un sindicato y de una cooperativa de trabajadoras y trabajadores domésticos que ofrecen capacitación, a los que las personas acuden con más frecuencia que al gobierno.
    .description-source = 31e62d6a

action-jm-unions-data-collection = Trabajo con los sindicatos y la agencia de datos sobre los datos del trabajo doméstico
    .source = 7a5f6413
    .description = Jamaica trabaja con los sindicatos para facilitar la recopilación de datos, y con su agencia de datos para obtener datos del sector del trabajo doméstico.
    .description-source = a3e0460b
