//! `/thanks`: where a signature sent as a plain form (a browser without WebAssembly, such as
//! Apple's Lockdown Mode) lands, once the endpoint has it. The receiver redirects here.

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::pages;
use crate::paths::ui;
use leptos::prelude::*;

#[component]
pub fn Thanks() -> impl IntoView {
    view! {
        <PageMeta title=ui().thanks_title description=ui().thanks_description noindex=true />
        <StaticHtml html=pages().thanks />
    }
}
