//! `/resources`: things to read and use.

use super::Meta;
use crate::components::cards::ResourceCard;
use crate::components::frame::Frame;
use crate::content::content;
use crate::paths::ui;
use leptos::prelude::*;

pub fn page() -> (Meta, AnyView) {
    let description = content()
        .resources
        .iter()
        .map(|r| format!("{}: {}", r.title, r.summary))
        .collect::<Vec<_>>()
        .join(" ");
    (
        Meta::new(ui().resources_title, description),
        view! { <Resources /> }.into_any(),
    )
}

#[component]
fn Resources() -> impl IntoView {
    view! {
        <Frame title=ui().resources_title>
            {content().resources.iter().map(|r| view! { <ResourceCard resource=r level=2 /> }).collect_view()}
        </Frame>
    }
}
