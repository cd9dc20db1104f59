//! `/`: the front door. The quote, one sentence of why, the current action, and the ways in.

use super::Meta;
use crate::components::count_bar::CountBar;
use crate::components::frame::PageTitle;
use crate::components::heading::Heading;
use crate::components::rich_text::{blocks, inlines, NotesAt};
use crate::content::content;
use crate::paths::{href, ui};
use campaign_core::routes;
use leptos::prelude::*;

pub fn page() -> (Meta, AnyView) {
    let c = content();
    (
        Meta::new(c.site.campaign_name.as_ref(), c.home.description.as_ref()),
        view! { <Home /> }.into_any(),
    )
}

#[component]
fn Home() -> impl IntoView {
    let c = content();
    let issue = c
        .issue_page(&c.home.featured_issue)
        .expect("checked by the loader");
    // Only an open action is offered as the current one (`Content::current_action`).
    let action = c.current_action();
    let notes = NotesAt::Issue(&issue.slug);
    let names = |list: Vec<&str>| list.join(", ");
    let ways_in = [
        (
            href(&routes::issue(&issue.slug)),
            issue.title.to_string(),
            issue.summary.to_string(),
        ),
        (
            href(routes::PARTNERS),
            ui().our_partners.to_string(),
            names(c.partners.iter().map(|p| p.name.as_ref()).collect()),
        ),
        (
            href(routes::RESOURCES),
            ui().resources_title.to_string(),
            names(c.resources.iter().map(|r| r.title.as_ref()).collect()),
        ),
    ];
    view! {
        <div class="hero">
            <div class="wrap">
                <PageTitle text=c.home.title.as_ref() />
                {issue.quote.as_ref().map(|q| view! {
                    <figure class="quote quote--hero">
                        <blockquote><p>{inlines(&q.text, notes)}</p></blockquote>
                        <figcaption>"— "<cite>{q.cite.as_ref()}</cite></figcaption>
                    </figure>
                })}
                <div class="lead">{blocks(&c.home.body, notes)}</div>
            </div>
        </div>
        <div class="wrap stack">
            {action.map(|action| view! {
                <section class="feature" aria-labelledby="act-now">
                    <p class="eyebrow">{ui().take_action_now}</p>
                    <Heading level=2 id="act-now">{action.title.as_ref()}</Heading>
                    <p>{action.summary.as_ref()}</p>
                    <CountBar action=action compact=true />
                    <a class="button" href=href(&routes::action(&action.slug))>{action.cta.as_ref()}</a>
                </section>
            })}
            <nav aria-label=ui().explore class="ways-in">
                <ul class="cards">
                    {ways_in
                        .into_iter()
                        .map(|(to, title, text)| view! {
                            <li class="card">
                                <Heading level=2><a href=to>{title}</a></Heading>
                                <p>{text}</p>
                            </li>
                        })
                        .collect_view()}
                </ul>
            </nav>
        </div>
    }
}
