//! The site chrome: skip link, header with navigation, main, footer with the signup call.

use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use crate::paths::href;
use campaign_core::routes;
use leptos::prelude::*;
use leptos_router::components::A;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">"Skip to content"</a>
        <Header />
        <main id="main" tabindex="-1">{children()}</main>
        <Footer />
    }
}

#[component]
fn Header() -> impl IntoView {
    let site = &content().site;
    view! {
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="brand" href=href(routes::HOME)>
                    <span class="brand__name">{site.org_name.as_ref()}</span>
                    <span class="brand__campaign">{site.campaign_name.as_ref()}</span>
                </a>
                <nav aria-label="Main">
                    <ul class="nav">
                        <li><A href=href(routes::HOME) exact=true>"Home"</A></li>
                        <li><A href=href(routes::ISSUES)>"Issues"</A></li>
                        <li><A href=href(routes::PARTNERS)>"Partners"</A></li>
                        <li><A href=href(routes::RESOURCES)>"Resources"</A></li>
                        <li><A href=href(routes::ACTIONS)>"Take action"</A></li>
                    </ul>
                </nav>
            </div>
        </header>
    }
}

#[component]
fn Footer() -> impl IntoView {
    let site = &content().site;
    view! {
        <footer class="site-footer">
            <div class="wrap">
                <StaticHtml html=pages().footer_signup />
                <p class="site-footer__org">
                    "A campaign of "
                    <a href=site.org_url.as_ref() rel="external noopener">{site.org_name.as_ref()}</a>
                    ", " {site.org_tagline.as_ref()} "."
                </p>
                <p class="site-footer__links">
                    <a href=href(routes::ACCESSIBILITY)>"Accessibility"</a>
                    " · "
                    // A static page the router does not render (routes::STATIC_ONLY).
                    <a href=href(routes::EMBED) rel="external">"Embed on your website"</a>
                </p>
            </div>
        </footer>
    }
}
