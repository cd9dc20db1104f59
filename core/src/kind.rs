//! What a form is for: each kind of action a campaign page can carry, and the updates signup.
//! One type, and everything about a kind is here or is derived from here: the fields its form
//! asks for, its name on the wire and in the page, its words in each language, the event the
//! page hears when one arrives; the contract derives from it the endpoint override that
//! redirects it and the embed that shows it. The components, the signer, the payloads, the embeds and the site's JavaScript
//! (through the contract, `crate::contract`) all read it; none of them branches on a kind by
//! hand. Every `match` on a kind is exhaustive, so a new kind does not compile until each place
//! says what it does (a test, `tests/build/exhaustive.test.mjs`, proves it).

use crate::field::Field;
use crate::i18n::{KindPageWords, KindSignerWords, PageWords, SignerWords};

macro_rules! kinds {
    ($($(#[$doc:meta])* $kind:ident = $name:literal),* $(,)?) => {
        /// What a form is for.
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum Kind {
            $($(#[$doc])* $kind),*
        }

        impl Kind {
            /// Every kind, in the order the generator and the contract list them: the order
            /// they are written in below, where the macro makes the enum and this list
            /// together, so no kind can be left out of it.
            pub const ALL: [Kind; [$(stringify!($kind)),*].len()] = [$(Kind::$kind),*];

            /// Its name wherever it is written down: the form's `data-sign`, the signature's
            /// `kind`, the outbox's label, the OSDI tag, the embed's `data-truah-embed`, the
            /// content's `kind`, the key of its address in `config/signup.toml`'s `[addresses]`.
            pub const fn name(self) -> &'static str {
                match self {
                    $(Kind::$kind => $name),*
                }
            }

            /// The attribute, on a page's `<body>` or an embed's mount element, that sends its
            /// signatures to another address: `data-signup-petition-url`.
            pub const fn url_attr(self) -> &'static str {
                match self {
                    $(Kind::$kind => concat!("data-signup-", $name, "-url")),*
                }
            }

            /// Its place in [`Kind::ALL`]: where its address is in `Endpoint::addresses`.
            pub const fn index(self) -> usize {
                self as usize
            }
        }
    };
}

kinds! {
    /// A petition: a person's name, email and postal code, put to the action's target.
    Petition = "petition",
    /// A sign-on letter, clergy's above all: a title, a name, an email, a congregation and where
    /// they serve, and whether to list the name with the letter; published with its signers.
    Letter = "letter",
    /// The updates and action alerts signup: an email, and a first name if given.
    Signup = "signup",
}

/// How a form asks for consent to hear from the organization.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Consent {
    /// A box the visitor may tick (never ticked for them); its label is the wording they agree to.
    Box,
    /// Sending the form is the consent: its call to sign up is the wording.
    Itself,
}

/// How an action's page shows the words its signers put their names to (`Action::text`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Text {
    /// A demand, quoted: "Don’t send migrants to Guantánamo!"
    Demand,
    /// A letter, in full, as its readers will receive it.
    Letter,
}

impl Kind {
    /// How its page shows the words its signers put their names to.
    pub const fn text(self) -> Text {
        match self {
            Kind::Petition | Kind::Signup => Text::Demand,
            Kind::Letter => Text::Letter,
        }
    }

    /// A kind from its name.
    pub fn parse(name: &str) -> Option<Kind> {
        Kind::ALL.into_iter().find(|k| k.name() == name)
    }

    /// Whether it belongs to an action (a page with a slug, `content/actions/`): the kinds a
    /// content file may name. The updates signup belongs to the whole site.
    pub const fn of_action(self) -> bool {
        match self {
            Kind::Petition | Kind::Letter => true,
            Kind::Signup => false,
        }
    }

    /// The fields its form asks for, in the form's order.
    pub const fn fields(self) -> &'static [Field] {
        match self {
            Kind::Petition => &[
                Field::GivenName,
                Field::FamilyName,
                Field::Email,
                Field::Country,
                Field::PostalCode,
            ],
            Kind::Letter => &[
                Field::Title,
                Field::GivenName,
                Field::FamilyName,
                Field::Email,
                Field::Organization,
                Field::City,
                Field::Place,
                Field::ListName,
            ],
            Kind::Signup => &[Field::GivenName, Field::Email],
        }
    }

    /// Whether its form must have `field` filled in. A family name is never required (some
    /// people have one name), nor a congregation or a city (a student, a chaplain), nor a box;
    /// the signup asks only for an email.
    pub const fn requires(self, field: Field) -> bool {
        match (self, field) {
            (_, Field::FamilyName | Field::Organization | Field::City | Field::ListName) => false,
            (
                Kind::Petition,
                Field::GivenName | Field::Email | Field::Country | Field::PostalCode,
            ) => true,
            (Kind::Petition, Field::Title | Field::Place) => false,
            (Kind::Letter, Field::Title | Field::GivenName | Field::Email | Field::Place) => true,
            (Kind::Letter, Field::Country | Field::PostalCode) => false,
            (Kind::Signup, Field::Email) => true,
            (
                Kind::Signup,
                Field::Title | Field::GivenName | Field::Place | Field::Country | Field::PostalCode,
            ) => false,
        }
    }

    /// How its form asks for consent.
    pub const fn consent(self) -> Consent {
        match self {
            Kind::Petition | Kind::Letter => Consent::Box,
            Kind::Signup => Consent::Itself,
        }
    }

    /// The event its form sends the page, once per signature that arrives (bubbling out of an
    /// embed's shadow root to the host page), with `{kind, action}` and nothing personal.
    pub const fn event(self) -> &'static str {
        match self {
            Kind::Petition => "truah:signed",
            Kind::Letter => "truah:letter-signed",
            Kind::Signup => "truah:signup",
        }
    }

    /// What the signer says about it, in a language.
    pub const fn signer_words(self, words: &'static SignerWords) -> &'static KindSignerWords {
        match self {
            Kind::Petition => &words.petition,
            Kind::Letter => &words.letter,
            Kind::Signup => &words.signup,
        }
    }

    /// What its form's markup says about it, in a language.
    pub const fn page_words(self, words: &'static PageWords) -> &'static KindPageWords {
        match self {
            Kind::Petition => &words.petition,
            Kind::Letter => &words.letter,
            Kind::Signup => &words.signup,
        }
    }

    /// What the outbox calls a signature of this kind made on `action`'s form (`action` is
    /// empty for a kind that belongs to no action): `petition:guantanamo`, `signup`. A form
    /// finds what an earlier visit left for it by it.
    pub fn label(self, action: &str) -> String {
        if self.of_action() {
            format!("{}:{action}", self.name())
        } else {
            self.name().to_string()
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_distinct_and_parse_back() {
        for k in Kind::ALL {
            assert_eq!(Kind::parse(k.name()), Some(k));
            assert_eq!(Kind::ALL.iter().filter(|o| o.name() == k.name()).count(), 1);
        }
        assert_eq!(Kind::parse("pledge"), None);
    }

    #[test]
    fn every_kind_asks_for_an_email_and_requires_only_fields_it_asks_for() {
        for k in Kind::ALL {
            assert!(k.fields().contains(&Field::Email) && k.requires(Field::Email));
            for f in Field::ALL {
                if k.requires(f) {
                    assert!(k.fields().contains(&f), "{k:?} requires {f:?}");
                }
            }
        }
        assert!(!Kind::Signup.requires(Field::GivenName));
        assert!(Kind::Petition.requires(Field::GivenName));
    }

    #[test]
    fn labels_name_the_action_where_there_is_one() {
        assert_eq!(Kind::Petition.label("guantanamo"), "petition:guantanamo");
        assert_eq!(Kind::Signup.label(""), "signup");
    }
}
