//! `/act`: every action.

use super::Meta;
use crate::components::action_outcome::StatusBadge;
use crate::components::count_bar::CountBar;
use crate::components::frame::Frame;
use crate::components::heading::Heading;
use crate::content::content;
use crate::paths::{href, ui};
use campaign_core::routes;
use leptos::prelude::*;

pub fn page() -> (Meta, AnyView) {
    (
        Meta::new(ui().actions_title, ui().actions_description),
        view! { <Actions /> }.into_any(),
    )
}

#[component]
fn Actions() -> impl IntoView {
    view! {
        <Frame title=ui().actions_title>
            <ul class="cards">
                {content()
                    .actions
                    .iter()
                    .map(|a| view! {
                        <li class="card">
                            <StatusBadge action=a />
                            <Heading level=2><a href=href(&routes::action(&a.slug))>{a.title.as_ref()}</a></Heading>
                            <p>{a.summary.as_ref()}</p>
                            <CountBar action=a compact=true />
                        </li>
                    })
                    .collect_view()}
            </ul>
        </Frame>
    }
}
