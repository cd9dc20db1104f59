//! What search engines read to find the site: `sitemap.xml`, every page worth indexing in every
//! language with its alternates in the others, and `robots.txt`, which points at it and keeps
//! crawlers out of the staff's `/embed/` generator and the embeds' bodies. The prerenderer
//! writes both into the site's root folder (`src/bin/prerender.rs`).

use crate::i18n::Lang;
use crate::routes::{href, EMBED, OFFLINE, THANKS};

/// Whether a page is worth indexing: not the thank-you page a plain form post lands on, nor the
/// page the service worker shows offline (both say `noindex`), nor the staff's generator.
pub fn indexable(path: &str) -> bool {
    ![THANKS, OFFLINE, EMBED].contains(&path)
}

/// A page's full address in a language: `https://act.truah.org/campaigns/immigration/es/act/x/`.
fn address(site_url: &str, root: &str, lang: Lang, path: &str) -> String {
    format!(
        "{site_url}{}",
        href(&format!("{root}{}", lang.prefix()), path)
    )
}

fn xml_escaped(text: &str) -> String {
    text.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
        .replace('\'', "&apos;")
}

/// The sitemap of a site published at `site_url` under `root` (its base path, "" at the root of
/// a domain) whose pages are `paths` (site paths, in every language): each indexable page in
/// each language, with its alternates in every language and English as the default.
pub fn sitemap(site_url: &str, root: &str, paths: &[String]) -> String {
    let mut out = String::from(
        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\" xmlns:xhtml=\"http://www.w3.org/1999/xhtml\">\n",
    );
    for path in paths.iter().filter(|p| indexable(p)) {
        let alternates: String = Lang::ALL
            .iter()
            .map(|l| (l.code(), *l))
            .chain([("x-default", Lang::ALL[0])])
            .map(|(code, lang)| {
                format!(
                    "    <xhtml:link rel=\"alternate\" hreflang=\"{code}\" href=\"{}\"/>\n",
                    xml_escaped(&address(site_url, root, lang, path))
                )
            })
            .collect();
        for lang in Lang::ALL {
            out.push_str(&format!(
                "  <url>\n    <loc>{}</loc>\n{alternates}  </url>\n",
                xml_escaped(&address(site_url, root, lang, path))
            ));
        }
    }
    out.push_str("</urlset>\n");
    out
}

/// `robots.txt`: crawlers may read every page but the staff's generator and the embeds'
/// bodies (pieces of pages, in every language), and find the sitemap. A site in a subfolder
/// writes it too, but crawlers read only the one at the root of a domain: README, "Deploying".
pub fn robots(site_url: &str, root: &str) -> String {
    let mut out = String::from(
        "# Written by the build (src/bin/prerender.rs): what crawlers may read, and the sitemap.\nUser-agent: *\n",
    );
    for lang in Lang::ALL {
        out.push_str(&format!(
            "Disallow: {}\n",
            href(&format!("{root}{}", lang.prefix()), EMBED)
        ));
    }
    out.push_str(&format!("\nSitemap: {site_url}{root}/sitemap.xml\n"));
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_indexable_page_is_in_the_sitemap_in_every_language_with_its_alternates() {
        let paths: Vec<String> = ["/", "/partners", "/act/x", "/thanks", "/offline", "/embed"]
            .map(String::from)
            .to_vec();
        let map = sitemap("https://example.org", "/campaigns/immigration", &paths);
        for page in ["", "partners/", "act/x/"] {
            for prefix in ["", "es/"] {
                let loc =
                    format!("<loc>https://example.org/campaigns/immigration/{prefix}{page}</loc>");
                assert_eq!(map.matches(&loc).count(), 1, "{loc} in {map}");
            }
        }
        assert!(map.contains("<xhtml:link rel=\"alternate\" hreflang=\"es\" href=\"https://example.org/campaigns/immigration/es/partners/\"/>"));
        assert!(map.contains("<xhtml:link rel=\"alternate\" hreflang=\"x-default\" href=\"https://example.org/campaigns/immigration/partners/\"/>"));
        for never in ["thanks", "offline", "embed"] {
            assert!(!map.contains(never), "{never}: {map}");
        }
        assert_eq!(map.matches("<url>").count(), 6);
    }

    #[test]
    fn robots_keeps_crawlers_out_of_the_generator_and_points_at_the_sitemap() {
        assert_eq!(
            robots("https://act.truah.org", ""),
            "# Written by the build (src/bin/prerender.rs): what crawlers may read, and the sitemap.\nUser-agent: *\nDisallow: /embed/\nDisallow: /es/embed/\n\nSitemap: https://act.truah.org/sitemap.xml\n"
        );
        assert!(robots("https://example.org", "/sub")
            .contains("Disallow: /sub/es/embed/\n\nSitemap: https://example.org/sub/sitemap.xml"));
    }
}
