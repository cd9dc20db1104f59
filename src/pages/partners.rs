//! `/partners`: the coalition partners.

use super::Meta;
use crate::components::cards::{CoalitionLink, PartnerCards};
use crate::components::frame::Frame;
use crate::content::content;
use crate::paths::ui;
use campaign_core::template::fill;
use leptos::prelude::*;

pub fn page() -> (Meta, AnyView) {
    let c = content();
    let names = c
        .partners
        .iter()
        .map(|p| p.name.as_ref())
        .collect::<Vec<_>>()
        .join(", ");
    let meta = Meta::new(
        ui().partners_title,
        fill(ui().partners_description, &[&c.site.org_name, &names]),
    );
    (meta, view! { <Partners /> }.into_any())
}

#[component]
fn Partners() -> impl IntoView {
    view! {
        <Frame title=ui().partners_title>
            <p class="lead">{ui().partners_lead}</p>
            <PartnerCards partners=content().partners.iter().collect() level=2 />
            <CoalitionLink />
        </Frame>
    }
}
