//! `/thanks`: where a signature sent as a plain form (a browser without WebAssembly, such as
//! Apple's Lockdown Mode) lands, once the endpoint has it. The receiver redirects here.

use crate::components::page_meta::PageMeta;
use crate::content::content;
use crate::paths::href;
use campaign_core::routes;
use leptos::prelude::*;

#[component]
pub fn Thanks() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta title="Thank you" description="Your signature has been received." noindex=true />
        <div class="wrap stack">
            <h1 tabindex="-1">"Thank you"</h1>
            <p class="lead">"Your signature has been received. Thank you for standing with immigrants."</p>
            <p>"Ask a friend to sign too: send them the link to the petition you signed."</p>
            <p>
                <a class="button" href=href(routes::ACTIONS)>"See other actions"</a>
            </p>
            <p>
                "Or read more about "
                <a href=href(routes::ISSUES)>"the issues"</a> " and "
                <a href=c.site.org_url.as_ref()>{format!("{}’s work", c.site.org_name)}</a> "."
            </p>
        </div>
    }
}
