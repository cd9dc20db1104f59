//! The parts of a petition or signup form, as the components render them and the signer and
//! `js/lazy-signer.js` find them. Each part's element id is `{prefix}-{name}` ([`ID`]), so one
//! page can hold several forms, and an embed's shadow root its own. The enum, its list of parts
//! and their names are made together by the macro below, so none can be left out of another.

use crate::field::Field;
use crate::template::put;

/// A part's element id: the form's prefix (its root's `data-prefix`), then the part's name.
pub const ID: &str = "{prefix}-{part}";

macro_rules! parts {
    (
        $( $(#[$doc:meta])* $part:ident = $name:expr, )*
        ;
        $( $(#[$fdoc:meta])* $fpart:ident = $suffix:literal, )*
    ) => {
        /// A part of a form: one of its own, or one of a field's.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        pub enum Part {
            $( $(#[$doc])* $part, )*
            $( $(#[$fdoc])* $fpart(Field), )*
        }

        impl Part {
            /// Every part that is not a field's, in the order written in this file.
            pub const FIXED: &[Part] = &[$(Part::$part),*];
            /// The parts each field has.
            pub const OF_FIELD: &[fn(Field) -> Part] = &[$(Part::$fpart),*];

            /// The part's name, the end of its id.
            pub fn name(self) -> String {
                let (stem, suffix) = match self {
                    $( Part::$part => ($name, ""), )*
                    $( Part::$fpart(f) => (f.name(), $suffix), )*
                };
                let mut name = String::from(stem);
                name.push_str(suffix);
                name
            }
        }
    };
}

parts! {
    /// The `role="status"` line: sending, saved, signed, refused.
    Status = "status",
    /// Shown while a signature waits on this device: try now, sign for someone else, forget it.
    OutcomeSaved = "outcome-saved",
    Retry = "retry",
    SignAnother = "sign-another",
    Forget = "forget",
    /// Shown once the service cannot be reached: the other ways to sign.
    OtherWay = "other-way",
    /// The action's own page elsewhere (its `hosted_url`).
    SignElsewhere = "sign-elsewhere",
    /// Sends the form as a plain HTML form, to the plain-post target.
    SendPlainly = "send-plainly",
    /// A signature an earlier visit left could not be sent in time, and was removed.
    Expired = "expired",
    /// Shown when the signer could not load (`js/lazy-signer.js`): a retry, and the other ways.
    NotReady = "not-ready",
    TryAgain = "try-again",
    /// Shown once signed: the thank-you, sharing, the updates offer.
    Outcome = "outcome",
    Thanks = "thanks",
    Received = "received",
    OptedIn = "opted-in",
    Share = "share",
    ShareFallback = "share-fallback",
    ShareLink = "share-link",
    ShareCopy = "share-copy",
    ShareStatus = "share-status",
    Offer = "offer",
    OfferYes = "offer-yes",
    OfferStatus = "offer-status",
    /// The `<form>` itself.
    Form = "form",
    /// The error summary, its heading, its list, and the `<template>` of one item.
    Errors = "errors",
    ErrorsTitle = "errors-title",
    ErrorsList = "errors-list",
    ErrorItem = "error-item",
    Submit = "submit",
    /// The consent checkbox.
    OptIn = "email_opt_in",
    /// The hidden field with the version of the consent wording the form shows.
    ConsentVersion = "consent_version",
    /// The honeypot field.
    Honeypot = crate::petition::HONEYPOT,
    /// In the privacy line, where the form's details go: the build's endpoint's host, which
    /// `js/lazy-signer.js` changes to the host of a page's or an embed's endpoint override.
    /// Absent where the site's own `privacy_text` stands instead.
    PrivacyHost = "privacy-host",
    /// Event mode (`crate::petition::event`): where the staff panel goes (`js/event-mode.js`
    /// makes it, in event mode only); the screen between people and its start button; the
    /// countdown before a half-filled form is cleared.
    EventPanel = "event",
    /// In the panel: the source code the event's signatures carry
    /// (`crate::petition::event::source_code`), which the signer writes in.
    EventCode = "event-code",
    EventWelcome = "event-welcome",
    EventStart = "event-start",
    EventCountdown = "event-countdown",
    ;
    /// A field's input or select.
    Input = "",
    /// A field's wrapper, its label, its error line and the message inside it.
    FieldBox = "-field",
    Label = "-label",
    Error = "-error",
    Message = "-message",
}

impl Part {
    /// The id of this part of the form whose parts start with `prefix`.
    pub fn id(self, prefix: &str) -> String {
        put(ID, &[("prefix", prefix), ("part", &self.name())])
    }

    /// Every part of a form that asks for every field.
    pub fn all() -> impl Iterator<Item = Part> {
        Part::FIXED.iter().copied().chain(
            Field::ALL
                .into_iter()
                .flat_map(|f| Part::OF_FIELD.iter().map(move |p| p(f))),
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_part_has_its_own_id() {
        let mut ids: Vec<String> = Part::all().map(|p| p.id("p")).collect();
        let all = ids.len();
        assert_eq!(all, Part::FIXED.len() + 5 * Field::ALL.len());
        ids.sort();
        ids.dedup();
        assert_eq!(ids.len(), all, "{ids:?}");
        assert_eq!(
            Part::Label(Field::PostalCode).id("petition"),
            "petition-postal_code-label"
        );
        assert_eq!(
            Part::Input(Field::Email).id("footer-signup"),
            "footer-signup-email"
        );
    }
}
