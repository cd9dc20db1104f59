//! Event mode in a form (`campaign_core::petition::event`): the next person's empty form after
//! each signature, fresh field names for each person (the browser's autofill keys on a field's
//! name, so it has nothing of the last person to offer the next), clearing what was left
//! half-typed after two minutes, and the staff panel's counts.

use super::Form;
use crate::dom::*;
use crate::outbox;
use campaign_core::contract::Part;
use campaign_core::petition::event::{source_code, IDLE_MS};
use campaign_core::petition::form_state::{Event, Said};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A few random hex digits, for a field's fresh name.
fn fresh() -> String {
    let mut bytes = [0u8; 4];
    let _ = window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes));
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

impl Form {
    /// Readies the form for a room of people: no autofill, fresh names, the staff panel.
    pub(super) fn start_event(self: &Rc<Self>, event: &str) {
        if let Some(form) = self.el::<web_sys::Element>(Part::Form) {
            let _ = form.set_attribute("autocomplete", "off");
        }
        self.fresh_names();
        let (scope, panel) = (&self.scope, self.id(Part::EventPanel));
        scope.set_text(&self.id(Part::EventName), event);
        scope.set_text(&self.id(Part::EventCode), &source_code(event));
        scope.set_hidden(&panel, false);
        self.show_counts();
        self.scope
            .on_click(&self.id(Part::EventRetry), |_| outbox::retry_now());
        let name = event.to_string();
        self.scope.on_click(&self.id(Part::EventLeave), move |_| {
            // Back to the form as any visitor has it: the page again, out of event mode.
            outbox::leave_event(&name, || {
                let _ = window().location().reload();
            });
        });
        self.arm_idle();
    }

    /// Gives each field a name no earlier person's had, and no autofill.
    fn fresh_names(&self) {
        let suffix = fresh();
        for f in self.kind.fields() {
            if let Some(el) = self.el::<web_sys::Element>(Part::Input(*f)) {
                let _ = el.set_attribute("name", &format!("{}-{suffix}", f.name()));
                let _ = el.set_attribute("autocomplete", "off");
            }
        }
    }

    /// Gives the fields back their own names, for a plain HTML post.
    pub(super) fn own_names(&self) {
        for f in self.kind.fields() {
            if let Some(el) = self.el::<web_sys::Element>(Part::Input(*f)) {
                let _ = el.set_attribute("name", f.name());
            }
        }
    }

    /// The form for the next person: empty (consent unticked), fresh names, and the status line
    /// saying why (`said`).
    pub(super) fn next_person(&self, said: Said) {
        if let Some(form) = self.el::<web_sys::HtmlFormElement>(Part::Form) {
            form.reset();
        }
        self.fresh_names();
        self.country_changed();
        self.on(Event::Afresh { said });
        self.show_counts();
    }

    /// The staff panel's counts, as the device holds them.
    pub(super) fn show_counts(&self) {
        let Some(event) = self.event.as_deref() else {
            return;
        };
        let scope = self.scope.clone();
        let ids = [
            self.id(Part::EventWaiting),
            self.id(Part::EventSent),
            self.id(Part::EventRefused),
        ];
        outbox::event_counts(event, move |waiting, sent, refused| {
            for (id, n) in ids.iter().zip([waiting, sent, refused]) {
                scope.set_text(id, &n.to_string());
            }
        });
    }

    /// Clears what someone began to type and left, once the form has had no input for
    /// [`IDLE_MS`]: the next person finds it empty. Every input starts the two minutes again.
    /// One timer at a time, which looks at the last input's time when it fires and waits out
    /// the rest (rather than a timer cleared and set again on every keystroke).
    pub(super) fn arm_idle(self: &Rc<Self>) {
        if self.event.is_none() {
            return;
        }
        self.last_input.set(js_sys::Date::now());
        if !self.idle_armed.replace(true) {
            self.check_idle(IDLE_MS as f64);
        }
    }

    /// Looks again in `after` milliseconds.
    fn check_idle(self: &Rc<Self>, after: f64) {
        let weak = Rc::downgrade(self);
        let cb = Closure::once_into_js(move || {
            let Some(f) = weak.upgrade() else { return };
            let idle = js_sys::Date::now() - f.last_input.get();
            if idle < IDLE_MS as f64 {
                return f.check_idle(IDLE_MS as f64 - idle);
            }
            f.idle_armed.set(false);
            if f.touched() {
                f.next_person(Said::Cleared);
            }
        });
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            cb.unchecked_ref(),
            after.ceil() as i32,
        );
    }
}
