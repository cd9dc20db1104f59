//! Embedding the campaign in another website (a WordPress page's Custom HTML block): what can
//! be embedded, and where the embed script (`js/embed.js`) finds each embeddable body.
//!
//! The snippet staff paste is a mount element and one module script (`js/embed-generator.js`
//! writes it on the `/embed` page):
//!
//! ```html
//! <div data-truah-embed="petition" data-action="guantanamo" data-source="wordpress"></div>
//! <script type="module" src="https://act.truah.org/embed.js"></script>
//! ```
//!
//! The script renders the body into the element's shadow root, from an HTML fragment the build
//! wrote next to it (`embed/act/guantanamo.html`), so neither page's CSS reaches the other.

use crate::content::Content;
use crate::routes;

/// The folder the fragments live in, under each language's folder.
pub const FOLDER: &str = "embed";
/// The updates signup's fragment, in [`FOLDER`].
pub const SIGNUP: &str = "signup.html";

/// The kinds of embed, as a mount element names them: a petition, the signup, an issue page.
pub const KINDS: [&str; 3] = ["petition", "signup", "issue"];

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

    /// What kind of embed it is: the value of its mount element's `data-truah-embed`.
    pub fn kind(&self) -> &'static str {
        match self {
            Embed::Petition(_) => KINDS[0],
            Embed::Signup => KINDS[1],
            Embed::Issue(_) => KINDS[2],
        }
    }

    /// The mount element's attributes that choose it.
    pub fn attrs(&self) -> Vec<(&'static str, &'a str)> {
        use crate::contract::attr;
        let kind = (attr::EMBED, self.kind());
        match self {
            Embed::Petition(slug) => vec![kind, (attr::ACTION, slug)],
            Embed::Signup => vec![kind],
            Embed::Issue(slug) => vec![kind, (attr::ISSUE, slug)],
        }
    }

    /// Its body's fragment, relative to the language's folder: `embed/act/guantanamo.html`.
    pub fn fragment(&self) -> String {
        match self {
            Embed::Petition(slug) => fragment_for(&routes::action(slug)),
            Embed::Signup => format!("{FOLDER}/{SIGNUP}"),
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

/// The fragment of an embeddable page (an action or an issue page), relative to the language's
/// folder: `/act/guantanamo` → `embed/act/guantanamo.html`. `js/embed.js` follows the same rule
/// (with [`FOLDER`] from the contract) when a visitor follows a link inside an embed.
pub fn fragment_for(path: &str) -> String {
    format!("{FOLDER}/{}.html", path.trim_matches('/'))
}

#[cfg(test)]
mod tests {
    use super::*;

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
