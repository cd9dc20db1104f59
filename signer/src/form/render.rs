//! The form's view on the page: what `FormState::view` says shows, in one exhaustive render
//! (a part the view gains does not compile until it is shown here); the focus where a
//! transition moves it; and, once a signature has arrived, its kind's event for the page.

use super::Form;
use campaign_core::contract::Part;
use campaign_core::kind::Kind;
use campaign_core::petition::form_state::{Focus, FormState};
use campaign_core::petition::form_view::{Done, FormView, Kept, OfferView};
use campaign_core::petition::validate::Problem;
use campaign_core::template::fill;
use wasm_bindgen::JsCast;

impl Form {
    fn set_text(&self, part: Part, text: &str) {
        self.scope.set_text(&self.id(part), text);
    }
    fn set_hidden(&self, part: Part, hidden: bool) {
        self.scope.set_hidden(&self.id(part), hidden);
    }
    fn set_attr(&self, part: Part, name: &str, value: Option<&str>) {
        self.scope.set_attr(&self.id(part), name, value);
    }

    /// Shows the state's view, then moves the focus.
    pub(super) fn show(&self, focus: Option<Focus>) {
        let view = self.state.borrow().view(self.kind, self.words);
        let FormView {
            status,
            form,
            busy,
            problems,
            kept,
            done,
            welcome,
            countdown,
        } = view;
        self.set_text(Part::Status, &status);
        self.set_hidden(Part::Form, !form);
        self.set_hidden(Part::EventWelcome, !welcome);
        self.set_hidden(Part::EventCountdown, !countdown);
        self.set_attr(Part::Submit, "aria-disabled", busy.then_some("true"));
        self.show_problems(&problems);
        self.set_hidden(Part::OutcomeSaved, kept.is_none());
        let Kept {
            other_way,
            send_plainly,
        } = kept.unwrap_or(Kept {
            other_way: false,
            send_plainly: false,
        });
        self.set_hidden(Part::OtherWay, !other_way);
        self.set_hidden(Part::SendPlainly, !send_plainly);
        self.set_hidden(Part::Outcome, done.is_none());
        if let Some(done) = done {
            self.show_done(done);
            self.announce();
        }
        match focus {
            Some(Focus::Errors) => self.scope.focus(&self.id(Part::Errors)),
            Some(Focus::Outcome) => self.scope.focus(&self.id(Part::Outcome)),
            Some(Focus::Saved) => self.scope.focus(&self.id(Part::OutcomeSaved)),
            Some(Focus::FirstField) => {
                let first = self.kind.fields()[0];
                self.scope.focus(&self.id(Part::Input(first)));
            }
            Some(Focus::Start) => self.scope.focus(&self.id(Part::EventStart)),
            None => {}
        }
    }

    fn show_done(&self, done: Done) {
        let Done {
            thanks,
            received,
            opted_in,
            offer,
        } = done;
        self.set_text(Part::Thanks, &thanks);
        self.set_text(Part::Received, received.unwrap_or(""));
        self.set_hidden(Part::Received, received.is_none());
        self.set_hidden(Part::OptedIn, !opted_in);
        match offer {
            OfferView::Hidden => self.set_hidden(Part::Offer, true),
            OfferView::Asked => {
                self.set_hidden(Part::Offer, false);
                self.set_hidden(Part::OfferYes, false);
                self.set_text(Part::OfferStatus, "");
            }
            OfferView::Accepted(status) => {
                self.set_hidden(Part::Offer, false);
                self.set_hidden(Part::OfferYes, true);
                self.set_text(Part::OfferStatus, &status);
            }
        }
    }

    /// The problems: the summary's links, and each field's message and ARIA state.
    fn show_problems(&self, problems: &[Problem]) {
        for f in self.kind.fields() {
            let problem = problems.iter().find(|p| p.field() == *f);
            let error = self.id(Part::Error(*f));
            self.set_attr(Part::Input(*f), "aria-invalid", problem.map(|_| "true"));
            self.set_attr(
                Part::Input(*f),
                "aria-describedby",
                problem.map(|_| error.as_str()),
            );
            let message = problem.map(|p| p.message(self.words)).unwrap_or_default();
            self.set_text(Part::Message(*f), &message);
            self.set_hidden(Part::Error(*f), problem.is_none());
            if let Some(field) = self.el::<web_sys::Element>(Part::FieldBox(*f)) {
                let _ = field
                    .class_list()
                    .toggle_with_force("field--invalid", problem.is_some());
            }
        }
        // Each item is a copy of the summary's own template (src/components/sign_form.rs), its
        // link pointed at the field and its text the message.
        let template = self.el::<web_sys::HtmlTemplateElement>(Part::ErrorItem);
        if let (Some(list), Some(template)) =
            (self.el::<web_sys::Element>(Part::ErrorsList), template)
        {
            list.set_text_content(None);
            for p in problems {
                let Ok(item) = template.content().clone_node_with_deep(true) else {
                    continue;
                };
                let item: web_sys::DocumentFragment = item.unchecked_into();
                if let Ok(Some(a)) = item.query_selector("a") {
                    let _ =
                        a.set_attribute("href", &format!("#{}", self.id(Part::Input(p.field()))));
                    a.set_text_content(Some(&p.message(self.words)));
                }
                let _ = list.append_child(&item);
            }
        }
        self.set_hidden(Part::Errors, problems.is_empty());
    }

    /// Tells the page, once per signature, that one has arrived: its kind's event
    /// (`truah:signed` for a petition's), which bubbles out of an embed's shadow root to the
    /// host page, for its own analytics, and carries no personal data. A bot's decoy
    /// thank-you announces nothing; an updates signup accepted after signing announces its own.
    fn announce(&self) {
        let state = self.state.borrow();
        let FormState::Signature(s) = &*state else {
            return;
        };
        let mut arrived = Vec::new();
        if s.status.arrived() {
            arrived.push((s.key.clone(), self.kind, self.action.clone()));
        }
        if let Some(o) = s.offer.as_ref().filter(|o| o.status.arrived()) {
            arrived.push((o.key.clone(), Kind::Signup, String::new()));
        }
        drop(state);
        for (key, kind, action) in arrived {
            if self.announced.borrow().contains(&key) {
                continue;
            }
            self.announced.borrow_mut().push(key);
            let detail = js_sys::Object::new();
            let _ = js_sys::Reflect::set(&detail, &"kind".into(), &kind.name().into());
            if kind.of_action() {
                let _ = js_sys::Reflect::set(&detail, &"action".into(), &action.as_str().into());
            }
            let init = web_sys::CustomEventInit::new();
            init.set_bubbles(true);
            init.set_composed(true);
            init.set_detail(&detail);
            if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(kind.event(), &init) {
                let _ = self.root.dispatch_event(&ev);
            }
        }
    }

    /// What shows the notice that an earlier signature made with this form on this device (at
    /// the time given, in ms since the epoch) could not be sent in time, and was removed.
    pub(super) fn expired_notice(&self) -> impl FnOnce(f64) + 'static {
        let lang = self.lang.code();
        let (scope, id) = (self.scope.clone(), self.id(Part::Expired));
        let (template, service) = (
            self.words.expired,
            self.kind.signer_words(self.words).service,
        );
        move |queued_at| {
            let date = js_sys::Date::new(&queued_at.into())
                .to_locale_date_string(lang, &js_sys::Object::new())
                .as_string()
                .unwrap_or_default();
            scope.set_text(&id, &fill(template, &[&date, service]));
            scope.set_hidden(&id, false);
        }
    }
}
