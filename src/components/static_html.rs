//! A page's body, rendered to HTML at build time from `content/` (`campaign_core::html`) and
//! inserted as it is. It comes from our own files, escaped, never from a visitor. The prerendered
//! page holds the same HTML, so hydration keeps it as it is; only the chrome around it (header,
//! navigation, titles) is Leptos views.

use crate::components::forms;
use leptos::prelude::*;

#[component]
pub fn StaticHtml(html: &'static str) -> impl IntoView {
    // In the browser only, once the HTML is in the page: ready its forms.
    Effect::new(move |_| forms::prepare());
    view! { <div class="page" inner_html=html></div> }
}
