//! The content loader, run by `build.rs` (and by host tests): reads `content/`, checks it, and
//! reports every mistake with its file, its line and what to change.

mod action_settings;
pub mod config;
mod emit;
mod markdown;
pub mod script;
mod translate;

pub use emit::{endpoint_source, rust_source, site_source};

use crate::content::*;
use crate::routes::Page;
use markdown::Notes;
use serde::Deserialize;
use std::fmt;
use std::path::{Path, PathBuf};
use toml::Spanned;

/// One mistake in the content, at a file and line.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct ContentError {
    pub file: PathBuf,
    pub line: usize,
    pub message: String,
}

impl fmt::Display for ContentError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:{}: {}", self.file.display(), self.line, self.message)
    }
}

/// The mistakes found in one file, by line, and what the build did about a setting that is
/// not a mistake but that staff should hear of (a warning: the build goes on).
#[derive(Default, Debug)]
pub struct Problems(Vec<(usize, String)>, Vec<(usize, String)>);

impl Problems {
    pub fn at(&mut self, line: usize, message: String) {
        self.0.push((line, message));
    }
    /// Not a mistake: the build goes on, and says this.
    pub fn warn(&mut self, line: usize, message: String) {
        self.1.push((line, message));
    }
    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }
    pub fn extend(&mut self, other: Problems) {
        self.0.extend(other.0);
        self.1.extend(other.1);
    }
}

/// A content file split into its TOML front matter and its Markdown body.
struct Doc {
    path: PathBuf,
    front: String,
    /// The line the front matter starts on.
    front_line: usize,
    body: String,
    body_line: usize,
}

impl Doc {
    fn line_of(&self, span: std::ops::Range<usize>) -> usize {
        self.front_line
            + self.front[..span.start.min(self.front.len())]
                .matches('\n')
                .count()
    }
    fn line<T>(&self, value: &Spanned<T>) -> usize {
        self.line_of(value.span())
    }
}

fn read(path: &Path, errors: &mut Vec<ContentError>) -> Option<String> {
    match std::fs::read_to_string(path) {
        Ok(text) => Some(text.trim_start_matches('\u{feff}').replace("\r\n", "\n")),
        Err(e) => {
            errors.push(ContentError {
                file: path.to_path_buf(),
                line: 1,
                message: format!(
                    "cannot read this file ({e}). Check that it exists and is saved as UTF-8 text."
                ),
            });
            None
        }
    }
}

fn split(path: &Path, text: String) -> Result<Doc, ContentError> {
    let err = |line, message: &str| ContentError {
        file: path.to_path_buf(),
        line,
        message: message.to_string(),
    };
    let rest = text
        .strip_prefix("+++\n")
        .ok_or_else(|| err(1, "the file must start with a line `+++`, then the settings (title = \"…\" and so on), then another `+++` line, then the text."))?;
    let end = if rest.starts_with("+++\n") || rest == "+++" {
        0
    } else {
        rest.find("\n+++\n").map(|i| i + 1).or_else(|| rest.strip_suffix("\n+++").map(|r| r.len() + 1)).ok_or_else(|| {
            err(1, "the settings at the top are never closed: add a line `+++` after them, before the text.")
        })?
    };
    let front = rest[..end].to_string();
    let body = rest.get(end + 4..).unwrap_or("").to_string();
    let front_lines = front.matches('\n').count();
    Ok(Doc {
        path: path.to_path_buf(),
        front,
        front_line: 2,
        body,
        body_line: 2 + front_lines + 1,
    })
}

/// Deserializes front matter, turning a TOML error into a message at its line.
fn front<T: for<'de> Deserialize<'de>>(doc: &Doc, problems: &mut Problems) -> Option<T> {
    match toml::from_str::<T>(&doc.front) {
        Ok(v) => Some(v),
        Err(e) => {
            let line = e.span().map(|s| doc.line_of(s)).unwrap_or(doc.front_line);
            let message = e.message().trim().replace('\n', " ");
            problems.at(line, format!("{message}. Check the settings between the `+++` lines (text goes in \"quotes\", lists in [\"brackets\"])."));
            None
        }
    }
}

fn required(doc: &Doc, value: &Spanned<String>, field: &str, problems: &mut Problems) {
    if value.get_ref().trim().is_empty() {
        problems.at(
            doc.line(value),
            format!("`{field}` is empty. Write the {field} between the quotes."),
        );
    }
}

fn check_url(doc: &Doc, value: &Spanned<String>, field: &str, problems: &mut Problems) {
    let v = value.get_ref();
    if !(v.starts_with("https://") || v.starts_with("http://")) || v.contains(char::is_whitespace) {
        problems.at(doc.line(value), format!("`{field}` must be a full web address starting with https://, like \"https://example.org/page\"."));
    }
}

fn valid_slug(slug: &str) -> bool {
    !slug.is_empty()
        && slug.split('-').all(|part| {
            !part.is_empty()
                && part
                    .chars()
                    .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        })
}

/// The slug of an entry: its `slug` setting, or the file's name without `.md`.
fn slug_of(doc: &Doc, setting: &Option<Spanned<String>>, problems: &mut Problems) -> String {
    let (slug, line) = match setting {
        Some(s) => (s.get_ref().clone(), doc.line(s)),
        None => (
            doc.path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string(),
            1,
        ),
    };
    if !valid_slug(&slug) {
        problems.at(line, format!("the slug `{slug}` (the page's address) may use only lowercase letters a–z, digits and single hyphens, like `worker-justice`. Rename the file or set `slug = \"…\"`."));
    }
    slug
}

fn no_body(doc: &Doc, why: &str, problems: &mut Problems) {
    if !doc.body.trim().is_empty() {
        let offset = doc.body.len() - doc.body.trim_start().len();
        let line = doc.body_line + doc.body[..offset].matches('\n').count();
        problems.at(line, format!("this file has text after the settings, but {why}. Move it into a setting or delete it."));
    }
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteFile {
    org_name: Spanned<String>,
    org_tagline: Spanned<String>,
    org_url: Spanned<String>,
    site_url: Spanned<String>,
    campaign_name: Spanned<String>,
    signup_heading: Spanned<String>,
    signup_text: Spanned<String>,
    coalition_text: Spanned<String>,
    coalition_link_text: Spanned<String>,
    coalition_url: Spanned<String>,
    privacy_text: Option<Spanned<String>>,
    privacy_url: Option<Spanned<String>>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct StatementFront {
    title: Spanned<String>,
    description: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct HomeFront {
    title: Spanned<String>,
    description: Spanned<String>,
    featured_issue: Spanned<String>,
    featured_action: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueFront {
    title: Spanned<String>,
    slug: Option<Spanned<String>>,
    summary: Spanned<String>,
    #[serde(default)]
    order: i64,
    #[serde(default = "yes")]
    page: bool,
    quote: Option<QuoteFront>,
    partners: Option<Spanned<Vec<String>>>,
    resources: Option<Spanned<Vec<String>>>,
    actions: Option<Spanned<Vec<String>>>,
}

fn yes() -> bool {
    true
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteFront {
    text: Spanned<String>,
    cite: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnerFront {
    name: Spanned<String>,
    slug: Option<Spanned<String>>,
    #[serde(default)]
    order: i64,
    url: Spanned<String>,
    about: Spanned<String>,
    work: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResourceFront {
    title: Spanned<String>,
    slug: Option<Spanned<String>>,
    #[serde(default)]
    order: i64,
    kind: Spanned<String>,
    url: Spanned<String>,
    summary: Spanned<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionFront {
    title: Spanned<String>,
    slug: Option<Spanned<String>>,
    #[serde(default)]
    order: i64,
    summary: Spanned<String>,
    issue: Spanned<String>,
    /// What people do on its page (`crate::kind::Kind`): `petition` when left out.
    kind: Option<Spanned<String>>,
    cta: Spanned<String>,
    /// The organization's own page for the action (Action Network's): another way to sign.
    hosted_url: Option<Spanned<String>>,
    target: Spanned<String>,
    /// The words signers put their names to (`crate::content::Action::text`).
    text: Spanned<String>,
    /// How the count names those who sign (`crate::content::Action::signers`).
    signers: Option<Spanned<String>>,
    /// Who may sign it (`crate::content::Action::who_may_sign`).
    who_may_sign: Option<Spanned<String>>,
    /// The titles its form offers besides the usual (`crate::content::Action::titles`).
    titles: Option<Spanned<Vec<String>>>,
    goal: Option<Spanned<toml::Value>>,
    ends: Option<Spanned<toml::Value>>,
    status: Option<Spanned<String>>,
    /// `"pending"` while staff have not reviewed the petition's words.
    review: Option<Spanned<String>>,
}

/// A reference from one entry to another, kept with where it was written until all is loaded.
struct Ref {
    file: PathBuf,
    line: usize,
    kind: &'static str,
    slug: String,
    /// What the reference is, for the message: "issue `immigration-justice`".
    from: String,
}

/// A link in Markdown text, checked once every page is known.
struct LinkAt {
    file: PathBuf,
    line: usize,
    href: String,
}

#[derive(Default)]
struct Loader {
    errors: Vec<ContentError>,
    /// What the build did about a setting, that staff should hear of (`Problems::warn`).
    warnings: Vec<ContentError>,
    refs: Vec<Ref>,
    links: Vec<LinkAt>,
    /// Entries whose settings could not be read, by kind and file name: references to them are
    /// not reported again, since the first error already says what to fix.
    broken: Vec<(&'static str, String)>,
}

impl Loader {
    fn file_problems(&mut self, path: &Path, problems: Problems) {
        let at = |(line, message)| ContentError {
            file: path.to_path_buf(),
            line,
            message,
        };
        self.errors.extend(problems.0.into_iter().map(at));
        self.warnings.extend(problems.1.into_iter().map(at));
    }

    fn broken(&mut self, kind: &'static str, doc: &Doc) {
        let stem = doc.path.file_stem().and_then(|s| s.to_str()).unwrap_or("");
        self.broken.push((kind, stem.to_string()));
    }

    fn keep_links(&mut self, path: &Path, notes: &mut Notes) {
        for (href, line) in notes.links.drain(..) {
            self.links.push(LinkAt {
                file: path.to_path_buf(),
                line,
                href,
            });
        }
    }

    fn refer(
        &mut self,
        doc: &Doc,
        list: &Option<Spanned<Vec<String>>>,
        kind: &'static str,
        from: &str,
    ) -> Vec<Str> {
        let Some(list) = list else { return Vec::new() };
        let line = doc.line(list);
        for slug in list.get_ref() {
            self.refs.push(Ref {
                file: doc.path.clone(),
                line,
                kind,
                slug: slug.clone(),
                from: from.to_string(),
            });
        }
        list.get_ref().iter().cloned().map(Into::into).collect()
    }

    /// Reads every `.md` file of a folder, sorted by name.
    fn docs(&mut self, dir: &Path) -> Vec<Doc> {
        let entries = match std::fs::read_dir(dir) {
            Ok(e) => e,
            Err(e) => {
                self.errors.push(ContentError {
                    file: dir.to_path_buf(),
                    line: 1,
                    message: format!(
                        "cannot read this folder ({e}). It must exist, even if empty."
                    ),
                });
                return Vec::new();
            }
        };
        let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
        paths.sort();
        let mut docs = Vec::new();
        for path in paths {
            if path.extension().and_then(|e| e.to_str()) != Some("md") {
                if path
                    .file_name()
                    .and_then(|n| n.to_str())
                    .is_some_and(|n| !n.starts_with('.'))
                {
                    self.errors.push(ContentError {
                        file: path.clone(),
                        line: 1,
                        message: "only `.md` files are read in this folder. Rename it to end in `.md`, or move it out.".into(),
                    });
                }
                continue;
            }
            if let Some(text) = read(&path, &mut self.errors) {
                match split(&path, text) {
                    Ok(doc) => docs.push(doc),
                    Err(e) => self.errors.push(e),
                }
            }
        }
        docs
    }

    fn site(&mut self, dir: &Path) -> Option<Site> {
        let path = dir.join("site.toml");
        let text = read(&path, &mut self.errors)?;
        let doc = Doc {
            path: path.clone(),
            front: text,
            front_line: 1,
            body: String::new(),
            body_line: 1,
        };
        let mut p = Problems::default();
        let f: Option<SiteFile> = front(&doc, &mut p);
        let site = f.map(|f| {
            for (v, name) in [
                (&f.org_name, "org_name"),
                (&f.org_tagline, "org_tagline"),
                (&f.campaign_name, "campaign_name"),
                (&f.signup_heading, "signup_heading"),
                (&f.signup_text, "signup_text"),
                (&f.coalition_text, "coalition_text"),
                (&f.coalition_link_text, "coalition_link_text"),
            ] {
                required(&doc, v, name, &mut p);
            }
            check_url(&doc, &f.org_url, "org_url", &mut p);
            check_url(&doc, &f.site_url, "site_url", &mut p);
            check_url(&doc, &f.coalition_url, "coalition_url", &mut p);
            if let Some(text) = &f.privacy_text {
                required(&doc, text, "privacy_text", &mut p);
            }
            if let Some(url) = &f.privacy_url {
                check_url(&doc, url, "privacy_url", &mut p);
            }
            Site {
                org_name: f.org_name.into_inner().into(),
                org_tagline: f.org_tagline.into_inner().into(),
                org_url: f.org_url.into_inner().into(),
                site_url: f
                    .site_url
                    .into_inner()
                    .trim_end_matches('/')
                    .to_string()
                    .into(),
                campaign_name: f.campaign_name.into_inner().into(),
                signup_heading: f.signup_heading.into_inner().into(),
                signup_text: f.signup_text.into_inner().into(),
                coalition_text: f.coalition_text.into_inner().into(),
                coalition_link_text: f.coalition_link_text.into_inner().into(),
                coalition_url: f.coalition_url.into_inner().into(),
                privacy_text: f.privacy_text.map(|t| t.into_inner().into()),
                privacy_url: f.privacy_url.map(|u| u.into_inner().into()),
            }
        });
        self.file_problems(&path, p);
        site
    }

    /// A single page's file (`home.md`, `accessibility.md`): its front matter, checked by
    /// `make`, and its body as rich text without footnotes. Every mistake is kept for the report.
    fn single_page<F: for<'de> Deserialize<'de>, T>(
        &mut self,
        path: &Path,
        make: impl FnOnce(&mut Self, &Doc, F, Vec<Block>, &mut Problems) -> T,
    ) -> Option<T> {
        let text = read(path, &mut self.errors)?;
        let doc = match split(path, text) {
            Ok(d) => d,
            Err(e) => {
                self.errors.push(e);
                return None;
            }
        };
        let mut p = Problems::default();
        let f: Option<F> = front(&doc, &mut p);
        let mut notes = Notes::default();
        let body = markdown::blocks(&doc.body, doc.body_line, &mut notes, &mut p);
        self.keep_links(path, &mut notes);
        notes_without_footnotes(notes, &doc, &mut p);
        let page = f.map(|f| make(self, &doc, f, body, &mut p));
        self.file_problems(path, p);
        page
    }

    fn statement(&mut self, dir: &Path) -> Option<Statement> {
        self.single_page(
            &dir.join("accessibility.md"),
            |_, doc, f: StatementFront, body, p| {
                required(doc, &f.title, "title", p);
                required(doc, &f.description, "description", p);
                Statement {
                    title: f.title.into_inner().into(),
                    description: f.description.into_inner().into(),
                    body: body.into(),
                }
            },
        )
    }

    fn home(&mut self, dir: &Path) -> Option<Home> {
        let path = dir.join("home.md");
        self.single_page(&path, |l, doc, f: HomeFront, body, p| {
            required(doc, &f.title, "title", p);
            required(doc, &f.description, "description", p);
            for (field, kind, name) in [
                (&f.featured_issue, "issue", "featured_issue"),
                (&f.featured_action, "action", "featured_action"),
            ] {
                l.refs.push(Ref {
                    file: path.clone(),
                    line: doc.line(field),
                    kind,
                    slug: field.get_ref().clone(),
                    from: format!("the home page's {name}"),
                });
            }
            Home {
                title: f.title.into_inner().into(),
                description: f.description.into_inner().into(),
                featured_issue: f.featured_issue.into_inner().into(),
                featured_action: f.featured_action.into_inner().into(),
                body: body.into(),
            }
        })
    }

    fn issues(&mut self, dir: &Path) -> Vec<(i64, Issue)> {
        let mut out = Vec::new();
        for doc in self.docs(&dir.join("issues")) {
            let mut p = Problems::default();
            let Some(f) = front::<IssueFront>(&doc, &mut p) else {
                self.broken("issue", &doc);
                self.file_problems(&doc.path, p);
                continue;
            };
            let slug = slug_of(&doc, &f.slug, &mut p);
            required(&doc, &f.title, "title", &mut p);
            required(&doc, &f.summary, "summary", &mut p);
            let mut notes = Notes::default();
            let quote = f.quote.as_ref().map(|q| {
                required(&doc, &q.cite, "cite", &mut p);
                let text = markdown::inline(
                    q.text.get_ref(),
                    doc.line(&q.text),
                    "quote.text",
                    &mut notes,
                    &mut p,
                );
                Quote {
                    text: text.into(),
                    cite: q.cite.get_ref().clone().into(),
                }
            });
            let body = markdown::blocks(&doc.body, doc.body_line, &mut notes, &mut p);
            if f.page && body.is_empty() {
                p.at(doc.body_line, "this issue has a page but no text. Write its text after the second `+++` line, or set `page = false` to list it without a page.".into());
            }
            if !f.page {
                no_body(&doc, "`page = false` means it is never shown", &mut p);
            }
            self.keep_links(&doc.path, &mut notes);
            let footnotes = notes.finish(&mut p);
            let from = format!("issue `{slug}`");
            let issue = Issue {
                partners: self.refer(&doc, &f.partners, "partner", &from).into(),
                resources: self.refer(&doc, &f.resources, "resource", &from).into(),
                actions: self.refer(&doc, &f.actions, "action", &from).into(),
                slug: slug.into(),
                title: f.title.into_inner().into(),
                summary: f.summary.into_inner().into(),
                has_page: f.page,
                quote,
                body: body.into(),
                footnotes: footnotes.into(),
            };
            self.file_problems(&doc.path, p);
            out.push((f.order, issue));
        }
        out
    }

    fn partners(&mut self, dir: &Path) -> Vec<(i64, Partner)> {
        let mut out = Vec::new();
        for doc in self.docs(&dir.join("partners")) {
            let mut p = Problems::default();
            let parsed = front::<PartnerFront>(&doc, &mut p);
            if parsed.is_none() {
                self.broken("partner", &doc);
            }
            if let Some(f) = parsed {
                let slug = slug_of(&doc, &f.slug, &mut p);
                required(&doc, &f.name, "name", &mut p);
                required(&doc, &f.about, "about", &mut p);
                required(&doc, &f.work, "work", &mut p);
                check_url(&doc, &f.url, "url", &mut p);
                no_body(
                    &doc,
                    "a partner is described by its `about` and `work` settings",
                    &mut p,
                );
                out.push((
                    f.order,
                    Partner {
                        slug: slug.into(),
                        name: f.name.into_inner().into(),
                        url: f.url.into_inner().into(),
                        about: f.about.into_inner().into(),
                        work: f.work.into_inner().into(),
                    },
                ));
            }
            self.file_problems(&doc.path, p);
        }
        out
    }

    fn resources(&mut self, dir: &Path) -> Vec<(i64, Resource)> {
        let mut out = Vec::new();
        for doc in self.docs(&dir.join("resources")) {
            let mut p = Problems::default();
            let parsed = front::<ResourceFront>(&doc, &mut p);
            if parsed.is_none() {
                self.broken("resource", &doc);
            }
            if let Some(f) = parsed {
                let slug = slug_of(&doc, &f.slug, &mut p);
                required(&doc, &f.title, "title", &mut p);
                required(&doc, &f.kind, "kind", &mut p);
                required(&doc, &f.summary, "summary", &mut p);
                check_url(&doc, &f.url, "url", &mut p);
                let mut notes = Notes::default();
                let body = markdown::blocks(&doc.body, doc.body_line, &mut notes, &mut p);
                self.keep_links(&doc.path, &mut notes);
                notes_without_footnotes(notes, &doc, &mut p);
                out.push((
                    f.order,
                    Resource {
                        slug: slug.into(),
                        title: f.title.into_inner().into(),
                        kind: f.kind.into_inner().into(),
                        url: f.url.into_inner().into(),
                        summary: f.summary.into_inner().into(),
                        body: body.into(),
                    },
                ));
            }
            self.file_problems(&doc.path, p);
        }
        out
    }

    fn actions(&mut self, dir: &Path) -> Vec<(i64, Action)> {
        let mut out = Vec::new();
        let today = action_settings::Date::today();
        for doc in self.docs(&dir.join("actions")) {
            let mut p = Problems::default();
            let parsed = front::<ActionFront>(&doc, &mut p);
            if parsed.is_none() {
                self.broken("action", &doc);
            }
            if let Some(f) = parsed {
                let slug = slug_of(&doc, &f.slug, &mut p);
                required(&doc, &f.title, "title", &mut p);
                required(&doc, &f.summary, "summary", &mut p);
                required(&doc, &f.cta, "cta", &mut p);
                required(&doc, &f.target, "target", &mut p);
                required(&doc, &f.text, "text", &mut p);
                if let Some(url) = &f.hosted_url {
                    check_url(&doc, url, "hosted_url", &mut p);
                }
                let kind = action_settings::kind(&doc, f.kind.as_ref(), &mut p);
                let signers = action_settings::signers(&doc, kind, f.signers.as_ref(), &mut p);
                let titles = action_settings::titles(&doc, kind, f.titles.as_ref(), &mut p);
                let mut status = action_settings::status(&doc, f.status.as_ref(), &mut p);
                let goal = action_settings::goal(&doc, f.goal.as_ref(), &mut p);
                let ends = action_settings::ends(&doc, f.ends.as_ref(), &mut status, today, &mut p);
                action_settings::review(&doc, f.review.as_ref(), &mut p);
                let mut notes = Notes::default();
                let body = markdown::blocks(&doc.body, doc.body_line, &mut notes, &mut p);
                if body.is_empty() {
                    p.at(doc.body_line, "this action has no text. Write what is happening and why to act, after the second `+++` line.".into());
                }
                self.keep_links(&doc.path, &mut notes);
                notes_without_footnotes(notes, &doc, &mut p);
                self.refs.push(Ref {
                    file: doc.path.clone(),
                    line: doc.line(&f.issue),
                    kind: "issue",
                    slug: f.issue.get_ref().clone(),
                    from: format!("action `{slug}`"),
                });
                out.push((
                    f.order,
                    Action {
                        slug: slug.into(),
                        kind,
                        title: f.title.into_inner().into(),
                        summary: f.summary.into_inner().into(),
                        issue: f.issue.into_inner().into(),
                        cta: f.cta.into_inner().into(),
                        hosted_url: f.hosted_url.map(|u| u.into_inner().into()),
                        target: f.target.into_inner().into(),
                        text: f.text.into_inner().into(),
                        signers,
                        who_may_sign: f
                            .who_may_sign
                            .map(|w| w.into_inner().into())
                            .filter(|w: &Str| !w.trim().is_empty()),
                        titles: titles.into(),
                        goal,
                        ends: ends.map(Into::into),
                        status,
                        body: body.into(),
                    },
                ));
            }
            self.file_problems(&doc.path, p);
        }
        out
    }
}

/// Footnotes are for issue pages; elsewhere they are a mistake.
fn notes_without_footnotes(notes: Notes, doc: &Doc, problems: &mut Problems) {
    let mut local = Problems::default();
    let footnotes = notes.finish(&mut local);
    problems.extend(local);
    if !footnotes.is_empty() {
        problems.at(
            doc.body_line,
            "footnotes are only supported on issue pages. Write the note as a sentence instead."
                .into(),
        );
    }
}

fn sorted<T>(mut items: Vec<(i64, T)>, key: impl Fn(&T) -> String) -> Vec<T> {
    items.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| key(&a.1).cmp(&key(&b.1))));
    items.into_iter().map(|(_, t)| t).collect()
}

fn duplicates<'a>(
    kind: &str,
    folder: &str,
    slugs: impl Iterator<Item = &'a str>,
    errors: &mut Vec<ContentError>,
    dir: &Path,
) {
    let mut seen: Vec<&str> = Vec::new();
    for slug in slugs {
        if seen.contains(&slug) {
            errors.push(ContentError {
                file: dir.join(folder),
                line: 1,
                message: format!("two {kind}s have the slug `{slug}`, so they would share one address. Give one of them another file name or `slug`."),
            });
        }
        seen.push(slug);
    }
}

/// Loads and checks everything in `dir` (the `content/` folder).
pub fn load(dir: &Path) -> Result<Content, Vec<ContentError>> {
    load_in(dir, crate::i18n::Lang::En)
}

/// Loads and checks the content in a language (see [`load_with_warnings`]).
pub fn load_in(dir: &Path, lang: crate::i18n::Lang) -> Result<Content, Vec<ContentError>> {
    load_with_warnings(dir, lang).map(|l| l.content)
}

/// The content, checked, and what the build did that staff should hear of: an open action
/// whose `ends` has passed is shown as closed, with a warning at its line.
#[derive(Debug)]
pub struct Loaded {
    pub content: Content,
    pub warnings: Vec<ContentError>,
}

/// Loads and checks the content in a language: the English, with the translations in
/// `dir/<lang>/` applied (`translate.rs`), and checked again as a whole.
pub fn load_with_warnings(
    dir: &Path,
    lang: crate::i18n::Lang,
) -> Result<Loaded, Vec<ContentError>> {
    let mut l = Loader::default();
    let mut site = l.site(dir);
    let mut home = l.home(dir);
    let mut accessibility = l.statement(dir);
    let mut issues = sorted(l.issues(dir), |i| i.title.to_string());
    let mut partners = sorted(l.partners(dir), |p| p.name.to_string());
    let mut resources = sorted(l.resources(dir), |r| r.title.to_string());
    let mut actions = sorted(l.actions(dir), |a| a.title.to_string());
    if lang != crate::i18n::Lang::En {
        let entries = translate::Entries {
            issues: &mut issues,
            partners: &mut partners,
            resources: &mut resources,
            actions: &mut actions,
        };
        l.translate(
            &dir.join(lang.code()),
            &mut site,
            &mut home,
            &mut accessibility,
            entries,
        );
    }

    duplicates(
        "issue",
        "issues",
        issues.iter().map(|i| i.slug.as_ref()),
        &mut l.errors,
        dir,
    );
    duplicates(
        "partner",
        "partners",
        partners.iter().map(|i| i.slug.as_ref()),
        &mut l.errors,
        dir,
    );
    duplicates(
        "resource",
        "resources",
        resources.iter().map(|i| i.slug.as_ref()),
        &mut l.errors,
        dir,
    );
    duplicates(
        "action",
        "actions",
        actions.iter().map(|i| i.slug.as_ref()),
        &mut l.errors,
        dir,
    );

    for r in &l.refs {
        let known: Vec<&str> = match r.kind {
            "issue" => issues
                .iter()
                .filter(|i| i.has_page)
                .map(|i| i.slug.as_ref())
                .collect(),
            "partner" => partners.iter().map(|i| i.slug.as_ref()).collect(),
            "resource" => resources.iter().map(|i| i.slug.as_ref()).collect(),
            _ => actions.iter().map(|i| i.slug.as_ref()).collect(),
        };
        let broken = l.broken.iter().any(|(k, s)| *k == r.kind && *s == r.slug);
        if !broken && !known.contains(&r.slug.as_str()) {
            let without_page = r.kind == "issue" && issues.iter().any(|i| i.slug == r.slug);
            let message = if without_page {
                format!("{} names the issue `{}`, which has `page = false`. Name an issue with a page: {}.", r.from, r.slug, known.join(", "))
            } else {
                let folder = match r.kind {
                    "issue" => "issues",
                    "partner" => "partners",
                    "resource" => "resources",
                    _ => "actions",
                };
                format!(
                    "{} names the {} `{}`, which does not exist. Use one of: {}; or add content/{folder}/{}.md.",
                    r.from,
                    r.kind,
                    r.slug,
                    if known.is_empty() { "(none yet)".to_string() } else { known.join(", ") },
                    r.slug
                )
            };
            l.errors.push(ContentError {
                file: r.file.clone(),
                line: r.line,
                message,
            });
        }
    }

    for link in &l.links {
        if !link.href.starts_with('/') || link.href.starts_with("//") {
            continue;
        }
        let path = link.href.split(['#', '?']).next().unwrap_or("");
        let exists = match Page::parse(path) {
            Some(Page::Issue(slug)) => {
                issues.iter().any(|i| i.slug == slug && i.has_page)
                    || l.broken.contains(&("issue", slug.to_string()))
            }
            Some(Page::Action(slug)) => {
                actions.iter().any(|a| a.slug == slug)
                    || l.broken.contains(&("action", slug.to_string()))
            }
            Some(_) => true,
            None => false,
        };
        if !exists {
            l.errors.push(ContentError {
                file: link.file.clone(),
                line: link.line,
                message: format!("the link `{}` points to no page of this site. Check the spelling; pages are /, /issues, /issues/<slug>, /partners, /resources, /act, /act/<slug> and /accessibility.", link.href),
            });
        }
    }

    if !l.errors.is_empty() {
        l.errors
            .sort_by(|a, b| a.file.cmp(&b.file).then(a.line.cmp(&b.line)));
        return Err(l.errors);
    }
    list_every_action(&mut issues, &actions);
    Ok(Loaded {
        content: Content {
            site: site.expect("no errors means the site file loaded"),
            home: home.expect("no errors means the home file loaded"),
            accessibility: accessibility
                .expect("no errors means the accessibility statement loaded"),
            issues: issues.into(),
            partners: partners.into(),
            resources: resources.into(),
            actions: actions.into(),
        },
        warnings: l.warnings,
    })
}

/// Every action is on its issue's page: an issue's `actions` list gives their order there, and
/// an action it leaves out (a new one, say) comes after those it lists, in the order of the
/// actions page. So an action cannot be hidden by a list nobody updated.
fn list_every_action(issues: &mut [Issue], actions: &[Action]) {
    for issue in issues.iter_mut() {
        let unlisted = actions
            .iter()
            .filter(|a| a.issue == issue.slug && !issue.actions.contains(&a.slug));
        let more: Vec<Str> = unlisted.map(|a| a.slug.clone()).collect();
        if !more.is_empty() {
            issue.actions.to_mut().extend(more);
        }
    }
}

#[cfg(test)]
mod tests;
