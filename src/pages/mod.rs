//! The pages, one per file, and the page area that shows the one the address names. They
//! render where the content is compiled in: the prerenderer writes each as HTML, and the
//! component tests mount them. (The browser build shows the prerendered pages instead:
//! `crate::browser`.)

mod accessibility;
mod action;
mod actions;
mod embed_builder;
mod home;
mod issue;
mod issues;
mod offline;
mod partners;
mod resources;
pub mod signers;
mod thanks;

pub use action::ActionBody;
pub use issue::IssueBody;

use crate::chrome::page_meta::PageMeta;
use crate::chrome::route_effects::Shown;
use crate::not_found::NotFound;
use crate::paths::BASE;
use campaign_core::routes::Page;
use leptos::prelude::*;
use leptos_router::hooks::use_location;

/// What a page says about itself in the `<head>`.
pub struct Meta {
    pub title: String,
    pub description: String,
    /// Not to be indexed (the thank-you page).
    pub noindex: bool,
    /// In one language only (the `/embed` generator).
    pub one_language: bool,
}

impl Meta {
    fn new(title: impl Into<String>, description: impl Into<String>) -> Meta {
        Meta {
            title: title.into(),
            description: description.into(),
            noindex: false,
            one_language: false,
        }
    }
}

/// The page at a site path (without the base path): what it says in the `<head>`, and its body.
/// `None` where there is no page: an unknown path, or a slug the content does not have.
pub fn page(path: &str) -> Option<(Meta, AnyView)> {
    Some(match Page::parse(path)? {
        Page::Home => home::page(),
        Page::Issues => issues::page(),
        Page::Issue(slug) => issue::page(slug)?,
        Page::Partners => partners::page(),
        Page::Resources => resources::page(),
        Page::Actions => actions::page(),
        Page::Action(slug) => action::page(slug)?,
        Page::Signers(slug) => signers::page(slug)?,
        Page::Thanks => thanks::page(),
        Page::Offline => offline::page(),
        Page::Accessibility => accessibility::page(),
        Page::Embed => embed_builder::page(),
    })
}

/// The page the address names, in the frame's `<main>`.
#[component]
pub fn PageArea() -> impl IntoView {
    let location = use_location();
    let on_screen = Shown::when_on_screen();
    move || {
        let path = location.pathname.get();
        on_screen(path.clone());
        match page(path.strip_prefix(BASE).unwrap_or(&path)) {
            Some((meta, body)) => view! {
                <PageMeta
                    title=meta.title
                    description=meta.description
                    noindex=meta.noindex
                    one_language=meta.one_language
                />
                <div class="page">{body}</div>
            }
            .into_any(),
            None => view! { <NotFound /> }.into_any(),
        }
    }
}
