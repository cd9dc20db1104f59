//! The router: every route of the site inside the shared layout.

use crate::components::layout::Layout;
use crate::components::route_effects::RouteEffects;
use crate::content::content;
use crate::pages::*;
use crate::paths::BASE;
use leptos::prelude::*;
use leptos_meta::{provide_meta_context, Title};
use leptos_router::components::{Route, Router, Routes};
use leptos_router::path;

#[component]
pub fn App() -> impl IntoView {
    provide_meta_context();
    let org = content().site.org_name.as_ref();
    view! {
        // Every page's <title> is "Page · T’ruah".
        <Title formatter=move |text: String| format!("{text} · {org}") />
        <Router base=BASE>
            <RouteEffects />
            <Layout>
                <Routes fallback=|| view! { <NotFound /> }>
                    <Route path=path!("/") view=Home />
                    <Route path=path!("/issues") view=Issues />
                    <Route path=path!("/issues/:slug") view=IssuePage />
                    <Route path=path!("/partners") view=Partners />
                    <Route path=path!("/resources") view=Resources />
                    <Route path=path!("/act") view=Actions />
                    <Route path=path!("/act/:slug") view=ActionPage />
                    <Route path=path!("/thanks") view=Thanks />
                    <Route path=path!("/accessibility") view=Accessibility />
                    <Route path=path!("/embed") view=EmbedBuilder />
                </Routes>
            </Layout>
        </Router>
    }
}
