//! `/partners`: the coalition partners.

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use crate::paths::ui;
use campaign_core::i18n::fill;
use leptos::prelude::*;

#[component]
pub fn Partners() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta
            title=ui().partners_title
            description=fill(
                ui().partners_description,
                &[&c.site.org_name, &c.partners.iter().map(|p| p.name.as_ref()).collect::<Vec<_>>().join(", ")],
            )
        />
        <StaticHtml html=pages().partners />
    }
}
