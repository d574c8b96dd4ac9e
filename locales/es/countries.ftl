### Countries: Spanish short names (schema/seeds/countries.toml). One message per country,
### `country-<ISO 3166-1 alpha-2 code, lower case>`: the value is the name. Order follows
### the TOML file.

## OAS member states

country-ag = Antigua y Barbuda
    .source = 100c4768
country-ar = Argentina
    .source = ea0b937e
country-bs = Bahamas
    .source = 58f91a2a
country-bb = Barbados
    .source = 8e8dfae9
country-bz = Belice
    .source = 71dc81f1
country-bo = Bolivia
    .source = 9621c073
country-br = Brasil
    .source = 07f62b02
country-ca = Canadá
    .source = be55ef3f
country-cl = Chile
    .source = f5273e23
country-co = Colombia
    .source = 6b615adb
country-cr = Costa Rica
    .source = e26742d7
country-cu = Cuba
    .source = 0d0b4e41
country-dm = Dominica
    .source = be2a7f56
country-do = República Dominicana
    .source = 81e884cb
country-ec = Ecuador
    .source = 2ca26c60
country-sv = El Salvador
    .source = c408d26c
country-gd = Granada
    .source = 0593aa0c
country-gt = Guatemala
    .source = 45a15a24
country-gy = Guyana
    .source = ea3bfc26
country-ht = Haití
    .source = d090b87e
country-hn = Honduras
    .source = b79b5f97
country-jm = Jamaica
    .source = 42c298ba
country-mx = México
    .source = a7d355b2
country-ni = Nicaragua
    .source = 94e6bd57
country-pa = Panamá
    .source = c3668f58
country-py = Paraguay
    .source = 7fb4d179
country-pe = Perú
    .source = 508731a3
country-kn = San Cristóbal y Nieves
    .source = 0e89123f
country-lc = Santa Lucía
    .source = abe06aae
country-vc = San Vicente y las Granadinas
    .source = b225fd33
country-sr = Surinam
    .source = b1cb8eac
country-tt = Trinidad y Tobago
    .source = 0c0177b5
country-us = Estados Unidos
    .source = 49dca65f
country-uy = Uruguay
    .source = fe2403f2
country-ve = Venezuela
    .source = 020e438b

## OAS observer state

country-es = España
    .source = 8ef41e6f
