//! A record of consent: which wording a signer agreed to. Each signature and signup carries the
//! version of the consent text the visitor saw, in their language, so staff can later tell who
//! agreed to what after the wording changes.

use crate::i18n::{Lang, PageWords};
use crate::kind::{Consent, Kind};

/// The consent text's version: 8 hex digits of its 32-bit FNV-1a hash. A version label, not a
/// security measure: FNV-1a is a few lines and adds nothing to the signer's wasm, where a
/// cryptographic hash crate would. Computed where the form is rendered, from the very text it
/// shows.
pub const fn version(wording: &str) -> [u8; 8] {
    let bytes = wording.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    let digits = b"0123456789abcdef";
    let mut out = [0u8; 8];
    let mut n = 0;
    while n < 8 {
        out[n] = digits[((hash >> (28 - 4 * n)) & 0xf) as usize];
        n += 1;
    }
    out
}

/// [`version`] as text.
pub fn version_text(wording: &str) -> String {
    String::from_utf8_lossy(&version(wording)).into_owned()
}

/// The OSDI tag that records a ticked box's wording: `consent:<version>`.
pub fn tag(version: &str) -> String {
    format!("consent:{version}")
}

/// The words a visitor agrees to on a form of `kind`, in the language of `words`: its box's
/// label, or, where sending the form is the consent, the site's call to sign up
/// (`signup_heading`, in that language). The form renders its consent version from these.
pub fn wording<'a>(kind: Kind, words: &'static PageWords, signup_heading: &'a str) -> &'a str {
    match kind.consent() {
        Consent::Box => words.opt_in,
        Consent::Itself => signup_heading,
    }
}

/// One wording a signature's consent version can stand for: where it is asked, in which
/// language, and its words.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Wording {
    pub version: String,
    pub lang: Lang,
    /// Where it is asked, in English, for staff: "the petition's box".
    pub asked: String,
    pub words: String,
}

/// Every wording a signature built from this content can carry a version of, in every
/// language: each kind's consent, and the offer of updates made after signing. `signup_heading`
/// gives the site's call to sign up in a language. A record staff can read a year later (`make
/// consents`), and the tags Action Network must know (`make check-endpoint`).
pub fn wordings(signup_heading: impl Fn(Lang) -> String) -> Vec<Wording> {
    let mut out: Vec<Wording> = Vec::new();
    for lang in Lang::ALL {
        let heading = signup_heading(lang);
        for kind in Kind::ALL {
            let asked = match kind.consent() {
                Consent::Box => format!("the {}'s box", kind.name()),
                Consent::Itself => format!("the {} (sending it is the consent)", kind.name()),
            };
            let words = wording(kind, lang.page_words(), &heading).to_string();
            out.push(Wording {
                version: version_text(&words),
                lang,
                asked,
                words,
            });
        }
        let offer = lang.signer_words().offer_question;
        out.push(Wording {
            version: version_text(offer),
            lang,
            asked: "the offer of updates after signing".into(),
            words: offer.to_string(),
        });
    }
    // One line per version: two kinds asking with the same words share it.
    let mut seen = Vec::new();
    out.retain(|w| {
        let new = !seen.contains(&w.version);
        seen.push(w.version.clone());
        new
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_fnv1a_of_the_wording_and_changes_with_it() {
        // FNV-1a 32's published test vectors.
        assert_eq!(version_text(""), "811c9dc5");
        assert_eq!(version_text("a"), "e40c292c");
        assert_eq!(version_text("foobar"), "bf9cf968");
        let en = version_text("Send me updates and action alerts");
        assert_ne!(en, version_text("Send me updates and action alerts."));
        assert_ne!(en, version_text("Envíame novedades y alertas de acción"));
        assert_eq!(tag(&en), format!("consent:{en}"));
    }

    #[test]
    fn every_wording_in_use_is_listed_once_with_its_language() {
        let heading = |lang: Lang| format!("Sign up ({})", lang.code());
        let all = wordings(heading);
        for lang in Lang::ALL {
            for kind in Kind::ALL {
                let heading = heading(lang);
                let w = wording(kind, lang.page_words(), &heading);
                assert!(
                    all.iter()
                        .any(|x| x.lang == lang && x.words == w && x.version == version_text(w)),
                    "{kind:?} in {lang:?}"
                );
            }
            let offer = lang.signer_words().offer_question;
            assert!(all.iter().any(|x| x.lang == lang && x.words == offer));
        }
        let mut versions: Vec<&str> = all.iter().map(|w| w.version.as_str()).collect();
        versions.sort();
        versions.dedup();
        assert_eq!(versions.len(), all.len(), "one line per version");
    }
}
