//! What an action asks, and of whom: "To: President Trump", the words signers put their names
//! to (its `text`, paragraphs apart by a blank line) as its kind shows them (a demand, quoted;
//! a letter, in full), who may sign it, and the day it closes while it is open.

use super::action_outcome::While;
use crate::paths::{ui, LANG};
use campaign_core::content::Action;
use campaign_core::count;
use campaign_core::kind::Text;
use campaign_core::template::fill;
use leptos::prelude::*;

#[component]
pub fn Ask(action: &'static Action) -> impl IntoView {
    let ui = ui();
    let closes = action
        .ends
        .as_ref()
        .filter(|_| action.is_open())
        .map(|d| fill(ui.closes_on, &[&count::date(d, LANG)]));
    let paragraphs = || {
        action
            .text
            .split("\n\n")
            .map(str::trim)
            .filter(|p| !p.is_empty())
            .map(|p| view! { <p>{p}</p> })
            .collect_view()
    };
    let text = match action.kind.text() {
        Text::Demand => {
            view! { <blockquote class="ask__text">{paragraphs()}</blockquote> }.into_any()
        }
        Text::Letter => view! { <div class="ask__letter">{paragraphs()}</div> }.into_any(),
    };
    view! {
        <div class="ask">
            <p class="ask__to"><span class="ask__label">{ui.to}</span>" "{action.target.as_ref()}</p>
            {text}
            {action.who_may_sign.as_ref().map(|who| view! {
                <p class="ask__who"><span class="ask__label">{ui.who_may_sign}</span>" "{who.as_ref()}</p>
            })}
            {closes.map(|text| view! { <p class="ask__ends" {..While::Open.attr(action)}>{text}</p> })}
        </div>
    }
}
