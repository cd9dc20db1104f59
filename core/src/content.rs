//! The content model. Every text here came from a file in `content/`.
//!
//! Fields use `Cow<'static, …>` so that one set of types serves both sides: the build-time loader
//! fills them with owned values, and the generated code that the site compiles fills them with
//! borrowed `'static` literals, at no runtime cost.

use std::borrow::Cow;

pub type Str = Cow<'static, str>;
pub type List<T> = Cow<'static, [T]>;

/// Site-wide settings and texts (`content/site.toml`).
#[derive(Clone, Debug, PartialEq)]
pub struct Site {
    /// The organization's name as it appears in the header, e.g. "T’ruah".
    pub org_name: Str,
    /// What the organization is, next to its name, e.g. "The Rabbinic Call for Human Rights".
    pub org_tagline: Str,
    /// The organization's own website.
    pub org_url: Str,
    /// Where this site is published, without a trailing slash and without the base path, e.g.
    /// "https://act.truah.org". Canonical links and share previews are built from it; the
    /// `SITE_URL` environment variable overrides it at build time.
    pub site_url: Str,
    /// The campaign's name, used in page titles: "Page — Campaign".
    pub campaign_name: Str,
    /// The footer's call to sign up.
    pub signup_heading: Str,
    pub signup_text: Str,
    /// The sentence about working in coalition, and where "here" points.
    pub coalition_text: Str,
    pub coalition_link_text: Str,
    pub coalition_url: Str,
    /// The line by every form's submit button about what happens to a signature. Without it,
    /// the interface's own (`i18n::Words::privacy_default`), which says only what this site does.
    pub privacy_text: Option<Str>,
    /// The organization's privacy policy, linked after that line.
    pub privacy_url: Option<Str>,
}

/// The accessibility statement (`content/accessibility.md`), at `/accessibility`.
#[derive(Clone, Debug, PartialEq)]
pub struct Statement {
    pub title: Str,
    pub description: Str,
    pub body: List<Block>,
}

/// The front page (`content/home.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct Home {
    pub title: Str,
    pub description: Str,
    /// The issue whose quote and story lead the page.
    pub featured_issue: Str,
    /// The action the page points to as the current one.
    pub featured_action: Str,
    /// The one sentence of why, under the quote.
    pub body: List<Block>,
}

/// An issue the organization works on (`content/issues/<slug>.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct Issue {
    pub slug: Str,
    pub title: Str,
    /// One or two sentences for lists and the meta description.
    pub summary: Str,
    /// `false` lists the issue without a link until it has a page of its own.
    pub has_page: bool,
    pub quote: Option<Quote>,
    pub body: List<Block>,
    pub footnotes: List<Footnote>,
    /// Slugs of the partners, resources and actions shown on the issue's page, in order.
    pub partners: List<Str>,
    pub resources: List<Str>,
    pub actions: List<Str>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Quote {
    pub text: List<Inline>,
    pub cite: Str,
}

/// A coalition partner (`content/partners/<slug>.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct Partner {
    pub slug: Str,
    pub name: Str,
    pub url: Str,
    /// One line about the partner.
    pub about: Str,
    /// One line about the work done with it.
    pub work: Str,
}

/// A resource to read or use (`content/resources/<slug>.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct Resource {
    pub slug: Str,
    pub title: Str,
    /// What kind of thing it is, e.g. "Passover seder reading".
    pub kind: Str,
    pub url: Str,
    pub summary: Str,
    /// When and how to use it.
    pub body: List<Block>,
}

/// Something to do now (`content/actions/<slug>.md`).
#[derive(Clone, Debug, PartialEq)]
pub struct Action {
    pub slug: Str,
    /// What people do on its page: sign a petition (`kind` in its file; a petition if left out).
    pub kind: crate::kind::Kind,
    pub title: Str,
    pub summary: Str,
    /// The issue this action belongs to.
    pub issue: Str,
    /// The label of the call to action, e.g. "Sign the petition".
    pub cta: Str,
    /// The organization's own page for the action (on Action Network, say): the other way to
    /// sign when the petition service cannot be reached from this site.
    pub hosted_url: Option<Str>,
    /// Whom it addresses, e.g. "President Trump".
    pub target: Str,
    /// The words signers put their names to: a petition's demand, a letter's text (paragraphs
    /// apart by a blank line). Its kind says how the page shows it (`src/components/ask.rs`).
    pub text: Str,
    /// How the count names those who sign, where its kind's count words have a gap for it
    /// (`crate::count::templates`): "rabbis and cantors".
    pub signers: Option<Str>,
    /// Who may sign it, said before the form: "Rabbis, cantors, and rabbinical and cantorial
    /// students".
    pub who_may_sign: Option<Str>,
    /// The titles its form offers besides the usual ones (`crate::titles`), for a kind whose
    /// form asks for a title.
    pub titles: List<Title>,
    /// How many signatures it aims for; without one, the bar's goal steps up with the count
    /// (`crate::count::goal_for`).
    pub goal: Option<u32>,
    /// The day it closes, as an ISO date ("2027-03-01").
    pub ends: Option<Str>,
    pub status: Status,
    pub body: List<Block>,
}

/// A title a letter's form offers besides the usual ones: its slug (from the English words, the
/// same in every language) and its words.
#[derive(Clone, Debug, PartialEq)]
pub struct Title {
    pub slug: Str,
    pub label: Str,
}

/// Where an action stands (`status` in its file).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Status {
    /// Taking signatures.
    Open,
    /// No longer taking signatures.
    Closed,
    /// Closed, and what it asked for happened.
    Won,
}

impl Action {
    pub fn is_open(&self) -> bool {
        self.status == Status::Open
    }
}

/// A block of rich text, from Markdown.
#[derive(Clone, Debug, PartialEq)]
pub enum Block {
    Paragraph(List<Inline>),
    /// A heading, level 2 to 4 (the page title is the only level 1).
    Heading(u8, List<Inline>),
    List {
        ordered: bool,
        items: List<List<Inline>>,
    },
    Quote(List<Block>),
}

/// Inline rich text, from Markdown.
#[derive(Clone, Debug, PartialEq)]
pub enum Inline {
    Text(Str),
    Emphasis(List<Inline>),
    Strong(List<Inline>),
    /// A link. `href` is either a site path starting with `/` (checked at build time to be a real
    /// route) or an absolute `https:`/`http:`/`mailto:` URL.
    Link {
        href: Str,
        children: List<Inline>,
    },
    /// A reference to the footnote with this id; shown with the footnote's marker.
    FootnoteRef {
        id: Str,
        marker: Str,
    },
    LineBreak,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Footnote {
    pub id: Str,
    /// The marker as written in the text: "*", then "†", "‡"…
    pub marker: Str,
    pub body: List<Inline>,
}

/// Everything in `content/`, checked: every slug unique, every reference resolved.
#[derive(Clone, Debug, PartialEq)]
pub struct Content {
    pub site: Site,
    pub home: Home,
    pub accessibility: Statement,
    pub issues: List<Issue>,
    pub partners: List<Partner>,
    pub resources: List<Resource>,
    pub actions: List<Action>,
}

impl Content {
    pub fn issue(&self, slug: &str) -> Option<&Issue> {
        self.issues.iter().find(|i| i.slug == slug)
    }
    /// An issue that has a page of its own.
    pub fn issue_page(&self, slug: &str) -> Option<&Issue> {
        self.issue(slug).filter(|i| i.has_page)
    }
    pub fn partner(&self, slug: &str) -> Option<&Partner> {
        self.partners.iter().find(|p| p.slug == slug)
    }
    pub fn resource(&self, slug: &str) -> Option<&Resource> {
        self.resources.iter().find(|r| r.slug == slug)
    }
    pub fn action(&self, slug: &str) -> Option<&Action> {
        self.actions.iter().find(|a| a.slug == slug)
    }
    /// The actions still taking signatures, in order.
    pub fn open_actions(&self) -> impl Iterator<Item = &Action> {
        self.actions.iter().filter(|a| a.is_open())
    }
    /// The action the home page offers as the current one: its featured action while that is
    /// open, else the first open one; none when every action has closed.
    pub fn current_action(&self) -> Option<&Action> {
        self.action(&self.home.featured_action)
            .filter(|a| a.is_open())
            .or_else(|| self.open_actions().next())
    }
}

impl Inline {
    /// The plain text of inline content, for titles and accessible names.
    pub fn plain_text(inlines: &[Inline]) -> String {
        let mut out = String::new();
        for i in inlines {
            match i {
                Inline::Text(t) => out.push_str(t),
                Inline::Emphasis(c) | Inline::Strong(c) | Inline::Link { children: c, .. } => {
                    out.push_str(&Inline::plain_text(c))
                }
                Inline::FootnoteRef { marker, .. } => out.push_str(marker),
                Inline::LineBreak => out.push(' '),
            }
        }
        out
    }
}
