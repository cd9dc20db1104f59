//! `/issues` and `/issues/:slug`.

use crate::components::page_meta::PageMeta;
use crate::components::rich::{blocks, inlines, Footnotes, NotesAt};
use crate::components::sign_form::{Mode, SignForm};
use crate::content::content;
use crate::pages::{by_slug, PartnerList, ResourceCard};
use crate::paths::href;
use campaign_core::content::Issue;
use campaign_core::routes;
use leptos::prelude::*;

#[component]
pub fn Issues() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta
            title="Issues"
            description=format!("The issues {} advances, starting with immigration justice.", c.site.org_name)
        />
        <div class="wrap stack">
            <h1 tabindex="-1">"Issues"</h1>
            <p class="lead">
                "Pursuing immigration justice is deeply connected to all of the issues we advance at "
                {c.site.org_name.as_ref()} "."
            </p>
            <ul class="cards">
                {c.issues.iter().map(|i| view! {
                    <li class="card">
                        <h2>
                            {if i.has_page {
                                view! { <a href=href(&routes::issue(&i.slug))>{i.title.as_ref()}</a> }.into_any()
                            } else {
                                i.title.as_ref().into_any()
                            }}
                        </h2>
                        <p>{i.summary.as_ref()}</p>
                        {(!i.has_page).then(|| view! { <p class="muted">"No page on this site yet."</p> })}
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub fn IssuePage() -> impl IntoView {
    by_slug(|slug| content().issue_page(slug), |issue| view! { <IssueView issue /> }.into_any())
}

#[component]
fn IssueView(issue: &'static Issue) -> impl IntoView {
    let c = content();
    let partners: Vec<_> = issue.partners.iter().filter_map(|s| c.partner(s)).collect();
    let resources: Vec<_> = issue.resources.iter().filter_map(|s| c.resource(s)).collect();
    let actions: Vec<_> = issue.actions.iter().filter_map(|s| c.action(s)).collect();
    view! {
        <PageMeta title=issue.title.to_string() description=issue.summary.to_string() />
        <article class="wrap stack issue">
            <h1 tabindex="-1">{issue.title.as_ref()}</h1>
            {issue.quote.as_ref().map(|q| view! {
                <figure class="quote">
                    <blockquote><p>{inlines(&q.text, NotesAt::ThisPage)}</p></blockquote>
                    <figcaption>"— " <cite>{q.cite.as_ref()}</cite></figcaption>
                </figure>
            })}
            <div class="prose">{blocks(&issue.body, NotesAt::ThisPage)}</div>
            <Footnotes notes=&issue.footnotes />
            {(!partners.is_empty()).then(|| view! {
                <section aria-labelledby="partners-heading" class="stack">
                    <h2 id="partners-heading">"Partners"</h2>
                    <PartnerList partners=partners.clone() heading_level=3 />
                    <CoalitionLink />
                </section>
            })}
            {(!resources.is_empty()).then(|| view! {
                <section aria-labelledby="resources-heading" class="stack">
                    <h2 id="resources-heading">"Resources"</h2>
                    {resources.iter().map(|r| view! { <ResourceCard resource=r heading_level=3 /> }).collect_view()}
                </section>
            })}
            {(!actions.is_empty()).then(|| view! {
                <section aria-labelledby="actions-heading" class="stack">
                    <h2 id="actions-heading">"Take action"</h2>
                    {actions.iter().map(|a| view! {
                        <div class="card">
                            <h3><a href=href(&routes::action(&a.slug))>{a.title.as_ref()}</a></h3>
                            <p>{a.summary.as_ref()}</p>
                        </div>
                    }).collect_view()}
                </section>
            })}
            <section aria-labelledby="issue-signup-heading" class="signup-call signup-call--inline">
                <h2 id="issue-signup-heading">{c.site.signup_heading.as_ref()}</h2>
                <p>{c.site.signup_text.as_ref()}</p>
                <SignForm mode=Mode::Updates id_prefix="issue-signup" />
            </section>
        </article>
    }
}

/// "Read more about our approach to working in coalition."
#[component]
pub fn CoalitionLink() -> impl IntoView {
    let site = &content().site;
    view! {
        <p>
            {site.coalition_text.as_ref()} " "
            <a href=site.coalition_url.as_ref() rel="external noopener">{site.coalition_link_text.as_ref()}</a>
            "."
        </p>
    }
}
