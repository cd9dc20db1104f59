//! `/accessibility`: the accessibility statement (`content/accessibility.md`).

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use leptos::prelude::*;

#[component]
pub fn Accessibility() -> impl IntoView {
    let statement = &content().accessibility;
    view! {
        <PageMeta title=statement.title.to_string() description=statement.description.to_string() />
        <StaticHtml html=pages().accessibility />
    }
}
