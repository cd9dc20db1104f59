//! The site chrome: skip link, header with navigation, main, footer with the signup call.

use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use crate::paths::{href, in_lang, ui, LANG, ROOT};
use campaign_core::i18n::Lang;
use campaign_core::routes;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{ui().skip_link}</a>
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
                <nav aria-label=ui().nav_label>
                    <ul class="nav">
                        <li><A href=href(routes::HOME) exact=true>{ui().nav_home}</A></li>
                        <li><A href=href(routes::ISSUES)>{ui().nav_issues}</A></li>
                        <li><A href=href(routes::PARTNERS)>{ui().nav_partners}</A></li>
                        <li><A href=href(routes::RESOURCES)>{ui().nav_resources}</A></li>
                        <li><A href=href(routes::ACTIONS)>{ui().nav_actions}</A></li>
                    </ul>
                </nav>
                <LanguageSwitch />
            </div>
        </header>
    }
}

/// The same page in the other language. Each language is its own build, so the link loads the
/// page whole (`rel="external"` keeps the router out of it); `js/boot.js` remembers the choice.
#[component]
fn LanguageSwitch() -> impl IntoView {
    let location = use_location();
    // Two languages: the switcher offers the other one.
    let other = if LANG == Lang::En { Lang::Es } else { Lang::En };
    view! {
        <p class="lang-switch">
            <span class="visually-hidden">{ui().language_label}" "</span>
            <a
                href=move || in_lang(other, &location.pathname.get())
                hreflang=other.code()
                lang=other.code()
                rel="alternate external"
                data-lang-switch=other.code()
            >
                {other.name()}
            </a>
        </p>
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
                    {ui().campaign_of}
                    <a href=site.org_url.as_ref() rel="external noopener">{site.org_name.as_ref()}</a>
                    ", " {site.org_tagline.as_ref()} "."
                </p>
                <p class="site-footer__links">
                    <a href=href(routes::ACCESSIBILITY)>{ui().accessibility}</a>
                    " · "
                    // A static page the router does not render (routes::STATIC_ONLY), in English.
                    <a href=campaign_core::routes::href(ROOT, routes::EMBED) rel="external" hreflang="en">{ui().embed_link}</a>
                </p>
            </div>
        </footer>
    }
}
