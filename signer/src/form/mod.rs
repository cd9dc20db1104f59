//! The forms' behaviour. Each `[data-sign]` element the site rendered (see the site's
//! `src/components/sign_form.rs` for the markup, and `campaign_core::contract::Part` for its
//! parts' ids) gets one [`Form`]. Its state is one value, `campaign_core`'s `FormState`, changed
//! only by its transitions ([`Form::on`]); what it shows is that state's view, rendered by
//! `render`. The rest of this folder turns what happens on the page into events:
//!
//! - `wiring`: finding the forms, and listening to them and their buttons;
//! - `fields`: what is typed, live re-checking, the postal code following the country, prefill;
//! - `submission`: the bot checks, validation, and queueing a signature (or the updates offer);
//! - `share`: sharing after signing;
//! - `render`: the view on the page, the focus, and the page's `truah:signed` events.

mod event;
mod fields;
mod render;
mod share;
mod submission;
mod wiring;

pub use wiring::{attach_all, watch, watch_in};

use crate::dom::Scope;
use crate::outbox;
use campaign_core::contract::Part;
use campaign_core::i18n::{Lang, SignerWords};
use campaign_core::kind::Kind;
use campaign_core::petition::form_state::{Event, FormState};
use campaign_core::petition::outbox::Status;
use std::cell::{Cell, RefCell};
use std::rc::Rc;

/// One form on the page.
struct Form {
    root: web_sys::Element,
    /// Where its parts are: the page, or an embed's shadow root.
    scope: Scope,
    /// Its language: that of its nearest `lang` attribute (the page's, or the embed's).
    lang: Lang,
    /// Its words, in that language.
    words: &'static SignerWords,
    prefix: String,
    kind: Kind,
    /// The action it belongs to (empty for the updates signup).
    action: String,
    /// When the signer brought it to life: the time trap counts from here.
    attached_at: f64,
    /// Whether a person's key or pointer has been seen on it (the bot check's evidence).
    human: Cell<bool>,
    state: RefCell<FormState>,
    /// The signatures whose arrival this form has announced to the page (its kind's event).
    announced: RefCell<Vec<String>>,
    /// The event it collects signatures at, in event mode (`event.rs`).
    event: Option<String>,
    /// In event mode, when the form last had input, whether a timer is set to clear it once it
    /// has had none for long enough, and the countdown's seconds left while it shows (`event.rs`).
    last_input: Cell<f64>,
    idle_armed: Cell<bool>,
    countdown: Cell<u32>,
}

thread_local! {
    static FORMS: RefCell<Vec<Rc<Form>>> = const { RefCell::new(Vec::new()) };
    /// The event this tab collects signatures at, in event mode.
    static EVENT: RefCell<Option<String>> = const { RefCell::new(None) };
}

/// Puts this tab's forms in event mode for `event` (`None`: the ordinary forms).
pub fn in_event(event: Option<String>) {
    EVENT.set(event);
}

/// The event this tab collects signatures at, if any.
fn event() -> Option<String> {
    EVENT.with_borrow(Clone::clone)
}

impl Form {
    fn id(&self, part: Part) -> String {
        part.id(&self.prefix)
    }

    /// One of this form's parts, as the given type.
    fn el<T: wasm_bindgen::JsCast>(&self, part: Part) -> Option<T> {
        self.scope.by_id(&self.id(part))
    }

    /// What the outbox calls this form's signatures.
    fn label(&self) -> String {
        self.kind.label(&self.action)
    }

    /// The one way its state changes: the transition `event` makes, then the view of the new
    /// state on the page, and the focus where the transition moves it.
    fn on(&self, event: Event) {
        let state = self.state.take();
        let (state, focus) = state.on(event);
        *self.state.borrow_mut() = state;
        self.show(focus);
    }
}

/// Tells the forms that a signature's status changed (`None`: it is gone from the device): each
/// that shows it, or the updates signup offered after it, hears where it stands now.
pub fn status_changed(key: &str, status: Option<Status>) {
    let forms = FORMS.with_borrow_mut(|forms| {
        // Forms the site has since removed (another page) have nothing left to show.
        forms.retain(|f| f.root.is_connected());
        forms.clone()
    });
    for f in forms {
        let shown = f.state.borrow().key() == Some(key);
        let offered = f.state.borrow().offer_key() == Some(key);
        if !shown && !offered {
            continue;
        }
        let gone = shown && status.is_none();
        f.on(Event::News {
            key: key.to_string(),
            status: status.clone(),
        });
        if gone {
            // Removed meanwhile: tried for long enough (say so), or forgotten in another tab.
            outbox::take_notice(&f.label(), f.expired_notice());
        }
    }
}
