//! `/embed`: the snippet generator, for staff who put the campaign on another website. A static
//! page (`routes::STATIC_ONLY`): the prerenderer writes it, and the site's wasm neither carries
//! nor hydrates it, so visitors do not pay for a staff tool. Its body is build-time HTML
//! (`campaign_core::html::embed_page`); choosing, copying and the live preview are
//! `js/embed-generator.js`.

use leptos::prelude::*;

#[cfg(feature = "ssr")]
#[component]
pub fn EmbedBuilder() -> impl IntoView {
    use crate::components::page_meta::PageMeta;
    use crate::components::static_html::StaticHtml;
    use crate::paths::BASE;
    use leptos_meta::{Script, Stylesheet};
    view! {
        <PageMeta
            title="Embed this campaign"
            description="Put a petition, the updates signup or an issue page on another website: choose, copy the snippet, paste."
            one_language=true
        />
        <Stylesheet href=format!("{BASE}/embed-generator.css") />
        <Script type_="module" src=format!("{BASE}/embed-generator.js") />
        <StaticHtml html=crate::prerendered::EMBED_PAGE />
    }
}

/// In the browser, the page is never rendered: links to it load it whole.
#[cfg(not(feature = "ssr"))]
#[component]
pub fn EmbedBuilder() -> impl IntoView {}
