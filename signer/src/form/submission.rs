//! A submit: the bot checks, validation, and a new signature queued in the outbox; the updates
//! signup offered after signing; and the form sent as a plain HTML form, another way.

use super::Form;
use crate::dom::*;
use crate::{endpoint, outbox};
use campaign_core::contract::{attr, Part};
use campaign_core::i18n::Lang;
use campaign_core::kind::Kind;
use campaign_core::petition::consent;
use campaign_core::petition::form_state::{Event, Said};
use campaign_core::petition::outbox::Status;
use campaign_core::petition::payload::{uuid_v4, Submission};
use campaign_core::petition::query::Source;
use campaign_core::petition::validate::Signer;

/// A submit this fast, with no key or pointer input from a person at all, is a script.
const TIME_TRAP_MS: f64 = 2_000.0;

fn random_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window()
        .and_then(|w| w.crypto().ok())
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok())
        .is_some();
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// Where a new signature stands the moment it is queued: offline, nothing is tried until the
/// browser is back online.
fn first_status() -> Status {
    if window().navigator().on_line() {
        Status::Sending
    } else {
        Status::Saved
    }
}

/// A new signature from this page: a fresh idempotency key, the time, where it came from, and
/// the form's language (its own, in an embed: not the host page's). An embed's `data-source`
/// names the source when the page's address (`?source=`) does not.
fn new_submission(
    kind: Kind,
    action: &str,
    signer: Signer,
    consent_version: String,
    host: Option<web_sys::Element>,
    lang: Lang,
) -> Submission {
    let loc = window().location();
    let mut source = Source::from_page(
        &loc.search().unwrap_or_default(),
        &loc.href().unwrap_or_default(),
        &document().referrer(),
    );
    if source.source.is_empty() {
        if let Some(s) = host.and_then(|h| h.get_attribute(attr::SOURCE)) {
            source = Source::from_page(
                &format!("?source={}", js_sys::encode_uri_component(&s)),
                &source.url,
                &source.referrer,
            );
        }
    }
    Submission {
        kind,
        action: action.to_string(),
        signer,
        key: random_key(),
        submitted_at: js_sys::Date::new_0().to_iso_string().into(),
        source,
        language: lang.code().to_string(),
        consent_version,
    }
}

impl Form {
    pub(super) fn submit(&self, ev: web_sys::Event) {
        ev.prevent_default();
        if self.state.borrow().sending() {
            return;
        }
        let honeypot = self
            .el::<web_sys::HtmlInputElement>(Part::Honeypot)
            .map(|i| i.value())
            .unwrap_or_default();
        let too_fast = js_sys::Date::now() - self.attached_at < TIME_TRAP_MS;
        if !honeypot.is_empty() || (too_fast && !self.human.get()) {
            // A bot: a normal-looking thank-you, and nothing is sent.
            self.on(Event::Bot);
            return;
        }
        let signer = match self.draft().validate(self.kind) {
            Err(problems) => return self.on(Event::Invalid(problems)),
            Ok(signer) => signer,
        };
        // The version of the consent wording this form shows, rendered with it.
        let consent = self
            .el::<web_sys::HtmlInputElement>(Part::ConsentVersion)
            .map(|i| i.value())
            .unwrap_or_default();
        let mut submission = new_submission(
            self.kind,
            &self.action,
            signer.clone(),
            consent,
            self.scope.host(),
            self.lang,
        );
        // At an event, the event is where the signature came from: its source code.
        if let Some(event) = &self.event {
            submission.source.source = campaign_core::petition::event::source_code(event);
        }
        let key = submission.key.clone();
        self.scope.set_hidden(&self.id(Part::Expired), true);
        let status = first_status();
        outbox::submit(
            &self.label(),
            &submission,
            endpoint::overrides(self.scope.host()),
            self.event.as_deref(),
            &status,
        );
        if self.event.is_some() {
            self.next_person(Said::NextPerson);
        } else {
            self.on(Event::Sent {
                key,
                signer: Box::new(signer),
                status,
            });
        }
    }

    /// After signing without ticking the box: one click to also sign up, now with consent.
    pub(super) fn accept_offer(&self) {
        let Some(signer) = self.state.borrow().made_here().cloned() else {
            return;
        };
        let mut signer = signer.asked_by(Kind::Signup);
        if self.state.borrow().offer_key().is_some() {
            return;
        }
        signer.email_opt_in = true;
        // The offer's consent is its question: "Would you like updates too?"
        let consent = consent::version_text(self.words.offer_question);
        let submission = new_submission(
            Kind::Signup,
            "",
            signer,
            consent,
            self.scope.host(),
            self.lang,
        );
        let status = first_status();
        outbox::submit(
            &submission.label(),
            &submission,
            endpoint::overrides(self.scope.host()),
            None,
            &status,
        );
        self.on(Event::OfferSent {
            key: submission.key,
            status,
        });
    }

    /// Sent another way: the form as a plain HTML form, to its plain-post target, once the
    /// copy waiting here is off the device (it must not follow later).
    pub(super) fn send_plainly(&self) {
        let Some(form) = self.el::<web_sys::HtmlFormElement>(Part::Form) else {
            return;
        };
        self.own_names();
        let post = move || {
            let _ = form.submit();
        };
        let key = self.state.borrow().key().map(str::to_string);
        match key {
            Some(key) => outbox::forget(&key, post),
            None => post(),
        }
    }
}
