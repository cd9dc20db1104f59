//! The pages' content as HTML, rendered at build time from `content/` (and the signup endpoint,
//! for the forms' plain-post target). The site inserts these strings as they are, so neither
//! the wasm nor the browser renders Markdown or page templates: the wasm carries the text once,
//! and hydration has nothing to walk inside a page's body.
//!
//! Every text and attribute value goes through [`Html::text`] / [`Html::attr`], which escape
//! it; nothing from the content is ever written as markup. The forms' markup is the contract
//! with the signer (`signer/src/form.rs`): it finds each form by `data-sign` and its parts by id.

use crate::content::*;
use crate::embed::Embed;
use crate::i18n::{fill, Lang, Ui};
use crate::petition::countries::{countries_in, postal_field};
use crate::petition::payload::{Endpoint, Kind};
use crate::petition::validate::{Field, SIGNUP_FIELDS};
use crate::petition::HONEYPOT;
use crate::routes;

/// An HTML string being written, with escaping for text and attribute values.
#[derive(Default)]
pub struct Html(String, u8);

impl Html {
    /// Writes every heading this many levels lower (`h1` as `h2` for a shift of 1): for a body
    /// that goes inside another site's page, under that page's own `h1` (the embeds).
    pub fn with_heading_shift(shift: u8) -> Html {
        Html(String::new(), shift)
    }

    pub fn into_string(self) -> String {
        self.0
    }

    /// The tag as written: headings shifted (at most to `h6`), everything else as it is.
    fn tag<'t>(&self, tag: &'t str) -> std::borrow::Cow<'t, str> {
        match tag.as_bytes() {
            [b'h', d @ b'1'..=b'6'] if self.1 > 0 => {
                format!("h{}", (d - b'0' + self.1).min(6)).into()
            }
            _ => tag.into(),
        }
    }

    /// Text content, escaped.
    pub fn text(&mut self, s: &str) -> &mut Self {
        for c in s.chars() {
            match c {
                '&' => self.0.push_str("&amp;"),
                '<' => self.0.push_str("&lt;"),
                '>' => self.0.push_str("&gt;"),
                '"' => self.0.push_str("&quot;"),
                _ => self.0.push(c),
            }
        }
        self
    }

    /// `<tag a="v" …>`: attributes with `None` are left out, `Some("")` are written bare.
    pub fn open(&mut self, tag: &str, attrs: &[(&str, Option<&str>)]) -> &mut Self {
        let tag = self.tag(tag);
        self.0.push('<');
        self.0.push_str(&tag);
        for (name, value) in attrs {
            match value {
                None => {}
                Some("") => {
                    self.0.push(' ');
                    self.0.push_str(name);
                }
                Some(v) => {
                    self.0.push(' ');
                    self.0.push_str(name);
                    self.0.push_str("=\"");
                    self.text(v);
                    self.0.push('"');
                }
            }
        }
        self.0.push('>');
        self
    }

    pub fn close(&mut self, tag: &str) -> &mut Self {
        let tag = self.tag(tag);
        self.0.push_str("</");
        self.0.push_str(&tag);
        self.0.push('>');
        self
    }

    /// `<tag …>text</tag>`.
    pub fn el(&mut self, tag: &str, attrs: &[(&str, Option<&str>)], text: &str) -> &mut Self {
        self.open(tag, attrs).text(text).close(tag)
    }
}

const YES: Option<&str> = Some("");

/// Where the site is served, where its signatures go, and in which language: what the pages'
/// links, words and forms need.
pub struct Setting<'a> {
    /// The base path of this language's pages, without a trailing slash ("" at the root of a
    /// domain, "/es" for Spanish there).
    pub base: &'a str,
    pub endpoint: &'a Endpoint,
    pub lang: Lang,
}

impl Setting<'_> {
    /// The interface's words in this language.
    pub fn ui(&self) -> &'static Ui {
        self.lang.ui()
    }

    /// The href of a site path: the base, and a trailing slash (pages are folders).
    pub fn href(&self, path: &str) -> String {
        routes::href(self.base, path)
    }
}

/// Where footnote markers link: to notes on this page, or to an issue page's notes.
#[derive(Clone, Copy)]
pub enum NotesAt<'a> {
    ThisPage,
    Issue(&'a str),
}

pub fn blocks(h: &mut Html, s: &Setting, list: &[Block], notes: NotesAt) {
    for b in list {
        match b {
            Block::Paragraph(c) => {
                h.open("p", &[]);
                inlines(h, s, c, notes);
                h.close("p");
            }
            Block::Heading(level, c) => {
                let tag = match level {
                    2 => "h2",
                    3 => "h3",
                    _ => "h4",
                };
                h.open(tag, &[]);
                inlines(h, s, c, notes);
                h.close(tag);
            }
            Block::List { ordered, items } => {
                let tag = if *ordered { "ol" } else { "ul" };
                h.open(tag, &[]);
                for item in items.iter() {
                    h.open("li", &[]);
                    inlines(h, s, item, notes);
                    h.close("li");
                }
                h.close(tag);
            }
            Block::Quote(c) => {
                h.open("blockquote", &[]);
                blocks(h, s, c, notes);
                h.close("blockquote");
            }
        }
    }
}

pub fn inlines(h: &mut Html, s: &Setting, list: &[Inline], notes: NotesAt) {
    for i in list {
        match i {
            Inline::Text(t) => {
                h.text(t);
            }
            Inline::Emphasis(c) => {
                h.open("em", &[]);
                inlines(h, s, c, notes);
                h.close("em");
            }
            Inline::Strong(c) => {
                h.open("strong", &[]);
                inlines(h, s, c, notes);
                h.close("strong");
            }
            Inline::LineBreak => {
                h.open("br", &[]);
            }
            Inline::Link { href, children } => {
                if href.starts_with('/') {
                    h.open("a", &[("href", Some(&s.href(href)))]);
                } else if href.starts_with('#') {
                    h.open("a", &[("href", Some(href))]);
                } else {
                    h.open(
                        "a",
                        &[("href", Some(href)), ("rel", Some("external noopener"))],
                    );
                }
                inlines(h, s, children, notes);
                h.close("a");
            }
            Inline::FootnoteRef { id, marker } => {
                let (to, own_id) = match notes {
                    NotesAt::ThisPage => (format!("#note-{id}"), Some(format!("ref-{id}"))),
                    NotesAt::Issue(slug) => {
                        (format!("{}#note-{id}", s.href(&routes::issue(slug))), None)
                    }
                };
                h.open("sup", &[("class", Some("fn-ref"))]);
                h.open(
                    "a",
                    &[
                        ("id", own_id.as_deref()),
                        ("href", Some(&to)),
                        ("aria-label", Some(&fill(s.ui().note, &[marker]))),
                    ],
                );
                h.text(marker).close("a").close("sup");
            }
        }
    }
}

/// A page's footnotes, each linking back to where it is referenced.
fn footnotes(h: &mut Html, s: &Setting, notes: &[Footnote]) {
    if notes.is_empty() {
        return;
    }
    h.open(
        "section",
        &[
            ("class", Some("footnotes")),
            ("aria-labelledby", Some("notes-heading")),
        ],
    );
    h.el(
        "h2",
        &[
            ("id", Some("notes-heading")),
            ("class", Some("visually-hidden")),
        ],
        s.ui().notes,
    );
    for n in notes {
        h.open(
            "p",
            &[
                ("id", Some(&format!("note-{}", n.id))),
                ("tabindex", Some("-1")),
                ("class", Some("footnote")),
            ],
        );
        h.el(
            "span",
            &[
                ("class", Some("footnote__marker")),
                ("aria-hidden", Some("true")),
            ],
            &n.marker,
        );
        inlines(h, s, &n.body, NotesAt::ThisPage);
        h.text(" ");
        h.open(
            "a",
            &[
                ("class", Some("footnote__back")),
                ("href", Some(&format!("#ref-{}", n.id))),
            ],
        );
        h.text(s.ui().back_to_text);
        h.el("span", &[("aria-hidden", Some("true"))], " ↩");
        h.close("a").close("p");
    }
    h.close("section");
}

/// An `h2` for `level` 2, an `h3` otherwise.
fn heading(h: &mut Html, level: u8, id: Option<&str>, text: &str) {
    h.el(if level == 2 { "h2" } else { "h3" }, &[("id", id)], text);
}

fn outbound(h: &mut Html, url: &str, text: &str) {
    h.el(
        "a",
        &[("href", Some(url)), ("rel", Some("external noopener"))],
        text,
    );
}

fn partner_list(h: &mut Html, ui: &Ui, partners: &[&Partner], level: u8) {
    h.open("ul", &[("class", Some("cards"))]);
    for p in partners {
        h.open("li", &[("class", Some("card"))]);
        heading(h, level, None, &p.name);
        h.el("p", &[], &p.about);
        h.el("p", &[("class", Some("muted"))], &p.work);
        h.open("p", &[]);
        outbound(h, &p.url, &fill(ui.visit_website, &[&p.name]));
        h.close("p").close("li");
    }
    h.close("ul");
}

fn coalition_link(h: &mut Html, site: &Site) {
    h.open("p", &[]).text(&site.coalition_text).text(" ");
    outbound(h, &site.coalition_url, &site.coalition_link_text);
    h.text(".").close("p");
}

fn resource_card(h: &mut Html, s: &Setting, site: &Site, r: &Resource, level: u8) {
    h.open("div", &[("class", Some("card resource"))]);
    h.el("p", &[("class", Some("eyebrow"))], &r.kind);
    heading(h, level, None, &r.title);
    h.el("p", &[], &r.summary);
    h.open("div", &[("class", Some("resource__when"))]);
    h.el(
        "p",
        &[("class", Some("resource__when-label"))],
        s.ui().when_to_use,
    );
    blocks(h, s, &r.body, NotesAt::ThisPage);
    h.close("div");
    h.open("p", &[]);
    outbound(
        h,
        &r.url,
        &fill(s.ui().get_resource, &[&r.title, &site.org_name]),
    );
    h.close("p").close("div");
}

/// The home page's body.
pub fn home(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    let home = &c.home;
    let issue = c
        .issue_page(&home.featured_issue)
        .expect("checked by the loader");
    let action = c
        .action(&home.featured_action)
        .expect("checked by the loader");
    let notes = NotesAt::Issue(&issue.slug);
    h.open("div", &[("class", Some("hero"))])
        .open("div", &[("class", Some("wrap"))]);
    h.el("h1", &[("tabindex", Some("-1"))], &home.title);
    if let Some(q) = &issue.quote {
        h.open("figure", &[("class", Some("quote quote--hero"))])
            .open("blockquote", &[])
            .open("p", &[]);
        inlines(&mut h, s, &q.text, notes);
        h.close("p").close("blockquote");
        h.open("figcaption", &[])
            .text("— ")
            .el("cite", &[], &q.cite)
            .close("figcaption")
            .close("figure");
    }
    h.open("div", &[("class", Some("lead"))]);
    blocks(&mut h, s, &home.body, notes);
    h.close("div").close("div").close("div");

    h.open("div", &[("class", Some("wrap stack"))]);
    h.open(
        "section",
        &[
            ("class", Some("feature")),
            ("aria-labelledby", Some("act-now")),
        ],
    );
    h.el("p", &[("class", Some("eyebrow"))], s.ui().take_action_now);
    h.el("h2", &[("id", Some("act-now"))], &action.title);
    h.el("p", &[], &action.summary);
    h.el(
        "a",
        &[
            ("class", Some("button")),
            ("href", Some(&s.href(&routes::action(&action.slug)))),
        ],
        &action.cta,
    );
    h.close("section");
    h.open(
        "nav",
        &[
            ("aria-label", Some(s.ui().explore)),
            ("class", Some("ways-in")),
        ],
    )
    .open("ul", &[("class", Some("cards"))]);
    let names = |list: Vec<&str>| list.join(", ");
    for (href, title, text) in [
        (
            s.href(&routes::issue(&issue.slug)),
            issue.title.to_string(),
            issue.summary.to_string(),
        ),
        (
            s.href(routes::PARTNERS),
            s.ui().our_partners.to_string(),
            names(c.partners.iter().map(|p| p.name.as_ref()).collect()),
        ),
        (
            s.href(routes::RESOURCES),
            s.ui().resources_title.to_string(),
            names(c.resources.iter().map(|r| r.title.as_ref()).collect()),
        ),
    ] {
        h.open("li", &[("class", Some("card"))])
            .open("h2", &[])
            .el("a", &[("href", Some(&href))], &title)
            .close("h2");
        h.el("p", &[], &text).close("li");
    }
    h.close("ul").close("nav").close("div");
    h.into_string()
}

/// `/issues`: every issue, linked where it has a page.
pub fn issues(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    h.open("div", &[("class", Some("wrap stack"))]);
    h.el("h1", &[("tabindex", Some("-1"))], s.ui().issues_title);
    h.el(
        "p",
        &[("class", Some("lead"))],
        &fill(s.ui().issues_lead, &[&c.site.org_name]),
    );
    h.open("ul", &[("class", Some("cards"))]);
    for i in c.issues.iter() {
        h.open("li", &[("class", Some("card"))]).open("h2", &[]);
        if i.has_page {
            h.el(
                "a",
                &[("href", Some(&s.href(&routes::issue(&i.slug))))],
                &i.title,
            );
        } else {
            h.text(&i.title);
        }
        h.close("h2").el("p", &[], &i.summary);
        if !i.has_page {
            h.el("p", &[("class", Some("muted"))], s.ui().no_page_yet);
        }
        h.close("li");
    }
    h.close("ul").close("div");
    h.into_string()
}

/// An issue's page.
pub fn issue(s: &Setting, c: &Content, issue: &Issue) -> String {
    let mut h = Html::default();
    issue_body(&mut h, s, c, issue);
    h.into_string()
}

fn issue_body(h: &mut Html, s: &Setting, c: &Content, issue: &Issue) {
    h.open("article", &[("class", Some("wrap stack issue"))]);
    h.el("h1", &[("tabindex", Some("-1"))], &issue.title);
    if let Some(q) = &issue.quote {
        h.open("figure", &[("class", Some("quote"))])
            .open("blockquote", &[])
            .open("p", &[]);
        inlines(h, s, &q.text, NotesAt::ThisPage);
        h.close("p").close("blockquote");
        h.open("figcaption", &[])
            .text("— ")
            .el("cite", &[], &q.cite)
            .close("figcaption")
            .close("figure");
    }
    h.open("div", &[("class", Some("prose"))]);
    blocks(h, s, &issue.body, NotesAt::ThisPage);
    h.close("div");
    footnotes(h, s, &issue.footnotes);
    let partners: Vec<&Partner> = issue.partners.iter().filter_map(|p| c.partner(p)).collect();
    if !partners.is_empty() {
        h.open(
            "section",
            &[
                ("aria-labelledby", Some("partners-heading")),
                ("class", Some("stack")),
            ],
        );
        h.el(
            "h2",
            &[("id", Some("partners-heading"))],
            s.ui().partners_heading,
        );
        partner_list(h, s.ui(), &partners, 3);
        coalition_link(h, &c.site);
        h.close("section");
    }
    let resources: Vec<&Resource> = issue
        .resources
        .iter()
        .filter_map(|r| c.resource(r))
        .collect();
    if !resources.is_empty() {
        h.open(
            "section",
            &[
                ("aria-labelledby", Some("resources-heading")),
                ("class", Some("stack")),
            ],
        );
        h.el(
            "h2",
            &[("id", Some("resources-heading"))],
            s.ui().resources_title,
        );
        for r in resources {
            resource_card(h, s, &c.site, r, 3);
        }
        h.close("section");
    }
    let actions: Vec<&Action> = issue.actions.iter().filter_map(|a| c.action(a)).collect();
    if !actions.is_empty() {
        h.open(
            "section",
            &[
                ("aria-labelledby", Some("actions-heading")),
                ("class", Some("stack")),
            ],
        );
        h.el(
            "h2",
            &[("id", Some("actions-heading"))],
            s.ui().actions_title,
        );
        for a in actions {
            h.open("div", &[("class", Some("card"))]).open("h3", &[]);
            h.el(
                "a",
                &[("href", Some(&s.href(&routes::action(&a.slug))))],
                &a.title,
            )
            .close("h3");
            h.el("p", &[], &a.summary).close("div");
        }
        h.close("section");
    }
    h.open(
        "section",
        &[
            ("aria-labelledby", Some("issue-signup-heading")),
            ("class", Some("signup-call signup-call--inline")),
        ],
    );
    h.el(
        "h2",
        &[("id", Some("issue-signup-heading"))],
        &c.site.signup_heading,
    );
    h.el("p", &[], &c.site.signup_text);
    sign_form(h, s, &c.site, &Form::Updates, "issue-signup");
    h.close("section").close("article");
}

/// `/partners`.
pub fn partners(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    h.open("div", &[("class", Some("wrap stack"))]);
    h.el("h1", &[("tabindex", Some("-1"))], s.ui().partners_title);
    h.el("p", &[("class", Some("lead"))], s.ui().partners_lead);
    partner_list(&mut h, s.ui(), &c.partners.iter().collect::<Vec<_>>(), 2);
    coalition_link(&mut h, &c.site);
    h.close("div");
    h.into_string()
}

/// `/resources`.
pub fn resources(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    h.open("div", &[("class", Some("wrap stack"))]);
    h.el("h1", &[("tabindex", Some("-1"))], s.ui().resources_title);
    for r in c.resources.iter() {
        resource_card(&mut h, s, &c.site, r, 2);
    }
    h.close("div");
    h.into_string()
}

/// `/act`: every action.
pub fn actions(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    h.open("div", &[("class", Some("wrap stack"))]);
    h.el("h1", &[("tabindex", Some("-1"))], s.ui().actions_title);
    h.open("ul", &[("class", Some("cards"))]);
    for a in c.actions.iter() {
        h.open("li", &[("class", Some("card"))]).open("h2", &[]);
        h.el(
            "a",
            &[("href", Some(&s.href(&routes::action(&a.slug))))],
            &a.title,
        )
        .close("h2");
        h.el("p", &[], &a.summary).close("li");
    }
    h.close("ul").close("div");
    h.into_string()
}

/// An action's page, with its petition.
pub fn action(s: &Setting, c: &Content, action: &Action) -> String {
    let mut h = Html::default();
    action_body(&mut h, s, c, action);
    h.into_string()
}

fn action_body(h: &mut Html, s: &Setting, c: &Content, action: &Action) {
    let issue = c.issue_page(&action.issue).expect("checked by the loader");
    h.open("article", &[("class", Some("wrap stack action"))]);
    h.open("p", &[("class", Some("eyebrow"))]);
    h.el(
        "a",
        &[("href", Some(&s.href(&routes::issue(&issue.slug))))],
        &issue.title,
    )
    .close("p");
    h.el("h1", &[("tabindex", Some("-1"))], &action.title);
    h.open("div", &[("class", Some("prose"))]);
    blocks(h, s, &action.body, NotesAt::ThisPage);
    h.close("div");
    h.open(
        "section",
        &[
            ("id", Some("sign")),
            ("class", Some("petition")),
            ("aria-labelledby", Some("petition-heading")),
        ],
    );
    h.el("h2", &[("id", Some("petition-heading"))], &action.cta);
    sign_form(
        h,
        s,
        &c.site,
        &Form::Petition {
            action: &action.slug,
            cta: &action.cta,
        },
        "petition",
    );
    h.close("section").close("article");
}

/// `/thanks`: where a plain form post lands. It thanks a petition signature and an updates
/// signup alike (a plain post cannot say which without a script).
pub fn thanks(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    h.open("div", &[("class", Some("wrap stack"))]);
    let ui = s.ui();
    h.el("h1", &[("tabindex", Some("-1"))], ui.thanks_title);
    h.el("p", &[("class", Some("lead"))], ui.thanks_lead);
    h.el("p", &[], ui.thanks_share);
    h.open("p", &[])
        .el(
            "a",
            &[
                ("class", Some("button")),
                ("href", Some(&s.href(routes::ACTIONS))),
            ],
            ui.other_actions,
        )
        .close("p");
    h.open("p", &[]).text(ui.read_more_about);
    h.el(
        "a",
        &[("href", Some(&s.href(routes::ISSUES)))],
        ui.the_issues,
    )
    .text(ui.and);
    h.el(
        "a",
        &[("href", Some(&c.site.org_url))],
        &fill(ui.org_work, &[&c.site.org_name]),
    )
    .text(".")
    .close("p");
    h.close("div");
    h.into_string()
}

/// `/accessibility`: the accessibility statement.
pub fn accessibility(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    h.open("article", &[("class", Some("wrap stack"))]);
    h.el("h1", &[("tabindex", Some("-1"))], &c.accessibility.title);
    h.open("div", &[("class", Some("prose"))]);
    blocks(&mut h, s, &c.accessibility.body, NotesAt::ThisPage);
    h.close("div").close("article");
    h.into_string()
}

/// The footer's call to sign up, with its form.
pub fn footer_signup(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    h.open(
        "section",
        &[
            ("class", Some("signup-call")),
            ("aria-labelledby", Some("signup-heading")),
        ],
    );
    h.el(
        "h2",
        &[("id", Some("signup-heading"))],
        &c.site.signup_heading,
    );
    h.el("p", &[], &c.site.signup_text);
    sign_form(&mut h, s, &c.site, &Form::Updates, "footer-signup");
    h.close("section");
    h.into_string()
}

/// What a form is for.
pub enum Form<'a> {
    Petition { action: &'a str, cta: &'a str },
    Updates,
}

/// A field's label as first rendered (the postal code's follows the country).
fn field_label(f: Field, petition: bool, ui: &Ui) -> &'static str {
    match f {
        Field::GivenName if !petition => ui.given_name_optional,
        Field::GivenName => ui.given_name,
        Field::FamilyName => ui.family_name_optional,
        Field::Email => ui.email,
        Field::Country => ui.country,
        Field::PostalCode => postal_field("US", ui).0,
    }
}

/// The petition or the updates signup: a real `<form method="post">` whose fields carry the
/// `form` adapter's names, with visible labels, `autocomplete` on every field and the right
/// keyboards; the parts the signer fills in (status, error summary, thank-you, sharing, the
/// updates offer) are in place and hidden. Without WebAssembly it posts to the plain-post
/// target; where there is none, it is disabled and says how else to sign (the site enables it
/// where WebAssembly is there to send it).
pub fn sign_form(h: &mut Html, s: &Setting, site: &Site, form: &Form, prefix: &str) {
    let id = |part: &str| format!("{prefix}-{part}");
    let ui = s.ui();
    let (petition, action, cta) = match form {
        Form::Petition { action, cta } => (true, *action, *cta),
        Form::Updates => (false, "", ui.sign_up),
    };
    let kind = if petition {
        Kind::Petition {
            action: action.to_string(),
        }
    } else {
        Kind::Signup
    };
    let post_to = s.endpoint.plain_post_url(&kind);
    let fields: &[Field] = if petition {
        &Field::ALL
    } else {
        &SIGNUP_FIELDS
    };

    h.open(
        "div",
        &[
            ("class", Some("sign")),
            (
                "data-sign",
                Some(if petition { "petition" } else { "signup" }),
            ),
            ("data-action", Some(action)),
            ("data-prefix", Some(prefix)),
        ],
    );
    h.el(
        "p",
        &[
            ("class", Some("sign__status")),
            ("role", Some("status")),
            ("id", Some(&id("status"))),
        ],
        "",
    );
    h.open(
        "div",
        &[
            ("class", Some("outcome outcome--saved")),
            ("id", Some(&id("outcome-saved"))),
            ("tabindex", Some("-1")),
            ("hidden", YES),
        ],
    );
    h.el(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some("button button--secondary")),
            ("id", Some(&id("retry"))),
        ],
        ui.try_now,
    );
    h.close("div");
    h.open(
        "div",
        &[
            ("class", Some("outcome outcome--done")),
            ("id", Some(&id("outcome"))),
            ("tabindex", Some("-1")),
            ("hidden", YES),
        ],
    );
    h.el("h3", &[("id", Some(&id("thanks")))], "");
    h.el("p", &[("id", Some(&id("received"))), ("hidden", YES)], "");
    if petition {
        h.el(
            "p",
            &[("id", Some(&id("opted-in"))), ("hidden", YES)],
            ui.opted_in,
        );
        // Sharing: the system share sheet where there is one, a link to copy elsewhere.
        h.open("div", &[("class", Some("share"))]);
        h.el(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("button")),
                ("id", Some(&id("share"))),
            ],
            ui.share_petition,
        );
        h.open(
            "div",
            &[
                ("class", Some("share__copy")),
                ("id", Some(&id("share-fallback"))),
                ("hidden", YES),
            ],
        );
        h.el(
            "label",
            &[("for", Some(&id("share-link")))],
            ui.link_to_petition,
        );
        h.open(
            "input",
            &[
                ("id", Some(&id("share-link"))),
                ("type", Some("text")),
                ("readonly", YES),
            ],
        );
        h.el(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("button button--secondary")),
                ("id", Some(&id("share-copy"))),
            ],
            ui.copy_link,
        );
        h.el(
            "p",
            &[("role", Some("status")), ("id", Some(&id("share-status")))],
            "",
        );
        h.close("div").close("div");
        // After signing without ticking the box: one click to also sign up.
        h.open(
            "div",
            &[
                ("class", Some("offer")),
                ("id", Some(&id("offer"))),
                ("hidden", YES),
            ],
        );
        h.el("p", &[], ui.offer_question);
        h.el(
            "button",
            &[
                ("type", Some("button")),
                ("class", Some("button button--secondary")),
                ("id", Some(&id("offer-yes"))),
            ],
            ui.offer_yes,
        );
        h.el(
            "p",
            &[("role", Some("status")), ("id", Some(&id("offer-status")))],
            "",
        );
        h.close("div");
    }
    h.close("div");

    h.open(
        "form",
        &[
            ("class", Some("sign-form")),
            ("id", Some(&id("form"))),
            ("method", Some("post")),
            ("action", Some(post_to.as_deref().unwrap_or(""))),
            ("novalidate", YES),
        ],
    );
    h.open(
        "div",
        &[
            ("class", Some("error-summary")),
            ("id", Some(&id("errors"))),
            ("tabindex", Some("-1")),
            ("aria-labelledby", Some(&id("errors-title"))),
            ("hidden", YES),
        ],
    );
    h.el(
        "h3",
        &[("id", Some(&id("errors-title")))],
        ui.problem_heading,
    );
    h.el("ul", &[("id", Some(&id("errors-list")))], "");
    h.close("div");
    for (name, value) in [
        ("kind", if petition { "petition" } else { "signup" }),
        ("action", action),
        ("language", s.lang.code()),
    ] {
        h.open(
            "input",
            &[
                ("type", Some("hidden")),
                ("name", Some(name)),
                ("value", Some(value)),
            ],
        );
    }
    if post_to.is_none() {
        // Nowhere to post without WebAssembly: say so before anyone types a thing. The site
        // hides this (and enables the form) where WebAssembly is there.
        let (what, verb) = if petition {
            (ui.no_wasm_what_petition, ui.no_wasm_verb_petition)
        } else {
            (ui.no_wasm_what_signup, ui.no_wasm_verb_signup)
        };
        h.open(
            "p",
            &[("class", Some("sign__nowasm")), ("data-needs-wasm", YES)],
        );
        h.text(&fill(ui.no_wasm, &[what, verb]));
        h.el(
            "a",
            &[("href", Some(&site.org_url))],
            &fill(ui.org_website, &[&site.org_name]),
        );
        h.text(ui.no_wasm_end).close("p");
    }
    h.open(
        "fieldset",
        &[
            ("class", Some("sign-form__body")),
            ("disabled", post_to.is_none().then_some("")),
            ("data-needs-wasm-to-enable", post_to.is_none().then_some("")),
        ],
    );
    h.open(
        "div",
        &[(
            "class",
            Some(if petition {
                "fields fields--grid"
            } else {
                "fields"
            }),
        )],
    );
    for f in fields {
        let fid = id(f.name());
        h.open(
            "div",
            &[
                ("class", Some("field")),
                ("id", Some(&id(&format!("{}-field", f.name())))),
            ],
        );
        h.el(
            "label",
            &[
                ("for", Some(&fid)),
                ("id", Some(&id(&format!("{}-label", f.name())))),
            ],
            field_label(*f, petition, ui),
        );
        h.open(
            "p",
            &[
                ("class", Some("field__error")),
                ("id", Some(&id(&format!("{}-error", f.name())))),
                ("hidden", YES),
            ],
        );
        h.el(
            "span",
            &[("class", Some("visually-hidden"))],
            ui.error_prefix,
        );
        h.el(
            "span",
            &[("id", Some(&id(&format!("{}-message", f.name()))))],
            "",
        );
        h.close("p");
        if *f == Field::Country {
            h.open(
                "select",
                &[
                    ("id", Some(&fid)),
                    ("name", Some(f.name())),
                    ("autocomplete", Some("country")),
                ],
            );
            for (code, name) in countries_in(s.lang) {
                h.el(
                    "option",
                    &[
                        ("value", Some(code)),
                        ("selected", (code == "US").then_some("")),
                    ],
                    name,
                );
            }
            h.close("select");
        } else {
            let (kind, auto, inputmode) = match f {
                Field::GivenName => ("text", "given-name", None),
                Field::FamilyName => ("text", "family-name", None),
                Field::Email => ("email", "email", Some("email")),
                _ => ("text", "postal-code", postal_field("US", ui).1),
            };
            let email = *f == Field::Email;
            h.open(
                "input",
                &[
                    ("id", Some(&fid)),
                    ("name", Some(f.name())),
                    ("type", Some(kind)),
                    ("autocomplete", Some(auto)),
                    ("inputmode", inputmode),
                    ("spellcheck", email.then_some("false")),
                    ("autocapitalize", email.then_some("off")),
                ],
            );
        }
        h.close("div");
    }
    h.close("div");
    if petition {
        h.open("div", &[("class", Some("check"))]);
        h.open(
            "input",
            &[
                ("type", Some("checkbox")),
                ("id", Some(&id("email_opt_in"))),
                ("name", Some("email_opt_in")),
                ("value", Some("yes")),
            ],
        );
        h.el("label", &[("for", Some(&id("email_opt_in")))], ui.opt_in);
        h.close("div");
    }
    h.open(
        "div",
        &[("class", Some("hp")), ("aria-hidden", Some("true"))],
    );
    h.el("label", &[("for", Some(&id(HONEYPOT)))], ui.honeypot);
    h.open(
        "input",
        &[
            ("type", Some("text")),
            ("id", Some(&id(HONEYPOT))),
            ("name", Some(HONEYPOT)),
            ("tabindex", Some("-1")),
            ("autocomplete", Some("off")),
        ],
    );
    h.close("div");
    h.el(
        "button",
        &[
            ("type", Some("submit")),
            ("class", Some("button")),
            ("id", Some(&id("submit"))),
        ],
        cta,
    );
    h.close("fieldset").close("form").close("div");
}

/// The embeds' bodies (`js/embed.js` renders them in another site's page), as files to write
/// into the build, by their paths (`crate::embed::Embed::fragment`): each action with its
/// petition, each issue page, and the updates signup. Their headings start at `h2`, under the
/// host page's own `h1`. Links keep the site's base path; the script makes them absolute.
pub fn embed_fragments(s: &Setting, c: &Content) -> Vec<(String, String)> {
    Embed::all(c)
        .into_iter()
        .map(|what| {
            let mut h = Html::with_heading_shift(1);
            match what {
                Embed::Petition(slug) => action_body(
                    &mut h,
                    s,
                    c,
                    c.action(slug).expect("listed from the content"),
                ),
                Embed::Issue(slug) => issue_body(
                    &mut h,
                    s,
                    c,
                    c.issue(slug).expect("listed from the content"),
                ),
                Embed::Signup => {
                    h.open(
                        "section",
                        &[
                            ("class", Some("signup-call signup-call--inline")),
                            ("aria-labelledby", Some("signup-heading")),
                        ],
                    );
                    h.el(
                        "h1",
                        &[("id", Some("signup-heading")), ("tabindex", Some("-1"))],
                        &c.site.signup_heading,
                    );
                    h.el("p", &[], &c.site.signup_text);
                    sign_form(&mut h, s, &c.site, &Form::Updates, "signup");
                    h.close("section");
                }
            }
            (what.fragment(), h.into_string())
        })
        .collect()
}

/// `/embed`: the snippet generator for staff. The choices and the preview need
/// `js/embed-generator.js`; the snippet shown before it runs embeds the first choice. Only the
/// prerenderer has it: the page is static (never hydrated), so the site's wasm need not carry it.
pub fn embed_page(s: &Setting, c: &Content) -> String {
    let mut h = Html::default();
    let choices = Embed::all(c);
    let script = format!("{}{}/embed.js", c.site.site_url, s.base);
    h.open("article", &[("class", Some("wrap stack builder-page"))]);
    h.el(
        "h1",
        &[("tabindex", Some("-1"))],
        "Embed this campaign on your website",
    );
    h.el("p", &[("class", Some("lead"))], &format!("Put a petition, the updates signup or an issue page on another website, such as a page of {}’s WordPress site. Choose what to show, copy the snippet, and paste it where it should appear: in WordPress, into a Custom HTML block.", c.site.org_name));

    h.open(
        "form",
        &[
            ("class", Some("builder stack")),
            ("id", Some("embed-builder")),
            ("data-embed-builder", YES),
            ("data-script", Some(&script)),
        ],
    );
    h.open("fieldset", &[("class", Some("builder__what"))])
        .el("legend", &[], "What to embed");
    for (i, what) in choices.iter().enumerate() {
        let id = format!("embed-what-{i}");
        let value = what
            .attrs()
            .iter()
            .map(|(_, v)| *v)
            .collect::<Vec<_>>()
            .join(":");
        h.open("div", &[("class", Some("check"))]);
        h.open(
            "input",
            &[
                ("type", Some("radio")),
                ("id", Some(&id)),
                ("name", Some("what")),
                ("value", Some(&value)),
                ("checked", (i == 0).then_some("")),
            ],
        );
        h.el("label", &[("for", Some(&id))], &what.label(c))
            .close("div");
    }
    h.close("fieldset");
    h.open("fieldset", &[("class", Some("builder__what"))])
        .el("legend", &[], "Language");
    for lang in Lang::ALL {
        let id = format!("embed-lang-{}", lang.code());
        h.open("div", &[("class", Some("check"))]);
        h.open(
            "input",
            &[
                ("type", Some("radio")),
                ("id", Some(&id)),
                ("name", Some("lang")),
                ("value", Some(lang.code())),
                ("checked", (lang == Lang::En).then_some("")),
            ],
        );
        h.open("label", &[("for", Some(&id))]);
        match lang {
            Lang::En => h.text("English"),
            Lang::Es => h
                .el("span", &[("lang", Some("es"))], lang.name())
                .text(" (Spanish)"),
        };
        h.close("label").close("div");
    }
    h.close("fieldset");
    builder_field(&mut h, "source", "Source code (optional)", "Tags every signature made through this embed, so you can see where they came from. For example: wordpress-home.", &[("type", Some("text")), ("spellcheck", Some("false")), ("autocomplete", Some("off"))]);

    h.open("details", &[("class", Some("builder__more"))]).el(
        "summary",
        &[],
        "Colours, font and corners",
    );
    builder_field(
        &mut h,
        "color",
        "Main colour, for buttons and links",
        "Use a dark colour: white text goes on it.",
        &[("type", Some("color")), ("value", Some("#0b4f5c"))],
    );
    builder_field(
        &mut h,
        "font",
        "Font (optional)",
        "Leave it empty for the reader’s system font. For example: Georgia, serif.",
        &[
            ("type", Some("text")),
            ("spellcheck", Some("false")),
            ("autocomplete", Some("off")),
        ],
    );
    builder_field(
        &mut h,
        "radius",
        "Corner radius in pixels (optional)",
        "0 for square corners. Empty keeps the site’s 8.",
        &[
            ("type", Some("number")),
            ("min", Some("0")),
            ("max", Some("32")),
            ("inputmode", Some("numeric")),
        ],
    );
    h.close("details");

    h.open("details", &[("class", Some("builder__more"))]).el(
        "summary",
        &[],
        "Where signatures go (optional)",
    );
    h.el("p", &[], "Signatures go where this site sends its own. To send this embed’s somewhere else, for example to another Action Network group, give the endpoint here.");
    h.open("div", &[("class", Some("field"))]);
    h.el(
        "label",
        &[("for", Some("embed-adapter"))],
        "Kind of endpoint",
    );
    h.open(
        "select",
        &[("id", Some("embed-adapter")), ("name", Some("adapter"))],
    );
    for (value, label) in [
        ("", "The same as this site"),
        ("osdi", "OSDI (Action Network)"),
        ("json", "JSON (your own function)"),
        ("form", "Form (Formspree, Mailchimp)"),
    ] {
        h.el("option", &[("value", Some(value))], label);
    }
    h.close("select").close("div");
    builder_field(
        &mut h,
        "petition-url",
        "Petition address (optional)",
        "For OSDI, the petition’s signatures address.",
        &[
            ("type", Some("url")),
            ("spellcheck", Some("false")),
            ("autocomplete", Some("off")),
        ],
    );
    builder_field(
        &mut h,
        "signup-url",
        "Signup address (optional)",
        "Where updates signups go.",
        &[
            ("type", Some("url")),
            ("spellcheck", Some("false")),
            ("autocomplete", Some("off")),
        ],
    );
    h.close("details");
    h.close("form");

    h.open(
        "section",
        &[
            ("aria-labelledby", Some("snippet-heading")),
            ("class", Some("stack")),
        ],
    );
    h.el("h2", &[("id", Some("snippet-heading"))], "Your snippet");
    h.open("div", &[("class", Some("field"))]);
    h.el(
        "label",
        &[("for", Some("embed-snippet"))],
        "Snippet to paste",
    );
    h.el(
        "textarea",
        &[
            ("id", Some("embed-snippet")),
            ("class", Some("builder__snippet")),
            ("readonly", YES),
            ("rows", Some("5")),
            ("spellcheck", Some("false")),
        ],
        &crate::embed::snippet(&script, choices[0], ""),
    );
    h.close("div");
    h.el(
        "button",
        &[
            ("type", Some("button")),
            ("class", Some("button")),
            ("id", Some("embed-copy")),
        ],
        "Copy the snippet",
    );
    h.el(
        "p",
        &[("role", Some("status")), ("id", Some("embed-copy-status"))],
        "",
    );
    h.close("section");

    h.open(
        "section",
        &[
            ("aria-labelledby", Some("preview-heading")),
            ("class", Some("stack")),
        ],
    );
    h.el("h2", &[("id", Some("preview-heading"))], "Preview");
    h.el(
        "p",
        &[],
        "The embed as it will look and work on your page. A signature made here is real.",
    );
    h.el(
        "div",
        &[
            ("id", Some("embed-preview")),
            ("class", Some("builder__preview")),
        ],
        "",
    );
    h.close("section");

    h.open(
        "section",
        &[
            ("aria-labelledby", Some("notes-heading")),
            ("class", Some("stack prose")),
        ],
    );
    h.el("h2", &[("id", Some("notes-heading"))], "Good to know");
    h.open("ul", &[]);
    for item in [
        "One page can hold several embeds, for example a petition in the text and the signup in a sidebar. Each works on its own.",
        "The embed fits any column down to 300 pixels wide, and your page’s styles cannot break it, nor can it change your page.",
        "Links inside the embed stay inside it, and it never changes your page’s address.",
        "Your page can count signatures for its own analytics: the embed sends the events truah:signed and truah:signup, with no personal data in them.",
        "If your website sends a Content Security Policy, it must allow this site’s address in script-src, style-src and connect-src, and 'wasm-unsafe-eval' in script-src. The README lists the exact lines.",
    ] {
        h.el("li", &[], item);
    }
    h.close("ul").close("section").close("article");
    h.into_string()
}

/// A generator field: label, hint, input.
fn builder_field(
    h: &mut Html,
    name: &str,
    label: &str,
    hint: &str,
    attrs: &[(&str, Option<&str>)],
) {
    let id = format!("embed-{name}");
    let hint_id = format!("{id}-hint");
    h.open("div", &[("class", Some("field"))]);
    h.el("label", &[("for", Some(&id))], label);
    h.el(
        "p",
        &[("class", Some("field__hint")), ("id", Some(&hint_id))],
        hint,
    );
    let mut all: Vec<(&str, Option<&str>)> = vec![
        ("id", Some(&id)),
        ("name", Some(name)),
        ("aria-describedby", Some(&hint_id)),
    ];
    all.extend_from_slice(attrs);
    h.open("input", &all).close("div");
}

/// Every page body, by route, as the site includes them (`$OUT_DIR/pages.rs`).
pub fn pages_source(s: &Setting, c: &Content) -> String {
    let lit = |html: String| format!("{html:?}");
    let list = |items: Vec<(String, String)>| {
        let inner: Vec<String> = items
            .into_iter()
            .map(|(slug, html)| format!("({slug:?}, {})", lit(html)))
            .collect();
        format!("&[{}]", inner.join(", "))
    };
    format!(
        "// Generated by build.rs from content/. Do not edit.\npub static PAGES: Pages = Pages {{ home: {}, issues: {}, issue: {}, partners: {}, resources: {}, actions: {}, action: {}, thanks: {}, accessibility: {}, footer_signup: {} }};\n",
        lit(home(s, c)),
        lit(issues(s, c)),
        list(c.issues.iter().filter(|i| i.has_page).map(|i| (i.slug.to_string(), issue(s, c, i))).collect()),
        lit(partners(s, c)),
        lit(resources(s, c)),
        lit(actions(s, c)),
        list(c.actions.iter().map(|a| (a.slug.to_string(), action(s, c, a))).collect()),
        lit(thanks(s, c)),
        lit(accessibility(s, c)),
        lit(footer_signup(s, c)),
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::petition::payload::Adapter;
    use std::borrow::Cow;

    fn endpoint(adapter: Adapter, fallback: &'static str) -> Endpoint {
        Endpoint::example(
            adapter,
            "https://api.example.org/p/{petition}",
            "https://api.example.org/s",
            fallback,
        )
    }

    fn site() -> Site {
        Site {
            org_name: "T’ruah".into(),
            org_tagline: "The Rabbinic Call for Human Rights".into(),
            org_url: "https://truah.org/".into(),
            site_url: "https://act.example.org".into(),
            campaign_name: "Immigration Justice".into(),
            signup_heading: "Sign up".into(),
            signup_text: "Text".into(),
            coalition_text: "Read more about".into(),
            coalition_link_text: "our approach".into(),
            coalition_url: "https://truah.org/".into(),
        }
    }

    fn form(e: &Endpoint, f: Form) -> String {
        let mut h = Html::default();
        sign_form(
            &mut h,
            &Setting {
                base: "",
                endpoint: e,
                lang: Lang::En,
            },
            &site(),
            &f,
            "p",
        );
        h.into_string()
    }

    #[test]
    fn text_and_attributes_are_escaped() {
        let mut h = Html::default();
        h.el(
            "p",
            &[("title", Some(r#"" onmouseover="alert(1)"#))],
            "<img src=x onerror=alert(1)> & ‘quotes’",
        );
        assert_eq!(
            h.into_string(),
            r#"<p title="&quot; onmouseover=&quot;alert(1)">&lt;img src=x onerror=alert(1)&gt; &amp; ‘quotes’</p>"#
        );
    }

    #[test]
    fn rich_text_keeps_its_structure_and_links_keep_the_base() {
        let e = endpoint(Adapter::Osdi, "");
        let s = Setting {
            base: "/campaigns/immigration",
            endpoint: &e,
            lang: Lang::En,
        };
        let mut h = Html::default();
        let list = [Block::Paragraph(Cow::Owned(vec![
            Inline::Text("Love the ".into()),
            Inline::Emphasis(Cow::Owned(vec![Inline::Text("ger".into())])),
            Inline::FootnoteRef {
                id: "ger".into(),
                marker: "*".into(),
            },
            Inline::Text(" — ".into()),
            Inline::Link {
                href: "/partners".into(),
                children: Cow::Owned(vec![Inline::Text("partners".into())]),
            },
            Inline::Text(" ".into()),
            Inline::Link {
                href: "https://hias.org/".into(),
                children: Cow::Owned(vec![Inline::Text("HIAS".into())]),
            },
        ]))];
        blocks(&mut h, &s, &list, NotesAt::Issue("immigration-justice"));
        assert_eq!(
            h.into_string(),
            concat!(
                r#"<p>Love the <em>ger</em><sup class="fn-ref"><a href="/campaigns/immigration/issues/immigration-justice/#note-ger" aria-label="Note *">*</a></sup>"#,
                r#" — <a href="/campaigns/immigration/partners/">partners</a> <a href="https://hias.org/" rel="external noopener">HIAS</a></p>"#
            )
        );
    }

    #[test]
    fn a_form_with_a_plain_post_target_is_a_working_html_form() {
        let html = form(
            &endpoint(Adapter::Osdi, "https://forms.example.org/sign"),
            Form::Petition {
                action: "guantanamo",
                cta: "Sign the petition",
            },
        );
        assert!(html.contains(r#"<form class="sign-form" id="p-form" method="post" action="https://forms.example.org/sign" novalidate>"#), "{html}");
        assert!(
            !html.contains("disabled") && !html.contains("data-needs-wasm"),
            "{html}"
        );
        for name in [
            "kind",
            "action",
            "language",
            "given_name",
            "family_name",
            "email",
            "country",
            "postal_code",
            "email_opt_in",
            "leave_this_empty",
        ] {
            assert!(html.contains(&format!(r#"name="{name}""#)), "{name}");
        }
        assert!(html.contains(r#"<label for="p-email" id="p-email-label">Email</label>"#));
        assert!(html.contains(r#"<input id="p-email" name="email" type="email" autocomplete="email" inputmode="email" spellcheck="false" autocapitalize="off">"#));
        assert!(html.contains(r#"<input id="p-postal_code" name="postal_code" type="text" autocomplete="postal-code" inputmode="numeric">"#));
        assert!(html.contains(r#"<option value="US" selected>United States</option>"#));
        assert!(
            html.contains(
                r#"<input type="checkbox" id="p-email_opt_in" name="email_opt_in" value="yes">"#
            ),
            "unticked"
        );
        assert!(html.contains(r#"<input type="text" id="p-leave_this_empty" name="leave_this_empty" tabindex="-1" autocomplete="off">"#));
    }

    #[test]
    fn the_form_adapter_takes_plain_posts_itself() {
        let html = form(&endpoint(Adapter::Form, ""), Form::Updates);
        assert!(
            html.contains(r#"action="https://api.example.org/s""#),
            "{html}"
        );
        assert!(
            !html.contains("email_opt_in"),
            "the signup is the consent itself"
        );
    }

    #[test]
    fn a_form_with_nowhere_to_post_is_disabled_and_says_how_else_to_sign() {
        let html = form(
            &endpoint(Adapter::Osdi, ""),
            Form::Petition {
                action: "guantanamo",
                cta: "Sign the petition",
            },
        );
        assert!(
            html.contains(
                r#"<fieldset class="sign-form__body" disabled data-needs-wasm-to-enable>"#
            ),
            "{html}"
        );
        assert!(
            html.contains(r#"<p class="sign__nowasm" data-needs-wasm>This form needs WebAssembly"#),
            "shown by default: {html}"
        );
        assert!(html.contains("cannot send your signature from here"));
        assert!(html.contains(r#"<a href="https://truah.org/">T’ruah’s website</a>"#));
    }
}
