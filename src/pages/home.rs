//! `/`: the front door. The quote, one sentence of why, and the ways in.

use crate::components::page_meta::PageMeta;
use crate::components::rich::{blocks, inlines, NotesAt};
use crate::content::content;
use crate::paths::href;
use campaign_core::routes;
use leptos::prelude::*;

#[component]
pub fn Home() -> impl IntoView {
    let c = content();
    let home = &c.home;
    let issue = c.issue_page(&home.featured_issue).expect("checked at build time");
    let action = c.action(&home.featured_action).expect("checked at build time");
    let notes = NotesAt::Issue(&issue.slug);
    view! {
        <PageMeta title=c.site.campaign_name.to_string() description=home.description.to_string() />
        <div class="hero">
            <div class="wrap">
                <h1 tabindex="-1">{home.title.as_ref()}</h1>
                {issue.quote.as_ref().map(|q| view! {
                    <figure class="quote quote--hero">
                        <blockquote><p>{inlines(&q.text, notes)}</p></blockquote>
                        <figcaption>"— " <cite>{q.cite.as_ref()}</cite></figcaption>
                    </figure>
                })}
                <div class="lead">{blocks(&home.body, notes)}</div>
            </div>
        </div>
        <div class="wrap stack">
            <section class="feature" aria-labelledby="act-now">
                <p class="eyebrow">"Take action now"</p>
                <h2 id="act-now">{action.title.as_ref()}</h2>
                <p>{action.summary.as_ref()}</p>
                <a class="button" href=href(&routes::action(&action.slug))>{action.cta.as_ref()}</a>
            </section>
            <nav aria-label="Explore the campaign" class="ways-in">
                <ul class="cards">
                    <li class="card">
                        <h2><a href=href(&routes::issue(&issue.slug))>{issue.title.as_ref()}</a></h2>
                        <p>{issue.summary.as_ref()}</p>
                    </li>
                    <li class="card">
                        <h2><a href=href(routes::PARTNERS)>"Our coalition partners"</a></h2>
                        <p>{c.partners.iter().map(|p| p.name.as_ref()).collect::<Vec<_>>().join(", ")}</p>
                    </li>
                    <li class="card">
                        <h2><a href=href(routes::RESOURCES)>"Resources"</a></h2>
                        <p>{c.resources.iter().map(|r| r.title.as_ref()).collect::<Vec<_>>().join(", ")}</p>
                    </li>
                </ul>
            </nav>
        </div>
    }
}
