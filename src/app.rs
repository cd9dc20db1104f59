//! The app: the router, the frame, and the page area.
//!
//! There is no route table here. Which page a path names is decided once, in
//! `campaign_core::routes::Page::parse`: by the prerenderer, which renders every page
//! (`crate::pages`), and in the browser by the static host, which answers each address with its
//! prerendered page or the not-found page (`crate::browser`).

use crate::chrome::layout::Layout;
use crate::chrome::route_effects::{RouteEffects, Shown};
use crate::paths::BASE;
use crate::site::site;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::Router;

#[cfg(feature = "hydrate")]
use crate::browser::PageArea;
#[cfg(not(feature = "hydrate"))]
use crate::pages::PageArea;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    Shown::provide();
    let org = site().org_name.as_ref();
    view! {
        // Every page's <title> is "Page · T’ruah".
        <Title formatter=move |text: String| format!("{text} · {org}") />
        <Router base=BASE>
            <RouteEffects />
            <Layout>
                <PageArea />
            </Layout>
        </Router>
    }
}
