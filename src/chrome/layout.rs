//! The skip link, the header, the page area and the footer.

use super::{footer::Footer, header::Header};
use crate::paths::ui;
use leptos::prelude::*;

#[component]
pub fn Layout(children: Children) -> impl IntoView {
    view! {
        <a class="skip-link" href="#main">{ui().skip_link}</a>
        <Header />
        <main id="main" tabindex="-1">{children()}</main>
        <Footer />
    }
}
