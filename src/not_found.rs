//! The page for any address the site has no page at. The prerenderer writes it once, as
//! `404.html`, which static hosts send for every unknown address; the browser build hydrates it
//! there, and shows it when the page it fetched for a link is not there.

use crate::chrome::page_meta::PageMeta;
use crate::paths::{href, ui};
use campaign_core::routes;
use leptos::either::Either;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// What the not-found page's `<div class="page">` carries, so the browser build knows which page
/// it was given to hydrate.
pub const MARK: &str = "data-not-found";

#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    // "There is no page at {}." around the address. The page is prerendered once for every
    // unknown address, so it says "this address" there; once in the browser, it names it.
    let (before, after) = campaign_core::template::around(ui().not_found_lead);
    let address = RwSignal::new(None::<String>);
    Effect::new(move |_| address.set(Some(location.pathname.get())));
    view! {
        <PageMeta title=ui().not_found_title description=ui().not_found_description noindex=true />
        <div class="page" {..leptos::attr::custom::custom_attribute(MARK, "")}>
            <div class="wrap stack">
                <h1 tabindex="-1">{ui().not_found_title}</h1>
                <p class="lead">
                    {before}
                    {move || match address.get() {
                        None => Either::Left(ui().this_address),
                        Some(path) => Either::Right(view! { <code class="path">{path}</code> }),
                    }}
                    {after}
                    {ui().not_found_hint}
                </p>
                <p><a class="button" href=href(routes::HOME)>{ui().go_home}</a></p>
                <p>
                    {ui().or_go_to}
                    <a href=href(routes::ISSUES)>{ui().the_issues}</a> ", "
                    <a href=href(routes::ACTIONS)>{ui().the_actions}</a> {ui().or}
                    <a href=href(routes::RESOURCES)>{ui().the_resources}</a> "."
                </p>
            </div>
        </div>
    }
}
