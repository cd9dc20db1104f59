//! `/issues` and `/issues/:slug`.

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use crate::pages::by_slug;
use crate::paths::ui;
use campaign_core::i18n::fill;
use leptos::prelude::*;

#[component]
pub fn Issues() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta
            title=ui().issues_title
            description=fill(ui().issues_description, &[&c.site.org_name])
        />
        <StaticHtml html=pages().issues />
    }
}

#[component]
pub fn IssuePage() -> impl IntoView {
    by_slug(
        |slug| content().issue_page(slug),
        |issue| {
            view! {
                <PageMeta title=issue.title.to_string() description=issue.summary.to_string() />
                <StaticHtml html=pages().issue(&issue.slug).unwrap_or_default() />
            }
            .into_any()
        },
    )
}
