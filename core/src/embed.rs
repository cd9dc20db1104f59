//! Embedding the campaign in another website (a WordPress page's Custom HTML block): what can
//! be embedded, the snippet staff paste, and where the embed script (`js/embed.js`) finds each
//! embeddable body.
//!
//! The snippet is a mount element and one module script:
//!
//! ```html
//! <div data-truah-embed="petition" data-action="guantanamo" data-source="wordpress"></div>
//! <script type="module" src="https://act.truah.org/embed.js"></script>
//! ```
//!
//! The script renders the body into the element's shadow root, from an HTML fragment the build
//! wrote next to it (`embed/act/guantanamo.html`), so neither page's CSS reaches the other.

use crate::content::Content;
use crate::html::Html;
use crate::routes;

/// What an embed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embed<'a> {
    /// An action's page with its petition, by the action's slug.
    Petition(&'a str),
    /// The updates and action alerts signup.
    Signup,
    /// An issue's page, by its slug.
    Issue(&'a str),
}

impl<'a> Embed<'a> {
    /// Everything this content can embed, in the order the generator offers it.
    pub fn all(c: &'a Content) -> Vec<Embed<'a>> {
        let mut out: Vec<Embed> = c.actions.iter().map(|a| Embed::Petition(&a.slug)).collect();
        out.push(Embed::Signup);
        out.extend(
            c.issues
                .iter()
                .filter(|i| i.has_page)
                .map(|i| Embed::Issue(&i.slug)),
        );
        out
    }

    /// The mount element's attributes that choose it.
    pub fn attrs(&self) -> Vec<(&'static str, &'a str)> {
        match self {
            Embed::Petition(slug) => vec![("data-truah-embed", "petition"), ("data-action", slug)],
            Embed::Signup => vec![("data-truah-embed", "signup")],
            Embed::Issue(slug) => vec![("data-truah-embed", "issue"), ("data-issue", slug)],
        }
    }

    /// Its body's fragment, relative to the site's root: `embed/act/guantanamo.html`.
    pub fn fragment(&self) -> String {
        match self {
            Embed::Petition(slug) => fragment_for(&routes::action(slug)),
            Embed::Signup => SIGNUP_FRAGMENT.to_string(),
            Embed::Issue(slug) => fragment_for(&routes::issue(slug)),
        }
    }

    /// How the generator names it.
    pub fn label(&self, c: &Content) -> String {
        match self {
            Embed::Petition(slug) => {
                format!("Petition: {}", c.action(slug).map_or(*slug, |a| &a.title))
            }
            Embed::Signup => "Updates and action alerts signup".to_string(),
            Embed::Issue(slug) => {
                format!("Issue page: {}", c.issue(slug).map_or(*slug, |i| &i.title))
            }
        }
    }
}

/// The updates signup's fragment.
pub const SIGNUP_FRAGMENT: &str = "embed/signup.html";

/// The fragment of an embeddable page (an action or an issue page), relative to the site's root:
/// `/act/guantanamo` → `embed/act/guantanamo.html`. `js/embed.js` follows the same rule when a
/// visitor follows a link inside an embed.
pub fn fragment_for(path: &str) -> String {
    format!("embed/{}.html", path.trim_matches('/'))
}

/// The snippet staff paste: the mount element, then the script (`script` is embed.js's full
/// address). `source` tags every signature made through this embed; empty leaves it out.
pub fn snippet(script: &str, what: Embed, source: &str) -> String {
    let mut h = Html::default();
    let mut attrs: Vec<(&str, Option<&str>)> = what
        .attrs()
        .into_iter()
        .map(|(k, v)| (k, Some(v)))
        .collect();
    let source = source.trim();
    if !source.is_empty() {
        attrs.push(("data-source", Some(source)));
    }
    h.open("div", &attrs).close("div");
    let mut s = h.into_string();
    s.push('\n');
    let mut h = Html::default();
    h.open("script", &[("type", Some("module")), ("src", Some(script))])
        .close("script");
    s.push_str(&h.into_string());
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_is_a_mount_element_and_one_module_script() {
        assert_eq!(
            snippet("https://act.example.org/embed.js", Embed::Petition("guantanamo"), " wordpress-home "),
            "<div data-truah-embed=\"petition\" data-action=\"guantanamo\" data-source=\"wordpress-home\"></div>\n\
             <script type=\"module\" src=\"https://act.example.org/embed.js\"></script>"
        );
        assert_eq!(
            snippet("https://act.example.org/c/embed.js", Embed::Signup, ""),
            "<div data-truah-embed=\"signup\"></div>\n<script type=\"module\" src=\"https://act.example.org/c/embed.js\"></script>"
        );
        // A source code is text, never markup.
        assert!(snippet("/embed.js", Embed::Issue("x"), "a\"><script>")
            .contains("data-source=\"a&quot;&gt;&lt;script&gt;\""));
    }

    #[test]
    fn fragments_mirror_the_pages_paths() {
        assert_eq!(
            Embed::Petition("guantanamo").fragment(),
            "embed/act/guantanamo.html"
        );
        assert_eq!(
            Embed::Issue("immigration-justice").fragment(),
            "embed/issues/immigration-justice.html"
        );
        assert_eq!(Embed::Signup.fragment(), "embed/signup.html");
        assert_eq!(
            fragment_for("/act/guantanamo/"),
            "embed/act/guantanamo.html"
        );
    }
}
