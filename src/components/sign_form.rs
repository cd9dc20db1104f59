//! The petition and the "updates and action alerts" signup: one form's markup in two modes.
//!
//! This is markup only. Its behaviour (validation, the error summary, statuses, the outbox,
//! sharing) is the signer's (`signer/`, a separate, Leptos-free wasm module that
//! `public/boot.js` loads once a visitor starts filling in a form). The signer finds each form by
//! its `data-sign` attribute and its parts by the ids below (`{prefix}-…`), so the two must
//! agree: the browser tests (`tests/browser.rs`) mount this markup and run the signer on it.
//!
//! - Labels are visible; every field has its `autocomplete`, and phones get the right keyboard.
//! - The form is a real `<form method="post">` whose fields carry the `form` adapter's names,
//!   posting to the configured plain-form fallback where WebAssembly is missing.
//! - A honeypot field nobody sees and autofill never fills.

use crate::components::heading::heading;
use crate::config::ENDPOINT;
use campaign_core::petition::HONEYPOT;
use campaign_core::petition::countries::{countries, postal_field};
use campaign_core::petition::payload::Kind;
use campaign_core::petition::query::prefill;
use campaign_core::petition::validate::{Field, SIGNUP_FIELDS};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

/// What the form is for.
#[derive(Clone, PartialEq)]
pub enum Mode {
    /// The petition of the action with this slug.
    Petition { action: String, cta: String },
    /// The updates and action alerts signup.
    Updates,
}

impl Mode {
    fn fields(&self) -> &'static [Field] {
        match self {
            Mode::Petition { .. } => &Field::ALL,
            Mode::Updates => &SIGNUP_FIELDS,
        }
    }
}


/// A field's label as first rendered (the postal code's follows the country).
fn field_label(f: Field, mode: &Mode) -> &'static str {
    match f {
        Field::GivenName if *mode == Mode::Updates => "First name (optional)",
        Field::GivenName => "First name",
        Field::FamilyName => "Last name (optional)",
        Field::Email => "Email",
        Field::Country => "Country",
        Field::PostalCode => postal_field("US").0,
    }
}

/// Fills the form from the allow-listed query parameters (a link in an email), as text.
fn apply_prefill(prefix: &str, fields: &[Field]) {
    let search = window().location().search().unwrap_or_default();
    let p = prefill(&search);
    let doc = document();
    for field in fields {
        let v = p.get(*field);
        if v.is_empty() {
            continue;
        }
        let Some(el) = doc.get_element_by_id(&format!("{prefix}-{}", field.name())) else { continue };
        if let Some(i) = el.dyn_ref::<web_sys::HtmlInputElement>() {
            i.set_value(v);
        } else if let Some(s) = el.dyn_ref::<web_sys::HtmlSelectElement>() {
            s.set_value(v);
            let (label, inputmode) = postal_field(&s.value());
            if let Some(l) = doc.get_element_by_id(&format!("{prefix}-postal_code-label")) {
                l.set_text_content(Some(label));
            }
            if let (Some(i), None) = (doc.get_element_by_id(&format!("{prefix}-postal_code")), inputmode) {
                let _ = i.remove_attribute("inputmode");
            }
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
    /// Where the form posts as plain HTML without WebAssembly ("" for nowhere); by default,
    /// where the signup configuration says.
    #[prop(optional, into)]
    plain_post: Option<String>,
) -> AnyView {
    let prefix = id_prefix;
    let id = |part: &str| format!("{prefix}-{part}");
    let is_petition = matches!(mode, Mode::Petition { .. });
    let (action_slug, cta) = match &mode {
        Mode::Petition { action, cta } => (action.clone(), cta.clone()),
        Mode::Updates => (String::new(), "Sign up".to_string()),
    };
    // In the browser only (effects never run when rendering ahead of time).
    let (p, fields) = (prefix.clone(), mode.fields());
    Effect::new(move |_| apply_prefill(&p, fields));

    // Without WebAssembly the browser posts the form itself: to the form endpoint, or to the
    // configured plain-form fallback; or nowhere, and then the form says so.
    let kind = if is_petition { Kind::Petition { action: action_slug.clone() } } else { Kind::Signup };
    let post_to = plain_post.unwrap_or_else(|| ENDPOINT.plain_post_url(&kind).unwrap_or_default());
    let no_target = post_to.is_empty();
    let site = &crate::content::content().site;
    let no_wasm_text = {
        let (what, verb) = if is_petition { ("your signature", "sign") } else { ("your signup", "sign up") };
        let before = format!("This form needs WebAssembly, which your browser has turned off (Lockdown Mode does this), so it cannot send {what} from here. Please {verb} on ");
        let link = format!("{}’s website", site.org_name);
        let url = site.org_url.to_string();
        view! { {before} <a href=url>{link}</a> ", or open this page in another browser." }.into_any()
    };

    let field = |x: Field| {
        let fid = id(x.name());
        let label = field_label(x, &mode);
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
                _ => ("text", "postal-code", postal_field("US").1),
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
        <div class="sign" data-sign=if is_petition { "petition" } else { "signup" } data-action=action_slug.clone() data-prefix=prefix.clone()>
            <p class="sign__status" role="status" id=id("status")></p>
            <div class="outcome outcome--saved" id=id("outcome-saved") tabindex="-1" hidden>
                <button type="button" class="button button--secondary" id=id("retry")>"Try now"</button>
            </div>
            <div class="outcome outcome--done" id=id("outcome") tabindex="-1" hidden>
                {heading(heading_level, "", Some(id("thanks")))}
                <p id=id("received") hidden></p>
                {is_petition.then(|| view! {
                    <p id=id("opted-in") hidden>"We’ll send you updates and action alerts."</p>
                    // Sharing: the system share sheet where there is one, a link to copy elsewhere
                    // (in-app browsers often have no `navigator.share`).
                    <div class="share">
                        <button type="button" class="button" id=id("share")>"Share the petition"</button>
                        <div class="share__copy" id=id("share-fallback") hidden>
                            <label for=id("share-link")>"Link to the petition"</label>
                            <input id=id("share-link") type="text" readonly />
                            <button type="button" class="button button--secondary" id=id("share-copy")>"Copy link"</button>
                            <p role="status" id=id("share-status")></p>
                        </div>
                    </div>
                    // After signing without ticking the box: one click to also sign up.
                    <div class="offer" id=id("offer") hidden>
                        <p>"Would you like updates and action alerts too?"</p>
                        <button type="button" class="button button--secondary" id=id("offer-yes")>"Yes, send me updates"</button>
                        <p role="status" id=id("offer-status")></p>
                    </div>
                })}
            </div>
            <form class="sign-form" id=id("form") method="post" action=post_to novalidate>
                <div class="error-summary" id=id("errors") tabindex="-1" aria-labelledby=id("errors-title") hidden>
                    {heading(heading_level, "There is a problem", Some(id("errors-title")))}
                    <ul id=id("errors-list")></ul>
                </div>
                <input type="hidden" name="kind" value=if is_petition { "petition" } else { "signup" } />
                <input type="hidden" name="action" value=action_slug.clone() />
                <input type="hidden" name="language" value="en" />
                {no_target.then(move || view! {
                    // Nowhere to post without WebAssembly: say so before anyone types a thing.
                    // Shown in the prerendered page (JavaScript off); public/boot.js hides it
                    // where WebAssembly is there.
                    <p class="sign__nowasm" data-needs-wasm hidden=!cfg!(feature = "ssr")>{no_wasm_text}</p>
                })}
                // In the prerendered page, a form with nowhere to post is disabled until
                // public/boot.js has seen that WebAssembly is there to send it.
                <fieldset class="sign-form__body" disabled=cfg!(feature = "ssr") && no_target data-needs-wasm-to-enable=no_target>
                    <div class=if is_petition { "fields fields--grid" } else { "fields" }>
                        {mode.fields().iter().map(|x| field(*x)).collect_view()}
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
                </fieldset>
            </form>
        </div>
    }
    // A type boundary: the form is used on several pages, and without it each page's view type
    // would carry (and compile in) its own copy of the form's rendering code.
    .into_any()
}
