//! The cards the lists are made of, and the links out of the site.

use super::heading::Heading;
use super::rich_text::{blocks, NotesAt};
use crate::content::content;
use crate::paths::ui;
use campaign_core::content::{Partner, Resource};
use campaign_core::template::fill;
use leptos::prelude::*;

/// A link to another website.
#[component]
pub fn Outbound(#[prop(into)] href: String, #[prop(into)] text: String) -> impl IntoView {
    view! { <a href=href rel="external noopener">{text}</a> }
}

/// The partners, each with what it is and what we do together. `level` is their headings'.
#[component]
pub fn PartnerCards(partners: Vec<&'static Partner>, level: u8) -> impl IntoView {
    view! {
        <ul class="cards">
            {partners
                .into_iter()
                .map(|p| {
                    view! {
                        <li class="card">
                            <Heading level=level>{p.name.as_ref()}</Heading>
                            <p>{p.about.as_ref()}</p>
                            <p class="muted">{p.work.as_ref()}</p>
                            <p><Outbound href=p.url.as_ref() text=fill(ui().visit_website, &[&p.name]) /></p>
                        </li>
                    }
                })
                .collect_view()}
        </ul>
    }
}

/// The sentence about working in coalition, linking the organization's page on it.
#[component]
pub fn CoalitionLink() -> impl IntoView {
    let site = &content().site;
    view! {
        <p>
            {site.coalition_text.as_ref()} " "
            <Outbound href=site.coalition_url.as_ref() text=site.coalition_link_text.as_ref() />
            "."
        </p>
    }
}

/// A resource: what it is, when to use it, and where to get it.
#[component]
pub fn ResourceCard(resource: &'static Resource, level: u8) -> impl IntoView {
    let r = resource;
    let get = fill(ui().get_resource, &[&r.title, &content().site.org_name]);
    view! {
        <div class="card resource">
            <p class="eyebrow">{r.kind.as_ref()}</p>
            <Heading level=level>{r.title.as_ref()}</Heading>
            <p>{r.summary.as_ref()}</p>
            <div class="resource__when">
                <p class="resource__when-label">{ui().when_to_use}</p>
                {blocks(&r.body, NotesAt::ThisPage)}
            </div>
            <p><Outbound href=r.url.as_ref() text=get /></p>
        </div>
    }
}
