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
use crate::paths::{form_words, ui, LANG};
use campaign_core::content::{Action, Site};
use campaign_core::contract::{attr, Part};
use campaign_core::countries::countries_in;
use campaign_core::field::{Control, Field, DEFAULT_COUNTRY};
use campaign_core::kind::{Consent, Kind};
use campaign_core::petition::consent;
use campaign_core::petition::payload::Endpoint;
use campaign_core::template::{around, fill};
use campaign_core::{places, titles};
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;

/// One item of the error summary: the signer fills in its link and its text.
const ERROR_ITEM: &str = r##"<li><a href="#"></a></li>"##;

/// What a form is for: an action's (a form of the action's kind), or the updates signup.
#[derive(Clone, Copy)]
pub enum FormFor {
    Action(&'static Action),
    Signup,
}

impl FormFor {
    fn kind(self) -> Kind {
        match self {
            FormFor::Action(a) => a.kind,
            FormFor::Signup => Kind::Signup,
        }
    }

    /// The action's slug (empty for the signup).
    fn action(self) -> &'static str {
        match self {
            FormFor::Action(a) => &a.slug,
            FormFor::Signup => "",
        }
    }

    /// What its button says.
    fn cta(self) -> &'static str {
        match self {
            FormFor::Action(a) => &a.cta,
            FormFor::Signup => ui().sign_up,
        }
    }

    /// The action's own page elsewhere, if it has one (the other way to sign).
    fn hosted(self) -> Option<&'static str> {
        match self {
            FormFor::Action(a) => a.hosted_url.as_deref(),
            FormFor::Signup => None,
        }
    }
}

/// The words a visitor agrees to on a form of `kind` (`campaign_core::petition::consent`).
fn consent_wording(kind: Kind) -> &'static str {
    consent::wording(kind, ui(), &content().site.signup_heading)
}

#[component]
pub fn SignForm(
    form: FormFor,
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
    let (kind, action) = (form.kind(), form.action());
    let post_to = endpoint.plain_post_url(kind, action);
    let nowhere = post_to.is_none();
    let fields = kind.fields();
    // Side by side where the form asks for more than a couple of fields.
    let fields_class = if fields.len() > 2 {
        "fields fields--grid"
    } else {
        "fields"
    };
    let root = (
        custom_attribute(attr::SIGN, kind.name()),
        custom_attribute(attr::ACTION, action),
        custom_attribute(attr::LABEL, kind.label(action)),
        custom_attribute(attr::PREFIX, prefix),
    );
    view! {
        <div class="sign" {..root}>
            // Event mode's staff panel goes here (js/event-mode.js makes it, in event mode only).
            {kind.of_action().then(|| view! { <div class="event-panel" id=id(Part::EventPanel) hidden></div> })}
            <p class="sign__status" role="status" id=id(Part::Status)></p>
            {kind.of_action().then(|| view! { <EventRoom prefix=prefix /> })}
            <p class="sign__notice" id=id(Part::Expired) hidden></p>
            <div class="outcome outcome--saved" id=id(Part::OutcomeSaved) tabindex="-1" hidden>
                <OtherWay prefix=prefix part=Part::OtherWay hosted=form.hosted() plainly=!nowhere />
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
                <OtherWay prefix=prefix part=Part::NotReady hosted=form.hosted() plainly=!nowhere />
                <div class="outcome__actions">
                    <button type="button" class="button button--secondary" id=id(Part::TryAgain)>
                        {ui.try_again}
                    </button>
                </div>
            </div>
            <div class="outcome outcome--done" id=id(Part::Outcome) tabindex="-1" hidden>
                <Heading level=level id=id(Part::Thanks)>""</Heading>
                <p id=id(Part::Received) hidden></p>
                {kind.of_action().then(|| view! { <AfterSigning prefix=prefix kind=kind /> })}
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
                <input type="hidden" name="kind" value=kind.name() />
                <input type="hidden" name="action" value=action />
                <input type="hidden" name="language" value=LANG.code() />
                // What the visitor agrees to, as a version of the words this form shows.
                <input
                    type="hidden"
                    id=id(Part::ConsentVersion)
                    name=Part::ConsentVersion.name()
                    value=consent::version_text(consent_wording(kind))
                />
                {nowhere.then(|| view! { <NoWasm kind=kind /> })}
                <fieldset
                    class="sign-form__body"
                    disabled={nowhere}
                    {..custom_attribute(attr::NEEDS_WASM_TO_ENABLE, nowhere.then_some(""))}
                >
                    <div class=fields_class>
                        {fields
                            .iter()
                            .map(|f| view! { <FieldRow field=*f required=kind.requires(*f) prefix=prefix form=form /> })
                            .collect_view()}
                    </div>
                    {(kind.consent() == Consent::Box).then(|| view! {
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
                    <Privacy url=endpoint.url_for(kind, action) prefix=prefix />
                    <button type="submit" class="button" id=id(Part::Submit)>{form.cta()}</button>
                </fieldset>
            </form>
        </div>
    }
}

/// Event mode's room (`campaign_core::petition::event`), hidden until the signer finds this tab
/// in event mode: the screen between people, with its start button, and the countdown before a
/// half-filled form is cleared (seen, not read out: the status line says it once). Only staff
/// ever start it, so it is kept small on every visitor's page: no words but the button's.
#[component]
fn EventRoom(prefix: &'static str) -> impl IntoView {
    let id = move |part: Part| part.id(prefix);
    view! {
        <div class="event-welcome" id=id(Part::EventWelcome) hidden>
            <button type="button" class="button" id=id(Part::EventStart)>{ui().event_start}</button>
        </div>
        <p class="event-countdown" id=id(Part::EventCountdown) aria-hidden="true" hidden></p>
    }
}

/// After signing an action's form: whether updates were asked for, sharing (the system share
/// sheet where there is one, a link to copy elsewhere), and, where consent is a box, for those
/// who did not tick it, one click to sign up too.
#[component]
fn AfterSigning(prefix: &'static str, kind: Kind) -> impl IntoView {
    let ui = ui();
    let words = kind.page_words(ui);
    let consent = kind.consent();
    let id = move |part: Part| part.id(prefix);
    view! {
        <p id=id(Part::OptedIn) hidden>{ui.opted_in}</p>
        <div class="share">
            <button type="button" class="button" id=id(Part::Share)>{words.share}</button>
            <div class="share__copy" id=id(Part::ShareFallback) hidden>
                <label for=id(Part::ShareLink)>{words.share_link}</label>
                <input id=id(Part::ShareLink) type="text" readonly />
                <button type="button" class="button button--secondary" id=id(Part::ShareCopy)>
                    {ui.copy_link}
                </button>
                <p role="status" id=id(Part::ShareStatus)></p>
            </div>
        </div>
        {(consent == Consent::Box).then(|| view! {
            <div class="offer" id=id(Part::Offer) hidden>
                <p>{form_words().offer_question}</p>
                <button type="button" class="button button--secondary" id=id(Part::OfferYes)>
                    {ui.offer_yes}
                </button>
                <p role="status" id=id(Part::OfferStatus)></p>
            </div>
        })}
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
fn NoWasm(kind: Kind) -> impl IntoView {
    let ui = ui();
    let site = &content().site;
    let words = kind.page_words(ui);
    view! {
        <p class="sign__nowasm" {..custom_attribute(attr::NEEDS_WASM, "")}>
            {fill(ui.no_wasm, &[words.no_wasm_what, words.no_wasm_verb])}
            <a href=site.org_url.as_ref()>{fill(ui.org_website, &[&site.org_name])}</a>
            {ui.no_wasm_end}
        </p>
    }
}

/// One field: its label, its error line (empty until the signer fills it), and its control
/// (`Field::control`, matched whole: a new control does not compile until it is drawn here).
#[component]
fn FieldRow(field: Field, required: bool, prefix: &'static str, form: FormFor) -> impl IntoView {
    let id = move |part: Part| part.id(prefix);
    let label = field.label(required, form_words());
    let error = view! {
        <p class="field__error" id=id(Part::Error(field)) hidden>
            <span class="visually-hidden">{ui().error_prefix}</span>
            <span id=id(Part::Message(field))></span>
        </p>
    };
    let choose = move || view! { <option value="" selected>{ui().choose_one}</option> };
    let control = match field.control() {
        Control::Countries => view! {
            <select id=id(Part::Input(field)) name=field.name() autocomplete="country">
                {countries_in(LANG)
                    .map(|(code, name)| view! { <option value=code selected=code == DEFAULT_COUNTRY>{name}</option> })
                    .collect_view()}
            </select>
        }
        .into_any(),
        Control::Titles => {
            let titles = match form {
                FormFor::Action(a) => titles::of(a, LANG),
                FormFor::Signup => Vec::new(),
            };
            view! {
                <select id=id(Part::Input(field)) name=field.name() autocomplete="honorific-prefix">
                    {choose()}
                    {titles
                        .into_iter()
                        .map(|(slug, words)| view! { <option value=slug>{words}</option> })
                        .collect_view()}
                </select>
            }
            .into_any()
        }
        Control::Places => view! {
            <select id=id(Part::Input(field)) name=field.name() autocomplete="address-level1">
                {choose()}
                <optgroup label=ui().us_states>
                    {places::states_in(LANG)
                        .map(|(code, name)| view! { <option value=code>{name}</option> })
                        .collect_view()}
                </optgroup>
                <optgroup label=ui().other_countries>
                    {places::countries_but_the_us(LANG)
                        .map(|(code, name)| view! { <option value=code>{name}</option> })
                        .collect_view()}
                </optgroup>
            </select>
        }
        .into_any(),
        // A box: its label after it, as every box's is; never ticked for the visitor.
        Control::Tick => {
            return view! {
                <div class="field field--tick" id=id(Part::FieldBox(field))>
                    {error}
                    <div class="check">
                        <input type="checkbox" id=id(Part::Input(field)) name=field.name() value="yes" />
                        <label for=id(Part::Input(field)) id=id(Part::Label(field))>{label}</label>
                    </div>
                </div>
            }
            .into_any();
        }
        Control::Input {
            kind,
            autocomplete,
            inputmode,
            verbatim,
        } => view! {
            <input
                id=id(Part::Input(field))
                name=field.name()
                type=kind
                autocomplete=autocomplete
                inputmode=inputmode
                spellcheck=verbatim.then_some("false")
                autocapitalize=verbatim.then_some("off")
            />
        }
        .into_any(),
    };
    view! {
        <div class="field" id=id(Part::FieldBox(field))>
            <label for=id(Part::Input(field)) id=id(Part::Label(field))>{label}</label>
            {error}
            {control}
        </div>
    }
    .into_any()
}

#[cfg(test)]
mod tests {
    use super::*;
    use campaign_core::petition::payload::Adapter;

    fn endpoint(adapter: Adapter, fallback: &str) -> &'static Endpoint {
        let mut e = content::endpoint().clone();
        e.adapter = adapter;
        e.set_address(Kind::Petition, "https://api.example.org/p/{petition}");
        e.set_address(Kind::Signup, "https://api.example.org/s");
        e.fallback_url = fallback.to_string().into();
        Box::leak(Box::new(e))
    }

    fn render(form: FormFor, endpoint: &'static Endpoint) -> String {
        Owner::new().with(|| {
            view! { <SignForm form=form prefix="p" level=3 endpoint=endpoint /> }.to_html()
        })
    }

    /// The petition of the content's action, with a page of its own elsewhere.
    fn petition() -> FormFor {
        let mut action = content().action("guantanamo").unwrap().clone();
        action.hosted_url = Some("https://actionnetwork.org/petitions/example".into());
        FormFor::Action(Box::leak(Box::new(action)))
    }

    #[test]
    fn every_part_the_signer_looks_for_is_there() {
        let html = render(
            petition(),
            endpoint(Adapter::Osdi, "https://forms.example.org/sign"),
        );
        // Every part but the staff panel's source code, which the panel (js/event-mode.js)
        // makes in event mode only, and the parts of fields a petition does not ask for.
        let asked = |p: &Part| {
            Field::ALL.iter().all(|f| {
                Kind::Petition.fields().contains(f) || !Part::OF_FIELD.iter().any(|of| of(*f) == *p)
            })
        };
        for part in Part::all().filter(|p| *p != Part::EventCode && asked(p)) {
            assert!(
                html.contains(&format!(r#"id="{}""#, part.id("p"))),
                "{part:?} in {html}"
            );
        }
        let root = format!(
            r#"{}="petition" {}="guantanamo" {}="petition:guantanamo" {}="p""#,
            attr::SIGN,
            attr::ACTION,
            attr::LABEL,
            attr::PREFIX
        );
        assert!(html.contains(&root), "{html}");
    }

    #[test]
    fn a_letter_draws_each_of_its_fields_as_its_control_says() {
        let letter = content().action("clergy-letter").unwrap();
        let html = render(
            FormFor::Action(letter),
            endpoint(Adapter::Osdi, "https://forms.example.org/sign"),
        )
        .replace("<!>", "");
        for f in Kind::Letter.fields() {
            for part in Part::OF_FIELD.iter().map(|of| of(*f)) {
                assert!(
                    html.contains(&format!(r#"id="{}""#, part.id("p"))),
                    "{part:?}"
                );
            }
        }
        // The titles: the usual, the content's own, then "Other clergy"; none chosen for them.
        let titles = html.split(r#"<select id="p-title""#).nth(1).unwrap();
        let titles = &titles[..titles.find("</select>").unwrap()];
        assert!(
            titles.contains(
                r#"<option value="" selected>Choose…</option><option value="rabbi">Rabbi</option>"#
            ),
            "{titles}"
        );
        assert!(titles.contains(r#"<option value="chaplain">Chaplain</option><option value="other-clergy">Other clergy</option>"#), "{titles}");
        // A place: a state, or another country, in two groups; none chosen for them.
        let places = html.split(r#"<select id="p-place""#).nth(1).unwrap();
        assert!(
            places.contains(
                r#"<optgroup label="United States"><option value="US-AL">Alabama</option>"#
            ),
            "{places}"
        );
        assert!(places.contains(
            r#"<optgroup label="Other countries"><option value="AF">Afghanistan</option>"#
        ));
        assert!(!places[..places.find("</select>").unwrap()].contains(r#"value="US""#));
        // Listing is a box of its own, never ticked, after its error line and before its label.
        assert!(html.contains(r#"<input type="checkbox" id="p-list_name" name="list_name" value="yes"><label for="p-list_name" id="p-list_name-label">List my name with the letter, with my title, congregation and city</label>"#), "{html}");
    }

    #[test]
    fn the_form_carries_its_consent_wording_s_version_and_says_where_signatures_go() {
        let html = render(
            petition(),
            endpoint(Adapter::Osdi, "https://forms.example.org/sign"),
        );
        let version = consent::version_text(ui().opt_in);
        assert_eq!(consent_wording(Kind::Petition), ui().opt_in);
        assert!(
            html.contains(&format!(
                r#"type="hidden" id="p-consent_version" name="consent_version" value="{version}""#
            )),
            "{html}"
        );
        let signup = render(FormFor::Signup, endpoint(Adapter::Osdi, ""));
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
            petition(),
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
        let html = render(FormFor::Signup, endpoint(Adapter::Form, ""));
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
        let html = render(petition(), endpoint(Adapter::Osdi, ""));
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
