//! A heading whose level depends on where its component is placed (a card under the page's
//! `h1` is an `h2`; under a section's `h2`, an `h3`).

use leptos::prelude::*;

/// An `h2` (for `level` 2) or an `h3` (otherwise), with an optional id.
pub fn heading(level: u8, text: &'static str, id: Option<String>) -> AnyView {
    if level == 2 {
        view! { <h2 id=id>{text}</h2> }.into_any()
    } else {
        view! { <h3 id=id>{text}</h3> }.into_any()
    }
}
