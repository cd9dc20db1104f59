//! One routed view per file.

mod accessibility;
mod actions;
mod embed;
mod home;
mod issues;
mod not_found;
mod partners;
mod resources;
mod thanks;

pub use accessibility::Accessibility;
pub use actions::{ActionPage, Actions};
pub use embed::EmbedBuilder;
pub use home::Home;
pub use issues::{IssuePage, Issues};
pub use not_found::NotFound;
pub use partners::Partners;
pub use resources::Resources;
pub use thanks::Thanks;

use leptos::prelude::*;
use leptos_router::hooks::use_params_map;

/// A page named by the route's `:slug`: the entry `find` returns, rendered by `page`, or the
/// not-found page for an unknown slug.
pub(crate) fn by_slug<T: 'static>(
    find: fn(&str) -> Option<&'static T>,
    page: fn(&'static T) -> AnyView,
) -> impl IntoView {
    let params = use_params_map();
    move || {
        let slug = params.read().get("slug").unwrap_or_default();
        match find(&slug) {
            Some(entry) => page(entry),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}
