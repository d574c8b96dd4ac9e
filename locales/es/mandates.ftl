### RIAL/GÉNERO: texto en español de los mandatos de la CIMT que citan las fuentes
### (schema/seeds/network.toml). Un mensaje por mandato, `mandate-<slug>`: el valor es el texto,
### `.instrument` el instrumento y `.article` el artículo (solo donde las fuentes lo dan).
### Las citas traducen el texto en inglés de las fuentes: la redacción oficial en español de
### estos instrumentos no está en ellas.

mandate-declaration-buenos-aires-art-12 = “Nos comprometemos a seguir promoviendo y profundizando la transversalización del enfoque de género en los programas y las políticas laborales y de empleo, y en las estructuras ministeriales”.
    .source = 3b231843
    .instrument = Declaración de Buenos Aires (XXI CIMT)
    .instrument-source = 42e17bc1
    .article = Art. 12
    .article-source = dfdd0939

mandate-plan-of-action-buenos-aires-art-7-i = “Continuar profundizando la institucionalización del género en los Ministerios de Trabajo como medio para alcanzar la igualdad de género. Esto implica el fortalecimiento institucional de las unidades de género”.
    .source = e05964ad
    .instrument = Plan de Acción de Buenos Aires (XXI CIMT)
    .instrument-source = 88c483c9
    .article = Art. 7, i)
    .article-source = bf13527d

mandate-plan-of-action-buenos-aires-working-group-1 = Encomendó al Grupo de Trabajo 1 el seguimiento del tema “igualdad de género y transversalización de la perspectiva de género en las políticas laborales y de empleo”.
    .source = 04f02b04
    .instrument = Plan de Acción de Buenos Aires (XXI CIMT)
    .instrument-source = 88c483c9

mandate-plan-of-action-buenos-aires-art-9-d = Las Ministras y los Ministros reconocieron la inspección del trabajo “como una de las instituciones centrales para (…) garantizar el cumplimiento de la legislación laboral” y se comprometieron a “brindar la capacitación y los recursos adecuados a inspectores e inspectoras (...) para facilitar y aumentar la eficacia de su labor”.
    .source = 4144b55b
    .instrument = Plan de Acción de Buenos Aires (XXI CIMT)
    .instrument-source = 88c483c9
    .article = Art. 9, d)
    .article-source = bc337dba

mandate-iacml-work-plan-2022-2024-network = Una de sus acciones concretas: “Establecer una red de puntos focales de género en los Ministerios de Trabajo, como red especializada de la RIAL”.
    .source = eb93df59
    .instrument = Plan de Trabajo 2022-2024 de la CIMT
    .instrument-source = e17bd79c

mandate-declaration-bridgetown-arts-23-24 = Las Ministras y los Ministros reafirmaron su compromiso de lograr “una reducción efectiva de las disparidades que existen entre hombres y mujeres en el mundo del trabajo, erradicar la discriminación, el acoso y la violencia por razón de género” y “seguir trabajando para transversalizar la perspectiva de género en las políticas laborales y de empleo, así como en el funcionamiento y la estructura de nuestros ministerios”.
    .source = 71d539ba
    .instrument = Declaración de Bridgetown
    .instrument-source = 4c7f99ca
    .article = Arts. 23 y 24
    .article-source = a34cc1f0
