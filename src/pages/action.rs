//! `/act/:slug`: an action's page, with its petition. Also an embed's body (`crate::embeds`).

use super::Meta;
use crate::components::action_outcome::{open_until, ActionOutcome, While};
use crate::components::ask::Ask;
use crate::components::count_bar::CountBar;
use crate::components::frame::PageTitle;
use crate::components::heading::Heading;
use crate::components::rich_text::{blocks, NotesAt};
use crate::components::sign_form::{FormFor, SignForm};
use crate::content::content;
use crate::pages::signers::{has_list, SignersLink};
use crate::paths::href;
use campaign_core::content::Action;
use campaign_core::contract::attr;
use campaign_core::routes;
use leptos::attr::custom::custom_attribute;
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
    // screen; then why, then the form (or, once closed, what became of it). An action built
    // open with a last day has both, and shows the second once that day has passed
    // (`js/closing.js`), so a page built before then never takes a signature after it.
    let open = action.is_open();
    let closes = open_until(action);
    view! {
        // The issue it belongs to comes before the title, as its eyebrow.
        <article class="wrap stack action" {..custom_attribute(attr::ENDS, closes.clone())}>
            <p class="eyebrow"><a href=href(&routes::issue(&issue.slug))>{issue.title.as_ref()}</a></p>
            <PageTitle text=action.title.as_ref() />
            <Ask action=action />
            <CountBar action=action />
            <div class="prose">{blocks(&action.body, NotesAt::ThisPage)}</div>
            {open.then(|| view! {
                <section id="sign" class="petition" aria-labelledby="petition-heading" {..While::Open.attr(action)}>
                    <Heading level=2 id="petition-heading">{action.cta.as_ref()}</Heading>
                    <SignForm form=FormFor::Action(action) prefix="petition" level=3 />
                </section>
            })}
            {(!open || closes.is_some()).then(|| view! {
                <section
                    id=if open { "closed" } else { "sign" }
                    class="petition"
                    aria-labelledby="action-outcome"
                    tabindex=open.then_some("-1")
                    hidden={open}
                    {..While::Closed.attr(action)}
                >
                    <ActionOutcome action=action level=2 id="action-outcome" />
                </section>
            })}
            {has_list(action).then(|| view! { <SignersLink action=action /> })}
        </article>
    }
}
