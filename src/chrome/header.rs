//! The header: the brand, the main navigation and the language switcher.

use crate::paths::{href, in_lang, ui, LANG};
use crate::site::site;
use campaign_core::contract::attr;
use campaign_core::i18n::Lang;
use campaign_core::routes;
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos_router::components::A;
use leptos_router::hooks::use_location;

#[component]
pub fn Header() -> impl IntoView {
    let site = site();
    view! {
        <header class="site-header">
            <div class="wrap site-header__inner">
                <a class="brand" href=href(routes::HOME)>
                    <span class="brand__name">{site.org_name.as_ref()}</span>
                    <span class="brand__campaign">{site.campaign_name.as_ref()}</span>
                </a>
                <nav aria-label=ui().nav_label>
                    <ul class="nav">
                        <li class="nav__home"><A href=href(routes::HOME) exact=true>{ui().nav_home}</A></li>
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
                {..custom_attribute(attr::LANG_SWITCH, other.code())}
            >
                {other.name()}
            </a>
        </p>
    }
}
