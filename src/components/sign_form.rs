//! The petition and the updates signup: one form, two modes.
//!
//! A real `<form method="post">` whose fields carry the `form` adapter's names, with visible
//! labels, `autocomplete` on every field and the right keyboards. Without WebAssembly it posts
//! to the plain-post target; where there is none, it is disabled and says how else to sign
//! (`js/lazy-signer.js` enables it where WebAssembly is there to send it).
//!
//! The parts the signer (`signer/`) fills in and shows are in place, hidden: the status line,
//! the error summary (with a `<template>` of one of its items), the thank-you, sharing and the
//! updates offer. Every part's id is `{prefix}-{part}` ([`Part`]): the signer's contract.

use super::heading::Heading;
use crate::content::{self, content};
use crate::paths::{ui, LANG};
use campaign_core::content::Site;
use campaign_core::contract::{attr, Part, SIGN_PETITION, SIGN_SIGNUP};
use campaign_core::i18n::{around, fill};
use campaign_core::petition::consent;
use campaign_core::petition::countries::{countries_in, postal_field};
use campaign_core::petition::payload::{Endpoint, Kind};
use campaign_core::petition::validate::{Field, SIGNUP_FIELDS};
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;

/// One item of the error summary: the signer fills in its link and its text.
const ERROR_ITEM: &str = r##"<li><a href="#"></a></li>"##;

/// What a form is for.
#[derive(Clone, Copy)]
pub enum FormKind {
    /// The petition of the action with this slug; `cta` labels its button; `hosted` is the
    /// action's own page elsewhere, if it has one (the other way to sign).
    Petition {
        action: &'static str,
        cta: &'static str,
        hosted: Option<&'static str>,
    },
    /// The updates and action alerts signup.
    Updates,
}

#[component]
pub fn SignForm(
    kind: FormKind,
    prefix: &'static str,
    /// The level of the form's own headings (its thank-you, its error summary): one below the
    /// heading of the section it is in.
    level: u8,
    /// Where it would post without WebAssembly: the site's endpoint, unless said (the tests).
    #[prop(optional)]
    endpoint: Option<&'static Endpoint>,
) -> impl IntoView {
    let ui = ui();
    let endpoint = endpoint.unwrap_or_else(content::endpoint);
    let id = move |part: Part| part.id(prefix);
    let (petition, action, cta, hosted) = match kind {
        FormKind::Petition {
            action,
            cta,
            hosted,
        } => (true, action, cta, hosted),
        FormKind::Updates => (false, "", ui.sign_up, None),
    };
    let kind_of = if petition {
        Kind::Petition {
            action: action.to_string(),
        }
    } else {
        Kind::Signup
    };
    let post_to = endpoint.plain_post_url(&kind_of);
    let nowhere = post_to.is_none();
    let fields: &[Field] = if petition {
        &Field::ALL
    } else {
        &SIGNUP_FIELDS
    };
    let root = (
        custom_attribute(
            attr::SIGN,
            if petition { SIGN_PETITION } else { SIGN_SIGNUP },
        ),
        custom_attribute(attr::ACTION, action),
        custom_attribute(attr::PREFIX, prefix),
    );
    view! {
        <div class="sign" {..root}>
            <p class="sign__status" role="status" id=id(Part::Status)></p>
            <p class="sign__notice" id=id(Part::Expired) hidden></p>
            <div class="outcome outcome--saved" id=id(Part::OutcomeSaved) tabindex="-1" hidden>
                <OtherWay prefix=prefix part=Part::OtherWay hosted=hosted plainly=!nowhere />
                <div class="outcome__actions">
                    <button type="button" class="button button--secondary" id=id(Part::Retry)>
                        {ui.try_now}
                    </button>
                    <button type="button" class="button button--secondary" id=id(Part::SignAnother)>
                        {ui.sign_another}
                    </button>
                    <button type="button" class="button button--secondary" id=id(Part::Forget)>
                        {ui.forget}
                    </button>
                </div>
            </div>
            // The signer could not load (js/lazy-signer.js shows this): try again, or another way.
            <div class="outcome outcome--saved" id=id(Part::NotReady) tabindex="-1" hidden>
                <p>{ui.not_ready}</p>
                <OtherWay prefix=prefix part=Part::NotReady hosted=hosted plainly=!nowhere />
                <div class="outcome__actions">
                    <button type="button" class="button button--secondary" id=id(Part::TryAgain)>
                        {ui.try_again}
                    </button>
                </div>
            </div>
            <div class="outcome outcome--done" id=id(Part::Outcome) tabindex="-1" hidden>
                <Heading level=level id=id(Part::Thanks)>""</Heading>
                <p id=id(Part::Received) hidden></p>
                {petition.then(|| view! { <AfterSigning prefix=prefix /> })}
            </div>
            <form
                class="sign-form"
                id=id(Part::Form)
                method="post"
                action=post_to.unwrap_or_default()
                novalidate
            >
                <div
                    class="error-summary"
                    id=id(Part::Errors)
                    role="group"
                    tabindex="-1"
                    aria-labelledby=id(Part::ErrorsTitle)
                    hidden
                >
                    <Heading level=level id=id(Part::ErrorsTitle)>{ui.problem_heading}</Heading>
                    <ul id=id(Part::ErrorsList)></ul>
                    // One item, which the signer copies for each problem. Written as the
                    // template's content (a constant, not content), so a template built by a
                    // script, as in the component tests, has it as a parsed page's does.
                    <template id=id(Part::ErrorItem) inner_html=ERROR_ITEM></template>
                </div>
                <input type="hidden" name="kind" value=if petition { "petition" } else { "signup" } />
                <input type="hidden" name="action" value=action />
                <input type="hidden" name="language" value=LANG.code() />
                // What the visitor agrees to, as a version of the words this form shows: the
                // box's label on a petition, the call to sign up on the signup.
                <input
                    type="hidden"
                    id=id(Part::ConsentVersion)
                    name=Part::ConsentVersion.name()
                    value=consent::version_text(if petition { ui.opt_in } else { &content().site.signup_heading })
                />
                {nowhere.then(|| view! { <NoWasm petition=petition /> })}
                <fieldset
                    class="sign-form__body"
                    disabled={nowhere}
                    {..custom_attribute(attr::NEEDS_WASM_TO_ENABLE, nowhere.then_some(""))}
                >
                    <div class=if petition { "fields fields--grid" } else { "fields" }>
                        {fields
                            .iter()
                            .map(|f| view! { <FieldRow field=*f petition=petition prefix=prefix /> })
                            .collect_view()}
                    </div>
                    {petition.then(|| view! {
                        <div class="check">
                            <input type="checkbox" id=id(Part::OptIn) name="email_opt_in" value="yes" />
                            <label for=id(Part::OptIn)>{ui.opt_in}</label>
                        </div>
                    })}
                    <div class="hp" aria-hidden="true">
                        <label for=id(Part::Honeypot)>{ui.honeypot}</label>
                        <input
                            type="text"
                            id=id(Part::Honeypot)
                            name=Part::Honeypot.name()
                            tabindex="-1"
                            autocomplete="off"
                        />
                    </div>
                    <Privacy url=endpoint.url_for(&kind_of) prefix=prefix />
                    <button type="submit" class="button" id=id(Part::Submit)>{cta}</button>
                </fieldset>
            </form>
        </div>
    }
}

/// After signing a petition: whether updates were asked for, sharing (the system share sheet
/// where there is one, a link to copy elsewhere), and for those who did not tick the box, one
/// click to sign up too.
#[component]
fn AfterSigning(prefix: &'static str) -> impl IntoView {
    let ui = ui();
    let id = move |part: Part| part.id(prefix);
    view! {
        <p id=id(Part::OptedIn) hidden>{ui.opted_in}</p>
        <div class="share">
            <button type="button" class="button" id=id(Part::Share)>{ui.share_petition}</button>
            <div class="share__copy" id=id(Part::ShareFallback) hidden>
                <label for=id(Part::ShareLink)>{ui.link_to_petition}</label>
                <input id=id(Part::ShareLink) type="text" readonly />
                <button type="button" class="button button--secondary" id=id(Part::ShareCopy)>
                    {ui.copy_link}
                </button>
                <p role="status" id=id(Part::ShareStatus)></p>
            </div>
        </div>
        <div class="offer" id=id(Part::Offer) hidden>
            <p>{ui.offer_question}</p>
            <button type="button" class="button button--secondary" id=id(Part::OfferYes)>
                {ui.offer_yes}
            </button>
            <p role="status" id=id(Part::OfferStatus)></p>
        </div>
    }
}

/// The line by the submit button about what happens to what the visitor sends: the site's own
/// `privacy_text`, or the interface's, which says only what this site does (where it goes,
/// and that it stays on the device only until sent). Then the organization's policy, where
/// `privacy_url` is set. `url` is where the form sends; with nowhere to send, no line. Where it
/// goes is the endpoint's host, in its own element (`Part::PrivacyHost`), so that a page that
/// overrides the endpoint names its own (`js/lazy-signer.js`).
#[component]
fn Privacy(
    url: String,
    prefix: &'static str,
    #[prop(optional)] site: Option<&'static Site>,
) -> impl IntoView {
    let ui = ui();
    let site = site.unwrap_or(&content().site);
    let host = campaign_core::petition::query::host(&url).to_string();
    let text = match &site.privacy_text {
        Some(t) => t.to_string().into_any(),
        None if host.is_empty() => return None,
        None => {
            let (before, after) = around(ui.privacy_default);
            view! { {before}<span id=Part::PrivacyHost.id(prefix)>{host}</span>{after} }.into_any()
        }
    };
    Some(view! {
        <p class="sign-form__privacy">
            {text}
            {site.privacy_url.as_ref().map(|u| view! {
                " "<a href=u.to_string() rel="external noopener">{fill(ui.privacy_policy, &[&site.org_name])}</a>"."
            })}
        </p>
    })
}

/// The other ways to sign when this form cannot send: the action's own page elsewhere, and the
/// form sent as a plain HTML form, where it has somewhere to post. Inside `part` (the block for
/// an unreachable service, or for a signer that did not load); the first carries the ids.
#[component]
fn OtherWay(
    prefix: &'static str,
    part: Part,
    hosted: Option<&'static str>,
    plainly: bool,
) -> impl IntoView {
    let ui = ui();
    let site = &content().site;
    // One block has the ids the signer looks for; the other's links need none.
    let own = part == Part::OtherWay;
    let id = move |p: Part| own.then(|| p.id(prefix));
    view! {
        <div class="outcome__other" id=id(Part::OtherWay) hidden=own>
            {hosted.map(|url| view! {
                <p>
                    <a id=id(Part::SignElsewhere) href=url rel="external noopener">
                        {fill(ui.sign_elsewhere, &[&site.org_name])}
                    </a>
                </p>
            })}
            {plainly.then(|| view! {
                <p>
                    <button type="button" class="button button--secondary" id=id(Part::SendPlainly) {..custom_attribute(attr::SEND_PLAINLY, "")}>
                        {ui.send_plainly}
                    </button>
                </p>
            })}
        </div>
    }
}

/// Nowhere to post without WebAssembly: said before anyone types a thing. `js/lazy-signer.js`
/// hides it (and enables the form) where WebAssembly is there.
#[component]
fn NoWasm(petition: bool) -> impl IntoView {
    let ui = ui();
    let site = &content().site;
    let (what, verb) = if petition {
        (ui.no_wasm_what_petition, ui.no_wasm_verb_petition)
    } else {
        (ui.no_wasm_what_signup, ui.no_wasm_verb_signup)
    };
    view! {
        <p class="sign__nowasm" {..custom_attribute(attr::NEEDS_WASM, "")}>
            {fill(ui.no_wasm, &[what, verb])}
            <a href=site.org_url.as_ref()>{fill(ui.org_website, &[&site.org_name])}</a>
            {ui.no_wasm_end}
        </p>
    }
}

/// One field: its label, its error line (empty until the signer fills it), and its control.
#[component]
fn FieldRow(field: Field, petition: bool, prefix: &'static str) -> impl IntoView {
    let ui = ui();
    let id = move |part: Part| part.id(prefix);
    let label = match field {
        Field::GivenName if !petition => ui.given_name_optional,
        Field::GivenName => ui.given_name,
        Field::FamilyName => ui.family_name_optional,
        Field::Email => ui.email,
        Field::Country => ui.country,
        // The postal code's label and keyboard follow the country; the signer changes them.
        Field::PostalCode => postal_field("US", ui).0,
    };
    let control = match field {
        Field::Country => view! {
            <select id=id(Part::Input(field)) name=field.name() autocomplete="country">
                {countries_in(LANG)
                    .map(|(code, name)| view! { <option value=code selected=code == "US">{name}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Field::Email => view! {
            <input
                id=id(Part::Input(field))
                name=field.name()
                type="email"
                autocomplete="email"
                inputmode="email"
                spellcheck="false"
                autocapitalize="off"
            />
        }
        .into_any(),
        _ => {
            let (autocomplete, inputmode) = match field {
                Field::GivenName => ("given-name", None),
                Field::FamilyName => ("family-name", None),
                _ => ("postal-code", postal_field("US", ui).1),
            };
            view! {
                <input
                    id=id(Part::Input(field))
                    name=field.name()
                    type="text"
                    autocomplete=autocomplete
                    inputmode=inputmode
                />
            }
            .into_any()
        }
    };
    view! {
        <div class="field" id=id(Part::FieldBox(field))>
            <label for=id(Part::Input(field)) id=id(Part::Label(field))>{label}</label>
            <p class="field__error" id=id(Part::Error(field)) hidden>
                <span class="visually-hidden">{ui.error_prefix}</span>
                <span id=id(Part::Message(field))></span>
            </p>
            {control}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use campaign_core::petition::payload::Adapter;

    fn endpoint(adapter: Adapter, fallback: &str) -> &'static Endpoint {
        let mut e = content::endpoint().clone();
        e.adapter = adapter;
        e.petition_url = "https://api.example.org/p/{petition}".into();
        e.signup_url = "https://api.example.org/s".into();
        e.fallback_url = fallback.to_string().into();
        Box::leak(Box::new(e))
    }

    fn render(kind: FormKind, endpoint: &'static Endpoint) -> String {
        Owner::new().with(|| {
            view! { <SignForm kind=kind prefix="p" level=3 endpoint=endpoint /> }.to_html()
        })
    }

    const PETITION: FormKind = FormKind::Petition {
        action: "guantanamo",
        cta: "Sign the petition",
        hosted: Some("https://actionnetwork.org/petitions/example"),
    };

    #[test]
    fn every_part_the_signer_looks_for_is_there() {
        let html = render(
            PETITION,
            endpoint(Adapter::Osdi, "https://forms.example.org/sign"),
        );
        for part in Part::FIXED {
            assert!(
                html.contains(&format!(r#"id="{}""#, part.id("p"))),
                "{part:?} in {html}"
            );
        }
        for f in Field::ALL {
            for part in [
                Part::Input(f),
                Part::FieldBox(f),
                Part::Label(f),
                Part::Error(f),
                Part::Message(f),
            ] {
                assert!(
                    html.contains(&format!(r#"id="{}""#, part.id("p"))),
                    "{part:?}"
                );
            }
        }
        let root = format!(
            r#"{}="petition" {}="guantanamo" {}="p""#,
            attr::SIGN,
            attr::ACTION,
            attr::PREFIX
        );
        assert!(html.contains(&root), "{html}");
    }

    #[test]
    fn the_form_carries_its_consent_wording_s_version_and_says_where_signatures_go() {
        let html = render(
            PETITION,
            endpoint(Adapter::Osdi, "https://forms.example.org/sign"),
        );
        let version = consent::version_text(ui().opt_in);
        assert!(
            html.contains(&format!(
                r#"type="hidden" id="p-consent_version" name="consent_version" value="{version}""#
            )),
            "{html}"
        );
        let signup = render(FormKind::Updates, endpoint(Adapter::Osdi, ""));
        let heading = consent::version_text(&content().site.signup_heading);
        assert!(
            signup.contains(&format!(r#"value="{heading}""#)),
            "{signup}"
        );
        assert_ne!(version, heading);
        // The default line says where it goes (the endpoint's host, in the element a page's
        // endpoint override changes) and how long it stays.
        assert!(
            html.replace("<!>", "").contains(r#"When you send this, your details go to <span id="p-privacy-host">api.example.org</span>. Until they are sent, they are kept on this device only; once sent, they are removed from it."#),
            "{html}"
        );
    }

    #[test]
    fn the_privacy_line_is_the_site_s_own_where_set_and_links_its_policy() {
        let mut site = content().site.clone();
        site.privacy_text = Some("We keep your details safe.".into());
        site.privacy_url = Some("https://example.org/privacy".into());
        let site: &'static Site = Box::leak(Box::new(site));
        let html = Owner::new()
            .with(|| {
                view! { <Privacy url="https://api.example.org/p".to_string() prefix="p" site=site /> }
                    .to_html()
            })
            .replace("<!>", "");
        assert!(html.contains("We keep your details safe."), "{html}");
        assert!(!html.contains("api.example.org"), "{html}");
        assert!(!html.contains("privacy-host"), "{html}");
        assert!(
            html.contains(&format!(
                r#"<a href="https://example.org/privacy" rel="external noopener">{}</a>."#,
                fill(ui().privacy_policy, &[&site.org_name])
            )),
            "{html}"
        );
        // With nowhere to send and no text of the site's own, no line at all.
        let none =
            Owner::new().with(|| view! { <Privacy url=String::new() prefix="p" /> }.to_html());
        assert!(!none.contains("sign-form__privacy"), "{none}");
    }

    #[test]
    fn a_form_with_a_plain_post_target_is_a_working_html_form() {
        let html = render(
            PETITION,
            endpoint(Adapter::Osdi, "https://forms.example.org/sign"),
        );
        assert!(
            html.contains(r#"method="post" action="https://forms.example.org/sign" novalidate"#),
            "{html}"
        );
        assert!(
            !html.contains("disabled") && !html.contains(attr::NEEDS_WASM),
            "{html}"
        );
        for name in [
            "kind",
            "action",
            "language",
            "given_name",
            "family_name",
            "email",
            "country",
            "postal_code",
            "email_opt_in",
            "consent_version",
            "leave_this_empty",
        ] {
            assert!(html.contains(&format!(r#"name="{name}""#)), "{name}");
        }
        assert!(
            html.contains(r#"<label for="p-email" id="p-email-label">Email"#),
            "{html}"
        );
        assert!(html.contains(r#"name="email" type="email" autocomplete="email" inputmode="email" spellcheck="false" autocapitalize="off""#), "{html}");
        assert!(
            html.contains(
                r#"name="postal_code" type="text" autocomplete="postal-code" inputmode="numeric""#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<option value="US" selected>United States"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<input type="checkbox" id="p-email_opt_in" name="email_opt_in" value="yes">"#
            ),
            "unticked: {html}"
        );
        assert!(html.contains(r#"<input type="text" id="p-leave_this_empty" name="leave_this_empty" tabindex="-1" autocomplete="off">"#), "{html}");
        assert!(
            html.contains(r#"role="group" tabindex="-1" aria-labelledby="p-errors-title""#),
            "the summary may carry its label: {html}"
        );
    }

    #[test]
    fn the_form_adapter_takes_plain_posts_itself() {
        let html = render(FormKind::Updates, endpoint(Adapter::Form, ""));
        assert!(
            html.contains(r#"action="https://api.example.org/s""#),
            "{html}"
        );
        assert!(
            !html.contains("email_opt_in"),
            "the signup is the consent itself"
        );
    }

    #[test]
    fn a_form_with_nowhere_to_post_is_disabled_and_says_how_else_to_sign() {
        let html = render(PETITION, endpoint(Adapter::Osdi, ""));
        let fieldset = format!(
            r#"<fieldset disabled {}="" class="sign-form__body">"#,
            attr::NEEDS_WASM_TO_ENABLE
        );
        assert!(
            html.contains(&fieldset),
            "disabled until WebAssembly is known to be there"
        );
        let notice = format!(
            r#"<p {}="" class="sign__nowasm">This form needs WebAssembly"#,
            attr::NEEDS_WASM
        );
        assert!(html.contains(&notice), "shown by default");
        assert!(html.contains("cannot send your signature from here"));
        assert!(html.contains(r#"<a href="https://truah.org/">T’ruah’s website"#));
    }
}
