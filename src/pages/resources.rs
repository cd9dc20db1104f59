//! `/resources`: things to read and use.

use crate::components::heading::heading;
use crate::components::page_meta::PageMeta;
use crate::components::rich::{blocks, NotesAt};
use crate::content::content;
use campaign_core::content::Resource;
use leptos::prelude::*;

#[component]
pub fn Resources() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta
            title="Resources"
            description={c.resources.iter().map(|r| format!("{}: {}", r.title, r.summary)).collect::<Vec<_>>().join(" ")}
        />
        <div class="wrap stack">
            <h1 tabindex="-1">"Resources"</h1>
            {c.resources.iter().map(|r| view! { <ResourceCard resource=r heading_level=2 /> }).collect_view()}
        </div>
    }
}

/// A resource: what it is, when to use it, and where to get it.
#[component]
pub fn ResourceCard(resource: &'static Resource, heading_level: u8) -> impl IntoView {
    let title = resource.title.as_ref();
    view! {
        <div class="card resource">
            <p class="eyebrow">{resource.kind.as_ref()}</p>
            {heading(heading_level, title, None)}
            <p>{resource.summary.as_ref()}</p>
            <div class="resource__when">
                <p class="resource__when-label">"When to use it"</p>
                {blocks(&resource.body, NotesAt::ThisPage)}
            </div>
            <p><a href=resource.url.as_ref() rel="external noopener">"Get " {title} " from " {content().site.org_name.as_ref()}</a></p>
        </div>
    }
}
