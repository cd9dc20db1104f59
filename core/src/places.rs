//! Where a letter's signer is, as its list of signers groups them: a US state (`US-NY`, ISO
//! 3166-2) or another country (`IL`, ISO 3166-1), in one list (`crate::field::Control::Places`).
//! A signer in the US names the state, which is how a letter's readers look for their own
//! clergy; elsewhere the country. Puerto Rico and the other territories are on the list as the
//! countries ISO names them.

use crate::countries::{countries_in, is_country};
use crate::i18n::Lang;

/// The states and the District of Columbia: code, English name, Spanish name (where it is
/// written otherwise).
const STATES: [(&str, &str, &str); 51] = [
    ("AL", "Alabama", ""),
    ("AK", "Alaska", ""),
    ("AZ", "Arizona", ""),
    ("AR", "Arkansas", ""),
    ("CA", "California", ""),
    ("CO", "Colorado", ""),
    ("CT", "Connecticut", ""),
    ("DE", "Delaware", ""),
    ("DC", "District of Columbia", "Distrito de Columbia"),
    ("FL", "Florida", ""),
    ("GA", "Georgia", ""),
    ("HI", "Hawaii", "Hawái"),
    ("ID", "Idaho", ""),
    ("IL", "Illinois", ""),
    ("IN", "Indiana", ""),
    ("IA", "Iowa", ""),
    ("KS", "Kansas", ""),
    ("KY", "Kentucky", ""),
    ("LA", "Louisiana", "Luisiana"),
    ("ME", "Maine", ""),
    ("MD", "Maryland", ""),
    ("MA", "Massachusetts", ""),
    ("MI", "Michigan", "Míchigan"),
    ("MN", "Minnesota", ""),
    ("MS", "Mississippi", "Misisipi"),
    ("MO", "Missouri", "Misuri"),
    ("MT", "Montana", ""),
    ("NE", "Nebraska", ""),
    ("NV", "Nevada", ""),
    ("NH", "New Hampshire", "Nuevo Hampshire"),
    ("NJ", "New Jersey", "Nueva Jersey"),
    ("NM", "New Mexico", "Nuevo México"),
    ("NY", "New York", "Nueva York"),
    ("NC", "North Carolina", "Carolina del Norte"),
    ("ND", "North Dakota", "Dakota del Norte"),
    ("OH", "Ohio", ""),
    ("OK", "Oklahoma", ""),
    ("OR", "Oregon", "Oregón"),
    ("PA", "Pennsylvania", "Pensilvania"),
    ("RI", "Rhode Island", ""),
    ("SC", "South Carolina", "Carolina del Sur"),
    ("SD", "South Dakota", "Dakota del Sur"),
    ("TN", "Tennessee", ""),
    ("TX", "Texas", ""),
    ("UT", "Utah", ""),
    ("VT", "Vermont", ""),
    ("VA", "Virginia", ""),
    ("WA", "Washington", ""),
    ("WV", "West Virginia", "Virginia Occidental"),
    ("WI", "Wisconsin", ""),
    ("WY", "Wyoming", ""),
];

/// The states' codes, for [`is_place`]: the signer checks a place against these, and so carries
/// no state's name.
const STATE_CODES: [&str; 51] = [
    "AL", "AK", "AZ", "AR", "CA", "CO", "CT", "DE", "DC", "FL", "GA", "HI", "ID", "IL", "IN", "IA",
    "KS", "KY", "LA", "ME", "MD", "MA", "MI", "MN", "MS", "MO", "MT", "NE", "NV", "NH", "NJ", "NM",
    "NY", "NC", "ND", "OH", "OK", "OR", "PA", "RI", "SC", "SD", "TN", "TX", "UT", "VT", "VA", "WA",
    "WV", "WI", "WY",
];

/// Whether `code` is a place on the list: `US-` and a state's code, or another country's code.
pub fn is_place(code: &str) -> bool {
    match code.strip_prefix("US-") {
        Some(state) => STATE_CODES.contains(&state),
        None => code != "US" && is_country(code),
    }
}

/// A place as OSDI's postal address has it: the region (the state's code, or empty) and the
/// country's code.
pub fn region_and_country(code: &str) -> (&str, &str) {
    match code.strip_prefix("US-") {
        Some(state) => (state, "US"),
        None => ("", code),
    }
}

/// The US states, as (code, name) in a language, in the English order (which the Spanish names
/// keep, as a Spanish-speaking reader of a US list expects).
pub fn states_in(lang: Lang) -> impl Iterator<Item = (String, &'static str)> {
    STATES.iter().map(move |(code, en, es)| {
        let name = match lang {
            Lang::Es if !es.is_empty() => *es,
            _ => *en,
        };
        (format!("US-{code}"), name)
    })
}

/// The other countries, as (code, name) in a language, in that language's order.
pub fn countries_but_the_us(lang: Lang) -> impl Iterator<Item = (&'static str, &'static str)> {
    countries_in(lang).filter(|(code, _)| *code != "US")
}

/// A place's name in a language: the state's, or the country's.
pub fn name(code: &str, lang: Lang) -> Option<String> {
    match code.strip_prefix("US-") {
        Some(_) => states_in(lang)
            .find(|(c, _)| c == code)
            .map(|(_, n)| n.to_string()),
        None => countries_but_the_us(lang)
            .find(|(c, _)| *c == code)
            .map(|(_, n)| n.to_string()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_and_other_countries_are_places_and_nothing_else_is() {
        assert_eq!(
            STATES.map(|(c, _, _)| c),
            STATE_CODES,
            "the codes are the named states"
        );
        assert!(is_place("US-NY") && is_place("US-DC") && is_place("IL") && is_place("PR"));
        for not in ["US", "US-XX", "us-ny", "NY", "XX", "", "US-"] {
            assert!(!is_place(not), "{not}");
        }
        assert_eq!(region_and_country("US-NY"), ("NY", "US"));
        assert_eq!(region_and_country("IL"), ("", "IL"));
        assert_eq!(name("US-NY", Lang::Es).as_deref(), Some("Nueva York"));
        assert_eq!(name("US-TX", Lang::Es).as_deref(), Some("Texas"));
        assert_eq!(name("IL", Lang::En).as_deref(), Some("Israel"));
        assert_eq!(name("US", Lang::En), None);
    }
}
