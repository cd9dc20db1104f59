//! Event mode in a form (`campaign_core::petition::event`): the room. Between people a screen
//! with nothing of the last one invites the next to start (an action's form; the footer's
//! signup just empties); the fields take fresh names for each person (the browser's autofill
//! keys on a field's name, so it has nothing of the last person to offer the next); a
//! half-filled form left without input shows a countdown, which any touch or key stops, and is
//! then cleared. The staff panel, the sealing and the sending are `js/event-mode.js`'s.

use super::Form;
use crate::dom::*;
use campaign_core::contract::Part;
use campaign_core::petition::event::{source_code, COUNTDOWN_MS, IDLE_MS};
use campaign_core::petition::form_state::{Event, Said};
use campaign_core::template::fill;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A few random hex digits, for a field's fresh name.
fn fresh() -> String {
    let mut bytes = [0u8; 4];
    let _ = window()
        .crypto()
        .and_then(|c| c.get_random_values_with_u8_array(&mut bytes));
    campaign_core::hex::hex(&bytes)
}

impl Form {
    /// Readies the form for a room of people: no autofill, fresh names, the screen that invites
    /// the first one, and the idle watch.
    pub(super) fn start_event(self: &Rc<Self>) {
        if let Some(form) = self.el::<web_sys::Element>(Part::Form) {
            let _ = form.set_attribute("autocomplete", "off");
        }
        self.fresh_names();
        if let Some(event) = &self.event {
            self.scope
                .set_text(&self.id(Part::EventCode), &source_code(event));
        }
        let g = self.clone();
        self.scope.on_click(&self.id(Part::EventStart), move |_| {
            g.on(Event::Afresh {
                said: Said::Nothing,
            })
        });
        // Any touch or key, anywhere on the page, means someone is there: the countdown stops.
        for kind in ["pointerdown", "keydown"] {
            let g = Rc::downgrade(self);
            on(document().as_ref(), kind, move |_| {
                if let Some(f) = g.upgrade() {
                    f.still_here();
                }
            });
        }
        self.welcome(Said::Nothing);
    }

    /// The screen between people, where the form has one (an action's); else the empty form.
    fn welcome(&self, said: Said) {
        if self.el::<web_sys::Element>(Part::EventWelcome).is_some() {
            self.on(Event::Welcome { said });
        } else {
            self.on(Event::Afresh { said });
        }
    }

    /// Gives each field a name no earlier person's had, and no autofill.
    fn fresh_names(&self) {
        let suffix = fresh();
        for f in self.kind.fields() {
            if let Some(el) = self.el::<web_sys::Element>(Part::Input(*f)) {
                let _ = el.set_attribute("name", &[f.name(), &suffix].join("-"));
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

    /// The next person: the form emptied (consent unticked) under fresh names, and the screen
    /// between people saying why (`said`).
    pub(super) fn next_person(&self, said: Said) {
        if let Some(form) = self.el::<web_sys::HtmlFormElement>(Part::Form) {
            form.reset();
        }
        self.fresh_names();
        self.country_changed();
        self.countdown.set(0);
        self.welcome(said);
    }

    /// Someone touched the screen: a countdown that runs stops, and the two minutes start again.
    fn still_here(self: &Rc<Self>) {
        if self.countdown.replace(0) > 0 {
            self.on(Event::StillHere);
            self.arm_idle();
        }
    }

    /// Watches a form in event mode for input: once it has had none for [`IDLE_MS`] less the
    /// countdown, and something was typed, the countdown starts; at its end the form is cleared.
    /// Every input starts the two minutes again. One timer at a time, which looks at the last
    /// input's time when it fires and waits out the rest (rather than a timer cleared and set
    /// again on every keystroke).
    pub(super) fn arm_idle(self: &Rc<Self>) {
        if self.event.is_none() {
            return;
        }
        self.last_input.set(js_sys::Date::now());
        if !self.idle_armed.replace(true) {
            self.check_idle(f64::from(IDLE_MS - COUNTDOWN_MS));
        }
    }

    /// Calls `then` with this form (if it is still there) in `after` milliseconds.
    fn later(self: &Rc<Self>, after: f64, then: impl FnOnce(Rc<Form>) + 'static) {
        let weak = Rc::downgrade(self);
        let cb = Closure::once_into_js(move || {
            if let Some(f) = weak.upgrade() {
                then(f);
            }
        });
        let _ = window().set_timeout_with_callback_and_timeout_and_arguments_0(
            cb.unchecked_ref(),
            after.ceil() as i32,
        );
    }

    fn check_idle(self: &Rc<Self>, after: f64) {
        self.later(after, |f| {
            let quiet = f64::from(IDLE_MS - COUNTDOWN_MS);
            let idle = js_sys::Date::now() - f.last_input.get();
            if idle < quiet {
                return f.check_idle(quiet - idle);
            }
            f.idle_armed.set(false);
            // Only a form someone began: an untouched one, or the screen between people, waits
            // as it is.
            if f.touched() && f.showing_form() {
                f.countdown.set(COUNTDOWN_MS / 1000);
                f.on(Event::StillThere);
                f.tick();
            }
        });
    }

    /// Whether the form itself is on screen (not the screen between people).
    fn showing_form(&self) -> bool {
        self.el::<web_sys::HtmlElement>(Part::Form)
            .is_some_and(|f| !f.hidden())
    }

    /// The countdown's next second: the seconds left, or, at the end, the form cleared.
    fn tick(self: &Rc<Self>) {
        let left = self.countdown.get();
        if left == 0 {
            return;
        }
        let words = self.words;
        self.scope.set_text(
            &self.id(Part::EventCountdown),
            &fill(words.clearing_in, &[&left.to_string()]),
        );
        self.later(1000.0, |f| {
            match f.countdown.get() {
                // Stopped meanwhile (someone touched the screen).
                0 => {}
                1 => f.next_person(Said::Cleared),
                n => {
                    f.countdown.set(n - 1);
                    f.tick();
                }
            }
        });
    }
}
