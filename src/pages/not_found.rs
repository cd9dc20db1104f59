//! The page for any unknown path or slug.

use crate::components::page_meta::PageMeta;
use crate::paths::{href, ui};
use campaign_core::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    // "There is no page at {}." around the address.
    let (before, after) = ui()
        .not_found_lead
        .split_once("{}")
        .unwrap_or((ui().not_found_lead, ""));
    view! {
        <PageMeta title=ui().not_found_title description=ui().not_found_description noindex=true />
        <div class="wrap stack">
            <h1 tabindex="-1">{ui().not_found_title}</h1>
            <p class="lead">
                // Prerendered once for every unknown address (404.html), so the address itself is
                // only shown in the browser.
                {before}
                {move || if cfg!(feature = "ssr") {
                    ui().this_address.into_any()
                } else {
                    view! { <code class="path">{location.pathname.get()}</code> }.into_any()
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
    }
}
