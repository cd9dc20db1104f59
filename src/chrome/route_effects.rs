//! What a visitor expects when the page changes without a reload:
//! - a new page starts at the top (the router scrolls), or at its `#fragment`;
//! - back and forward return to where the visitor was on that page;
//! - focus moves to the new page's heading, so screen readers announce where they are.
//!
//! All of it happens once the new page is on screen, which may be a moment after the address
//! changed (the browser build fetches a page it has not shown yet): the page area reports it
//! with [`Shown::reporter`].
//!
//! Everything here runs in effects and event handlers, never during render, so the same views
//! can be rendered to HTML ahead of time.

use leptos::prelude::*;
use leptos_router::hooks::use_location;
#[cfg(not(feature = "ssr"))]
use leptos_router::location::{BrowserUrl, LocationProvider};
use std::cell::{Cell, RefCell};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

thread_local! {
    /// Scroll position by page (path and query), saved when the visitor leaves it.
    static MEMORY: RefCell<Vec<(String, f64)>> = const { RefCell::new(Vec::new()) };
    /// The page on screen, as path and query.
    static SHOWN: RefCell<String> = const { RefCell::new(String::new()) };
    /// Set by a back or forward navigation: where to scroll once the page has rendered.
    static RESTORE: Cell<Option<f64>> = const { Cell::new(None) };
}

fn current_key() -> String {
    let loc = window().location();
    format!(
        "{}{}",
        loc.pathname().unwrap_or_default(),
        loc.search().unwrap_or_default()
    )
}

fn remember_scroll() {
    let y = window().scroll_y().unwrap_or(0.0);
    SHOWN.with_borrow(|shown| {
        MEMORY.with_borrow_mut(|m| match m.iter_mut().find(|(k, _)| k == shown) {
            Some(entry) => entry.1 = y,
            None => m.push((shown.clone(), y)),
        })
    });
}

/// Takes over scroll restoration from the browser, which would restore the old position before
/// the new page has rendered.
fn install_scroll_memory() {
    if let Ok(history) = window().history() {
        let _ = history.set_scroll_restoration(web_sys::ScrollRestoration::Manual);
    }
    SHOWN.with_borrow_mut(|s| *s = current_key());
    // Any click may start a navigation: note where we are first, in the capture phase, before
    // the router handles it.
    let on_click = Closure::<dyn Fn()>::new(remember_scroll);
    let _ = window().add_event_listener_with_callback_and_bool(
        "click",
        on_click.as_ref().unchecked_ref(),
        true,
    );
    on_click.forget();
    // Back or forward: the history entry has already changed, the page not yet.
    let on_popstate = Closure::<dyn Fn()>::new(|| {
        remember_scroll();
        let key = current_key();
        let target = MEMORY
            .with_borrow(|m| m.iter().find(|(k, _)| *k == key).map(|(_, y)| *y))
            .unwrap_or(0.0);
        RESTORE.set(Some(target));
    });
    let _ =
        window().add_event_listener_with_callback("popstate", on_popstate.as_ref().unchecked_ref());
    on_popstate.forget();
}

fn focus_without_scrolling(el: &web_sys::HtmlElement) {
    let options = web_sys::FocusOptions::new();
    options.set_prevent_scroll(true);
    let _ = el.focus_with_options(&options);
}

/// After a page change has rendered: restore or keep the scroll position, and move focus.
fn after_page_change(hash: String) {
    request_animation_frame(move || {
        SHOWN.with_borrow_mut(|s| *s = current_key());
        let doc = document();
        if let Some(y) = RESTORE.take() {
            window().scroll_to_with_x_and_y(0.0, y);
        }
        let target = hash
            .strip_prefix('#')
            .filter(|id| !id.is_empty())
            .and_then(|id| doc.get_element_by_id(id))
            .or_else(|| doc.query_selector("main h1").ok().flatten());
        if let Some(el) = target.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
            focus_without_scrolling(&el);
        }
    });
}

/// A link to a part of the same page (the skip link, a footnote): move focus there too, as the
/// browser would had the router not taken the click.
fn focus_fragment(hash: &str) {
    request_animation_frame({
        let id = hash.trim_start_matches('#').to_string();
        move || {
            if let Some(el) = document()
                .get_element_by_id(&id)
                .and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok())
            {
                focus_without_scrolling(&el);
            }
        }
    });
}

/// Which page is on screen, by path: set by the page area, watched by [`RouteEffects`].
#[derive(Clone, Copy)]
pub struct Shown(RwSignal<String>);

impl Shown {
    /// Provided once, by the app, for the page area and the route effects.
    pub fn provide() {
        provide_context(Shown(RwSignal::new(String::new())));
    }

    /// For the page area (either build's): what to call as it renders the page at a path.
    /// Once that render is on screen (an effect runs after the render that made it), it
    /// completes the router's navigation (the address bar, and the scroll to the top or the
    /// fragment), then lets the route effects restore the scroll position or move focus.
    pub fn when_on_screen() -> impl Fn(String) + Clone + 'static {
        let report = Self::reporter();
        move |path| {
            let report = report.clone();
            Effect::new(move |_| report(path.clone()));
        }
    }

    fn reporter() -> impl Fn(String) + Clone + 'static {
        let shown = expect_context::<Shown>();
        #[cfg(not(feature = "ssr"))]
        let navigation = use_context::<BrowserUrl>();
        move |path| {
            #[cfg(not(feature = "ssr"))]
            if let Some(navigation) = &navigation {
                navigation.ready_to_complete();
            }
            shown.0.set(path);
        }
    }
}

#[component]
pub fn RouteEffects() -> impl IntoView {
    let location = use_location();
    let shown = expect_context::<Shown>().0;
    Effect::new(move |previous: Option<(String, String)>| {
        let page = shown.get();
        let hash = location.hash.get();
        match &previous {
            None => install_scroll_memory(),
            // The first page: the browser put it where it belongs.
            Some((prev_page, _)) if prev_page.is_empty() => {}
            Some((prev_page, _)) if *prev_page != page => after_page_change(hash.clone()),
            Some((_, prev_hash)) if *prev_hash != hash && !hash.is_empty() => focus_fragment(&hash),
            Some(_) => {}
        }
        (page, hash)
    });
}
