//! The page area in the browser: the page the address names, once it is here.

use super::fetch::{self, Body, Fetched};
use super::intent;
use crate::chrome::page_meta::PageMeta;
use crate::chrome::route_effects::Shown;
use crate::not_found::NotFound;
use leptos::prelude::*;
use leptos_router::hooks::use_location;
use std::sync::Arc;

#[component]
pub fn PageArea() -> impl IntoView {
    let location = use_location();
    let on_screen = Shown::when_on_screen();
    // The page on screen, and its path. It changes only once the next page is here (an effect
    // that follows the address and sets it: the page comes from the network, not from state
    // that could be derived).
    let shown = RwSignal::new((
        location.pathname.get_untracked(),
        Arc::new(fetch::this_page()),
    ));
    Effect::new(move |_| {
        let path = location.pathname.get();
        if shown.with_untracked(|(on_screen, _)| *on_screen == path) {
            return;
        }
        let query = location.search.get_untracked();
        let address = match query.is_empty() {
            true => format!("{path}{}", location.hash.get_untracked()),
            false => format!("{path}?{query}{}", location.hash.get_untracked()),
        };
        wasm_bindgen_futures::spawn_local(async move {
            match fetch::page(path.clone()).await {
                // Unless the visitor has gone on to another page meanwhile.
                Ok(page) if location.pathname.get_untracked() == path => shown.set((path, page)),
                Ok(_) => {}
                Err(fetch::Unavailable) => load_whole(&path, &address),
            }
        });
    });
    intent::listen();
    move || {
        let (path, page) = shown.get();
        on_screen(path);
        view(&page)
    }
}

fn view(page: &Fetched) -> AnyView {
    let meta = |page: &Fetched| {
        view! { <PageMeta title=page.title.clone() description=page.description.clone() noindex=page.noindex /> }
    };
    match &page.body {
        Body::NotFound => view! { <NotFound /> }.into_any(),
        Body::Here => view! { {meta(page)} <div class="page"></div> }.into_any(),
        Body::Html(html) => {
            view! { {meta(page)} <div class="page" inner_html=html.clone()></div> }.into_any()
        }
    }
}

/// The page could not be fetched (offline, a failing host): the link becomes an ordinary page
/// load, never a dead click. After back or forward the address already shows the page, so it
/// is loaded again where it is; after a click the router has not changed the address yet.
fn load_whole(path: &str, address: &str) {
    let location = window().location();
    let here = location.pathname().unwrap_or_default() == path;
    let _ = if here {
        location.reload()
    } else {
        location.assign(address)
    };
}
