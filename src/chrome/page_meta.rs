//! Each page's <title>, meta description, canonical address and share preview (Open Graph and
//! Twitter card), rendered into the prerendered page's <head> and kept up to date on page
//! changes.

use crate::paths::{in_lang, LANG, ROOT};
use crate::site::site;
use campaign_core::i18n::Lang;
use leptos::prelude::*;
use leptos_meta::{Link, Meta, Title};
use leptos_router::hooks::use_location;

/// The share image, shipped in `public/`: 1200 × 630, as share previews want.
pub const SHARE_IMAGE: &str = "/share.png";

#[component]
pub fn PageMeta(
    #[prop(into)] title: String,
    #[prop(into)] description: String,
    /// Pages that must not be indexed (not found, the thank-you): no canonical address either.
    #[prop(optional)]
    noindex: bool,
    /// A page that exists in one language only (the `/embed` generator): no alternates.
    #[prop(optional)]
    one_language: bool,
) -> impl IntoView {
    let site = site();
    let path = use_location().pathname.get_untracked();
    let url = format!("{}{}", site.site_url, path);
    let image = format!("{}{ROOT}{SHARE_IMAGE}", site.site_url);
    // The same page in every language, for search engines: `hreflang` alternates, with English
    // as the default for everyone else.
    let alternates = (!noindex && !one_language).then(|| {
        let en = format!("{}{}", site.site_url, in_lang(Lang::En, &path));
        let es = format!("{}{}", site.site_url, in_lang(Lang::Es, &path));
        view! {
            <Link rel="alternate" hreflang="en" href=en.clone() />
            <Link rel="alternate" hreflang="es" href=es />
            <Link rel="alternate" hreflang="x-default" href=en />
        }
    });
    view! {
        <Title text=title.clone() />
        <Meta name="description" content=description.clone() />
        {if noindex {
            view! { <Meta name="robots" content="noindex" /> }.into_any()
        } else {
            view! { <Link rel="canonical" href=url.clone() /> }.into_any()
        }}
        {alternates}
        <Meta property="og:locale" content=if LANG == Lang::Es { "es_US" } else { "en_US" } />
        <Meta property="og:type" content="website" />
        <Meta property="og:site_name" content=site.org_name.to_string() />
        <Meta property="og:title" content=title />
        <Meta property="og:description" content=description />
        <Meta property="og:url" content=url />
        <Meta property="og:image" content=image />
        <Meta
            property="og:image:alt"
            content=format!("{} · {}", site.campaign_name, site.org_name)
        />
        <Meta name="twitter:card" content="summary_large_image" />
    }
}
