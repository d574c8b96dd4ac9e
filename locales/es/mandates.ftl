### RIAL/GÉNERO: texto en español de los mandatos de la CIMT que citan las fuentes
### (schema/seeds/network.toml). Un mensaje por mandato, `mandate-<slug>`: el valor es el texto,
### `.instrument` el instrumento y `.article` el artículo (solo donde las fuentes lo dan).
### Las citas traducen el texto en inglés de las fuentes: la redacción oficial en español de
### estos instrumentos no está en ellas.

mandate-declaration-buenos-aires-art-12 = “Nos comprometemos a seguir promoviendo y profundizando la transversalización del enfoque de género en los programas y las políticas laborales y de empleo, y en las estructuras ministeriales”.
    .instrument = Declaración de Buenos Aires (XXI CIMT)
    .article = Art. 12

mandate-plan-of-action-buenos-aires-art-7-i = “Continuar profundizando la institucionalización del género en los Ministerios de Trabajo como medio para alcanzar la igualdad de género. Esto implica el fortalecimiento institucional de las unidades de género”.
    .instrument = Plan de Acción de Buenos Aires (XXI CIMT)
    .article = Art. 7, i)

mandate-plan-of-action-buenos-aires-working-group-1 = Encomendó al Grupo de Trabajo 1 el seguimiento del tema “igualdad de género y transversalización de la perspectiva de género en las políticas laborales y de empleo”.
    .instrument = Plan de Acción de Buenos Aires (XXI CIMT)

mandate-plan-of-action-buenos-aires-art-9-d = Las Ministras y los Ministros reconocieron la inspección del trabajo “como una de las instituciones centrales para (…) garantizar el cumplimiento de la legislación laboral” y se comprometieron a “brindar la capacitación y los recursos adecuados a inspectores e inspectoras (...) para facilitar y aumentar la eficacia de su labor”.
    .instrument = Plan de Acción de Buenos Aires (XXI CIMT)
    .article = Art. 9, d)

mandate-iacml-work-plan-2022-2024-network = Una de sus acciones concretas: “Establecer una red de puntos focales de género en los Ministerios de Trabajo, como red especializada de la RIAL”.
    .instrument = Plan de Trabajo 2022-2024 de la CIMT

mandate-declaration-bridgetown-arts-23-24 = Las Ministras y los Ministros reafirmaron su compromiso de lograr “una reducción efectiva de las disparidades que existen entre hombres y mujeres en el mundo del trabajo, erradicar la discriminación, el acoso y la violencia por razón de género” y “seguir trabajando para transversalizar la perspectiva de género en las políticas laborales y de empleo, así como en el funcionamiento y la estructura de nuestros ministerios”.
    .instrument = Declaración de Bridgetown
    .article = Arts. 23 y 24
