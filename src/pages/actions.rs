//! `/act` and `/act/:slug`.

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use crate::pages::by_slug;
use crate::paths::ui;
use leptos::prelude::*;

#[component]
pub fn Actions() -> impl IntoView {
    view! {
        <PageMeta title=ui().actions_title description=ui().actions_description />
        <StaticHtml html=pages().actions />
    }
}

#[component]
pub fn ActionPage() -> impl IntoView {
    by_slug(
        |slug| content().action(slug),
        |action| {
            view! {
                <PageMeta title=action.title.to_string() description=action.summary.to_string() />
                <StaticHtml html=pages().action(&action.slug).unwrap_or_default() />
            }
            .into_any()
        },
    )
}
