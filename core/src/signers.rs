//! A letter's published signers: those who ticked "list my name" (`Field::ListName`) and whom
//! staff approved, as `scripts/signers.mjs` reads them before the build (Action Network, a file
//! staff export, or the local receiver) into one file per letter, and as its list page shows
//! them (`src/pages/signers.rs`): grouped by US state or country, each as a line with the title,
//! the name, the congregation and the city.

use crate::content::Action;
use crate::i18n::Lang;
use serde::{Deserialize, Serialize};

/// The fields a listed signer has, in the order a line shows them ([`line`]): what
/// `scripts/signers.mjs` reads and a device keeps of its own signer (`js/own-listing.js`).
pub const SHOWN: [crate::field::Field; 6] = {
    use crate::field::Field;
    [
        Field::Title,
        Field::GivenName,
        Field::FamilyName,
        Field::Organization,
        Field::City,
        Field::Place,
    ]
};

/// How long a device keeps its signer's own name, waiting for approval, before it forgets it
/// unseen: 60 days.
pub const OWN_MS: u64 = 60 * 24 * 3_600_000;

/// One listed signer: only what the list shows (never an email address).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct Listed {
    pub title: String,
    pub given_name: String,
    pub family_name: String,
    pub organization: String,
    pub city: String,
    /// A place (`crate::places`): `US-NY`, or a country's code.
    pub place: String,
}

/// The file `scripts/signers.mjs` writes for a letter: its listed signers, and when they were
/// read (RFC 3339).
#[derive(Clone, Debug, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct List {
    pub signers: Vec<Listed>,
    pub read_at: String,
}

impl List {
    /// A list from its file; `None` if it is not one. Signers without a name, or with a place
    /// not on the list, are left out (a file staff made by hand may have such rows).
    pub fn parse(json: &str) -> Option<List> {
        let mut list: List = serde_json::from_str(json).ok()?;
        list.signers
            .retain(|s| !s.given_name.trim().is_empty() && crate::places::is_place(&s.place));
        Some(list)
    }
}

/// How the list writes a signer: "Rabbi Ana María García-O’Brien, Congregation Beit Shalom,
/// Brooklyn" (the title in the page's language; what is missing, left out).
pub fn line(s: &Listed, action: &Action, lang: Lang) -> String {
    let title = if s.title.is_empty() {
        ""
    } else {
        crate::titles::words(&s.title, action, lang)
    };
    let name = [title, s.given_name.trim(), s.family_name.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(" ");
    [name.as_str(), s.organization.trim(), s.city.trim()]
        .into_iter()
        .filter(|p| !p.is_empty())
        .collect::<Vec<_>>()
        .join(", ")
}

/// The signers by place: the US states first, then the other countries, each group named in
/// the language and in alphabetical order, and within it by family name, then given name.
pub fn grouped<'a>(list: &'a [Listed], lang: Lang) -> Vec<(String, Vec<&'a Listed>)> {
    let mut groups: Vec<(bool, String, Vec<&'a Listed>)> = Vec::new();
    for s in list {
        let name = crate::places::name(&s.place, lang).unwrap_or_else(|| s.place.clone());
        match groups.iter_mut().find(|(_, n, _)| *n == name) {
            Some((_, _, members)) => members.push(s),
            None => groups.push((!s.place.starts_with("US-"), name, vec![s])),
        }
    }
    let key = |s: &str| s.to_lowercase();
    groups.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| key(&a.1).cmp(&key(&b.1))));
    for (_, _, members) in &mut groups {
        members.sort_by(|a, b| {
            key(&a.family_name)
                .cmp(&key(&b.family_name))
                .then_with(|| key(&a.given_name).cmp(&key(&b.given_name)))
        });
    }
    groups.into_iter().map(|(_, n, m)| (n, m)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn listed(title: &str, given: &str, family: &str, place: &str) -> Listed {
        Listed {
            title: title.into(),
            given_name: given.into(),
            family_name: family.into(),
            place: place.into(),
            ..Listed::default()
        }
    }

    #[test]
    fn the_list_is_grouped_by_state_then_country_and_sorted_by_name() {
        let list = [
            listed("rabbi", "Dvorah", "Zilber", "US-NY"),
            listed("cantor", "Ana", "Abad", "IL"),
            listed("rabbi", "Miriam", "Cohen", "US-NY"),
            listed("rabbi", "Sam", "Levy", "US-CA"),
            listed("rabbi", "Ruth", "Ben-David", "CA"),
        ];
        let groups: Vec<(String, Vec<&str>)> = grouped(&list, Lang::En)
            .into_iter()
            .map(|(n, m)| (n, m.iter().map(|s| s.family_name.as_str()).collect()))
            .collect();
        assert_eq!(
            groups,
            [
                ("California".to_string(), vec!["Levy"]),
                ("New York".to_string(), vec!["Cohen", "Zilber"]),
                ("Canada".to_string(), vec!["Ben-David"]),
                ("Israel".to_string(), vec!["Abad"]),
            ]
        );
    }

    #[test]
    fn the_shown_fields_are_the_listed_signer_s_own() {
        // Listed's fields, by name, are SHOWN's: the file's keys and the device's are one list.
        let json = serde_json::to_value(Listed::default()).unwrap();
        let keys: Vec<&str> = json
            .as_object()
            .unwrap()
            .keys()
            .map(String::as_str)
            .collect();
        let mut shown: Vec<&str> = SHOWN.map(|f| f.name()).to_vec();
        shown.sort();
        let mut keys = keys;
        keys.sort();
        assert_eq!(keys, shown);
    }

    #[test]
    fn a_file_keeps_only_signers_it_can_list() {
        let list = List::parse(
            r#"{"signers":[{"given_name":"Ana","place":"US-NY"},{"given_name":" ","place":"US-NY"},{"given_name":"Bo","place":"ZZ"}],"read_at":"2026-12-01T00:00:00Z"}"#,
        )
        .unwrap();
        assert_eq!(list.signers.len(), 1);
        assert_eq!(List::parse("<html>"), None);
    }
}
