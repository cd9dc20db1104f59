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
//! - The form is a real `<form method="post">` with named fields, so it still works as plain
//!   HTML where WebAssembly is missing.

use crate::api;
use crate::config::endpoint;
use campaign_core::petition::countries::COUNTRIES;
use campaign_core::petition::outbox::Status;
use campaign_core::petition::payload::{uuid_v4, Adapter, Kind, Submission};
use campaign_core::petition::query::{prefill, Source};
use campaign_core::petition::validate::{Draft, Field, Problem, Signer};
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
            Mode::Updates => &[Field::GivenName, Field::Email],
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

fn field_label(f: Field, mode: &Mode, country: &str) -> &'static str {
    match f {
        Field::GivenName if *mode == Mode::Updates => "First name (optional)",
        Field::GivenName => "First name",
        Field::FamilyName => "Last name (optional)",
        Field::Email => "Email",
        Field::Country => "Country",
        Field::PostalCode if country == "US" => "ZIP code",
        Field::PostalCode => "Postal code",
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
) -> impl IntoView {
    let mode = StoredValue::new(mode);
    let prefix = StoredValue::new(id_prefix);
    let id = move |part: &str| format!("{}-{}", prefix.get_value(), part);
    let draft = RwSignal::new(Draft { country: "US".into(), ..Default::default() });
    let errors = RwSignal::new(Vec::<Problem>::new());
    let honeypot = RwSignal::new(String::new());
    let human = RwSignal::new(false);
    let mounted_at = StoredValue::new(0.0f64);
    // The signature this form sent (its idempotency key), and what became of it.
    let key = RwSignal::new(None::<String>);
    let decoy = RwSignal::new(false);
    let signer = RwSignal::new(None::<Signer>);
    let status = Memo::new(move |_| {
        if decoy.get() {
            return Some(Status::Signed);
        }
        let k = key.get()?;
        Some(api::statuses().with(|m| m.get(&k).cloned()).unwrap_or(Status::Saved))
    });

    // In the browser only: prefill from the allow-listed query parameters, note when the form
    // appeared, and pick up a signature an earlier visit left in the outbox.
    Effect::new(move |_| {
        mounted_at.set_value(js_sys::Date::now());
        let search = window().location().search().unwrap_or_default();
        let p = prefill(&search);
        draft.update(|d| {
            for f in Field::ALL {
                if !p.get(f).is_empty() && mode.with_value(|m| m.fields().contains(&f)) {
                    d.set(f, p.get(f).to_string());
                }
            }
        });
        if let Some(pending) = api::pending_for(&mode.with_value(|m| m.label())).into_iter().next() {
            key.set(Some(pending));
        }
    });

    let error_of = move |f: Field| errors.with(|es| es.iter().find(|p| p.field() == f).map(|p| p.to_string()));
    let sending = move || status.get() == Some(Status::Sending);

    let on_submit = move |ev: web_sys::SubmitEvent| {
        ev.prevent_default();
        if sending() {
            return;
        }
        let too_fast = js_sys::Date::now() - mounted_at.get_value() < TIME_TRAP_MS;
        if !honeypot.get_untracked().is_empty() || (too_fast && !human.get_untracked()) {
            // A bot: a normal-looking thank-you, and nothing is sent.
            decoy.set(true);
            return;
        }
        let d = draft.get_untracked();
        let fields = mode.with_value(|m| m.fields());
        let result = match mode.with_value(|m| m.clone()) {
            Mode::Petition { .. } => d.validate(),
            Mode::Updates => {
                let problems: Vec<Problem> = fields.iter().filter_map(|f| d.check(*f)).collect();
                if problems.is_empty() {
                    Ok(Signer {
                        given_name: campaign_core::petition::validate::tidy(&d.given_name),
                        family_name: String::new(),
                        email: d.email.trim().to_string(),
                        postal_code: String::new(),
                        country: String::new(),
                        email_opt_in: true,
                    })
                } else {
                    Err(problems)
                }
            }
        };
        match result {
            Err(problems) => {
                errors.set(problems);
                focus(&id("errors"));
            }
            Ok(s) => {
                errors.set(Vec::new());
                let kind = match mode.with_value(|m| m.clone()) {
                    Mode::Petition { action, .. } => Kind::Petition { action },
                    Mode::Updates => Kind::Signup,
                };
                let submission = Submission {
                    kind,
                    signer: s.clone(),
                    key: random_key(),
                    submitted_at: js_sys::Date::new_0().to_iso_string().into(),
                    source: page_source(),
                    language: "en".into(),
                };
                signer.set(Some(s));
                api::submit(&endpoint(), &mode.with_value(|m| m.label()), &submission);
                key.set(Some(submission.key));
                focus(&id("outcome"));
            }
        }
    };

    let on_input = move |f: Field, value: String| {
        draft.update(|d| d.set(f, value));
        // Live validation, only on fields already marked wrong.
        if errors.with_untracked(|es| es.iter().any(|p| p.field() == f)) {
            let now_wrong = draft.with_untracked(|d| d.check(f));
            errors.update(|es| match (es.iter().position(|p| p.field() == f), now_wrong) {
                (Some(i), Some(p)) => es[i] = p,
                (Some(i), None) => {
                    es.remove(i);
                }
                _ => {}
            });
        }
    };

    let field = move |f: Field| {
        let fid = id(f.name());
        let err_id = id(&format!("{}-error", f.name()));
        let country = move || draft.with(|d| d.country.clone());
        let label = move || mode.with_value(|m| field_label(f, m, &country()));
        let invalid = move || error_of(f).is_some().then_some("true");
        let described = { let err_id = err_id.clone(); move || error_of(f).map(|_| err_id.clone()) };
        let value = move || draft.with(|d| d.get(f).to_string());
        let control = match f {
            Field::Country => view! {
                <select id=fid.clone() name=f.name() autocomplete="country" aria-invalid=invalid aria-describedby=described
                    on:change=move |ev| on_input(f, event_target_value(&ev)) prop:value=value>
                    {COUNTRIES.iter().map(|(code, name)| view! { <option value=*code>{*name}</option> }).collect_view()}
                </select>
            }.into_any(),
            _ => {
                let (kind, auto, mode_attr) = match f {
                    Field::GivenName => ("text", "given-name", None),
                    Field::FamilyName => ("text", "family-name", None),
                    Field::Email => ("email", "email", Some("email")),
                    _ => ("text", "postal-code", None),
                };
                let inputmode = move || match f {
                    Field::PostalCode if country() == "US" => Some("numeric"),
                    _ => mode_attr,
                };
                view! {
                    <input id=fid.clone() name=f.name() type=kind autocomplete=auto inputmode=inputmode
                        spellcheck=(f == Field::Email).then_some("false") autocapitalize=(f == Field::Email).then_some("off")
                        required=(f == Field::GivenName && mode.with_value(|m| *m != Mode::Updates)) || f == Field::Email
                        aria-invalid=invalid aria-describedby=described prop:value=value
                        on:input=move |ev| on_input(f, event_target_value(&ev)) />
                }.into_any()
            }
        };
        view! {
            <div class="field" class:field--invalid=move || error_of(f).is_some()>
                <label for=fid>{label}</label>
                {move || error_of(f).map(|m| view! { <p class="field__error" id=err_id.clone()><span class="visually-hidden">"Error: "</span>{m}</p> })}
                {control}
            </div>
        }
    };

    let heading = move |text: String, hid: String| -> AnyView {
        if heading_level == 2 { view! { <h2 id=hid>{text}</h2> }.into_any() } else { view! { <h3 id=hid>{text}</h3> }.into_any() }
    };

    let summary = move || {
        let es = errors.get();
        (!es.is_empty()).then(|| view! {
            <div class="error-summary" id=id("errors") tabindex="-1" aria-labelledby=id("errors-title")>
                {heading("There is a problem".into(), id("errors-title"))}
                <ul>
                    {es.iter().map(|p| view! { <li><a href=format!("#{}", id(p.field().name()))>{p.to_string()}</a></li> }).collect_view()}
                </ul>
            </div>
        })
    };

    let fields = mode.with_value(|m| m.fields());
    let (action_attr, cta, is_petition) = mode.with_value(|m| match m {
        Mode::Petition { action, cta } => (action.clone(), cta.clone(), true),
        Mode::Updates => (String::new(), "Sign up".to_string(), false),
    });
    // Without WebAssembly the browser posts the form itself: to the form endpoint, or to the
    // configured plain-form fallback.
    let e = crate::config::ENDPOINT.clone();
    let post_to = if !e.fallback_url.is_empty() {
        e.fallback_url.to_string()
    } else if e.adapter == Adapter::Form {
        e.url_for(&if is_petition { Kind::Petition { action: action_attr.clone() } } else { Kind::Signup })
    } else {
        String::new()
    };

    let form = move || {
        let done = status.get().is_some_and(|s| s != Status::Sending && !matches!(s, Status::Refused(_)));
        (!done).then(|| view! {
            <form class="sign-form" method="post" action=post_to.clone() novalidate
                on:submit=on_submit
                on:keydown=move |ev| if ev.is_trusted() { human.set(true) }
                on:pointerdown=move |ev| if ev.is_trusted() { human.set(true) }>
                {summary}
                <input type="hidden" name="kind" value=if is_petition { "petition" } else { "signup" } />
                <input type="hidden" name="action" value=action_attr.clone() />
                <input type="hidden" name="language" value="en" />
                <div class=if is_petition { "fields fields--grid" } else { "fields" }>
                    {fields.iter().map(|f| field(*f)).collect_view()}
                </div>
                {is_petition.then(|| view! {
                    <div class="check">
                        <input type="checkbox" id=id("email_opt_in") name="email_opt_in" value="yes"
                            prop:checked=move || draft.with(|d| d.email_opt_in)
                            on:change=move |ev| draft.update(|d| d.email_opt_in = event_target_checked(&ev)) />
                        <label for=id("email_opt_in")>"Send me updates and action alerts"</label>
                    </div>
                })}
                <div class="hp" aria-hidden="true">
                    <label for=id(HONEYPOT)>"Leave this field empty"</label>
                    <input type="text" id=id(HONEYPOT) name=HONEYPOT tabindex="-1" autocomplete="off"
                        prop:value=move || honeypot.get() on:input=move |ev| honeypot.set(event_target_value(&ev)) />
                </div>
                <button type="submit" class="button" aria-disabled=move || sending().then_some("true")>{cta.clone()}</button>
            </form>
        })
    };

    let outcome = move || {
        let s = status.get()?;
        let service = mode.with_value(|m| m.service());
        let name = signer.with(|s| s.as_ref().map(|s| s.given_name.clone())).unwrap_or_default();
        let opted_in = signer.with(|s| s.as_ref().is_some_and(|s| s.email_opt_in));
        match s {
            Status::Sending | Status::Refused(_) => None,
            // The status line above says what happened; the panel offers what to do.
            Status::Saved | Status::Waiting => Some(view! {
                <div class="outcome outcome--saved" id=id("outcome") tabindex="-1">
                    <button type="button" class="button button--secondary" on:click=move |_| api::retry_now()>"Try now"</button>
                </div>
            }.into_any()),
            Status::Signed | Status::Unconfirmed => {
                let thanks = if name.is_empty() { "Thank you.".to_string() } else { format!("Thank you, {name}.") };
                let said = match (&s, is_petition) {
                    (Status::Signed, true) => Some("Your signature has been received by the petition service."),
                    (Status::Signed, false) => Some("You’re signed up for updates and action alerts."),
                    _ => None,
                };
                let _ = service;
                Some(view! {
                    <div class="outcome outcome--done" id=id("outcome") tabindex="-1">
                        {heading(thanks, id("outcome-title"))}
                        {said.map(|t| view! { <p>{t}</p> })}
                        {is_petition.then(|| view! {
                            {(opted_in).then(|| view! { <p>"We’ll send you updates and action alerts."</p> })}
                            <Share />
                            {(!opted_in && !decoy.get_untracked()).then(|| view! { <OfferUpdates signer=signer /> })}
                        })}
                    </div>
                }.into_any())
            }
        }
    };

    view! {
        <div class="sign">
            <p class="sign__status" role="status">
                {move || status.get().map(|s| match (&s, mode.with_value(|m| *m == Mode::Updates)) {
                    (Status::Signed, true) => "Signed up. Thank you.".to_string(),
                    _ => s.message(mode.with_value(|m| m.service())),
                })}
            </p>
            {outcome}
            {form}
        </div>
    }
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
            {move || show_copy.get().then(|| view! {
                <div class="share__copy">
                    <label for="share-link">"Link to the petition"</label>
                    <input id="share-link" type="text" readonly prop:value=share_url() />
                    <button type="button" class="button button--secondary" on:click=copy>"Copy link"</button>
                    <p role="status">{move || copied.get()}</p>
                </div>
            })}
        </div>
    }
}

/// After signing without ticking the box: one click to also sign up, now with consent.
#[component]
fn OfferUpdates(signer: RwSignal<Option<Signer>>) -> impl IntoView {
    let key = RwSignal::new(None::<String>);
    let status = move || key.get().map(|k| api::statuses().with(|m| m.get(&k).cloned()).unwrap_or(Status::Saved));
    let sign_up = move |_| {
        if key.get_untracked().is_some() {
            return;
        }
        let Some(mut s) = signer.get_untracked() else { return };
        s.email_opt_in = true;
        let submission = Submission {
            kind: Kind::Signup,
            signer: s,
            key: random_key(),
            submitted_at: js_sys::Date::new_0().to_iso_string().into(),
            source: page_source(),
            language: "en".into(),
        };
        api::submit(&endpoint(), "signup", &submission);
        key.set(Some(submission.key));
    };
    view! {
        <div class="offer">
            <p>"Would you like updates and action alerts too?"</p>
            {move || match status() {
                None => view! { <button type="button" class="button button--secondary" on:click=sign_up>"Yes, send me updates"</button> }.into_any(),
                Some(Status::Signed) => view! { <p role="status">"You’re signed up for updates and action alerts."</p> }.into_any(),
                Some(s) => view! { <p role="status">{s.message("signup service")}</p> }.into_any(),
            }}
        </div>
    }
}
