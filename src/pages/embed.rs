//! `/embed`: the snippet generator, for staff who put the campaign on another website. Its body
//! is build-time HTML (`campaign_core::html::embed_page`); choosing, copying and the live
//! preview are `js/embed-generator.js`, loaded on this page only (it finds the generator again
//! whenever the router renders this page).

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::pages;
use crate::paths::BASE;
use leptos::prelude::*;
use leptos_meta::Script;

#[component]
pub fn EmbedBuilder() -> impl IntoView {
    view! {
        <PageMeta
            title="Embed this campaign"
            description="Put a petition, the updates signup or an issue page on another website: choose, copy the snippet, paste."
        />
        <Script type_="module" src=format!("{BASE}/embed-generator.js") />
        <StaticHtml html=pages().embed />
    }
}
