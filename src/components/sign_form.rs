//! The petition and the "updates and action alerts" signup: one form component in two modes.
//!
//! - Labels are visible; every field has its `autocomplete`, and phones get the right keyboard.
//! - Validation is the core's (`campaign_core::petition::validate`): on submit, then live on the
//!   fields already marked wrong. A failed submit focuses an error summary that links to each
//!   field; each field has its message, `aria-invalid` and `aria-describedby`.
//! - A `role="status"` region announces sending, sent and saved.
//! - While sending, the button stays focusable but does nothing (`aria-disabled`).
//! - Bots: a honeypot field nobody sees and autofill never fills, and a time trap that only
//!   counts a submit with no human key or pointer input at all. A bot gets a normal-looking
//!   thank-you and nothing is sent.
//! - The form is a real `<form method="post">` whose fields carry the `form` adapter's names,
//!   posting to the configured plain-form fallback where WebAssembly is missing. (Completing
//!   that path, with a thank-you page, is the static-first issue's work.)
//! - The markup is rendered once; effects and handlers apply each state to it (see `Form`).

use crate::api;
use crate::components::heading::heading;
use crate::config::endpoint;
use campaign_core::petition::outbox::Status;
use campaign_core::petition::payload::{uuid_v4, Adapter, Kind, Submission};
use campaign_core::petition::countries::countries;
use campaign_core::petition::query::{prefill, Source};
use campaign_core::petition::validate::{Draft, Field, Problem, Signer, SIGNUP_FIELDS};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use leptos::prelude::*;
use wasm_bindgen::{JsCast, JsValue};

/// What the form is for.
#[derive(Clone, PartialEq)]
pub enum Mode {
    /// The petition of the action with this slug.
    Petition { action: String, cta: String },
    /// The updates and action alerts signup.
    Updates,
}

impl Mode {
    fn label(&self) -> String {
        match self {
            Mode::Petition { action, .. } => format!("petition:{action}"),
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

/// A submit this fast, with no key or pointer input from a person at all, is a script.
const TIME_TRAP_MS: f64 = 2_000.0;
/// The honeypot's name: nothing a browser or password manager would fill.
const HONEYPOT: &str = "leave_this_empty";

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

fn page_source() -> Source {
    let w = window();
    let loc = w.location();
    let referrer = document().referrer();
    Source::from_page(&loc.search().unwrap_or_default(), &loc.href().unwrap_or_default(), &referrer)
}

/// A new signature from this page: a fresh idempotency key, the time, and where it came from.
fn new_submission(kind: Kind, signer: Signer) -> Submission {
    Submission {
        kind,
        signer,
        key: random_key(),
        submitted_at: js_sys::Date::new_0().to_iso_string().into(),
        source: page_source(),
        language: "en".into(),
    }
}

/// The page's address for sharing, tagged `?source=share`.
fn share_url() -> String {
    let loc = window().location();
    format!("{}{}?source=share", loc.origin().unwrap_or_default(), loc.pathname().unwrap_or_default())
}

fn js_call(target: &JsValue, method: &str, arg: &JsValue) -> Option<js_sys::Promise> {
    let f = js_sys::Reflect::get(target, &JsValue::from_str(method)).ok()?.dyn_into::<js_sys::Function>().ok()?;
    f.call1(target, arg).ok()?.dyn_into::<js_sys::Promise>().ok()
}

fn focus(id: &str) {
    let id = id.to_string();
    request_animation_frame(move || {
        if let Some(el) = document().get_element_by_id(&id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            let _ = el.focus();
        }
    });
}

/// A field's label as first rendered (the postal code's follows the country; see
/// `Form::country_changed`).
fn field_label(f: Field, mode: &Mode) -> &'static str {
    match f {
        Field::GivenName if *mode == Mode::Updates => "First name (optional)",
        Field::GivenName => "First name",
        Field::FamilyName => "Last name (optional)",
        Field::Email => "Email",
        Field::Country => "Country",
        Field::PostalCode => "ZIP code",
    }
}

/// Looks up an element of this page by id, as the given type.
fn by_id<T: JsCast>(id: &str) -> Option<T> {
    document().get_element_by_id(id)?.dyn_into::<T>().ok()
}

fn set_hidden(id: &str, hidden: bool) {
    if let Some(el) = by_id::<web_sys::HtmlElement>(id) {
        el.set_hidden(hidden);
    }
}

fn set_text(id: &str, text: &str) {
    if let Some(el) = by_id::<web_sys::Element>(id) {
        el.set_text_content(Some(text));
    }
}

fn set_attr(id: &str, name: &str, value: Option<&str>) {
    if let Some(el) = by_id::<web_sys::Element>(id) {
        let _ = match value {
            Some(v) => el.set_attribute(name, v),
            None => el.remove_attribute(name),
        };
    }
}

/// The form's moving parts. The markup is rendered once (and can be rendered ahead of time);
/// these functions update it from event handlers and effects. Updating the DOM directly here,
/// instead of binding every attribute reactively, keeps the form's wasm several times smaller,
/// which every visitor on a slow phone pays for.
struct Form {
    prefix: String,
    mode: Mode,
    heading_level: u8,
    problems: RefCell<Vec<Problem>>,
    mounted_at: Cell<f64>,
    human: Cell<bool>,
    submitted_here: Cell<bool>,
    decoy: Cell<bool>,
    signer: RefCell<Option<Signer>>,
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

    /// Live validation: re-checks a field already marked wrong.
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
        let us = self.value(Field::Country) == "US";
        set_text(&self.id("postal_code-label"), if us { "ZIP code" } else { "Postal code" });
        set_attr(&self.id("postal_code"), "inputmode", us.then_some("numeric"));
    }

    /// Shows what became of the signature.
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
            set_hidden(&self.id("offer"), opted_in || self.decoy.get());
        }
        if self.submitted_here.get() && (done || saved) {
            focus(&self.id(if done { "outcome" } else { "outcome-saved" }));
        }
    }
}

#[component]
pub fn SignForm(
    mode: Mode,
    /// Makes the ids unique when several forms share a page, e.g. "footer".
    #[prop(into)]
    id_prefix: String,
    /// The heading level of the thank-you and error summary titles.
    #[prop(default = 3)]
    heading_level: u8,
) -> AnyView {
    let form = Rc::new(Form {
        prefix: id_prefix,
        mode,
        heading_level,
        problems: RefCell::new(Vec::new()),
        mounted_at: Cell::new(0.0),
        human: Cell::new(false),
        submitted_here: Cell::new(false),
        decoy: Cell::new(false),
        signer: RefCell::new(None),
    });
    let form = StoredValue::new_local(form);
    // The signature this form sent (its idempotency key), or the decoy thank-you for a bot.
    let key = RwSignal::new(None::<String>);
    let decoy = RwSignal::new(false);
    let signer_signal = RwSignal::new(None::<Signer>);

    // In the browser only: prefill from the allow-listed query parameters, note when the form
    // appeared, and pick up a signature an earlier visit left in the outbox.
    Effect::new(move |_| {
        let f = form.get_value();
        f.mounted_at.set(js_sys::Date::now());
        let p = prefill(&window().location().search().unwrap_or_default());
        for field in f.mode.fields() {
            let v = p.get(*field);
            if v.is_empty() {
                continue;
            }
            let id = f.id(field.name());
            if let Some(i) = by_id::<web_sys::HtmlInputElement>(&id) {
                i.set_value(v);
            } else if let Some(s) = by_id::<web_sys::HtmlSelectElement>(&id) {
                s.set_value(v);
            }
        }
        f.country_changed();
        if let Some(pending) = api::pending_for(&f.mode.label()).into_iter().next() {
            key.set(Some(pending));
        }
    });

    // Follows the signature through the outbox.
    Effect::new(move |_| {
        let status = if decoy.get() {
            Some(Status::Signed)
        } else {
            key.get().map(|k| api::statuses().with(|m| m.get(&k).cloned()).unwrap_or(Status::Saved))
        };
        form.get_value().show_status(status.as_ref());
    });

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        let f = form.get_value();
        let sending = key.get_untracked().is_some_and(|k| api::statuses().with_untracked(|m| m.get(&k) == Some(&Status::Sending)));
        if sending {
            return;
        }
        let honeypot = by_id::<web_sys::HtmlInputElement>(&f.id(HONEYPOT)).map(|i| i.value()).unwrap_or_default();
        let too_fast = js_sys::Date::now() - f.mounted_at.get() < TIME_TRAP_MS;
        if !honeypot.is_empty() || (too_fast && !f.human.get()) {
            // A bot: a normal-looking thank-you, and nothing is sent.
            f.submitted_here.set(true);
            f.decoy.set(true);
            decoy.set(true);
            return;
        }
        let d = f.draft();
        let result = match &f.mode {
            Mode::Petition { .. } => d.validate(),
            Mode::Updates => d.validate_signup(),
        };
        match result {
            Err(problems) => {
                f.show_problems(problems);
                focus(&f.id("errors"));
            }
            Ok(s) => {
                f.show_problems(Vec::new());
                let kind = match &f.mode {
                    Mode::Petition { action, .. } => Kind::Petition { action: action.clone() },
                    Mode::Updates => Kind::Signup,
                };
                let submission = new_submission(kind, s.clone());
                *f.signer.borrow_mut() = Some(s.clone());
                signer_signal.set(Some(s));
                f.submitted_here.set(true);
                api::submit(&endpoint(), &f.mode.label(), &submission);
                key.set(Some(submission.key));
            }
        }
    };
    let on_input = move |ev: web_sys::Event| {
        let Some(name) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()).and_then(|e| e.get_attribute("name")) else { return };
        let f = form.get_value();
        if let Some(field) = Field::ALL.into_iter().find(|x| x.name() == name) {
            if field == Field::Country {
                f.country_changed();
                f.recheck(Field::PostalCode);
            }
            f.recheck(field);
        }
    };
    let human = move |trusted: bool| {
        if trusted {
            form.get_value().human.set(true);
        }
    };

    let f = form.get_value();
    let id = |part: &str| f.id(part);
    let is_petition = matches!(f.mode, Mode::Petition { .. });
    let (action_slug, cta) = match &f.mode {
        Mode::Petition { action, cta } => (action.clone(), cta.clone()),
        Mode::Updates => (String::new(), "Sign up".to_string()),
    };
    // Without WebAssembly the browser posts the form itself: to the form endpoint, or to the
    // configured plain-form fallback.
    let e = &crate::config::ENDPOINT;
    let post_to = if !e.fallback_url.is_empty() {
        e.fallback_url.to_string()
    } else if e.adapter == Adapter::Form {
        e.url_for(&if is_petition { Kind::Petition { action: action_slug.clone() } } else { Kind::Signup })
    } else {
        String::new()
    };

    let field = |x: Field| {
        let fid = id(x.name());
        let label = field_label(x, &f.mode);
        let control = if x == Field::Country {
            view! {
                <select id=fid.clone() name=x.name() autocomplete="country">
                    {countries().map(|(code, name)| view! { <option value=code selected=code == "US">{name}</option> }).collect_view()}
                </select>
            }
            .into_any()
        } else {
            let (kind, auto, inputmode) = match x {
                Field::GivenName => ("text", "given-name", None),
                Field::FamilyName => ("text", "family-name", None),
                Field::Email => ("email", "email", Some("email")),
                _ => ("text", "postal-code", Some("numeric")),
            };
            let email = x == Field::Email;
            view! {
                <input id=fid.clone() name=x.name() type=kind autocomplete=auto inputmode=inputmode
                    spellcheck=email.then_some("false") autocapitalize=email.then_some("off") />
            }
            .into_any()
        };
        view! {
            <div class="field" id=id(&format!("{}-field", x.name()))>
                <label for=fid id=id(&format!("{}-label", x.name()))>{label}</label>
                <p class="field__error" id=id(&format!("{}-error", x.name())) hidden>
                    <span class="visually-hidden">"Error: "</span><span id=id(&format!("{}-message", x.name()))></span>
                </p>
                {control}
            </div>
        }
    };

    view! {
        <div class="sign">
            <p class="sign__status" role="status" id=id("status")></p>
            <div class="outcome outcome--saved" id=id("outcome-saved") tabindex="-1" hidden>
                <button type="button" class="button button--secondary" on:click=move |_| api::retry_now()>"Try now"</button>
            </div>
            <div class="outcome outcome--done" id=id("outcome") tabindex="-1" hidden>
                {heading(f.heading_level, "", Some(id("thanks")))}
                <p id=id("received") hidden></p>
                {is_petition.then(|| view! {
                    <p id=id("opted-in") hidden>"We’ll send you updates and action alerts."</p>
                    <Share />
                    <OfferUpdates signer=signer_signal id=id("offer") />
                })}
            </div>
            <form class="sign-form" id=id("form") method="post" action=post_to novalidate
                on:submit=on_submit on:input=on_input on:change=on_input
                on:keydown=move |ev| human(ev.is_trusted()) on:pointerdown=move |ev| human(ev.is_trusted())>
                <div class="error-summary" id=id("errors") tabindex="-1" aria-labelledby=id("errors-title") hidden>
                    {heading(f.heading_level, "There is a problem", Some(id("errors-title")))}
                    <ul id=id("errors-list")></ul>
                </div>
                <input type="hidden" name="kind" value=if is_petition { "petition" } else { "signup" } />
                <input type="hidden" name="action" value=action_slug />
                <input type="hidden" name="language" value="en" />
                <div class=if is_petition { "fields fields--grid" } else { "fields" }>
                    {f.mode.fields().iter().map(|x| field(*x)).collect_view()}
                </div>
                {is_petition.then(|| view! {
                    <div class="check">
                        <input type="checkbox" id=id("email_opt_in") name="email_opt_in" value="yes" />
                        <label for=id("email_opt_in")>"Send me updates and action alerts"</label>
                    </div>
                })}
                <div class="hp" aria-hidden="true">
                    <label for=id(HONEYPOT)>"Leave this field empty"</label>
                    <input type="text" id=id(HONEYPOT) name=HONEYPOT tabindex="-1" autocomplete="off" />
                </div>
                <button type="submit" class="button" id=id("submit")>{cta}</button>
            </form>
        </div>
    }
    // A type boundary: the form is used on several pages, and without it each page's view type
    // would carry (and compile in) its own copy of the form's rendering code.
    .into_any()
}

/// Sharing after signing: the system share sheet where there is one, a link to copy elsewhere
/// (in-app browsers often have no `navigator.share`).
#[component]
fn Share() -> impl IntoView {
    let show_copy = RwSignal::new(false);
    let copied = RwSignal::new(None::<&'static str>);
    let share = move |_| {
        let nav: JsValue = window().navigator().into();
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &document().title().into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &share_url().into());
        if js_call(&nav, "share", &data).is_none() {
            show_copy.set(true);
        }
    };
    let copy = move |_| {
        let nav: JsValue = window().navigator().into();
        let clipboard = js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
        match js_call(&clipboard, "writeText", &share_url().into()) {
            Some(p) => leptos::task::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                copied.set(Some(if ok { "Link copied." } else { "Select the link above and copy it." }));
            }),
            None => copied.set(Some("Select the link above and copy it.")),
        }
    };
    view! {
        <div class="share">
            <button type="button" class="button" on:click=share>"Share the petition"</button>
            <div class="share__copy" hidden=move || !show_copy.get()>
                <label for="share-link">"Link to the petition"</label>
                <input id="share-link" type="text" readonly prop:value=move || show_copy.get().then(share_url) />
                <button type="button" class="button button--secondary" on:click=copy>"Copy link"</button>
                <p role="status">{move || copied.get()}</p>
            </div>
        </div>
    }
}

/// After signing without ticking the box: one click to also sign up, now with consent.
#[component]
fn OfferUpdates(signer: RwSignal<Option<Signer>>, #[prop(into)] id: String) -> impl IntoView {
    let key = RwSignal::new(None::<String>);
    let sign_up = move |_| {
        if key.get_untracked().is_some() {
            return;
        }
        let Some(mut s) = signer.get_untracked() else { return };
        s.email_opt_in = true;
        let submission = new_submission(Kind::Signup, s);
        api::submit(&endpoint(), "signup", &submission);
        key.set(Some(submission.key));
    };
    let said = move || {
        let k = key.get()?;
        Some(match api::statuses().with(|m| m.get(&k).cloned()).unwrap_or(Status::Saved) {
            Status::Signed => "You’re signed up for updates and action alerts.".to_string(),
            s => s.message("signup service"),
        })
    };
    view! {
        <div class="offer" id=id hidden>
            <p>"Would you like updates and action alerts too?"</p>
            <button type="button" class="button button--secondary" hidden=move || key.get().is_some() on:click=sign_up>
                "Yes, send me updates"
            </button>
            <p role="status">{said}</p>
        </div>
    }
}
