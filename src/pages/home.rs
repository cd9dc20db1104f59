//! `/`: the front door. The quote, one sentence of why, and the ways in.

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta title=c.site.campaign_name.to_string() description=c.home.description.to_string() />
        <StaticHtml html=pages().home />
    }
}
