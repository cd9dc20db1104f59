//! What a petition asks, and of whom: "To: President Trump", the words signers put their names
//! to (a quotation), and the day it closes while it is open.

use super::action_outcome::While;
use crate::paths::{ui, LANG};
use campaign_core::content::Action;
use campaign_core::count;
use campaign_core::template::fill;
use leptos::prelude::*;

#[component]
pub fn PetitionAsk(action: &'static Action) -> impl IntoView {
    let ui = ui();
    let closes = action
        .ends
        .as_ref()
        .filter(|_| action.is_open())
        .map(|d| fill(ui.closes_on, &[&count::date(d, LANG)]));
    view! {
        <div class="ask">
            <p class="ask__to"><span class="ask__label">{ui.to}</span>" "{action.target.as_ref()}</p>
            <blockquote class="ask__text"><p>{action.petition_text.as_ref()}</p></blockquote>
            {closes.map(|text| view! { <p class="ask__ends" {..While::Open.attr(action)}>{text}</p> })}
        </div>
    }
}
