//! The page for any unknown path or slug.

use crate::components::page_meta::PageMeta;
use crate::paths::href;
use campaign_core::routes;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

#[component]
pub fn NotFound() -> impl IntoView {
    let location = use_location();
    view! {
        <PageMeta title="Page not found" description="There is no page at this address." />
        <div class="wrap stack">
            <h1 tabindex="-1">"Page not found"</h1>
            <p class="lead">
                "There is no page at " <code class="path">{move || location.pathname.get()}</code> "."
                " The link may be mistyped, or the page may have moved."
            </p>
            <p><a class="button" href=href(routes::HOME)>"Go to the home page"</a></p>
            <p>
                "Or go to "
                <a href=href(routes::ISSUES)>"the issues"</a> ", "
                <a href=href(routes::ACTIONS)>"the actions you can take"</a> ", or "
                <a href=href(routes::RESOURCES)>"the resources"</a> "."
            </p>
        </div>
    }
}
