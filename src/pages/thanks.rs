//! `/thanks`: where a signature sent as a plain form (a browser without WebAssembly, such as
//! Apple's Lockdown Mode) lands, once the endpoint has it. The receiver redirects here. It
//! thanks a petition signature and an updates signup alike: a plain post cannot say which.

use super::Meta;
use crate::components::frame::Frame;
use crate::content::content;
use crate::paths::{href, ui};
use campaign_core::routes;
use campaign_core::template::fill;
use leptos::prelude::*;

pub fn page() -> (Meta, AnyView) {
    let meta = Meta {
        noindex: true,
        ..Meta::new(ui().thanks_title, ui().thanks_description)
    };
    (meta, view! { <Thanks /> }.into_any())
}

#[component]
fn Thanks() -> impl IntoView {
    let ui = ui();
    let site = &content().site;
    view! {
        <Frame title=ui.thanks_title>
            <p class="lead">{ui.thanks_lead}</p>
            <p>{ui.thanks_share}</p>
            <p><a class="button" href=href(routes::ACTIONS)>{ui.other_actions}</a></p>
            <p>
                {ui.read_more_about}
                <a href=href(routes::ISSUES)>{ui.the_issues}</a>
                {ui.and}
                <a href=site.org_url.as_ref()>{fill(ui.org_work, &[&site.org_name])}</a>
                "."
            </p>
        </Frame>
    }
}
