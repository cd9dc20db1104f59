//! The footer: the call to sign up for updates, who runs the campaign, and the footer's links.

use crate::paths::{href, ui, ROOT};
use crate::site::site;
use campaign_core::routes;
use leptos::prelude::*;

#[component]
pub fn Footer() -> impl IntoView {
    let site = site();
    view! {
        <footer class="site-footer">
            <div class="wrap">
                {signup()}
                <p class="site-footer__org">
                    {ui().campaign_of}
                    <a href=site.org_url.as_ref() rel="external noopener">{site.org_name.as_ref()}</a>
                    ", " {site.org_tagline.as_ref()} "."
                </p>
                <p class="site-footer__links">
                    <a href=href(routes::ACCESSIBILITY)>{ui().accessibility}</a>
                    " · "
                    // A static page the router does not render (routes::STATIC_ONLY), in English.
                    <a href=routes::href(ROOT, routes::EMBED) rel="external" hreflang="en">
                        {ui().embed_link}
                    </a>
                </p>
            </div>
        </footer>
    }
}

/// The call to sign up for updates, with its form: content, so it is rendered where the
/// content is compiled in (the prerenderer, the component tests).
#[cfg(not(feature = "hydrate"))]
fn signup() -> impl IntoView {
    use crate::components::signup_call::SignupCall;
    view! {
        <div class="site-footer__signup">
            <SignupCall prefix="footer-signup" level=2 inline=false />
        </div>
    }
}

/// In the browser the frame is hydrated around it: the form stays as it was prerendered (an
/// element with no children of its own leaves the ones it has as they are), and the signer
/// brings it to life.
#[cfg(feature = "hydrate")]
fn signup() -> impl IntoView {
    view! { <div class="site-footer__signup"></div> }
}
