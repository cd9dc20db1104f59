//! `/resources`: things to read and use.

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use crate::paths::ui;
use leptos::prelude::*;

#[component]
pub fn Resources() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta
            title=ui().resources_title
            description={c.resources.iter().map(|r| format!("{}: {}", r.title, r.summary)).collect::<Vec<_>>().join(" ")}
        />
        <StaticHtml html=pages().resources />
    }
}
