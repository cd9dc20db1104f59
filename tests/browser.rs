//! Component tests in headless Chromium (wasm-bindgen-test): the real app, mounted at a URL,
//! asserted on through the DOM.
#![cfg(target_arch = "wasm32")]

use campaign_core::content::{Block, Inline};
use leptos::prelude::*;
use std::borrow::Cow;
use truah_campaign::components::rich::{blocks, NotesAt};
use truah_campaign::App;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().unwrap().document().unwrap()
}

async fn sleep(ms: i32) {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        web_sys::window().unwrap().set_timeout_with_callback_and_timeout_and_arguments_0(&resolve, ms).unwrap();
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

/// Mounts the whole app as if the visitor had opened `path`.
fn open(path: &str) -> (web_sys::HtmlElement, leptos::mount::UnmountHandle<impl Mountable>) {
    web_sys::window().unwrap().history().unwrap().replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(path)).unwrap();
    let el = container();
    let handle = leptos::mount::mount_to(el.clone(), App);
    (el, handle)
}

fn h1(root: &web_sys::HtmlElement) -> String {
    root.query_selector("main h1").unwrap().map(|e| e.text_content().unwrap_or_default()).unwrap_or_default()
}

fn current_nav(root: &web_sys::HtmlElement) -> Vec<String> {
    let list = root.query_selector_all("nav[aria-label=Main] a[aria-current=page]").unwrap();
    (0..list.length()).map(|i| list.item(i).unwrap().text_content().unwrap_or_default()).collect()
}

fn nav_link(root: &web_sys::HtmlElement, text: &str) -> web_sys::HtmlElement {
    let list = root.query_selector_all("nav[aria-label=Main] a").unwrap();
    (0..list.length())
        .map(|i| list.item(i).unwrap().unchecked_into::<web_sys::HtmlElement>())
        .find(|a| a.text_content().as_deref() == Some(text))
        .unwrap_or_else(|| panic!("no nav link {text}"))
}

#[wasm_bindgen_test]
async fn the_current_page_is_marked_in_the_navigation() {
    let (root, _app) = open("/partners");
    until("the partners page", || h1(&root) == "Coalition partners").await;
    assert_eq!(current_nav(&root), ["Partners"]);
}

#[wasm_bindgen_test]
async fn an_issue_page_marks_the_issues_section() {
    let (root, _app) = open("/issues/immigration-justice");
    until("the issue page", || h1(&root) == "Immigration Justice").await;
    assert_eq!(current_nav(&root), ["Issues"]);
}

#[wasm_bindgen_test]
async fn home_is_marked_only_on_the_home_page() {
    let (root, _app) = open("/");
    until("the home page", || h1(&root) == "Welcome immigrants with dignity and compassion").await;
    assert_eq!(current_nav(&root), ["Home"]);
}

#[wasm_bindgen_test]
async fn clicking_a_nav_link_moves_the_mark_and_the_focus() {
    let (root, _app) = open("/");
    until("the home page", || !h1(&root).is_empty()).await;
    nav_link(&root, "Resources").click();
    until("the resources page", || h1(&root) == "Resources").await;
    assert_eq!(current_nav(&root), ["Resources"]);
    assert_eq!(web_sys::window().unwrap().location().pathname().unwrap(), "/resources");
    until("focus on the heading", || {
        document().active_element().map(|e| e.tag_name()) == Some("H1".into())
    })
    .await;
}

#[wasm_bindgen_test]
async fn an_unknown_path_shows_the_not_found_page() {
    let (root, _app) = open("/this/does/not/exist");
    until("the 404 page", || h1(&root) == "Page not found").await;
    assert!(root.text_content().unwrap().contains("/this/does/not/exist"));
    assert!(current_nav(&root).is_empty());
    let home = root.query_selector("main a.button").unwrap().unwrap();
    assert_eq!(home.get_attribute("href").as_deref(), Some("/"));
}

#[wasm_bindgen_test]
async fn an_unknown_slug_or_an_issue_without_a_page_is_not_found() {
    for path in ["/act/no-such-action", "/issues/democracy"] {
        let (root, app) = open(path);
        until("the 404 page", || h1(&root) == "Page not found").await;
        drop(app);
    }
}

#[wasm_bindgen_test]
fn rich_text_is_text_never_markup() {
    static TRICKY: [Block; 1] = [Block::Paragraph(Cow::Borrowed(&[
        Inline::Text(Cow::Borrowed("<img src=x onerror=alert(1)> & ")),
        Inline::Emphasis(Cow::Borrowed(&[Inline::Text(Cow::Borrowed("ger"))])),
    ]))];
    let el = container();
    let _view = leptos::mount::mount_to(el.clone(), || blocks(&TRICKY, NotesAt::ThisPage));
    assert!(el.query_selector("img").unwrap().is_none());
    assert_eq!(el.query_selector("p").unwrap().unwrap().text_content().unwrap(), "<img src=x onerror=alert(1)> & ger");
    assert_eq!(el.query_selector("p em").unwrap().unwrap().text_content().unwrap(), "ger");
}
