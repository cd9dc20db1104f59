//! `/issues`: every issue, linked where it has a page.

use super::Meta;
use crate::components::frame::Frame;
use crate::components::heading::Heading;
use crate::content::content;
use crate::paths::{href, ui};
use campaign_core::routes;
use campaign_core::template::fill;
use leptos::prelude::*;

pub fn page() -> (Meta, AnyView) {
    let meta = Meta::new(
        ui().issues_title,
        fill(ui().issues_description, &[&content().site.org_name]),
    );
    (meta, view! { <Issues /> }.into_any())
}

#[component]
fn Issues() -> impl IntoView {
    let c = content();
    view! {
        <Frame title=ui().issues_title>
            <p class="lead">{fill(ui().issues_lead, &[&c.site.org_name])}</p>
            <ul class="cards">
                {c.issues
                    .iter()
                    .map(|i| view! {
                        <li class="card">
                            <Heading level=2>
                                {if i.has_page {
                                    view! { <a href=href(&routes::issue(&i.slug))>{i.title.as_ref()}</a> }.into_any()
                                } else {
                                    i.title.as_ref().into_any()
                                }}
                            </Heading>
                            <p>{i.summary.as_ref()}</p>
                            {(!i.has_page).then(|| view! { <p class="muted">{ui().no_page_yet}</p> })}
                        </li>
                    })
                    .collect_view()}
            </ul>
        </Frame>
    }
}
