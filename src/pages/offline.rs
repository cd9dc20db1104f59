//! `/offline`: what the service worker (`js/sw.js`) shows for a page of the site that was not
//! kept on this device, when there is no signal. It points to what works with none: the open
//! actions, which are kept with what signing them needs, and the pages already opened here.

use super::Meta;
use crate::components::frame::Frame;
use crate::content::content;
use crate::paths::{href, ui};
use campaign_core::routes;
use leptos::prelude::*;

pub fn page() -> (Meta, AnyView) {
    let meta = Meta {
        noindex: true,
        ..Meta::new(ui().offline_title, ui().offline_description)
    };
    (meta, view! { <Offline /> }.into_any())
}

#[component]
fn Offline() -> impl IntoView {
    let ui = ui();
    let open: Vec<_> = content().actions.iter().filter(|a| a.is_open()).collect();
    view! {
        <Frame title=ui.offline_title>
            <p class="lead">{ui.offline_lead}</p>
            <p>{ui.offline_hint}</p>
            <ul>
                {open
                    .into_iter()
                    .map(|a| view! { <li><a href=href(&routes::action(&a.slug))>{a.title.as_ref()}</a></li> })
                    .collect_view()}
            </ul>
            <p><a class="button" href=href(routes::HOME)>{ui.go_home}</a></p>
        </Frame>
    }
}
