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
        <PageMeta title="Thank you" description="What you sent has been received." noindex=true />
        <div class="wrap stack">
            <h1 tabindex="-1">"Thank you"</h1>
            // The same page thanks a petition signature and an updates signup (a plain form post
            // cannot say which without a script), so it speaks to both.
            <p class="lead">"We’ve received what you sent. Thank you for standing with immigrants."</p>
            <p>"If you signed a petition, ask a friend to sign too: send them its link."</p>
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
