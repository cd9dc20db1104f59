//! The titles a clergy letter's signers choose from (`crate::field::Control::Titles`): the usual
//! ones, whose words each language has (`crate::i18n::PageWords::titles`), and any a letter's
//! content adds (`crate::content::Action::titles`), before "Other clergy". A title travels as
//! its slug (`rabbi`), the same in every language; the page shows it in the reader's.

use crate::content::Action;
use crate::i18n::Lang;

/// The usual titles, in the list's order; the last, "other clergy", stays last.
pub const USUAL: [&str; 5] = [
    "rabbi",
    "cantor",
    "rabbinical-student",
    "cantorial-student",
    "other-clergy",
];

/// Whether `slug` can be a title: one of the usual, or the slug of one a letter's content adds
/// (which the signer does not know): small letters, digits and single hyphens, at most 60.
pub fn is_title(slug: &str) -> bool {
    !slug.is_empty()
        && slug.len() <= 60
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .bytes()
                    .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit())
        })
}

/// The titles a letter's form offers, as (slug, words) in a language: the usual ones, then the
/// letter's own, then "other clergy".
pub fn of(action: &Action, lang: Lang) -> Vec<(&str, &str)> {
    let words = lang.page_words().titles;
    let usual = USUAL.into_iter().zip(words);
    let last = USUAL.len() - 1;
    usual
        .clone()
        .take(last)
        .chain(
            action
                .titles
                .iter()
                .map(|t| (t.slug.as_ref(), t.label.as_ref())),
        )
        .chain(usual.skip(last))
        .collect()
}

/// The titles a letter's form offers, as a JSON object of words by slug: for the page's
/// script that writes a visitor's own line (`js/signers.js`).
pub fn as_json(action: &Action, lang: Lang) -> String {
    let map: std::collections::BTreeMap<&str, &str> = of(action, lang).into_iter().collect();
    serde_json::to_string(&map).unwrap_or_default()
}

/// A title's words in a language, for a letter's list of signers; the slug itself for one
/// the letter no longer offers.
pub fn words<'a>(slug: &'a str, action: &'a Action, lang: Lang) -> &'a str {
    if let Some(i) = USUAL.iter().position(|s| *s == slug) {
        return lang.page_words().titles[i];
    }
    action
        .titles
        .iter()
        .find(|t| t.slug == slug)
        .map_or(slug, |t| t.label.as_ref())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn titles_are_slugs() {
        for t in USUAL {
            assert!(is_title(t), "{t}");
        }
        for not in [
            "", "Rabbi", "rabbi--x", "-rabbi", "rabbi-", "rabbi x", "rab<b>i",
        ] {
            assert!(!is_title(not), "{not}");
        }
        assert!(!is_title(&"a".repeat(61)));
    }
}
