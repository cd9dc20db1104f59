//! Renders the content model's rich text (from the Markdown in `content/`) as elements.
//! Nothing here uses inner HTML: every text is a text node.

use crate::paths::href;
use campaign_core::routes;
use campaign_core::content::{Block, Footnote, Inline};
use leptos::prelude::*;

/// Where footnote markers link: to notes on this page, or to the notes on an issue's page (the
/// home page links the quote's marker to the issue page's note).
#[derive(Clone, Copy)]
pub enum NotesAt {
    ThisPage,
    Issue(&'static str),
}

pub fn blocks(list: &'static [Block], notes: NotesAt) -> AnyView {
    list.iter().map(|b| block(b, notes)).collect_view().into_any()
}

fn block(b: &'static Block, notes: NotesAt) -> AnyView {
    match b {
        Block::Paragraph(c) => view! { <p>{inlines(c, notes)}</p> }.into_any(),
        Block::Heading(2, c) => view! { <h2>{inlines(c, notes)}</h2> }.into_any(),
        Block::Heading(3, c) => view! { <h3>{inlines(c, notes)}</h3> }.into_any(),
        Block::Heading(_, c) => view! { <h4>{inlines(c, notes)}</h4> }.into_any(),
        Block::List { ordered: false, items } => {
            view! { <ul>{items.iter().map(|i| view! { <li>{inlines(i, notes)}</li> }).collect_view()}</ul> }
                .into_any()
        }
        Block::List { ordered: true, items } => {
            view! { <ol>{items.iter().map(|i| view! { <li>{inlines(i, notes)}</li> }).collect_view()}</ol> }
                .into_any()
        }
        Block::Quote(c) => view! { <blockquote>{blocks(c, notes)}</blockquote> }.into_any(),
    }
}

pub fn inlines(list: &'static [Inline], notes: NotesAt) -> AnyView {
    list.iter().map(|i| inline(i, notes)).collect_view().into_any()
}

fn inline(i: &'static Inline, notes: NotesAt) -> AnyView {
    match i {
        Inline::Text(t) => t.as_ref().into_any(),
        Inline::Emphasis(c) => view! { <em>{inlines(c, notes)}</em> }.into_any(),
        Inline::Strong(c) => view! { <strong>{inlines(c, notes)}</strong> }.into_any(),
        Inline::LineBreak => view! { <br /> }.into_any(),
        Inline::Link { href: target, children } => {
            if target.starts_with('/') || target.starts_with('#') {
                let to = if target.starts_with('/') { href(target) } else { target.to_string() };
                view! { <a href=to>{inlines(children, notes)}</a> }.into_any()
            } else {
                view! { <a href=target.as_ref() rel="external noopener">{inlines(children, notes)}</a> }.into_any()
            }
        }
        Inline::FootnoteRef { id, marker } => {
            let same_page = matches!(notes, NotesAt::ThisPage);
            let to = match notes {
                NotesAt::ThisPage => format!("#note-{id}"),
                NotesAt::Issue(slug) => format!("{}#note-{id}", href(&routes::issue(slug))),
            };
            view! {
                <sup class="fn-ref">
                    <a
                        id=same_page.then(|| format!("ref-{id}"))
                        href=to
                        aria-label=format!("Note {marker}")
                    >
                        {marker.as_ref()}
                    </a>
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
                <h2 id="notes-heading" class="visually-hidden">"Notes"</h2>
                {notes
                    .iter()
                    .map(|n| {
                        view! {
                            <p id=format!("note-{}", n.id) tabindex="-1" class="footnote">
                                <span class="footnote__marker" aria-hidden="true">{n.marker.as_ref()}</span>
                                {inlines(&n.body, NotesAt::ThisPage)}
                                " "
                                <a class="footnote__back" href=format!("#ref-{}", n.id)>
                                    "Back to text"
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
