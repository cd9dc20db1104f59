//! The content's rich text (from Markdown, parsed and checked at build time by the content
//! loader) as elements. Every text is a text node, so nothing in the content becomes markup.

use super::heading::Heading;
use crate::paths::{href, ui};
use campaign_core::content::{Block, Footnote, Inline};
use campaign_core::routes;
use campaign_core::template::fill;
use leptos::prelude::*;

/// Where footnote markers link: to notes on this page, or to an issue page's notes (the home
/// page's quote).
#[derive(Clone, Copy)]
pub enum NotesAt {
    ThisPage,
    Issue(&'static str),
}

/// Blocks: paragraphs, headings, lists, quotes.
pub fn blocks(list: &'static [Block], notes: NotesAt) -> AnyView {
    list.iter()
        .map(|b| match b {
            Block::Paragraph(c) => view! { <p>{inlines(c, notes)}</p> }.into_any(),
            Block::Heading(level, c) => {
                view! { <Heading level=*level>{inlines(c, notes)}</Heading> }.into_any()
            }
            Block::List {
                ordered: true,
                items,
            } => view! { <ol>{list_items(items, notes)}</ol> }.into_any(),
            Block::List {
                ordered: false,
                items,
            } => view! { <ul>{list_items(items, notes)}</ul> }.into_any(),
            Block::Quote(c) => view! { <blockquote>{blocks(c, notes)}</blockquote> }.into_any(),
        })
        .collect_view()
        .into_any()
}

fn list_items(items: &'static [campaign_core::content::List<Inline>], notes: NotesAt) -> AnyView {
    items
        .iter()
        .map(|item| view! { <li>{inlines(item, notes)}</li> })
        .collect_view()
        .into_any()
}

/// Inline text: emphasis, links, footnote markers.
pub fn inlines(list: &'static [Inline], notes: NotesAt) -> AnyView {
    list.iter()
        .map(|i| inline(i, notes))
        .collect_view()
        .into_any()
}

fn inline(i: &'static Inline, notes: NotesAt) -> AnyView {
    match i {
        Inline::Text(t) => t.as_ref().into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines(c, notes)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines(c, notes)}</strong> }.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        // A page of the site, under the base path; a fragment of this page; or another website.
        Inline::Link { href: to, children } if to.starts_with('/') => {
            view! { <a href=href(to)>{inlines(children, notes)}</a> }.into_any()
        }
        Inline::Link { href: to, children } if to.starts_with('#') => {
            view! { <a href=to.as_ref()>{inlines(children, notes)}</a> }.into_any()
        }
        Inline::Link { href: to, children } => view! {
            <a href=to.as_ref() rel="external noopener">{inlines(children, notes)}</a>
        }
        .into_any(),
        Inline::FootnoteRef { id, marker } => {
            let (to, own_id) = match notes {
                NotesAt::ThisPage => (format!("#note-{id}"), Some(format!("ref-{id}"))),
                NotesAt::Issue(slug) => (format!("{}#note-{id}", href(&routes::issue(slug))), None),
            };
            view! {
                <sup class="fn-ref">
                    <a id=own_id href=to aria-label=fill(ui().note, &[marker])>{marker.as_ref()}</a>
                </sup>
            }
            .into_any()
        }
    }
}

/// A page's footnotes, each linking back to where it is referenced.
#[component]
pub fn Footnotes(notes: &'static [Footnote]) -> impl IntoView {
    (!notes.is_empty()).then(|| {
        view! {
            <section class="footnotes" aria-labelledby="notes-heading">
                <Heading level=2 id="notes-heading" class="visually-hidden">{ui().notes}</Heading>
                {notes
                    .iter()
                    .map(|n| {
                        view! {
                            <p id=format!("note-{}", n.id) tabindex="-1" class="footnote">
                                <span class="footnote__marker" aria-hidden="true">{n.marker.as_ref()}</span>
                                {inlines(&n.body, NotesAt::ThisPage)}
                                " "
                                <a class="footnote__back" href=format!("#ref-{}", n.id)>
                                    {ui().back_to_text}
                                    <span aria-hidden="true">" ↩"</span>
                                </a>
                            </p>
                        }
                    })
                    .collect_view()}
            </section>
        }
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::borrow::Cow;

    fn render(list: &'static [Block], notes: NotesAt) -> String {
        Owner::new().with(|| blocks(list, notes).to_html())
    }

    #[test]
    fn the_contents_text_is_text_never_markup() {
        let list: &'static [Block] = Box::leak(Box::new([Block::Paragraph(Cow::Owned(vec![
            Inline::Text("<img src=x onerror=alert(1)> & \"quotes\"".into()),
        ]))]));
        let html = render(list, NotesAt::ThisPage);
        assert!(
            html.contains("&lt;img src=x onerror=alert(1)&gt; &amp;"),
            "{html}"
        );
        assert!(!html.contains("<img"), "{html}");
    }

    #[test]
    fn rich_text_keeps_its_structure_and_links_keep_the_base() {
        let list: &'static [Block] = Box::leak(Box::new([Block::Paragraph(Cow::Owned(vec![
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
        ]))]));
        let html = render(list, NotesAt::Issue("immigration-justice"))
            .replace("<!---->", "")
            .replace("<!>", "");
        assert!(html.starts_with("<p>Love the <em>ger</em>"), "{html}");
        assert!(html.contains(r#"<sup class="fn-ref"><a href="/issues/immigration-justice/#note-ger" aria-label="Note *">*</a></sup>"#), "{html}");
        assert!(
            html.contains(r#"<a href="/partners/">partners</a>"#),
            "{html}"
        );
        assert!(
            html.contains(r#"<a href="https://hias.org/" rel="external noopener">HIAS</a>"#),
            "{html}"
        );
    }
}
