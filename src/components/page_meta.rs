//! Each page's <title> and meta description.

use leptos::prelude::*;
use leptos_meta::{Meta, Title};

#[component]
pub fn PageMeta(#[prop(into)] title: String, #[prop(into)] description: String) -> impl IntoView {
    view! {
        <Title text=title />
        <Meta name="description" content=description />
    }
}
