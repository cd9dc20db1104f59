//! Countries for the petition's country choice: ISO 3166-1 alpha-2 codes (what OSDI's
//! `postal_addresses[].country` takes) with short English names, sorted by name.
//! Generated once from the pycountry package, with common short names for a few.
//! One string, not a table of pairs: half the bytes in the wasm.

const DATA: &str = "\
AF Afghanistan\n\
AL Albania\n\
DZ Algeria\n\
AS American Samoa\n\
AD Andorra\n\
AO Angola\n\
AI Anguilla\n\
AQ Antarctica\n\
AG Antigua and Barbuda\n\
AR Argentina\n\
AM Armenia\n\
AW Aruba\n\
AU Australia\n\
AT Austria\n\
AZ Azerbaijan\n\
BS Bahamas\n\
BH Bahrain\n\
BD Bangladesh\n\
BB Barbados\n\
BY Belarus\n\
BE Belgium\n\
BZ Belize\n\
BJ Benin\n\
BM Bermuda\n\
BT Bhutan\n\
BO Bolivia\n\
BQ Bonaire, Sint Eustatius and Saba\n\
BA Bosnia and Herzegovina\n\
BW Botswana\n\
BV Bouvet Island\n\
BR Brazil\n\
IO British Indian Ocean Territory\n\
VG British Virgin Islands\n\
BN Brunei\n\
BG Bulgaria\n\
BF Burkina Faso\n\
BI Burundi\n\
CV Cabo Verde\n\
KH Cambodia\n\
CM Cameroon\n\
CA Canada\n\
KY Cayman Islands\n\
CF Central African Republic\n\
TD Chad\n\
CL Chile\n\
CN China\n\
CX Christmas Island\n\
CC Cocos (Keeling) Islands\n\
CO Colombia\n\
KM Comoros\n\
CD Congo (Democratic Republic)\n\
CG Congo (Republic)\n\
CK Cook Islands\n\
CR Costa Rica\n\
HR Croatia\n\
CU Cuba\n\
CW Curaçao\n\
CY Cyprus\n\
CZ Czechia\n\
CI Côte d’Ivoire\n\
DK Denmark\n\
DJ Djibouti\n\
DM Dominica\n\
DO Dominican Republic\n\
EC Ecuador\n\
EG Egypt\n\
SV El Salvador\n\
GQ Equatorial Guinea\n\
ER Eritrea\n\
EE Estonia\n\
SZ Eswatini\n\
ET Ethiopia\n\
FK Falkland Islands\n\
FO Faroe Islands\n\
FJ Fiji\n\
FI Finland\n\
FR France\n\
GF French Guiana\n\
PF French Polynesia\n\
TF French Southern Territories\n\
GA Gabon\n\
GM Gambia\n\
GE Georgia\n\
DE Germany\n\
GH Ghana\n\
GI Gibraltar\n\
GR Greece\n\
GL Greenland\n\
GD Grenada\n\
GP Guadeloupe\n\
GU Guam\n\
GT Guatemala\n\
GG Guernsey\n\
GN Guinea\n\
GW Guinea-Bissau\n\
GY Guyana\n\
HT Haiti\n\
HM Heard Island and McDonald Islands\n\
HN Honduras\n\
HK Hong Kong\n\
HU Hungary\n\
IS Iceland\n\
IN India\n\
ID Indonesia\n\
IR Iran\n\
IQ Iraq\n\
IE Ireland\n\
IM Isle of Man\n\
IL Israel\n\
IT Italy\n\
JM Jamaica\n\
JP Japan\n\
JE Jersey\n\
JO Jordan\n\
KZ Kazakhstan\n\
KE Kenya\n\
KI Kiribati\n\
KW Kuwait\n\
KG Kyrgyzstan\n\
LA Laos\n\
LV Latvia\n\
LB Lebanon\n\
LS Lesotho\n\
LR Liberia\n\
LY Libya\n\
LI Liechtenstein\n\
LT Lithuania\n\
LU Luxembourg\n\
MO Macao\n\
MG Madagascar\n\
MW Malawi\n\
MY Malaysia\n\
MV Maldives\n\
ML Mali\n\
MT Malta\n\
MH Marshall Islands\n\
MQ Martinique\n\
MR Mauritania\n\
MU Mauritius\n\
YT Mayotte\n\
MX Mexico\n\
FM Micronesia\n\
MD Moldova\n\
MC Monaco\n\
MN Mongolia\n\
ME Montenegro\n\
MS Montserrat\n\
MA Morocco\n\
MZ Mozambique\n\
MM Myanmar\n\
NA Namibia\n\
NR Nauru\n\
NP Nepal\n\
NL Netherlands\n\
NC New Caledonia\n\
NZ New Zealand\n\
NI Nicaragua\n\
NE Niger\n\
NG Nigeria\n\
NU Niue\n\
NF Norfolk Island\n\
KP North Korea\n\
MK North Macedonia\n\
MP Northern Mariana Islands\n\
NO Norway\n\
OM Oman\n\
PK Pakistan\n\
PW Palau\n\
PS Palestine\n\
PA Panama\n\
PG Papua New Guinea\n\
PY Paraguay\n\
PE Peru\n\
PH Philippines\n\
PN Pitcairn\n\
PL Poland\n\
PT Portugal\n\
PR Puerto Rico\n\
QA Qatar\n\
RO Romania\n\
RU Russia\n\
RW Rwanda\n\
RE Réunion\n\
BL Saint Barthélemy\n\
SH Saint Helena, Ascension and Tristan da Cunha\n\
KN Saint Kitts and Nevis\n\
LC Saint Lucia\n\
MF Saint Martin (French part)\n\
PM Saint Pierre and Miquelon\n\
VC Saint Vincent and the Grenadines\n\
WS Samoa\n\
SM San Marino\n\
ST Sao Tome and Principe\n\
SA Saudi Arabia\n\
SN Senegal\n\
RS Serbia\n\
SC Seychelles\n\
SL Sierra Leone\n\
SG Singapore\n\
SX Sint Maarten (Dutch part)\n\
SK Slovakia\n\
SI Slovenia\n\
SB Solomon Islands\n\
SO Somalia\n\
ZA South Africa\n\
GS South Georgia and the South Sandwich Islands\n\
KR South Korea\n\
SS South Sudan\n\
ES Spain\n\
LK Sri Lanka\n\
SD Sudan\n\
SR Suriname\n\
SJ Svalbard and Jan Mayen\n\
SE Sweden\n\
CH Switzerland\n\
SY Syria\n\
TW Taiwan\n\
TJ Tajikistan\n\
TZ Tanzania\n\
TH Thailand\n\
TL Timor-Leste\n\
TG Togo\n\
TK Tokelau\n\
TO Tonga\n\
TT Trinidad and Tobago\n\
TN Tunisia\n\
TM Turkmenistan\n\
TC Turks and Caicos Islands\n\
TV Tuvalu\n\
TR Türkiye\n\
VI U.S. Virgin Islands\n\
UG Uganda\n\
UA Ukraine\n\
AE United Arab Emirates\n\
GB United Kingdom\n\
US United States\n\
UM United States Minor Outlying Islands\n\
UY Uruguay\n\
UZ Uzbekistan\n\
VU Vanuatu\n\
VA Vatican City\n\
VE Venezuela\n\
VN Vietnam\n\
WF Wallis and Futuna\n\
EH Western Sahara\n\
YE Yemen\n\
ZM Zambia\n\
ZW Zimbabwe\n\
AX Åland Islands";

/// The same countries with their Spanish names, sorted as Spanish readers expect (accents
/// ignored). Written for this repository; awaits review with the rest of the Spanish.
const DATA_ES: &str = "\
AF Afganistán\n\
AL Albania\n\
DE Alemania\n\
AD Andorra\n\
AO Angola\n\
AI Anguila\n\
AQ Antártida\n\
AG Antigua y Barbuda\n\
SA Arabia Saudí\n\
DZ Argelia\n\
AR Argentina\n\
AM Armenia\n\
AW Aruba\n\
AU Australia\n\
AT Austria\n\
AZ Azerbaiyán\n\
BS Bahamas\n\
BD Bangladés\n\
BB Barbados\n\
BH Baréin\n\
BE Bélgica\n\
BZ Belice\n\
BJ Benín\n\
BM Bermudas\n\
BY Bielorrusia\n\
BO Bolivia\n\
BQ Bonaire, San Eustaquio y Saba\n\
BA Bosnia y Herzegovina\n\
BW Botsuana\n\
BR Brasil\n\
BN Brunéi\n\
BG Bulgaria\n\
BF Burkina Faso\n\
BI Burundi\n\
BT Bután\n\
CV Cabo Verde\n\
KH Camboya\n\
CM Camerún\n\
CA Canadá\n\
QA Catar\n\
TD Chad\n\
CZ Chequia\n\
CL Chile\n\
CN China\n\
CY Chipre\n\
VA Ciudad del Vaticano\n\
CO Colombia\n\
KM Comoras\n\
CD Congo (República Democrática)\n\
CG Congo (República)\n\
KP Corea del Norte\n\
KR Corea del Sur\n\
CI Costa de Marfil\n\
CR Costa Rica\n\
HR Croacia\n\
CU Cuba\n\
CW Curazao\n\
DK Dinamarca\n\
DM Dominica\n\
EC Ecuador\n\
EG Egipto\n\
SV El Salvador\n\
AE Emiratos Árabes Unidos\n\
ER Eritrea\n\
SK Eslovaquia\n\
SI Eslovenia\n\
ES España\n\
US Estados Unidos\n\
EE Estonia\n\
SZ Esuatini\n\
ET Etiopía\n\
PH Filipinas\n\
FI Finlandia\n\
FJ Fiyi\n\
FR Francia\n\
GA Gabón\n\
GM Gambia\n\
GE Georgia\n\
GH Ghana\n\
GI Gibraltar\n\
GD Granada\n\
GR Grecia\n\
GL Groenlandia\n\
GP Guadalupe\n\
GU Guam\n\
GT Guatemala\n\
GF Guayana Francesa\n\
GG Guernsey\n\
GN Guinea\n\
GQ Guinea Ecuatorial\n\
GW Guinea-Bisáu\n\
GY Guyana\n\
HT Haití\n\
HN Honduras\n\
HK Hong Kong\n\
HU Hungría\n\
IN India\n\
ID Indonesia\n\
IQ Irak\n\
IR Irán\n\
IE Irlanda\n\
BV Isla Bouvet\n\
IM Isla de Man\n\
CX Isla de Navidad\n\
NF Isla Norfolk\n\
IS Islandia\n\
AX Islas Åland\n\
KY Islas Caimán\n\
CC Islas Cocos\n\
CK Islas Cook\n\
FO Islas Feroe\n\
GS Islas Georgias del Sur y Sandwich del Sur\n\
HM Islas Heard y McDonald\n\
FK Islas Malvinas\n\
MP Islas Marianas del Norte\n\
MH Islas Marshall\n\
UM Islas menores alejadas de EE. UU.\n\
PN Islas Pitcairn\n\
SB Islas Salomón\n\
TC Islas Turcas y Caicos\n\
VG Islas Vírgenes Británicas\n\
VI Islas Vírgenes de EE. UU.\n\
IL Israel\n\
IT Italia\n\
JM Jamaica\n\
JP Japón\n\
JE Jersey\n\
JO Jordania\n\
KZ Kazajistán\n\
KE Kenia\n\
KG Kirguistán\n\
KI Kiribati\n\
KW Kuwait\n\
LA Laos\n\
LS Lesoto\n\
LV Letonia\n\
LB Líbano\n\
LR Liberia\n\
LY Libia\n\
LI Liechtenstein\n\
LT Lituania\n\
LU Luxemburgo\n\
MO Macao\n\
MK Macedonia del Norte\n\
MG Madagascar\n\
MY Malasia\n\
MW Malaui\n\
MV Maldivas\n\
ML Malí\n\
MT Malta\n\
MA Marruecos\n\
MQ Martinica\n\
MU Mauricio\n\
MR Mauritania\n\
YT Mayotte\n\
MX México\n\
FM Micronesia\n\
MD Moldavia\n\
MC Mónaco\n\
MN Mongolia\n\
ME Montenegro\n\
MS Montserrat\n\
MZ Mozambique\n\
MM Myanmar (Birmania)\n\
NA Namibia\n\
NR Nauru\n\
NP Nepal\n\
NI Nicaragua\n\
NE Níger\n\
NG Nigeria\n\
NU Niue\n\
NO Noruega\n\
NC Nueva Caledonia\n\
NZ Nueva Zelanda\n\
OM Omán\n\
NL Países Bajos\n\
PK Pakistán\n\
PW Palaos\n\
PS Palestina\n\
PA Panamá\n\
PG Papúa Nueva Guinea\n\
PY Paraguay\n\
PE Perú\n\
PF Polinesia Francesa\n\
PL Polonia\n\
PT Portugal\n\
PR Puerto Rico\n\
GB Reino Unido\n\
CF República Centroafricana\n\
DO República Dominicana\n\
RE Reunión\n\
RW Ruanda\n\
RO Rumania\n\
RU Rusia\n\
EH Sáhara Occidental\n\
WS Samoa\n\
AS Samoa Americana\n\
BL San Bartolomé\n\
KN San Cristóbal y Nieves\n\
SM San Marino\n\
MF San Martín (parte francesa)\n\
PM San Pedro y Miquelón\n\
VC San Vicente y las Granadinas\n\
SH Santa Elena, Ascensión y Tristán de Acuña\n\
LC Santa Lucía\n\
ST Santo Tomé y Príncipe\n\
SN Senegal\n\
RS Serbia\n\
SC Seychelles\n\
SL Sierra Leona\n\
SG Singapur\n\
SX Sint Maarten (parte neerlandesa)\n\
SY Siria\n\
SO Somalia\n\
LK Sri Lanka\n\
ZA Sudáfrica\n\
SD Sudán\n\
SS Sudán del Sur\n\
SE Suecia\n\
CH Suiza\n\
SR Surinam\n\
SJ Svalbard y Jan Mayen\n\
TH Tailandia\n\
TW Taiwán\n\
TZ Tanzania\n\
TJ Tayikistán\n\
IO Territorio Británico del Océano Índico\n\
TF Territorios Australes Franceses\n\
TL Timor Oriental\n\
TG Togo\n\
TK Tokelau\n\
TO Tonga\n\
TT Trinidad y Tobago\n\
TN Túnez\n\
TM Turkmenistán\n\
TR Turquía\n\
TV Tuvalu\n\
UA Ucrania\n\
UG Uganda\n\
UY Uruguay\n\
UZ Uzbekistán\n\
VU Vanuatu\n\
VE Venezuela\n\
VN Vietnam\n\
WF Wallis y Futuna\n\
YE Yemen\n\
DJ Yibuti\n\
ZM Zambia\n\
ZW Zimbabue";

/// Every country as (code, name), in order.
pub fn countries() -> impl Iterator<Item = (&'static str, &'static str)> {
    parse(DATA)
}

/// Every country as (code, name) in a language, in that language's order.
pub fn countries_in(lang: crate::i18n::Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    parse(match lang {
        crate::i18n::Lang::En => DATA,
        crate::i18n::Lang::Es => DATA_ES,
    })
}

fn parse(data: &'static str) -> impl Iterator<Item = (&'static str, &'static str)> {
    data.split('\n').filter_map(|line| line.split_once(' '))
}

/// Every country's code, for [`is_country`]: the signer checks a country against these, and so
/// carries no country's name (the page's list has them). A test keeps it in step with the names.
const CODES: &str = "AD AE AF AG AI AL AM AO AQ AR AS AT AU AW AX AZ BA BB BD BE BF BG BH BI BJ BL BM BN BO BQ BR BS BT BV BW BY BZ CA CC CD CF CG CH CI CK CL CM CN CO CR CU CV CW CX CY CZ DE DJ DK DM DO DZ EC EE EG EH ER ES ET FI FJ FK FM FO FR GA GB GD GE GF GG GH GI GL GM GN GP GQ GR GS GT GU GW GY HK HM HN HR HT HU ID IE IL IM IN IO IQ IR IS IT JE JM JO JP KE KG KH KI KM KN KP KR KW KY KZ LA LB LC LI LK LR LS LT LU LV LY MA MC MD ME MF MG MH MK ML MM MN MO MP MQ MR MS MT MU MV MW MX MY MZ NA NC NE NF NG NI NL NO NP NR NU NZ OM PA PE PF PG PH PK PL PM PN PR PS PT PW PY QA RE RO RS RU RW SA SB SC SD SE SG SH SI SJ SK SL SM SN SO SR SS ST SV SX SY SZ TC TD TF TG TH TJ TK TL TM TN TO TR TT TV TW TZ UA UG UM US UY UZ VA VC VE VG VI VN VU WF WS YE YT ZA ZM ZW";

/// Whether `code` is a country's ISO 3166-1 alpha-2 code.
pub fn is_country(code: &str) -> bool {
    code.len() == 2 && CODES.split(' ').any(|c| c == code)
}

/// The keyboard a country's postcode is typed with: a US ZIP code is digits; other countries'
/// postcodes are free-form.
pub fn postal_inputmode(country: &str) -> Option<&'static str> {
    (country == "US").then_some("numeric")
}

/// The postal code field's label (in the language of `words`) and `inputmode` for a country.
pub fn postal_field(
    country: &str,
    words: &'static crate::i18n::SignerWords,
) -> (&'static str, Option<&'static str>) {
    let label = if country == "US" {
        words.zip_code
    } else {
        words.postal_code.label
    };
    (label, postal_inputmode(country))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_list_is_well_formed() {
        let all: Vec<_> = countries().collect();
        assert_eq!(all.len(), 249);
        assert!(all.iter().all(|(c, n)| c.len() == 2
            && c.chars().all(|x| x.is_ascii_uppercase())
            && !n.is_empty()));
        assert!(all.contains(&("US", "United States")) && all.contains(&("MX", "Mexico")));
        assert!(is_country("IL") && !is_country("XX") && !is_country("U"));
        assert!(!is_country("S ") && !is_country(" U"));
    }

    #[test]
    fn the_codes_are_the_named_countries() {
        let mut named: Vec<&str> = countries().map(|(c, _)| c).collect();
        named.sort();
        assert_eq!(CODES, named.join(" "));
    }

    #[test]
    fn spanish_names_cover_the_same_countries() {
        let mut en: Vec<_> = countries().map(|(c, _)| c).collect();
        let mut es: Vec<_> = countries_in(crate::i18n::Lang::Es)
            .map(|(c, _)| c)
            .collect();
        assert!(countries_in(crate::i18n::Lang::Es).any(|p| p == ("US", "Estados Unidos")));
        assert!(countries_in(crate::i18n::Lang::Es).any(|p| p == ("MX", "México")));
        en.sort();
        es.sort();
        assert_eq!(en, es);
    }
}
