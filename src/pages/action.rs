//! `/act/:slug`: an action's page, with its petition. Also an embed's body (`crate::embeds`).

use super::Meta;
use crate::components::action_outcome::ActionOutcome;
use crate::components::count_bar::CountBar;
use crate::components::frame::PageTitle;
use crate::components::heading::Heading;
use crate::components::petition_ask::PetitionAsk;
use crate::components::rich_text::{blocks, NotesAt};
use crate::components::sign_form::{FormFor, SignForm};
use crate::content::content;
use crate::paths::href;
use campaign_core::content::Action;
use campaign_core::routes;
use leptos::prelude::*;

pub fn page(slug: &str) -> Option<(Meta, AnyView)> {
    let action = content().action(slug)?;
    Some((
        Meta::new(action.title.as_ref(), action.summary.as_ref()),
        view! { <ActionBody action=action /> }.into_any(),
    ))
}

#[component]
pub fn ActionBody(action: &'static Action) -> impl IntoView {
    let issue = content()
        .issue_page(&action.issue)
        .expect("checked by the loader");
    // The title, the ask and the count come first, so that on a phone they share the first
    // screen; then why, then the form (or, once closed, what became of it).
    view! {
        // The issue it belongs to comes before the title, as its eyebrow.
        <article class="wrap stack action">
            <p class="eyebrow"><a href=href(&routes::issue(&issue.slug))>{issue.title.as_ref()}</a></p>
            <PageTitle text=action.title.as_ref() />
            <PetitionAsk action=action />
            <CountBar action=action />
            <div class="prose">{blocks(&action.body, NotesAt::ThisPage)}</div>
            <section id="sign" class="petition" aria-labelledby="petition-heading">
                {if action.is_open() {
                    view! {
                        <Heading level=2 id="petition-heading">{action.cta.as_ref()}</Heading>
                        <SignForm
                            form=FormFor::Action(action)
                            prefix="petition"
                            level=3
                        />
                    }
                    .into_any()
                } else {
                    view! { <ActionOutcome action=action level=2 id="petition-heading" /> }.into_any()
                }}
            </section>
        </article>
    }
}
