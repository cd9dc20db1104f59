//! Headings that know where they sit. A page's headings start at `h1`; the same components in an
//! embed, inside another site's page, start at `h2`, under that page's own `h1`: the embeds
//! provide a [`HeadingShift`] and every heading goes down by it.

use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;

/// How many levels every heading goes down (1 in an embed).
#[derive(Clone, Copy, Default)]
pub struct HeadingShift(pub u8);

/// A heading of `level` (1 for a page's title), shifted by the context's [`HeadingShift`], at
/// most to `h6`.
#[component]
pub fn Heading(
    level: u8,
    #[prop(optional, into)] id: Option<String>,
    #[prop(optional)] class: Option<&'static str>,
    /// The page's title: the heading that takes focus on a page change (`tabindex="-1"`).
    #[prop(optional)]
    focus: bool,
    children: Children,
) -> impl IntoView {
    let shift = use_context::<HeadingShift>().unwrap_or_default().0;
    let tabindex = focus.then_some("-1");
    let children = children();
    match (level + shift).clamp(1, 6) {
        1 => view! { <h1 id=id tabindex={tabindex} {..custom_attribute("class", class)}>{children}</h1> }.into_any(),
        2 => view! { <h2 id=id tabindex={tabindex} {..custom_attribute("class", class)}>{children}</h2> }.into_any(),
        3 => view! { <h3 id=id tabindex={tabindex} {..custom_attribute("class", class)}>{children}</h3> }.into_any(),
        4 => view! { <h4 id=id tabindex={tabindex} {..custom_attribute("class", class)}>{children}</h4> }.into_any(),
        5 => view! { <h5 id=id tabindex={tabindex} {..custom_attribute("class", class)}>{children}</h5> }.into_any(),
        _ => view! { <h6 id=id tabindex={tabindex} {..custom_attribute("class", class)}>{children}</h6> }.into_any(),
    }
}
