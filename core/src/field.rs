//! The fields a form can ask for, and everything about each: its name (the form control's, and
//! the key it is sent under), the control that takes it, its words, and the link parameters
//! that may fill it in. Which fields a form asks for is its kind's business
//! (`crate::kind::Kind::fields`); how each is checked is `crate::petition::validate`'s. Every
//! `match` on a field is exhaustive, so a new field does not compile until each place says what
//! it does with it (`tests/build/exhaustive.test.mjs` proves it).

use crate::i18n::{FieldWords, SignerWords};

macro_rules! fields {
    ($($field:ident),* $(,)?) => {
        /// A field of a form.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Field {
            $($field),*
        }

        impl Field {
            /// Every field, in the order a form that asks for all of them shows them: the order
            /// they are written in below, where the macro makes the enum and this list together,
            /// so no field can be left out of it.
            pub const ALL: [Field; [$(stringify!($field)),*].len()] = [$(Field::$field),*];
        }
    };
}

fields! {
    Title,
    GivenName,
    FamilyName,
    Email,
    Organization,
    City,
    Place,
    Country,
    PostalCode,
    ListName,
}

/// The country a form starts with (its list's preselected entry): most visitors are in the US.
pub const DEFAULT_COUNTRY: &str = "US";

/// The control a field is typed or chosen in.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Control {
    /// A one-line input: its `type`, its `autocomplete` token, the keyboard it asks a phone for
    /// (`inputmode`), and whether it is an address to leave as typed (no spelling correction,
    /// no capital letter added).
    Input {
        kind: &'static str,
        autocomplete: &'static str,
        inputmode: Option<&'static str>,
        verbatim: bool,
    },
    /// The list of countries (`crate::countries`).
    Countries,
    /// The titles a clergy letter's signers choose from: the usual ones (`crate::titles`) and
    /// any its content adds.
    Titles,
    /// Where a signer is, in one list: the US states, then the other countries
    /// (`crate::places`), as a letter's list of signers is grouped.
    Places,
    /// A box to tick, never ticked for the visitor: its value is `yes` when ticked, empty when
    /// not. A link never fills it in.
    Tick,
}

impl Field {
    /// Whether it is chosen from a list (or ticked) rather than typed: a message asks the
    /// visitor to choose it ("Choose your country.").
    pub fn is_chosen(self) -> bool {
        match self.control() {
            Control::Input { .. } => false,
            Control::Countries | Control::Titles | Control::Places | Control::Tick => true,
        }
    }

    /// The form control's name: also its id's last part, and the key it is sent under by the
    /// flat adapters (`docs/signup-contract.md`).
    pub const fn name(self) -> &'static str {
        match self {
            Field::Title => "title",
            Field::GivenName => "given_name",
            Field::FamilyName => "family_name",
            Field::Email => "email",
            Field::Organization => "organization",
            Field::City => "city",
            Field::Place => "place",
            Field::PostalCode => "postal_code",
            Field::Country => "country",
            Field::ListName => "list_name",
        }
    }

    /// A field from its name.
    pub fn parse(name: &str) -> Option<Field> {
        Field::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The control it is typed in. A postal code starts with the default country's keyboard;
    /// the signer changes it with the country (`crate::countries::postal_field`).
    pub fn control(self) -> Control {
        match self {
            Field::GivenName => Control::Input {
                kind: "text",
                autocomplete: "given-name",
                inputmode: None,
                verbatim: false,
            },
            Field::FamilyName => Control::Input {
                kind: "text",
                autocomplete: "family-name",
                inputmode: None,
                verbatim: false,
            },
            Field::Email => Control::Input {
                kind: "email",
                autocomplete: "email",
                inputmode: Some("email"),
                verbatim: true,
            },
            Field::PostalCode => Control::Input {
                kind: "text",
                autocomplete: "postal-code",
                inputmode: crate::countries::postal_inputmode(DEFAULT_COUNTRY),
                verbatim: false,
            },
            Field::Country => Control::Countries,
            Field::Title => Control::Titles,
            Field::Organization => Control::Input {
                kind: "text",
                autocomplete: "organization",
                inputmode: None,
                verbatim: false,
            },
            Field::City => Control::Input {
                kind: "text",
                autocomplete: "address-level2",
                inputmode: None,
                verbatim: false,
            },
            Field::Place => Control::Places,
            Field::ListName => Control::Tick,
        }
    }

    /// The link parameters that may fill it in (`crate::petition::query::prefill`): its own
    /// name, and the names mailing tools use for it. None for a box to tick: that is the
    /// visitor's own to give.
    pub const fn prefill_params(self) -> &'static [&'static str] {
        match self {
            Field::Title => &["title"],
            Field::GivenName => &["given_name", "first_name"],
            Field::FamilyName => &["family_name", "last_name"],
            Field::Email => &["email"],
            Field::Organization => &["organization", "congregation"],
            Field::City => &["city"],
            Field::Place => &["place"],
            Field::PostalCode => &["postal_code", "zip"],
            Field::Country => &["country"],
            Field::ListName => &[],
        }
    }

    /// Its label as a form renders it: where it must be filled in, or where it may be left
    /// empty. The postal code's starts as the default country's, and follows the country (the
    /// signer changes it, `crate::countries::postal_field`).
    pub fn label(self, required: bool, words: &'static SignerWords) -> &'static str {
        match (self, required) {
            (Field::PostalCode, true) => crate::countries::postal_field(DEFAULT_COUNTRY, words).0,
            (_, true) => self.words(words).label,
            (_, false) => self.words(words).optional,
        }
    }

    /// Its words in a language.
    pub const fn words(self, words: &'static SignerWords) -> &'static FieldWords {
        match self {
            Field::Title => &words.title,
            Field::GivenName => &words.given_name,
            Field::FamilyName => &words.family_name,
            Field::Email => &words.email,
            Field::Organization => &words.organization,
            Field::City => &words.city,
            Field::Place => &words.place,
            Field::PostalCode => &words.postal_code,
            Field::Country => &words.country,
            Field::ListName => &words.list_name,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_link_parameters_are_distinct() {
        let mut names: Vec<&str> = Field::ALL.iter().map(|f| f.name()).collect();
        let mut params: Vec<&str> = Field::ALL
            .iter()
            .flat_map(|f| f.prefill_params().iter().copied())
            .collect();
        for f in Field::ALL {
            assert_eq!(Field::parse(f.name()), Some(f));
            // A box to tick is never filled in by a link; everything else by its own name.
            let tick = f.control() == Control::Tick;
            assert_eq!(f.prefill_params().contains(&f.name()), !tick, "{f:?}");
            assert_eq!(f.prefill_params().is_empty(), tick, "{f:?}");
        }
        for list in [&mut names, &mut params] {
            let before = list.len();
            list.sort();
            list.dedup();
            assert_eq!(list.len(), before);
        }
    }
}
