//! `/partners`: the coalition partners.

use crate::components::page_meta::PageMeta;
use crate::components::static_html::StaticHtml;
use crate::content::{content, pages};
use leptos::prelude::*;

#[component]
pub fn Partners() -> impl IntoView {
    let c = content();
    view! {
        <PageMeta
            title="Coalition partners"
            description=format!(
                "The coalitions and partners {} works with for immigration justice: {}.",
                c.site.org_name,
                c.partners.iter().map(|p| p.name.as_ref()).collect::<Vec<_>>().join(", ")
            )
        />
        <StaticHtml html=pages().partners />
    }
}
