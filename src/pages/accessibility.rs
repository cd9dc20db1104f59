//! `/accessibility`: the accessibility statement (`content/accessibility.md`).

use super::Meta;
use crate::components::frame::Frame;
use crate::components::rich_text::{blocks, NotesAt};
use crate::content::content;
use leptos::prelude::*;

pub fn page() -> (Meta, AnyView) {
    let statement = &content().accessibility;
    (
        Meta::new(statement.title.as_ref(), statement.description.as_ref()),
        view! { <Accessibility /> }.into_any(),
    )
}

#[component]
fn Accessibility() -> impl IntoView {
    let statement = &content().accessibility;
    view! {
        <Frame title=statement.title.as_ref() article=true>
            <div class="prose">{blocks(&statement.body, NotesAt::ThisPage)}</div>
        </Frame>
    }
}
