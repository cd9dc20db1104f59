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
        <PageMeta title="Page not found" description="There is no page at this address." noindex=true />
        <div class="wrap stack">
            <h1 tabindex="-1">"Page not found"</h1>
            <p class="lead">
                // Prerendered once for every unknown address (404.html), so the address itself is
                // only shown in the browser.
                "There is no page at "
                {move || if cfg!(feature = "ssr") {
                    "this address".into_any()
                } else {
                    view! { <code class="path">{location.pathname.get()}</code> }.into_any()
                }}
                "."
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
