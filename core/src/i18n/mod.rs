//! The interface's words in each language the site speaks, in two sets: the pages' words
//! ([`PageWords`]: the chrome, the pages' fixed texts, the forms' markup, the embed script's
//! few words) and the signer's ([`SignerWords`]: what it tells a visitor about their signature,
//! the validation messages, the fields' names). The signer carries only its own set. One file
//! per language (`en.rs`, `es.rs`) holds both of its tables, checked by the compiler: a
//! language without one of the words does not build. The content's own words (`content/`, and
//! `content/es/` for Spanish) are the content loader's business.
//!
//! Everything that renders text for visitors takes its words from here: the Leptos components,
//! the signer (which finds a form's language from its `lang` attribute, so one signer serves
//! every language), and the embed script (through the build's contract, `crate::contract`).
//! The one exception is the `/embed` generator, a staff tool in English only, whose words are
//! in its own component (`src/pages/embed_builder.rs`).
//!
//! Templates mark their arguments with `{}`, filled in order by [`crate::template::fill`].
//!
//! Spanish (`es.rs`) was written for this repository and awaits review by a native speaker on
//! staff: see README, "Languages".

mod en;
mod es;
mod event_words;
mod page_words;
mod signer_words;

pub use event_words::EventWords;
pub use page_words::{KindPageWords, PageWords};
pub use signer_words::{FieldWords, KindSignerWords, SignerWords};

/// A language of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code: `lang` attributes, `hreflang`, the signatures' `language`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// A language from a code such as `es`, `es-MX` or `EN`; `None` for one the site does not speak.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's name in itself, for the language switcher.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// Text direction. Both languages are left to right; the layout is written in logical
    /// properties, and a right-to-left pseudo-locale test keeps it ready for more.
    pub const fn dir(self) -> &'static str {
        "ltr"
    }

    /// Where the language's pages live under the site's base path: "" for the default, "/es".
    pub const fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Es => "/es",
        }
    }

    /// Its words for the pages.
    pub const fn page_words(self) -> &'static PageWords {
        match self {
            Lang::En => &en::PAGE,
            Lang::Es => &es::PAGE,
        }
    }

    /// Its words for the signer.
    pub const fn signer_words(self) -> &'static SignerWords {
        match self {
            Lang::En => &en::SIGNER,
            Lang::Es => &es::SIGNER,
        }
    }

    /// Its words for event mode's staff panel.
    pub const fn event_words(self) -> &'static EventWords {
        match self {
            Lang::En => &en::EVENT,
            Lang::Es => &es::EVENT,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Field;
    use crate::kind::Kind;

    #[test]
    fn languages_parse_from_codes() {
        assert_eq!(Lang::parse("es"), Some(Lang::Es));
        assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("he"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn every_template_keeps_its_arguments_in_every_language() {
        // A translation that drops or adds a `{}` would lose a name or print a stray one.
        let templates = |lang: Lang| {
            let (p, s) = (lang.page_words(), lang.signer_words());
            [
                p.not_found_lead,
                p.issues_description,
                p.issues_lead,
                p.partners_description,
                p.note,
                p.visit_website,
                p.get_resource,
                p.org_work,
                p.no_wasm,
                p.org_website,
                p.sign_elsewhere,
                p.closes_on,
                p.closed_on,
                p.date,
                p.privacy_default,
                p.privacy_policy,
                s.thank_you_name,
                s.saved,
                s.refused,
                s.unconfirmed,
                s.waiting,
                s.unreachable,
                s.expired,
                s.enter_your,
                s.too_long,
                s.invisible,
                s.angle_brackets,
            ]
            .map(|t| t.matches("{}").count())
        };
        assert_eq!(templates(Lang::Es), templates(Lang::En));
        assert!(templates(Lang::En).iter().all(|n| *n > 0));
    }

    #[test]
    fn every_field_and_kind_has_words_in_every_language() {
        for lang in Lang::ALL {
            for f in Field::ALL {
                let w = f.words(lang.signer_words());
                assert!(!w.label.is_empty() && !w.optional.is_empty() && !w.named.is_empty());
            }
            for k in Kind::ALL {
                let s = k.signer_words(lang.signer_words());
                let p = k.page_words(lang.page_words());
                for word in [
                    s.service,
                    s.received,
                    s.signed,
                    p.no_wasm_what,
                    p.no_wasm_verb,
                ] {
                    assert!(!word.is_empty(), "{lang:?} {k:?}");
                }
                // The count and the goal, in order, and the same gaps in every language.
                let en = k.page_words(Lang::En.page_words());
                for (here, there) in [(p.count_one, en.count_one), (p.count_many, en.count_many)] {
                    assert_eq!(here.matches("{}").count(), 2, "{lang:?} {k:?}");
                    assert_eq!(
                        here.contains("{signers}"),
                        there.contains("{signers}"),
                        "{lang:?} {k:?}"
                    );
                }
            }
        }
    }
}
