//! `/issues/:slug`: an issue's page, with its partners, resources and actions, and the call to
//! sign up. Also an embed's body (`crate::embeds`).

use super::Meta;
use crate::components::action_outcome::StatusBadge;
use crate::components::cards::{CoalitionLink, PartnerCards, ResourceCard};
use crate::components::count_bar::CountBar;
use crate::components::frame::Frame;
use crate::components::heading::Heading;
use crate::components::rich_text::{blocks, inlines, Footnotes, NotesAt};
use crate::components::signup_call::SignupCall;
use crate::content::content;
use crate::paths::{href, ui};
use campaign_core::content::{Action, Issue, Partner, Resource};
use campaign_core::routes;
use leptos::prelude::*;

pub fn page(slug: &str) -> Option<(Meta, AnyView)> {
    let issue = content().issue_page(slug)?;
    Some((
        Meta::new(issue.title.as_ref(), issue.summary.as_ref()),
        view! { <IssueBody issue=issue /> }.into_any(),
    ))
}

#[component]
pub fn IssueBody(issue: &'static Issue) -> impl IntoView {
    let c = content();
    let partners: Vec<&'static Partner> =
        issue.partners.iter().filter_map(|p| c.partner(p)).collect();
    let resources: Vec<&'static Resource> = issue
        .resources
        .iter()
        .filter_map(|r| c.resource(r))
        .collect();
    let actions: Vec<&'static Action> = issue.actions.iter().filter_map(|a| c.action(a)).collect();
    view! {
        <Frame title=issue.title.as_ref() article=true class="issue">
            {issue.quote.as_ref().map(|q| view! {
                <figure class="quote">
                    <blockquote><p>{inlines(&q.text, NotesAt::ThisPage)}</p></blockquote>
                    <figcaption>"— "<cite>{q.cite.as_ref()}</cite></figcaption>
                </figure>
            })}
            <div class="prose">{blocks(&issue.body, NotesAt::ThisPage)}</div>
            <Footnotes notes=&issue.footnotes />
            {(!partners.is_empty()).then(|| view! {
                <section aria-labelledby="partners-heading" class="stack">
                    <Heading level=2 id="partners-heading">{ui().partners_heading}</Heading>
                    <PartnerCards partners=partners level=3 />
                    <CoalitionLink />
                </section>
            })}
            {(!resources.is_empty()).then(|| view! {
                <section aria-labelledby="resources-heading" class="stack">
                    <Heading level=2 id="resources-heading">{ui().resources_title}</Heading>
                    {resources.into_iter().map(|r| view! { <ResourceCard resource=r level=3 /> }).collect_view()}
                </section>
            })}
            {(!actions.is_empty()).then(|| view! {
                <section aria-labelledby="actions-heading" class="stack">
                    <Heading level=2 id="actions-heading">{ui().actions_title}</Heading>
                    {actions
                        .into_iter()
                        .map(|a| view! {
                            <div class="card">
                                <StatusBadge action=a />
                                <Heading level=3><a href=href(&routes::action(&a.slug))>{a.title.as_ref()}</a></Heading>
                                <p>{a.summary.as_ref()}</p>
                                <CountBar action=a compact=true />
                            </div>
                        })
                        .collect_view()}
                </section>
            })}
            <SignupCall prefix="issue-signup" level=2 inline=true />
        </Frame>
    }
}
