### Countries: English names (schema/seeds/countries.toml). One message per country,
### `country-<ISO 3166-1 alpha-2 code, lower case>`: the value is the name. Order follows
### the TOML file.

## OAS member states

country-ag = Antigua and Barbuda
country-ar = Argentina
country-bs = Bahamas
country-bb = Barbados
country-bz = Belize
country-bo = Bolivia
country-br = Brazil
country-ca = Canada
country-cl = Chile
country-co = Colombia
country-cr = Costa Rica
country-cu = Cuba
country-dm = Dominica
country-do = Dominican Republic
country-ec = Ecuador
country-sv = El Salvador
country-gd = Grenada
country-gt = Guatemala
country-gy = Guyana
country-ht = Haiti
country-hn = Honduras
country-jm = Jamaica
country-mx = Mexico
country-ni = Nicaragua
country-pa = Panama
country-py = Paraguay
country-pe = Peru
country-kn = Saint Kitts and Nevis
country-lc = Saint Lucia
country-vc = Saint Vincent and the Grenadines
country-sr = Suriname
country-tt = Trinidad and Tobago
country-us = United States
country-uy = Uruguay
country-ve = Venezuela

## OAS observer state

country-es = Spain
