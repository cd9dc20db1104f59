//! The forms' behaviour. Each `[data-sign]` element the site rendered (see the site's
//! `components/sign_form.rs` for the markup and its ids) gets one `Form`, which:
//!
//! - validates with the core (`campaign_core::petition::validate`): on submit, then live on the
//!   fields already marked wrong. A failed submit focuses the error summary, which links to each
//!   field; each field gets its message, `aria-invalid` and `aria-describedby`;
//! - announces sending, sent and saved in its `role="status"` region;
//! - ignores a submit while its signature is sending (the button is `aria-disabled`, not
//!   disabled, so it keeps its focus);
//! - catches bots with a honeypot nobody sees and autofill never fills, and a time trap that only
//!   counts a submit with no human key or pointer input at all. A bot gets a normal-looking
//!   thank-you and nothing is sent;
//! - after signing: the thank-you, sharing, and the offer of updates to those who did not ask.

use crate::dom::*;
use crate::endpoint::endpoint;
use crate::outbox;
use campaign_core::petition::HONEYPOT;
use campaign_core::petition::countries::postal_field;
use campaign_core::petition::outbox::Status;
use campaign_core::petition::payload::{uuid_v4, Kind, Submission};
use campaign_core::petition::query::Source;
use campaign_core::petition::validate::{Draft, Field, Problem, Signer, SIGNUP_FIELDS};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// A submit this fast, with no key or pointer input from a person at all, is a script.
const TIME_TRAP_MS: f64 = 2_000.0;

#[derive(Clone, PartialEq)]
enum Mode {
    /// The petition of the action with this slug.
    Petition { action: String },
    /// The updates and action alerts signup.
    Updates,
}

impl Mode {
    fn label(&self) -> String {
        match self {
            Mode::Petition { action } => format!("petition:{action}"),
            Mode::Updates => "signup".into(),
        }
    }
    fn service(&self) -> &'static str {
        match self {
            Mode::Petition { .. } => "petition service",
            Mode::Updates => "signup service",
        }
    }
    fn fields(&self) -> &'static [Field] {
        match self {
            Mode::Petition { .. } => &Field::ALL,
            Mode::Updates => &SIGNUP_FIELDS,
        }
    }
}

fn random_key() -> String {
    let mut bytes = [0u8; 16];
    let filled = web_sys::window().and_then(|w| w.crypto().ok()).and_then(|c| c.get_random_values_with_u8_array(&mut bytes).ok()).is_some();
    if !filled {
        for b in bytes.iter_mut() {
            *b = (js_sys::Math::random() * 256.0) as u8;
        }
    }
    uuid_v4(bytes)
}

/// A new signature from this page: a fresh idempotency key, the time, and where it came from.
fn new_submission(kind: Kind, signer: Signer) -> Submission {
    let loc = window().location();
    Submission {
        kind,
        signer,
        key: random_key(),
        submitted_at: js_sys::Date::new_0().to_iso_string().into(),
        source: Source::from_page(&loc.search().unwrap_or_default(), &loc.href().unwrap_or_default(), &document().referrer()),
        language: document().document_element().map(|h| h.get_attribute("lang").unwrap_or_default()).filter(|l| !l.is_empty()).unwrap_or_else(|| "en".into()),
    }
}

/// The page's address for sharing, tagged `?source=share`.
fn share_url() -> String {
    let loc = window().location();
    format!("{}{}?source=share", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default())
}

/// One form on the page, and what became of what it sent.
struct Form {
    root: web_sys::Element,
    prefix: String,
    mode: Mode,
    problems: RefCell<Vec<Problem>>,
    attached_at: f64,
    human: Cell<bool>,
    submitted_here: Cell<bool>,
    decoy: Cell<bool>,
    signer: RefCell<Option<Signer>>,
    /// The idempotency key of the signature this form sent (or found waiting from a visit before).
    key: RefCell<Option<String>>,
    /// The key of the updates signup offered after signing, once accepted.
    offer_key: RefCell<Option<String>>,
}

thread_local! {
    static FORMS: RefCell<Vec<Rc<Form>>> = const { RefCell::new(Vec::new()) };
}

/// Brings to life every form on the page now, and every form added later.
pub fn watch() {
    attach_all();
    let cb = Closure::<dyn FnMut()>::new(attach_all);
    if let (Ok(observer), Some(body)) = (web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()), document().body()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&body, &options);
    }
    cb.forget();
}

/// Brings to life each form on the page that is not yet.
pub fn attach_all() {
    let Ok(list) = document().query_selector_all("[data-sign]:not([data-sign-ready])") else { return };
    for i in 0..list.length() {
        if let Some(root) = list.item(i).and_then(|n| n.dyn_into::<web_sys::Element>().ok()) {
            attach(root);
        }
    }
}

/// Shows the new status of a signature on the forms that sent it.
pub fn status_changed(key: &str) {
    let forms = FORMS.with_borrow_mut(|forms| {
        // Forms the site has since removed (another page) have nothing left to show.
        forms.retain(|f| f.root.is_connected());
        forms.clone()
    });
    for f in forms {
        if f.key.borrow().as_deref() == Some(key) {
            f.refresh();
        }
        if f.offer_key.borrow().as_deref() == Some(key) {
            f.show_offer_status(key);
        }
    }
}

fn attach(root: web_sys::Element) {
    let _ = root.set_attribute("data-sign-ready", "");
    let mode = match root.get_attribute("data-sign").as_deref() {
        Some("petition") => Mode::Petition { action: root.get_attribute("data-action").unwrap_or_default() },
        _ => Mode::Updates,
    };
    let Some(prefix) = root.get_attribute("data-prefix") else { return };
    let f = Rc::new(Form {
        // Keys or pointer input seen before this module arrived (public/boot.js notes them).
        human: Cell::new(root.has_attribute("data-human")),
        root,
        prefix,
        mode,
        problems: RefCell::new(Vec::new()),
        attached_at: js_sys::Date::now(),
        submitted_here: Cell::new(false),
        decoy: Cell::new(false),
        signer: RefCell::new(None),
        key: RefCell::new(None),
        offer_key: RefCell::new(None),
    });
    f.country_changed();
    // A signature an earlier visit left in the outbox: show where it stands.
    if let Some(pending) = outbox::pending_for(&f.mode.label()).into_iter().next() {
        *f.key.borrow_mut() = Some(pending);
        f.refresh();
    }
    if let Some(form) = by_id::<web_sys::EventTarget>(&f.id("form")) {
        let g = f.clone();
        on(&form, "submit", move |ev| g.submit(ev));
        for event in ["input", "change"] {
            let g = f.clone();
            on(&form, event, move |ev| g.input(ev));
        }
        for event in ["keydown", "pointerdown"] {
            let g = f.clone();
            on(&form, event, move |ev| {
                if ev.is_trusted() {
                    g.human.set(true);
                }
            });
        }
    }
    on_click(&f.id("retry"), |_| outbox::retry_now());
    let g = f.clone();
    on_click(&f.id("share"), move |_| g.share());
    let g = f.clone();
    on_click(&f.id("share-copy"), move |_| g.copy_link());
    let g = f.clone();
    on_click(&f.id("offer-yes"), move |_| g.accept_offer());
    FORMS.with_borrow_mut(|forms| forms.push(f));
}

impl Form {
    fn id(&self, part: &str) -> String {
        format!("{}-{}", self.prefix, part)
    }

    fn value(&self, f: Field) -> String {
        let id = self.id(f.name());
        if let Some(i) = by_id::<web_sys::HtmlInputElement>(&id) {
            return i.value();
        }
        by_id::<web_sys::HtmlSelectElement>(&id).map(|s| s.value()).unwrap_or_default()
    }

    fn draft(&self) -> Draft {
        let mut d = Draft { country: "US".into(), ..Default::default() };
        for f in self.mode.fields() {
            d.set(*f, self.value(*f));
        }
        d.email_opt_in = by_id::<web_sys::HtmlInputElement>(&self.id("email_opt_in")).is_some_and(|c| c.checked());
        d
    }

    fn submit(&self, ev: web_sys::Event) {
        ev.prevent_default();
        let sending = self.key.borrow().as_deref().and_then(outbox::status) == Some(Status::Sending);
        if sending {
            return;
        }
        let honeypot = by_id::<web_sys::HtmlInputElement>(&self.id(HONEYPOT)).map(|i| i.value()).unwrap_or_default();
        let too_fast = js_sys::Date::now() - self.attached_at < TIME_TRAP_MS;
        if !honeypot.is_empty() || (too_fast && !self.human.get()) {
            // A bot: a normal-looking thank-you, and nothing is sent.
            self.submitted_here.set(true);
            self.decoy.set(true);
            self.refresh();
            return;
        }
        let d = self.draft();
        let result = match &self.mode {
            Mode::Petition { .. } => d.validate(),
            Mode::Updates => d.validate_signup(),
        };
        match result {
            Err(problems) => {
                self.show_problems(problems);
                focus(&self.id("errors"));
            }
            Ok(s) => {
                self.show_problems(Vec::new());
                let kind = match &self.mode {
                    Mode::Petition { action } => Kind::Petition { action: action.clone() },
                    Mode::Updates => Kind::Signup,
                };
                let submission = new_submission(kind, s.clone());
                *self.signer.borrow_mut() = Some(s);
                *self.key.borrow_mut() = Some(submission.key.clone());
                self.submitted_here.set(true);
                outbox::submit(&endpoint(), &self.mode.label(), &submission);
                self.refresh();
            }
        }
    }

    /// Live validation, and the postal code following the country.
    fn input(&self, ev: web_sys::Event) {
        let Some(name) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("name")) else { return };
        if let Some(field) = Field::ALL.into_iter().find(|x| x.name() == name) {
            if field == Field::Country {
                self.country_changed();
                self.recheck(Field::PostalCode);
            }
            self.recheck(field);
        }
    }

    /// Shows the problems: the summary's links, and each field's message and ARIA state.
    fn show_problems(&self, problems: Vec<Problem>) {
        for f in self.mode.fields() {
            let fid = self.id(f.name());
            let err_id = self.id(&format!("{}-error", f.name()));
            let problem = problems.iter().find(|p| p.field() == *f);
            set_attr(&fid, "aria-invalid", problem.map(|_| "true"));
            set_attr(&fid, "aria-describedby", problem.map(|_| err_id.as_str()));
            set_text(&self.id(&format!("{}-message", f.name())), &problem.map(|p| p.to_string()).unwrap_or_default());
            set_hidden(&err_id, problem.is_none());
            if let Some(field) = by_id::<web_sys::Element>(&self.id(&format!("{}-field", f.name()))) {
                let _ = field.class_list().toggle_with_force("field--invalid", problem.is_some());
            }
        }
        if let Some(list) = by_id::<web_sys::Element>(&self.id("errors-list")) {
            list.set_text_content(None);
            let doc = document();
            for p in &problems {
                if let (Ok(li), Ok(a)) = (doc.create_element("li"), doc.create_element("a")) {
                    let _ = a.set_attribute("href", &format!("#{}", self.id(p.field().name())));
                    a.set_text_content(Some(&p.to_string()));
                    let _ = li.append_child(&a);
                    let _ = list.append_child(&li);
                }
            }
        }
        set_hidden(&self.id("errors"), problems.is_empty());
        *self.problems.borrow_mut() = problems;
    }

    /// Re-checks a field already marked wrong.
    fn recheck(&self, f: Field) {
        if !self.problems.borrow().iter().any(|p| p.field() == f) {
            return;
        }
        let now_wrong = self.draft().check_as(f, self.mode != Mode::Updates);
        let mut problems = self.problems.borrow().clone();
        if let Some(i) = problems.iter().position(|p| p.field() == f) {
            match now_wrong {
                Some(p) => problems[i] = p,
                None => {
                    problems.remove(i);
                }
            }
        }
        self.show_problems(problems);
    }

    /// The postal code's label and keyboard follow the country.
    fn country_changed(&self) {
        if by_id::<web_sys::Element>(&self.id("country")).is_none() {
            return;
        }
        let (label, inputmode) = postal_field(&self.value(Field::Country));
        set_text(&self.id("postal_code-label"), label);
        set_attr(&self.id("postal_code"), "inputmode", inputmode);
    }

    /// Shows what became of this form's signature.
    fn refresh(&self) {
        let status = if self.decoy.get() {
            Some(Status::Signed)
        } else {
            self.key.borrow().as_deref().map(|k| outbox::status(k).unwrap_or(Status::Saved))
        };
        self.show_status(status.as_ref());
    }

    fn show_status(&self, status: Option<&Status>) {
        let petition = matches!(self.mode, Mode::Petition { .. });
        let text = match (status, petition) {
            (None, _) => String::new(),
            (Some(Status::Signed), false) => "Signed up. Thank you.".into(),
            (Some(s), _) => s.message(self.mode.service()),
        };
        set_text(&self.id("status"), &text);
        let done = matches!(status, Some(Status::Signed | Status::Unconfirmed));
        let saved = matches!(status, Some(Status::Saved | Status::Waiting));
        set_hidden(&self.id("outcome"), !done);
        set_hidden(&self.id("outcome-saved"), !saved);
        set_hidden(&self.id("form"), done || saved);
        set_attr(&self.id("submit"), "aria-disabled", (status == Some(&Status::Sending)).then_some("true"));
        if done {
            let signer = self.signer.borrow();
            let name = signer.as_ref().map(|s| s.given_name.as_str()).unwrap_or("");
            set_text(&self.id("thanks"), &if name.is_empty() { "Thank you.".to_string() } else { format!("Thank you, {name}.") });
            let received = match (status, petition) {
                (Some(Status::Signed), true) => "Your signature has been received by the petition service.",
                (Some(Status::Signed), false) => "You’re signed up for updates and action alerts.",
                _ => "",
            };
            set_text(&self.id("received"), received);
            set_hidden(&self.id("received"), received.is_empty());
            let opted_in = signer.as_ref().is_some_and(|s| s.email_opt_in);
            set_hidden(&self.id("opted-in"), !opted_in);
            // The offer needs the signer's details: not for a signature from an earlier visit.
            set_hidden(&self.id("offer"), opted_in || self.decoy.get() || signer.is_none());
        }
        if self.submitted_here.get() && (done || saved) {
            focus(&self.id(if done { "outcome" } else { "outcome-saved" }));
        }
    }

    /// The system share sheet where there is one; elsewhere (in-app browsers often have no
    /// `navigator.share`) a link to copy.
    fn share(&self) {
        let nav: JsValue = window().navigator().into();
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &document().title().into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &share_url().into());
        if js_call(&nav, "share", &data).is_none() {
            if let Some(input) = by_id::<web_sys::HtmlInputElement>(&self.id("share-link")) {
                input.set_value(&share_url());
            }
            set_hidden(&self.id("share-fallback"), false);
        }
    }

    fn copy_link(&self) {
        let nav: JsValue = window().navigator().into();
        let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
        let status = self.id("share-status");
        const BY_HAND: &str = "Select the link above and copy it.";
        match js_call(&clipboard, "writeText", &share_url().into()) {
            Some(p) => wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                set_text(&status, if ok { "Link copied." } else { BY_HAND });
            }),
            None => set_text(&status, BY_HAND),
        }
    }

    /// After signing without ticking the box: one click to also sign up, now with consent.
    fn accept_offer(&self) {
        if self.offer_key.borrow().is_some() {
            return;
        }
        let Some(mut s) = self.signer.borrow().clone() else { return };
        s.email_opt_in = true;
        let submission = new_submission(Kind::Signup, s);
        *self.offer_key.borrow_mut() = Some(submission.key.clone());
        set_hidden(&self.id("offer-yes"), true);
        outbox::submit(&endpoint(), "signup", &submission);
        self.show_offer_status(&submission.key);
    }

    fn show_offer_status(&self, key: &str) {
        let text = match outbox::status(key).unwrap_or(Status::Saved) {
            Status::Signed => "You’re signed up for updates and action alerts.".to_string(),
            s => s.message("signup service"),
        };
        set_text(&self.id("offer-status"), &text);
    }
}
