//! Translations of the content: `content/<lang>/` mirrors `content/` (`site.toml`, `home.md`,
//! `accessibility.md`, `issues/`, `partners/`, `resources/`, `actions/`) with the same file
//! names, and holds only what is said in words: titles, summaries, texts, labels. Everything
//! else (slugs, order, links to other entries, addresses) comes from the English file, so a
//! translation cannot send a page somewhere else.
//!
//! A setting or text left out keeps the English. A translation still waiting for a native
//! speaker's review says so with `review = "pending"`; `scripts/review.sh` lists them.

use super::markdown::{self, Notes};
use super::{front, notes_without_footnotes, read, split, Doc, Loader, Problems};
use crate::content::*;
use serde::Deserialize;
use std::path::Path;
use toml::Spanned;

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct SiteText {
    org_tagline: Option<String>,
    campaign_name: Option<String>,
    signup_heading: Option<String>,
    signup_text: Option<String>,
    coalition_text: Option<String>,
    coalition_link_text: Option<String>,
    privacy_text: Option<String>,
    #[allow(dead_code)]
    review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PageText {
    title: Option<String>,
    description: Option<String>,
    #[allow(dead_code)]
    review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct QuoteText {
    text: Spanned<String>,
    cite: String,
}

// What a translation of each kind of entry may set: the settings of its English file that are
// words. Anything else is refused at its line, by name, with the list of what may be set.

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct IssueText {
    title: Option<String>,
    summary: Option<String>,
    quote: Option<QuoteText>,
    #[allow(dead_code)]
    review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct PartnerText {
    about: Option<String>,
    work: Option<String>,
    #[allow(dead_code)]
    review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ResourceText {
    title: Option<String>,
    kind: Option<String>,
    summary: Option<String>,
    #[allow(dead_code)]
    review: Option<String>,
}

#[derive(Deserialize)]
#[serde(deny_unknown_fields)]
struct ActionText {
    title: Option<String>,
    summary: Option<String>,
    cta: Option<String>,
    target: Option<String>,
    text: Option<String>,
    signers: Option<String>,
    who_may_sign: Option<String>,
    titles: Option<Spanned<Vec<String>>>,
    #[allow(dead_code)]
    review: Option<String>,
}

fn set(target: &mut Str, value: Option<String>) {
    if let Some(v) = value.filter(|v| !v.trim().is_empty()) {
        *target = v.into();
    }
}

impl Loader {
    /// Applies the translations in `dir` (`content/es`) to the English content.
    pub(super) fn translate(
        &mut self,
        dir: &Path,
        site: &mut Option<Site>,
        home: &mut Option<Home>,
        statement: &mut Option<Statement>,
        entries: Entries,
    ) {
        if !dir.is_dir() {
            self.errors.push(super::ContentError {
                file: dir.to_path_buf(),
                line: 1,
                message: "this language has no folder of translations. Create it (it may start empty: the English is used for what is not translated).".into(),
            });
            return;
        }
        let path = dir.join("site.toml");
        if path.exists() {
            if let (Some(text), Some(site)) = (read(&path, &mut self.errors), site.as_mut()) {
                let doc = Doc {
                    path: path.clone(),
                    front: text,
                    front_line: 1,
                    body: String::new(),
                    body_line: 1,
                };
                let mut p = Problems::default();
                if let Some(t) = front::<SiteText>(&doc, &mut p) {
                    set(&mut site.org_tagline, t.org_tagline);
                    set(&mut site.campaign_name, t.campaign_name);
                    set(&mut site.signup_heading, t.signup_heading);
                    set(&mut site.signup_text, t.signup_text);
                    set(&mut site.coalition_text, t.coalition_text);
                    set(&mut site.coalition_link_text, t.coalition_link_text);
                    if let Some(text) = t.privacy_text {
                        site.privacy_text = Some(text.into());
                    }
                }
                self.file_problems(&path, p);
            }
        }
        for (file, page) in [
            (
                "home.md",
                home.as_mut()
                    .map(|h| (&mut h.title, &mut h.description, &mut h.body)),
            ),
            (
                "accessibility.md",
                statement
                    .as_mut()
                    .map(|s| (&mut s.title, &mut s.description, &mut s.body)),
            ),
        ] {
            let path = dir.join(file);
            let Some((title, description, body)) = page else {
                continue;
            };
            let Some(doc) = self.doc(&path) else { continue };
            let mut p = Problems::default();
            if let Some(t) = front::<PageText>(&doc, &mut p) {
                set(title, t.title);
                set(description, t.description);
            }
            self.text(&doc, body, &mut p);
            self.file_problems(&path, p);
        }
        for doc in self.entry_docs(
            dir,
            "issues",
            entries.issues.iter().map(|i| i.slug.to_string()).collect(),
        ) {
            let Some(issue) = entries
                .issues
                .iter_mut()
                .find(|i| doc.path.file_stem().is_some_and(|s| *s == *i.slug))
            else {
                continue;
            };
            let mut p = Problems::default();
            let mut notes = Notes::default();
            if let Some(t) = front::<IssueText>(&doc, &mut p) {
                set(&mut issue.title, t.title);
                set(&mut issue.summary, t.summary);
                if let Some(q) = t.quote {
                    let text = markdown::inline(
                        q.text.get_ref(),
                        doc.line(&q.text),
                        "quote.text",
                        &mut notes,
                        &mut p,
                    );
                    issue.quote = Some(Quote {
                        text: text.into(),
                        cite: q.cite.into(),
                    });
                }
            }
            let blocks = markdown::blocks(&doc.body, doc.body_line, &mut notes, &mut p);
            self.keep_links(&doc.path, &mut notes);
            let footnotes = notes.finish(&mut p);
            if !blocks.is_empty() {
                issue.body = blocks.into();
                issue.footnotes = footnotes.into();
            }
            self.file_problems(&doc.path, p);
        }
        for doc in self.entry_docs(
            dir,
            "partners",
            entries
                .partners
                .iter()
                .map(|i| i.slug.to_string())
                .collect(),
        ) {
            let Some(partner) = entries
                .partners
                .iter_mut()
                .find(|i| doc.path.file_stem().is_some_and(|s| *s == *i.slug))
            else {
                continue;
            };
            let mut p = Problems::default();
            if let Some(t) = front::<PartnerText>(&doc, &mut p) {
                set(&mut partner.about, t.about);
                set(&mut partner.work, t.work);
            }
            super::no_body(
                &doc,
                "a partner is described by its `about` and `work` settings",
                &mut p,
            );
            self.file_problems(&doc.path, p);
        }
        for doc in self.entry_docs(
            dir,
            "resources",
            entries
                .resources
                .iter()
                .map(|i| i.slug.to_string())
                .collect(),
        ) {
            let Some(resource) = entries
                .resources
                .iter_mut()
                .find(|i| doc.path.file_stem().is_some_and(|s| *s == *i.slug))
            else {
                continue;
            };
            let mut p = Problems::default();
            if let Some(t) = front::<ResourceText>(&doc, &mut p) {
                set(&mut resource.title, t.title);
                set(&mut resource.kind, t.kind);
                set(&mut resource.summary, t.summary);
            }
            self.text(&doc, &mut resource.body, &mut p);
            self.file_problems(&doc.path, p);
        }
        for doc in self.entry_docs(
            dir,
            "actions",
            entries.actions.iter().map(|i| i.slug.to_string()).collect(),
        ) {
            let Some(action) = entries
                .actions
                .iter_mut()
                .find(|i| doc.path.file_stem().is_some_and(|s| *s == *i.slug))
            else {
                continue;
            };
            let mut p = Problems::default();
            if let Some(t) = front::<ActionText>(&doc, &mut p) {
                set(&mut action.title, t.title);
                set(&mut action.summary, t.summary);
                set(&mut action.cta, t.cta);
                set(&mut action.target, t.target);
                set(&mut action.text, t.text);
                if let (Some(own), Some(signers)) = (action.signers.as_mut(), t.signers) {
                    set(own, Some(signers));
                }
                if let (Some(own), Some(who)) = (action.who_may_sign.as_mut(), t.who_may_sign) {
                    set(own, Some(who));
                }
                if let Some(labels) = t.titles {
                    if labels.get_ref().len() == action.titles.len() {
                        let mut titles = action.titles.to_vec();
                        for (title, label) in titles.iter_mut().zip(labels.get_ref()) {
                            set(&mut title.label, Some(label.clone()));
                        }
                        action.titles = titles.into();
                    } else {
                        p.at(doc.line(&labels), format!("`titles` has {} titles; the English file has {}. Translate each, in the same order.", labels.get_ref().len(), action.titles.len()));
                    }
                }
            }
            self.text(&doc, &mut action.body, &mut p);
            self.file_problems(&doc.path, p);
        }
    }

    /// A translation's text (no footnotes): it replaces the English one, if it has any.
    fn text(&mut self, doc: &Doc, body: &mut List<Block>, p: &mut Problems) {
        let mut notes = Notes::default();
        let blocks = markdown::blocks(&doc.body, doc.body_line, &mut notes, p);
        self.keep_links(&doc.path, &mut notes);
        notes_without_footnotes(notes, doc, p);
        if !blocks.is_empty() {
            *body = blocks.into();
        }
    }

    /// A translation file, if there is one.
    fn doc(&mut self, path: &Path) -> Option<Doc> {
        if !path.exists() {
            return None;
        }
        let text = read(path, &mut self.errors)?;
        match split(path, text) {
            Ok(d) => Some(d),
            Err(e) => {
                self.errors.push(e);
                None
            }
        }
    }

    /// The translations in one folder, each of which must translate an English entry (by file
    /// name, which is the English entry's slug).
    fn entry_docs(&mut self, dir: &Path, folder: &str, slugs: Vec<String>) -> Vec<Doc> {
        let dir = dir.join(folder);
        if !dir.is_dir() {
            return Vec::new();
        }
        let docs = self.docs(&dir);
        let mut out = Vec::new();
        for doc in docs {
            let stem = doc
                .path
                .file_stem()
                .and_then(|s| s.to_str())
                .unwrap_or("")
                .to_string();
            if slugs.contains(&stem) {
                out.push(doc);
            } else {
                self.errors.push(super::ContentError {
                    file: doc.path.clone(),
                    line: 1,
                    message: format!(
                        "this translates `{stem}`, which is not in content/{folder}/. A translation takes the English entry's file name (its slug): one of {}.",
                        slugs.join(", ")
                    ),
                });
            }
        }
        out
    }
}

/// The entries a translation applies to.
pub(super) struct Entries<'a> {
    pub issues: &'a mut Vec<Issue>,
    pub partners: &'a mut Vec<Partner>,
    pub resources: &'a mut Vec<Resource>,
    pub actions: &'a mut Vec<Action>,
}
