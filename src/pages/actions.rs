//! `/act` and `/act/:slug`.

use crate::components::page_meta::PageMeta;
use crate::components::rich::{blocks, NotesAt};
use crate::components::sign_form::{Mode, SignForm};
use crate::content::content;
use crate::pages::by_slug;
use crate::paths::href;
use campaign_core::content::Action;
use campaign_core::routes;
use leptos::prelude::*;

#[component]
pub fn Actions() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta title="Take action" description="Act now for immigration justice." />
        <div class="wrap stack">
            <h1 tabindex="-1">"Take action"</h1>
            <ul class="cards">
                {c.actions.iter().map(|a| view! {
                    <li class="card">
                        <h2><a href=href(&routes::action(&a.slug))>{a.title.as_ref()}</a></h2>
                        <p>{a.summary.as_ref()}</p>
                    </li>
                }).collect_view()}
            </ul>
        </div>
    }
}

#[component]
pub fn ActionPage() -> impl IntoView {
    by_slug(|slug| content().action(slug), |action| view! { <ActionView action /> }.into_any())
}

#[component]
fn ActionView(action: &'static Action) -> impl IntoView {
    let c = content();
    let issue = c.issue_page(&action.issue).expect("checked at build time");
    view! {
        <PageMeta title=action.title.to_string() description=action.summary.to_string() />
        <article class="wrap stack action">
            <p class="eyebrow">
                <a href=href(&routes::issue(&issue.slug))>{issue.title.as_ref()}</a>
            </p>
            <h1 tabindex="-1">{action.title.as_ref()}</h1>
            <div class="prose">{blocks(&action.body, NotesAt::ThisPage)}</div>
            <section id="sign" class="petition" aria-labelledby="petition-heading">
                <h2 id="petition-heading">{action.cta.as_ref()}</h2>
                <SignForm
                    mode=Mode::Petition { action: action.slug.to_string(), cta: action.cta.to_string() }
                    id_prefix="petition"
                />
            </section>
        </article>
    }
}
