//! `/partners`: the coalition partners.

use crate::components::heading::heading;
use crate::components::page_meta::PageMeta;
use crate::content::content;
use crate::pages::issues::CoalitionLink;
use campaign_core::content::Partner;
use leptos::prelude::*;

#[component]
pub fn Partners() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta
            title="Coalition partners"
            description=format!(
                "The coalitions and partners {} works with for immigration justice: {}.",
                c.site.org_name,
                c.partners.iter().map(|p| p.name.as_ref()).collect::<Vec<_>>().join(", ")
            )
        />
        <div class="wrap stack">
            <h1 tabindex="-1">"Coalition partners"</h1>
            <p class="lead">
                "We are proud to be a part of powerful coalitions working to stop harmful attacks on immigrants and build a future where our country respects the rights and dignity of everyone on the move."
            </p>
            <PartnerList partners=c.partners.iter().collect() heading_level=2 />
            <CoalitionLink />
        </div>
    }
}

/// The partners as cards, each with its outbound link.
#[component]
pub fn PartnerList(partners: Vec<&'static Partner>, heading_level: u8) -> impl IntoView {
    view! {
        <ul class="cards">
            {partners.into_iter().map(|p| {
                let name = p.name.as_ref();
                view! {
                    <li class="card">
                        {heading(heading_level, name, None)}
                        <p>{p.about.as_ref()}</p>
                        <p class="muted">{p.work.as_ref()}</p>
                        <p><a href=p.url.as_ref() rel="external noopener">"Visit " {name} "’s website"</a></p>
                    </li>
                }
            }).collect_view()}
        </ul>
    }
}
