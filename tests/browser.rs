//! Component tests in headless Chromium (wasm-bindgen-test): the real app, mounted at a URL,
//! asserted on through the DOM.
#![cfg(target_arch = "wasm32")]

use leptos::prelude::*;
use truah_campaign::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window()
            .unwrap()
            .set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms)
            .unwrap();
    });
    wasm_bindgen_futures::JsFuture::from(promise).await.unwrap();
}

/// Waits up to two seconds for `check` to hold.
async fn until(what: &str, check: impl Fn() -> bool) {
    for _ in 0..100 {
        if check() {
            return;
        }
        sleep(20).await;
    }
    panic!("timed out waiting for: {what}");
}

fn container() -> web_sys::HtmlElement {
    let div = document().create_element("div").unwrap();
    document().body().unwrap().append_child(&div).unwrap();
    div.unchecked_into()
}

thread_local! {
    static APP_MOUNTED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The app, mounted; unmounted on drop. The runner interleaves async tests, and each app's router
/// listens to the whole window, so only one app is mounted at a time.
struct Mounted<M: Mountable> {
    root: web_sys::HtmlElement,
    handle: Option<leptos::mount::UnmountHandle<M>>,
}

impl<M: Mountable> Drop for Mounted<M> {
    fn drop(&mut self) {
        drop(self.handle.take());
        self.root.remove();
        APP_MOUNTED.set(false);
    }
}

/// Mounts the whole app as if the visitor had opened `path`.
async fn open(path: &str) -> (web_sys::HtmlElement, Mounted<impl Mountable>) {
    while APP_MOUNTED.get() {
        sleep(10).await;
    }
    APP_MOUNTED.set(true);
    web_sys::window()
        .unwrap()
        .history()
        .unwrap()
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path))
        .unwrap();
    let root = container();
    let handle = leptos::mount::mount_to(root.clone(), App);
    (
        root.clone(),
        Mounted {
            root,
            handle: Some(handle),
        },
    )
}

fn h1(root: &web_sys::HtmlElement) -> String {
    root.query_selector("main h1")
        .unwrap()
        .map(|e| e.text_content().unwrap_or_default())
        .unwrap_or_default()
}

fn current_nav(root: &web_sys::HtmlElement) -> Vec<String> {
    let list = root
        .query_selector_all("nav[aria-label=Main] a[aria-current=page]")
        .unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().text_content().unwrap_or_default())
        .collect()
}

#[wasm_bindgen_test]
async fn the_current_page_is_marked_in_the_navigation() {
    let (root, _app) = open("/partners").await;
    until("the partners page", || h1(&root) == "Coalition partners").await;
    assert_eq!(current_nav(&root), ["Partners"]);
}

#[wasm_bindgen_test]
async fn an_issue_page_marks_the_issues_section() {
    let (root, _app) = open("/issues/immigration-justice").await;
    until("the issue page", || h1(&root) == "Immigration Justice").await;
    assert_eq!(current_nav(&root), ["Issues"]);
}

#[wasm_bindgen_test]
async fn home_is_marked_only_on_the_home_page() {
    let (root, _app) = open("/").await;
    until("the home page", || {
        h1(&root) == "Welcome immigrants with dignity and compassion"
    })
    .await;
    assert_eq!(current_nav(&root), ["Home"]);
}

#[wasm_bindgen_test]
async fn a_page_change_moves_the_mark_and_the_focus() {
    let (root, _app) = open("/").await;
    until("the home page", || !h1(&root).is_empty()).await;
    // A history navigation, as back and forward make. (Link clicks are covered end to end: the
    // routers of earlier tests' apps keep listening to the window and would take the click.)
    let window = web_sys::window().unwrap();
    window
        .history()
        .unwrap()
        .push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some("/resources"))
        .unwrap();
    window
        .dispatch_event(&web_sys::Event::new("popstate").unwrap())
        .unwrap();
    until("the resources page", || h1(&root) == "Resources").await;
    assert_eq!(current_nav(&root), ["Resources"]);
    until("focus on the heading", || {
        document()
            .active_element()
            .map(|e| e.text_content().unwrap_or_default())
            == Some("Resources".into())
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_unknown_path_shows_the_not_found_page() {
    let (root, _app) = open("/this/does/not/exist").await;
    until("the 404 page", || h1(&root) == "Page not found").await;
    // Once it runs, it names the address (the prerendered 404.html says "this address").
    until("the address", || {
        root.text_content()
            .unwrap()
            .contains("/this/does/not/exist")
    })
    .await;
    assert!(current_nav(&root).is_empty());
    let home = root.query_selector("main a.button").unwrap().unwrap();
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
}

#[wasm_bindgen_test]
async fn an_unknown_slug_or_an_issue_without_a_page_is_not_found() {
    for path in ["/act/no-such-action", "/issues/democracy"] {
        let (root, app) = open(path).await;
        until("the 404 page", || h1(&root) == "Page not found").await;
        drop(app);
    }
}

#[wasm_bindgen_test]
async fn the_pages_build_time_html_is_inserted_and_its_text_is_text() {
    // The content's text reaches the page escaped: the issue page's body, as the app shows it.
    let (root, app) = open("/issues/immigration-justice/").await;
    until("the issue page", || h1(&root) == "Immigration Justice").await;
    assert!(root
        .query_selector("main script, main img, main [onerror]")
        .unwrap()
        .is_none());
    let quote = root
        .query_selector("main blockquote")
        .unwrap()
        .expect("the quote")
        .text_content()
        .unwrap();
    assert!(quote.contains("Therefore, love the ger"), "{quote}");
    assert_eq!(
        root.query_selector_all("main [data-sign=signup]")
            .unwrap()
            .length(),
        1,
        "the issue page's signup form"
    );
    drop(app);
}

/// The forms (`truah_campaign::components::sign_form`, as the pages render them) brought to
/// life by the signer (`signer/`), as on a page once the visitor starts filling it in. Each test
/// renders its form with its own id prefix, since the runner interleaves them.
mod sign_form {
    use super::*;
    use campaign_core::petition::payload::Endpoint;
    use truah_campaign::components::sign_form::{FormFor, SignForm};

    enum Mode {
        Petition,
        Updates,
    }

    /// Renders the form with this id prefix into `parent`, for the rest of the test run.
    fn render_in(
        parent: &web_sys::HtmlElement,
        mode: Mode,
        prefix: &'static str,
        endpoint: Option<&'static Endpoint>,
    ) {
        let form = match mode {
            Mode::Petition => FormFor::Action(
                truah_campaign::content::content()
                    .action("guantanamo")
                    .expect("the content's petition"),
            ),
            Mode::Updates => FormFor::Signup,
        };
        let endpoint = endpoint.unwrap_or_else(truah_campaign::content::endpoint);
        let form = leptos::mount::mount_to(parent.clone(), move || {
            view! { <SignForm form=form prefix=prefix level=3 endpoint=endpoint /> }
        });
        std::mem::forget(form);
    }

    /// Marks the form with this prefix in `parent` as js/lazy-signer.js marks one a person
    /// pressed a key or a pointer in before the signer arrived: the signer's time trap then lets
    /// a quick submit through. (These tests' events are synthetic, as a script's would be.)
    fn as_a_person(parent: &web_sys::Node, prefix: &str) {
        let selector = format!("[{}={prefix}]", campaign_core::contract::attr::PREFIX);
        let root = match parent.dyn_ref::<web_sys::Element>() {
            Some(el) => el.query_selector(&selector),
            None => parent
                .unchecked_ref::<web_sys::DocumentFragment>()
                .query_selector(&selector),
        };
        root.unwrap()
            .expect("the form")
            .set_attribute(campaign_core::contract::attr::HUMAN, "")
            .unwrap();
    }

    /// Renders the form with this id prefix in a container of its own, returned.
    fn mount(mode: Mode, prefix: &'static str) -> web_sys::HtmlElement {
        let el = container();
        render_in(&el, mode, prefix, None);
        el
    }

    fn text(id: &str) -> String {
        document()
            .get_element_by_id(id)
            .unwrap_or_else(|| panic!("no #{id}"))
            .text_content()
            .unwrap_or_default()
    }

    fn input(id: &str) -> web_sys::HtmlInputElement {
        document()
            .get_element_by_id(id)
            .unwrap_or_else(|| panic!("no #{id}"))
            .unchecked_into()
    }

    fn type_into(id: &str, value: &str) {
        let i = input(id);
        i.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        i.dispatch_event(&web_sys::Event::new_with_event_init_dict("input", &init).unwrap())
            .unwrap();
    }

    /// Chooses an option, as a visitor would (the select announces the change).
    fn choose(id: &str, value: &str) {
        let select: web_sys::HtmlSelectElement =
            document().get_element_by_id(id).unwrap().unchecked_into();
        select.set_value(value);
        let init = web_sys::EventInit::new();
        init.set_bubbles(true);
        select
            .dispatch_event(&web_sys::Event::new_with_event_init_dict("change", &init).unwrap())
            .unwrap();
    }

    fn submit(form_id: &str) {
        let form: web_sys::HtmlFormElement = document()
            .get_element_by_id(form_id)
            .unwrap()
            .unchecked_into();
        form.request_submit().unwrap();
    }

    fn hidden(id: &str) -> bool {
        document()
            .get_element_by_id(id)
            .unwrap()
            .has_attribute("hidden")
    }

    #[wasm_bindgen_test]
    async fn errors_show_on_submit_then_clear_live() {
        let el = mount(Mode::Updates, "t1");
        as_a_person(&el, "t1");
        campaign_signer::form::attach_all();
        assert!(hidden("t1-errors"));
        submit("t1-form");
        until("the error summary", || !hidden("t1-errors")).await;
        let summary = document()
            .get_element_by_id("t1-errors")
            .unwrap()
            .text_content()
            .unwrap();
        assert!(
            summary.contains("There is a problem") && summary.contains("Enter your email address."),
            "{summary}"
        );
        let email = input("t1-email");
        assert_eq!(email.get_attribute("aria-invalid").as_deref(), Some("true"));
        assert_eq!(
            email.get_attribute("aria-describedby").as_deref(),
            Some("t1-email-error")
        );
        assert!(!hidden("t1-email-error"));
        // Live: the message changes as the visitor types, and goes once the address is good.
        type_into("t1-email", "ana@");
        assert_eq!(
            document()
                .get_element_by_id("t1-email-message")
                .unwrap()
                .text_content()
                .unwrap(),
            "Enter your email address in the form name@example.com."
        );
        type_into("t1-email", "ana@example.org");
        assert!(email.get_attribute("aria-invalid").is_none());
        assert!(hidden("t1-email-error"), "the field message is hidden");
        assert!(
            hidden("t1-errors"),
            "the summary is hidden: {}",
            document()
                .get_element_by_id("t1-errors")
                .unwrap()
                .outer_html()
        );
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn a_script_submitting_at_once_gets_a_thank_you_and_nothing_is_queued() {
        let el = mount(Mode::Petition, "t2");
        campaign_signer::form::attach_all();
        sleep(50).await;
        type_into("t2-given_name", "Bot");
        type_into("t2-email", "bot@example.org");
        type_into("t2-postal_code", "10001");
        submit("t2-form");
        until("the decoy thank-you", || !hidden("t2-outcome")).await;
        assert_eq!(
            document()
                .get_element_by_id("t2-status")
                .unwrap()
                .text_content()
                .unwrap(),
            "Signed. Thank you."
        );
        assert!(hidden("t2-form"));
        let storage = web_sys::window().unwrap().local_storage().unwrap().unwrap();
        let outbox = (0..storage.length().unwrap())
            .filter_map(|i| storage.key(i).unwrap())
            .find(|k| k.starts_with("truah-campaign.outbox."));
        assert_eq!(outbox, None, "nothing was queued");
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn the_postal_code_follows_the_country() {
        let el = mount(Mode::Petition, "t3");
        campaign_signer::form::attach_all();
        assert_eq!(text("t3-postal_code-label"), "ZIP code");
        assert_eq!(
            input("t3-postal_code")
                .get_attribute("inputmode")
                .as_deref(),
            Some("numeric")
        );
        choose("t3-country", "GB");
        assert_eq!(text("t3-postal_code-label"), "Postal code");
        assert_eq!(
            input("t3-postal_code").get_attribute("inputmode"),
            None,
            "a free-form postcode gets the full keyboard"
        );
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn forms_rendered_later_come_to_life_once_each() {
        // As after a route change: the signer is already running when the form appears.
        campaign_signer::form::watch();
        let el = mount(Mode::Updates, "t4");
        as_a_person(&el, "t4");
        let root = || {
            document()
                .query_selector("[data-prefix=t4]")
                .unwrap()
                .unwrap()
        };
        until("the signer to attach", || {
            root().has_attribute("data-sign-ready")
        })
        .await;
        // Attaching again does nothing: one submit shows one set of errors, not two.
        campaign_signer::form::attach_all();
        submit("t4-form");
        until("the error summary", || !hidden("t4-errors")).await;
        let items = document()
            .get_element_by_id("t4-errors-list")
            .unwrap()
            .child_element_count();
        assert_eq!(items, 1, "{}", text("t4-errors-list"));
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn a_form_in_an_embeds_shadow_root_keeps_to_itself() {
        // An embed (js/embed.js) on a page that has a form with the same ids in the light DOM.
        let light = mount(Mode::Petition, "t6");
        let host = container();
        host.set_attribute(
            "data-signup-petition-url",
            "https://api.example.org/embed/{petition}",
        )
        .unwrap();
        host.set_attribute("data-source", "wordpress").unwrap();
        let shadow = host
            .attach_shadow(&web_sys::ShadowRootInit::new(web_sys::ShadowRootMode::Open))
            .unwrap();
        // Rendered into the shadow root, as js/embed.js shows a body there.
        let inner: web_sys::HtmlElement =
            document().create_element("div").unwrap().unchecked_into();
        shadow.append_child(&inner).unwrap();
        render_in(&inner, Mode::Petition, "t6", None);
        as_a_person(&inner, "t6");
        // As js/embed.js readies a body where WebAssembly runs.
        if let Some(fieldset) = shadow
            .query_selector("fieldset[data-needs-wasm-to-enable]")
            .unwrap()
        {
            fieldset.remove_attribute("disabled").unwrap();
        }
        campaign_signer::watch_embed(shadow.clone().into());
        let inside = |id: &str| {
            shadow
                .get_element_by_id(id)
                .unwrap_or_else(|| panic!("no #{id} in the shadow root"))
        };

        // The embed's endpoint attributes are its own.
        assert_eq!(
            campaign_signer::endpoint::endpoint(Some(host.clone().into()))
                .address(campaign_core::kind::Kind::Petition),
            "https://api.example.org/embed/{petition}"
        );

        let form: web_sys::HtmlFormElement = inside("t6-form").unchecked_into();
        form.request_submit().unwrap();
        until("the embed's error summary", || {
            !inside("t6-errors").has_attribute("hidden")
        })
        .await;
        assert!(hidden("t6-errors"), "the page's own form is untouched");
        assert_eq!(
            inside("t6-email").get_attribute("aria-invalid").as_deref(),
            Some("true")
        );

        // The summary's links focus their field in the embed, and leave the page's address alone.
        let hash = web_sys::window().unwrap().location().hash().unwrap();
        let link: web_sys::HtmlElement = inside("t6-errors-list")
            .query_selector("a")
            .unwrap()
            .unwrap()
            .unchecked_into();
        link.click();
        let focused = shadow.active_element().map(|e| e.id());
        assert_eq!(
            focused.as_deref(),
            Some(link.get_attribute("href").unwrap().trim_start_matches('#'))
        );
        assert_eq!(web_sys::window().unwrap().location().hash().unwrap(), hash);
        light.remove();
        host.remove();
    }

    #[wasm_bindgen_test]
    async fn a_form_in_a_spanish_page_speaks_spanish() {
        // The signer takes the language of the form's nearest `lang` (the page's, or an
        // embed's). (The Spanish build renders the form's own words in Spanish: the end-to-end
        // tests check those on /es/.)
        let el = container();
        el.set_attribute("lang", "es").unwrap();
        render_in(&el, Mode::Petition, "t7", None);
        as_a_person(&el, "t7");
        campaign_signer::form::attach_all();
        submit("t7-form");
        until("the error summary", || !hidden("t7-errors")).await;
        let summary = text("t7-errors");
        assert!(
            summary.contains("Escribe tu correo electrónico."),
            "{summary}"
        );
        type_into("t7-email", "ana@");
        assert_eq!(
            text("t7-email-message"),
            "Escribe tu correo electrónico con el formato nombre@ejemplo.com."
        );
        choose("t7-country", "MX");
        assert_eq!(text("t7-postal_code-label"), "Código postal");
        el.remove();
    }

    #[wasm_bindgen_test]
    async fn a_form_with_nowhere_to_post_is_disabled_and_says_how_else_to_sign() {
        // An OSDI endpoint with no plain-form fallback: the prerendered form is disabled and
        // says so, before anyone types a thing. (js/lazy-signer.js enables it where WebAssembly
        // runs: the end-to-end tests check that.)
        let mut endpoint = campaign_signer::endpoint::ENDPOINT.clone();
        endpoint.adapter = campaign_core::petition::payload::Adapter::Osdi;
        endpoint.fallback_url = "".into();
        let endpoint: &'static Endpoint = Box::leak(Box::new(endpoint));
        let el = container();
        render_in(&el, Mode::Updates, "t5", Some(endpoint));
        let fieldset = el.query_selector("fieldset").unwrap().unwrap();
        let notice = el.query_selector("[data-needs-wasm]").unwrap().unwrap();
        assert!(fieldset.has_attribute("disabled"));
        assert!(!notice.has_attribute("hidden"));
        assert!(notice.text_content().unwrap().contains("needs WebAssembly"));
        let form = el.query_selector("form").unwrap().unwrap();
        assert_eq!(
            form.get_attribute("action").as_deref(),
            Some(""),
            "nowhere to post"
        );
        el.remove();
    }
}
