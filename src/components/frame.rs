//! The frame a page's body shares with every other: the column (`wrap stack`), and the title
//! as the heading that takes focus on a page change (`chrome::route_effects`).

use super::heading::Heading;
use leptos::prelude::*;

/// The page's title: its `h1` (an `h2` in an embed), which takes focus on a page change.
#[component]
pub fn PageTitle(#[prop(into)] text: String) -> impl IntoView {
    view! { <Heading level=1 focus=true>{text}</Heading> }
}

/// A page's column with its title first. `article` for a page that stands on its own (an
/// issue, an action, the statement); `class` adds the page's own class.
#[component]
pub fn Frame(
    #[prop(into)] title: String,
    #[prop(optional)] article: bool,
    #[prop(optional)] class: &'static str,
    children: Children,
) -> impl IntoView {
    let class = if class.is_empty() {
        "wrap stack".to_string()
    } else {
        format!("wrap stack {class}")
    };
    let inner = view! { <PageTitle text=title />{children()} };
    if article {
        view! { <article class=class>{inner}</article> }.into_any()
    } else {
        view! { <div class=class>{inner}</div> }.into_any()
    }
}
