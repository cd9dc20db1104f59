//! The forms' behaviour. Each `[data-sign]` element the site rendered (see the site's
//! `src/components/sign_form.rs` for the markup, and `campaign_core::contract::Part` for its
//! parts' ids) gets one `Form`, which:
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
use crate::endpoint;
use crate::outbox;
use campaign_core::contract::{attr, Part, SIGN_PETITION};
use campaign_core::i18n::{fill, Lang, Ui};
use campaign_core::petition::consent;
use campaign_core::petition::countries::postal_field;
use campaign_core::petition::outbox::{Notice, Status};
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
    fn service(&self, ui: &Ui) -> &'static str {
        match self {
            Mode::Petition { .. } => ui.petition_service,
            Mode::Updates => ui.signup_service,
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

/// A new signature from this page: a fresh idempotency key, the time, where it came from, and
/// the form's language (its own, in an embed: not the host page's). An embed's `data-source`
/// names the source when the page's address (`?source=`) does not.
fn new_submission(
    kind: Kind,
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
        signer,
        key: random_key(),
        submitted_at: js_sys::Date::new_0().to_iso_string().into(),
        source,
        language: lang.code().to_string(),
        consent_version,
    }
}

/// One form on the page, and what became of what it sent.
struct Form {
    root: web_sys::Element,
    /// Where its parts are: the page, or an embed's shadow root.
    scope: Scope,
    /// Its language: that of its nearest `lang` attribute (the page's, or the embed's).
    lang: Lang,
    /// Its words, in that language.
    ui: &'static Ui,
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
    /// The signatures whose arrival this form has announced to the page (`truah:signed`…).
    announced: RefCell<Vec<String>>,
}

thread_local! {
    static FORMS: RefCell<Vec<Rc<Form>>> = const { RefCell::new(Vec::new()) };
}

/// Brings to life every form on the page now, and every form added later.
pub fn watch() {
    if let Some(body) = document().body() {
        watch_in(body.into());
    }
}

/// Brings to life every form in `root` (the page's body, or an embed's shadow root) now, and
/// every form added to it later.
pub fn watch_in(root: web_sys::Node) {
    attach_in(&root);
    let within = root.clone();
    let cb = Closure::<dyn FnMut()>::new(move || attach_in(&within));
    if let Ok(observer) = web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&root, &options);
    }
    cb.forget();
}

/// Brings to life each form on the page that is not yet.
pub fn attach_all() {
    attach_in(&document().into());
}

/// The forms not yet brought to life.
fn unready() -> String {
    format!("[{}]:not([{}])", attr::SIGN, attr::SIGN_READY)
}

fn attach_in(root: &web_sys::Node) {
    let list = if let Some(el) = root.dyn_ref::<web_sys::Element>() {
        el.query_selector_all(&unready())
    } else if let Some(d) = root.dyn_ref::<web_sys::Document>() {
        d.query_selector_all(&unready())
    } else if let Some(f) = root.dyn_ref::<web_sys::DocumentFragment>() {
        f.query_selector_all(&unready())
    } else {
        return;
    };
    let Ok(list) = list else { return };
    for i in 0..list.length() {
        if let Some(root) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
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
    let _ = root.set_attribute(attr::SIGN_READY, "");
    let mode = match root.get_attribute(attr::SIGN).as_deref() {
        Some(SIGN_PETITION) => Mode::Petition {
            action: root.get_attribute(attr::ACTION).unwrap_or_default(),
        },
        _ => Mode::Updates,
    };
    let Some(prefix) = root.get_attribute(attr::PREFIX) else {
        return;
    };
    let lang = root
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En);
    let f = Rc::new(Form {
        // Keys or pointer input seen before this module arrived (js/lazy-signer.js notes them).
        human: Cell::new(root.has_attribute(attr::HUMAN)),
        scope: Scope::of(&root),
        lang,
        ui: lang.ui(),
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
        announced: RefCell::new(Vec::new()),
    });
    f.prefill();
    f.country_changed();
    let label = f.mode.label();
    // This form's endpoint overrides are today's: a signature it left waiting goes where it
    // says now.
    // What an earlier visit left: a signature that could not be sent in time and was removed
    // (say so), or one still waiting (show where it stands, unless this visit has signed).
    let g = f.clone();
    outbox::restore(
        &label,
        endpoint::overrides(f.scope.host()),
        move |pending, notice| {
            if let Some(notice) = notice {
                g.expired_notice()(notice);
            }
            if let Some((key, _)) = pending {
                if g.key.borrow().is_none() {
                    *g.key.borrow_mut() = Some(key);
                    g.refresh();
                }
            }
        },
    );
    if let Some(form) = f.el::<web_sys::EventTarget>(Part::Form) {
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
    // The error summary's links focus their field instead of following `#id`: in an embed on
    // another website that would change the host page's address (and find nothing there).
    if let Some(summary) = f.el::<web_sys::EventTarget>(Part::Errors) {
        let g = f.clone();
        on(&summary, "click", move |ev| {
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("a[href^='#']").ok().flatten());
            if let Some(id) = link.and_then(|a| a.get_attribute("href")) {
                ev.prevent_default();
                if let Some(field) = g.scope.by_id::<web_sys::HtmlElement>(&id[1..]) {
                    field.scroll_into_view();
                    let _ = field.focus();
                }
            }
        });
    }
    f.on_click(Part::Retry, |_| outbox::retry_now());
    let g = f.clone();
    f.on_click(Part::SignAnother, move |_| g.start_afresh(None));
    let g = f.clone();
    f.on_click(Part::Forget, move |_| {
        if let Some(key) = g.key.borrow().clone() {
            outbox::forget(&key, || {});
        }
        g.start_afresh(Some(g.ui.forgotten));
    });
    // Sent another way: the form as a plain HTML form, to its plain-post target, once the copy
    // waiting here is off the device (it must not follow later).
    let g = f.clone();
    f.on_click(Part::SendPlainly, move |_| {
        let Some(form) = g.el::<web_sys::HtmlFormElement>(Part::Form) else {
            return;
        };
        let post = move || {
            let _ = form.submit();
        };
        match g.key.borrow().clone() {
            Some(key) => outbox::forget(&key, post),
            None => post(),
        }
    });
    let g = f.clone();
    f.on_click(Part::Share, move |_| g.share());
    let g = f.clone();
    f.on_click(Part::ShareCopy, move |_| g.copy_link());
    let g = f.clone();
    f.on_click(Part::OfferYes, move |_| g.accept_offer());
    FORMS.with_borrow_mut(|forms| forms.push(f));
}

impl Form {
    fn id(&self, part: Part) -> String {
        part.id(&self.prefix)
    }

    /// One of this form's parts (`status`, `form`, `email`…), as the given type.
    fn el<T: JsCast>(&self, part: Part) -> Option<T> {
        self.scope.by_id(&self.id(part))
    }
    fn set_text(&self, part: Part, text: &str) {
        self.scope.set_text(&self.id(part), text);
    }
    fn set_hidden(&self, part: Part, hidden: bool) {
        self.scope.set_hidden(&self.id(part), hidden);
    }
    fn set_attr(&self, part: Part, name: &str, value: Option<&str>) {
        self.scope.set_attr(&self.id(part), name, value);
    }
    fn focus(&self, part: Part) {
        self.scope.focus(&self.id(part));
    }
    fn on_click(&self, part: Part, f: impl FnMut(web_sys::Event) + 'static) {
        self.scope.on_click(&self.id(part), f);
    }

    /// The address to share, tagged `?source=share`: the form's `data-share-url` (an embed
    /// shares the campaign's own page, not the page it sits in), or this page's.
    fn share_url(&self) -> String {
        let page = match self.root.get_attribute(attr::SHARE_URL) {
            Some(url) => url.split(['?', '#']).next().unwrap_or_default().to_string(),
            None => {
                let loc = window().location();
                format!(
                    "{}{}",
                    loc.origin().unwrap_or_default(),
                    loc.pathname().unwrap_or_default()
                )
            }
        };
        format!("{page}?source=share")
    }

    /// Tells the page, once per signature, that one has arrived: `truah:signed` for a petition
    /// signature, `truah:signup` for an updates signup. It bubbles out of an embed's shadow root
    /// to the host page, for its own analytics, and carries no personal data.
    fn announce(&self, key: &str, kind: &Kind) {
        if self.announced.borrow().iter().any(|k| k == key) {
            return;
        }
        self.announced.borrow_mut().push(key.to_string());
        let detail = js_sys::Object::new();
        let (name, kind_name) = match kind {
            Kind::Petition { action } => {
                let _ = js_sys::Reflect::set(&detail, &"action".into(), &action.as_str().into());
                ("truah:signed", "petition")
            }
            Kind::Signup => ("truah:signup", "signup"),
        };
        let _ = js_sys::Reflect::set(&detail, &"kind".into(), &kind_name.into());
        let init = web_sys::CustomEventInit::new();
        init.set_bubbles(true);
        init.set_composed(true);
        init.set_detail(&detail);
        if let Ok(ev) = web_sys::CustomEvent::new_with_event_init_dict(name, &init) {
            let _ = self.root.dispatch_event(&ev);
        }
    }

    fn value(&self, f: Field) -> String {
        if let Some(i) = self.el::<web_sys::HtmlInputElement>(Part::Input(f)) {
            return i.value();
        }
        self.el::<web_sys::HtmlSelectElement>(Part::Input(f))
            .map(|s| s.value())
            .unwrap_or_default()
    }

    fn draft(&self) -> Draft {
        let mut d = Draft {
            country: "US".into(),
            ..Default::default()
        };
        for f in self.mode.fields() {
            d.set(*f, self.value(*f));
        }
        d.email_opt_in = self
            .el::<web_sys::HtmlInputElement>(Part::OptIn)
            .is_some_and(|c| c.checked());
        d
    }

    fn submit(&self, ev: web_sys::Event) {
        ev.prevent_default();
        let sending =
            self.key.borrow().as_deref().and_then(outbox::status) == Some(Status::Sending);
        if sending {
            return;
        }
        let honeypot = self
            .el::<web_sys::HtmlInputElement>(Part::Honeypot)
            .map(|i| i.value())
            .unwrap_or_default();
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
                self.focus(Part::Errors);
            }
            Ok(s) => {
                self.show_problems(Vec::new());
                let kind = match &self.mode {
                    Mode::Petition { action } => Kind::Petition {
                        action: action.clone(),
                    },
                    Mode::Updates => Kind::Signup,
                };
                // The version of the consent wording this form shows, rendered with it.
                let consent = self
                    .el::<web_sys::HtmlInputElement>(Part::ConsentVersion)
                    .map(|i| i.value())
                    .unwrap_or_default();
                let submission =
                    new_submission(kind, s.clone(), consent, self.scope.host(), self.lang);
                *self.signer.borrow_mut() = Some(s);
                *self.key.borrow_mut() = Some(submission.key.clone());
                self.submitted_here.set(true);
                self.set_hidden(Part::Expired, true);
                outbox::submit(
                    &self.mode.label(),
                    &submission,
                    endpoint::overrides(self.scope.host()),
                );
                self.refresh();
            }
        }
    }

    /// Live validation, and the postal code following the country.
    fn input(&self, ev: web_sys::Event) {
        let Some(name) = ev
            .target()
            .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
            .and_then(|e| e.get_attribute("name"))
        else {
            return;
        };
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
            let problem = problems.iter().find(|p| p.field() == *f);
            let error = self.id(Part::Error(*f));
            self.set_attr(Part::Input(*f), "aria-invalid", problem.map(|_| "true"));
            self.set_attr(
                Part::Input(*f),
                "aria-describedby",
                problem.map(|_| error.as_str()),
            );
            let message = problem.map(|p| p.message(self.ui)).unwrap_or_default();
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
            for p in &problems {
                let Ok(item) = template.content().clone_node_with_deep(true) else {
                    continue;
                };
                let item: web_sys::DocumentFragment = item.unchecked_into();
                if let Ok(Some(a)) = item.query_selector("a") {
                    let _ =
                        a.set_attribute("href", &format!("#{}", self.id(Part::Input(p.field()))));
                    a.set_text_content(Some(&p.message(self.ui)));
                }
                let _ = list.append_child(&item);
            }
        }
        self.set_hidden(Part::Errors, problems.is_empty());
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

    /// Fills the empty fields from the link the visitor came by (`prefill`); the country only
    /// while it is still the one the form started with. Never the consent box.
    fn prefill(&self) {
        let Some(d) = crate::prefill::draft() else {
            return;
        };
        for f in self.mode.fields() {
            let v = d.get(*f);
            if v.is_empty() {
                continue;
            }
            if let Some(i) = self.el::<web_sys::HtmlInputElement>(Part::Input(*f)) {
                if i.value().is_empty() {
                    i.set_value(v);
                }
            } else if let Some(s) = self.el::<web_sys::HtmlSelectElement>(Part::Input(*f)) {
                let untouched = s
                    .selected_options()
                    .item(0)
                    .and_then(|o| o.dyn_into::<web_sys::HtmlOptionElement>().ok())
                    .is_some_and(|o| o.default_selected());
                if untouched {
                    s.set_value(v);
                }
            }
        }
    }

    /// The postal code's label and keyboard follow the country.
    fn country_changed(&self) {
        if self
            .el::<web_sys::Element>(Part::Input(Field::Country))
            .is_none()
        {
            return;
        }
        let (label, inputmode) = postal_field(&self.value(Field::Country), self.ui);
        self.set_text(Part::Label(Field::PostalCode), label);
        self.set_attr(Part::Input(Field::PostalCode), "inputmode", inputmode);
    }

    /// Starts again with an empty form, for another person (or after forgetting a signature):
    /// the signature that was waiting, if any, goes on being sent without this form.
    fn start_afresh(&self, say: Option<&str>) {
        *self.key.borrow_mut() = None;
        *self.signer.borrow_mut() = None;
        self.submitted_here.set(false);
        if let Some(form) = self.el::<web_sys::HtmlFormElement>(Part::Form) {
            form.reset();
        }
        self.country_changed();
        self.show_problems(Vec::new());
        self.show_status(None);
        self.set_text(Part::Status, say.unwrap_or(""));
        self.focus(Part::Input(self.mode.fields()[0]));
    }

    /// What shows the notice that an earlier signature made with this form on this device could
    /// not be sent in time, and was removed.
    fn expired_notice(&self) -> impl FnOnce(Notice) + 'static {
        let lang = self
            .root
            .closest("[lang]")
            .ok()
            .flatten()
            .and_then(|e| e.get_attribute("lang"))
            .unwrap_or_default();
        let (scope, id) = (self.scope.clone(), self.id(Part::Expired));
        let (template, service) = (self.ui.expired, self.mode.service(self.ui));
        move |notice| {
            let date = js_sys::Date::new(&notice.queued_at.into())
                .to_locale_date_string(&lang, &js_sys::Object::new())
                .as_string()
                .unwrap_or_default();
            scope.set_text(&id, &fill(template, &[&date, service]));
            scope.set_hidden(&id, false);
        }
    }

    /// Shows what became of this form's signature.
    fn refresh(&self) {
        let status = if self.decoy.get() {
            Some(Status::Signed)
        } else {
            self.key.borrow().as_deref().and_then(outbox::status_of)
        };
        if status.is_none() && self.key.borrow().is_some() {
            // It was removed meanwhile: tried for long enough (say so), or forgotten elsewhere.
            *self.key.borrow_mut() = None;
            outbox::take_notice(&self.mode.label(), self.expired_notice());
        }
        self.show_status(status.as_ref());
        if matches!(status, Some(Status::Signed | Status::Unconfirmed)) && !self.decoy.get() {
            if let Some(key) = self.key.borrow().as_deref() {
                let kind = match &self.mode {
                    Mode::Petition { action } => Kind::Petition {
                        action: action.clone(),
                    },
                    Mode::Updates => Kind::Signup,
                };
                self.announce(key, &kind);
            }
        }
    }

    fn show_status(&self, status: Option<&Status>) {
        let petition = matches!(self.mode, Mode::Petition { .. });
        let text = match (status, petition) {
            (None, _) => String::new(),
            (Some(Status::Signed), false) => self.ui.signed_up.into(),
            (Some(s), _) => s.message_in(self.ui, self.mode.service(self.ui)),
        };
        self.set_text(Part::Status, &text);
        let done = matches!(status, Some(Status::Signed | Status::Unconfirmed));
        let saved = matches!(
            status,
            Some(Status::Saved | Status::Unreachable | Status::Waiting)
        );
        // The service cannot be reached: the other ways to sign. Sending the form as it is
        // needs what the visitor typed, so only for a signature made on this page.
        self.set_hidden(Part::OtherWay, status != Some(&Status::Unreachable));
        self.set_hidden(Part::SendPlainly, self.signer.borrow().is_none());
        self.set_hidden(Part::Outcome, !done);
        self.set_hidden(Part::OutcomeSaved, !saved);
        self.set_hidden(Part::Form, done || saved);
        self.set_attr(
            Part::Submit,
            "aria-disabled",
            (status == Some(&Status::Sending)).then_some("true"),
        );
        if done {
            let signer = self.signer.borrow();
            let name = signer.as_ref().map(|s| s.given_name.as_str()).unwrap_or("");
            self.set_text(
                Part::Thanks,
                &if name.is_empty() {
                    self.ui.thank_you.to_string()
                } else {
                    fill(self.ui.thank_you_name, &[name])
                },
            );
            let received = match (status, petition) {
                (Some(Status::Signed), true) => self.ui.received_petition,
                (Some(Status::Signed), false) => self.ui.received_signup,
                _ => "",
            };
            self.set_text(Part::Received, received);
            self.set_hidden(Part::Received, received.is_empty());
            let opted_in = signer.as_ref().is_some_and(|s| s.email_opt_in);
            self.set_hidden(Part::OptedIn, !opted_in);
            // The offer needs the signer's details: not for a signature from an earlier visit.
            self.set_hidden(
                Part::Offer,
                opted_in || self.decoy.get() || signer.is_none(),
            );
        }
        if self.submitted_here.get() && (done || saved) {
            self.focus(if done {
                Part::Outcome
            } else {
                Part::OutcomeSaved
            });
        }
    }

    /// The system share sheet where there is one; elsewhere (in-app browsers often have no
    /// `navigator.share`) a link to copy.
    fn share(&self) {
        let nav: JsValue = window().navigator().into();
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &document().title().into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &self.share_url().into());
        if js_call(&nav, "share", &data).is_none() {
            if let Some(input) = self.el::<web_sys::HtmlInputElement>(Part::ShareLink) {
                input.set_value(&self.share_url());
            }
            self.set_hidden(Part::ShareFallback, false);
        }
    }

    fn copy_link(&self) {
        let nav: JsValue = window().navigator().into();
        let clipboard =
            js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
        let (scope, status, ui) = (self.scope.clone(), self.id(Part::ShareStatus), self.ui);
        match js_call(&clipboard, "writeText", &self.share_url().into()) {
            Some(p) => wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                scope.set_text(&status, if ok { ui.link_copied } else { ui.copy_by_hand });
            }),
            None => scope.set_text(&status, ui.copy_by_hand),
        }
    }

    /// After signing without ticking the box: one click to also sign up, now with consent.
    fn accept_offer(&self) {
        if self.offer_key.borrow().is_some() {
            return;
        }
        let Some(mut s) = self.signer.borrow().clone() else {
            return;
        };
        s.email_opt_in = true;
        // The offer's consent is its question: "Sign me up for updates too?"
        let consent = consent::version_text(self.lang.ui().offer_question);
        let submission = new_submission(Kind::Signup, s, consent, self.scope.host(), self.lang);
        *self.offer_key.borrow_mut() = Some(submission.key.clone());
        self.set_hidden(Part::OfferYes, true);
        outbox::submit(
            "signup",
            &submission,
            endpoint::overrides(self.scope.host()),
        );
        self.show_offer_status(&submission.key);
    }

    fn show_offer_status(&self, key: &str) {
        let text = match outbox::status(key).unwrap_or(Status::Saved) {
            Status::Signed => {
                self.announce(key, &Kind::Signup);
                self.ui.received_signup.to_string()
            }
            s => s.message_in(self.ui, self.ui.signup_service),
        };
        self.set_text(Part::OfferStatus, &text);
    }
}
