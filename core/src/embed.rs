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
//! wrote next to it (`embed/act/guantanamo.html`), so neither page's CSS reaches the other. The
//! mount element's attributes are the contract's (`crate::contract::embed_attrs`).

use crate::content::Content;
use crate::kind::Kind;
use crate::routes;

/// The folder the fragments live in, under each language's folder.
pub const FOLDER: &str = "embed";
/// The updates signup's fragment, in [`FOLDER`].
pub const SIGNUP: &str = "signup.html";

/// A kind of embed, as a mount element names it (`data-truah-embed`): each kind of form (an
/// action's page with its form, or the updates signup), or an issue's page.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum EmbedKind {
    Form(Kind),
    Issue,
}

/// Where a kind of embed's body is.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Body {
    /// One per page of this section (`act`, `issues`), by the page's slug.
    BySlug(Section),
    /// This one fragment, in [`FOLDER`].
    One(&'static str),
}

/// A section of the site whose pages can be embedded.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Section {
    Actions,
    Issues,
}

impl Section {
    /// The first segment of its pages' paths: `act`, `issues`.
    pub fn segment(self) -> &'static str {
        match self {
            Section::Actions => routes::ACTIONS,
            Section::Issues => routes::ISSUES,
        }
        .trim_start_matches('/')
    }
}

impl EmbedKind {
    /// Every kind of embed, in the order the contract lists them.
    pub fn all() -> impl Iterator<Item = EmbedKind> {
        Kind::ALL
            .into_iter()
            .map(EmbedKind::Form)
            .chain([EmbedKind::Issue])
    }

    /// Its name, the mount element's `data-truah-embed`: a form's kind's own name, or `issue`.
    pub fn name(self) -> &'static str {
        match self {
            EmbedKind::Form(kind) => kind.name(),
            EmbedKind::Issue => "issue",
        }
    }

    /// Where its body is.
    pub fn body(self) -> Body {
        match self {
            EmbedKind::Form(Kind::Petition | Kind::Letter) => Body::BySlug(Section::Actions),
            EmbedKind::Form(Kind::Signup) => Body::One(SIGNUP),
            EmbedKind::Issue => Body::BySlug(Section::Issues),
        }
    }
}

/// What an embed shows.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Embed<'a> {
    /// An action's page with its form: the action's kind and slug.
    Action(Kind, &'a str),
    /// The updates and action alerts signup.
    Signup,
    /// An issue's page, by its slug.
    Issue(&'a str),
}

impl<'a> Embed<'a> {
    /// Everything this content can embed, in the order the generator offers it.
    pub fn all(c: &'a Content) -> Vec<Embed<'a>> {
        let mut out: Vec<Embed> = c
            .actions
            .iter()
            .map(|a| Embed::Action(a.kind, &a.slug))
            .collect();
        out.push(Embed::Signup);
        out.extend(
            c.issues
                .iter()
                .filter(|i| i.has_page)
                .map(|i| Embed::Issue(&i.slug)),
        );
        out
    }

    /// What kind of embed it is.
    pub fn kind(&self) -> EmbedKind {
        match self {
            Embed::Action(kind, _) => EmbedKind::Form(*kind),
            Embed::Signup => EmbedKind::Form(Kind::Signup),
            Embed::Issue(_) => EmbedKind::Issue,
        }
    }

    /// The slug of the page it shows, if its kind has one per page.
    pub fn slug(&self) -> Option<&'a str> {
        match self {
            Embed::Action(_, slug) | Embed::Issue(slug) => Some(slug),
            Embed::Signup => None,
        }
    }

    /// Its body's fragment, relative to the language's folder: `embed/act/guantanamo.html`.
    /// (Where its kind's [`Body`] says: a test checks the two agree.)
    pub fn fragment(&self) -> String {
        match self {
            Embed::Action(_, slug) => fragment_for(&routes::action(slug)),
            Embed::Signup => format!("{FOLDER}/{SIGNUP}"),
            Embed::Issue(slug) => fragment_for(&routes::issue(slug)),
        }
    }

    /// How the generator names it.
    pub fn label(&self, c: &Content) -> String {
        match self {
            Embed::Action(kind, slug) => {
                let title = c.action(slug).map_or(*slug, |a| &a.title);
                match kind {
                    Kind::Petition => format!("Petition: {title}"),
                    Kind::Letter => format!("Letter: {title}"),
                    Kind::Signup => format!("Signup: {title}"),
                }
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
            Embed::Action(Kind::Petition, "guantanamo").fragment(),
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
        assert_eq!(
            fragment_for(&routes::action("guantanamo")),
            Embed::Action(Kind::Petition, "guantanamo").fragment()
        );
    }

    #[test]
    fn each_fragment_is_where_its_kind_says() {
        for embed in [
            Embed::Action(Kind::Petition, "guantanamo"),
            Embed::Signup,
            Embed::Issue("immigration-justice"),
        ] {
            let by_rule = match (embed.kind().body(), embed.slug()) {
                (Body::BySlug(section), Some(slug)) => {
                    format!("{FOLDER}/{}/{slug}.html", section.segment())
                }
                (Body::One(name), None) => format!("{FOLDER}/{name}"),
                other => panic!("{embed:?}: {other:?}"),
            };
            assert_eq!(embed.fragment(), by_rule);
        }
    }

    #[test]
    fn every_kind_of_embed_has_its_own_name() {
        let names: Vec<&str> = EmbedKind::all().map(EmbedKind::name).collect();
        assert_eq!(names, ["petition", "letter", "signup", "issue"]);
    }
}
