### Countries: Spanish short names (schema/seeds/countries.toml). One message per country,
### `country-<ISO 3166-1 alpha-2 code, lower case>`: the value is the name. Order follows
### the TOML file.

## OAS member states

country-ag = Antigua y Barbuda
country-ar = Argentina
country-bs = Bahamas
country-bb = Barbados
country-bz = Belice
country-bo = Bolivia
country-br = Brasil
country-ca = Canadá
country-cl = Chile
country-co = Colombia
country-cr = Costa Rica
country-cu = Cuba
country-dm = Dominica
country-do = República Dominicana
country-ec = Ecuador
country-sv = El Salvador
country-gd = Granada
country-gt = Guatemala
country-gy = Guyana
country-ht = Haití
country-hn = Honduras
country-jm = Jamaica
country-mx = México
country-ni = Nicaragua
country-pa = Panamá
country-py = Paraguay
country-pe = Perú
country-kn = San Cristóbal y Nieves
country-lc = Santa Lucía
country-vc = San Vicente y las Granadinas
country-sr = Surinam
country-tt = Trinidad y Tobago
country-us = Estados Unidos
country-uy = Uruguay
country-ve = Venezuela

## OAS observer state

country-es = España
