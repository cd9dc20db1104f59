//! Markdown to the content model's blocks and inlines, with the line of every mistake.
//!
//! Only what the site renders is allowed: paragraphs, headings (##–####), lists, block quotes,
//! emphasis, strong, links and footnotes. Anything else (raw HTML, images, code, tables) is
//! refused with a message, so what staff write is what visitors see.

use super::Problems;
use crate::content::{Block, Footnote, Inline};
use pulldown_cmark::{Event, HeadingLevel, Options, Parser, Tag};
use std::borrow::Cow;

const MARKERS: [&str; 4] = ["*", "†", "‡", "§"];

/// Footnotes of one page: markers are given in order of first reference, across the quote and
/// the body.
#[derive(Default)]
pub struct Notes {
    /// (id, line of first reference)
    refs: Vec<(String, usize)>,
    /// (id, body, line)
    defs: Vec<(String, Vec<Inline>, usize)>,
    /// Every link target with its line, checked against the site's pages once all is loaded.
    pub links: Vec<(String, usize)>,
}

impl Notes {
    fn marker(&mut self, id: &str, line: usize) -> String {
        let index = match self.refs.iter().position(|(r, _)| r == id) {
            Some(i) => i,
            None => {
                self.refs.push((id.to_string(), line));
                self.refs.len() - 1
            }
        };
        MARKERS
            .get(index)
            .map(|m| m.to_string())
            .unwrap_or_else(|| (index + 1).to_string())
    }

    /// The page's footnotes in marker order; reports references without a definition and
    /// definitions that nothing refers to.
    pub fn finish(mut self, problems: &mut Problems) -> Vec<Footnote> {
        let mut out = Vec::new();
        for (index, (id, line)) in self.refs.iter().enumerate() {
            match self.defs.iter().position(|(d, _, _)| d == id) {
                Some(p) => {
                    let (id, body, _) = self.defs.remove(p);
                    let marker = MARKERS.get(index).map(|m| m.to_string()).unwrap_or_else(|| (index + 1).to_string());
                    out.push(Footnote { id: id.into(), marker: marker.into(), body: merge_inlines(body).into() });
                }
                None => problems.at(
                    *line,
                    format!("the footnote [^{id}] is used but never written. Add a line `[^{id}]: the note's text` at the end of the file."),
                ),
            }
        }
        for (id, _, line) in self.defs {
            problems.at(line, format!("the footnote [^{id}] is written but never used. Put [^{id}] in the text where the note belongs, or delete it."));
        }
        out
    }
}

enum Frame {
    Paragraph(Vec<Inline>),
    Heading(u8, Vec<Inline>),
    Quote(Vec<Block>),
    List {
        ordered: bool,
        items: Vec<Vec<Inline>>,
    },
    Item(Vec<Inline>),
    Emphasis(Vec<Inline>),
    Strong(Vec<Inline>),
    Link {
        href: String,
        children: Vec<Inline>,
    },
    Footnote {
        id: String,
        line: usize,
        blocks: Vec<Block>,
    },
    /// Something refused; its contents are dropped (the error is already reported).
    Skip,
}

/// A link target that content may use: a site path, or an absolute web or mail address.
/// Site paths are checked against the routes later, once all content is loaded.
fn check_href(href: &str) -> Result<(), String> {
    if href.starts_with('/') && !href.starts_with("//") {
        return Ok(());
    }
    if href.starts_with('#') {
        return Ok(());
    }
    for scheme in ["https://", "http://", "mailto:"] {
        if href.len() > scheme.len() && href[..scheme.len()].eq_ignore_ascii_case(scheme) {
            return Ok(());
        }
    }
    Err(format!(
        "the link target `{href}` is not allowed. Use a page of this site starting with `/` (like `/partners`) or a full address starting with `https://`."
    ))
}

/// Parses Markdown into blocks. `first_line` is the file line the text starts on.
pub fn blocks(
    text: &str,
    first_line: usize,
    notes: &mut Notes,
    problems: &mut Problems,
) -> Vec<Block> {
    let line_of = |offset: usize| first_line + text[..offset.min(text.len())].matches('\n').count();
    let mut stack: Vec<Frame> = Vec::new();
    let mut out: Vec<Block> = Vec::new();

    fn push_inline(stack: &mut [Frame], inline: Inline) {
        if let Some(
            Frame::Paragraph(c)
            | Frame::Heading(_, c)
            | Frame::Item(c)
            | Frame::Emphasis(c)
            | Frame::Strong(c)
            | Frame::Link { children: c, .. },
        ) = stack.last_mut()
        {
            c.push(inline)
        }
    }
    fn push_block(stack: &mut [Frame], out: &mut Vec<Block>, block: Block) {
        match stack.last_mut() {
            Some(Frame::Quote(c)) | Some(Frame::Footnote { blocks: c, .. }) => c.push(block),
            Some(Frame::Item(c)) => {
                // A loose list item's paragraphs join into the item's text.
                if let Block::Paragraph(p) = block {
                    if !c.is_empty() {
                        c.push(Inline::LineBreak);
                    }
                    c.extend(p.iter().cloned());
                }
            }
            Some(Frame::Skip) => {}
            _ => out.push(block),
        }
    }

    let parser = Parser::new_ext(text, Options::ENABLE_OLD_FOOTNOTES);
    for (event, range) in parser.into_offset_iter() {
        let line = line_of(range.start);
        if matches!(stack.last(), Some(Frame::Skip)) {
            match event {
                Event::Start(_) => stack.push(Frame::Skip),
                Event::End(_) => {
                    stack.pop();
                }
                _ => {}
            }
            continue;
        }
        match event {
            Event::Start(tag) => {
                let frame = match tag {
                    Tag::Paragraph => Frame::Paragraph(Vec::new()),
                    Tag::Heading { level, .. } => {
                        let n = match level {
                            HeadingLevel::H1 => {
                                problems.at(line, "a `#` heading is not allowed in the text: the page title is the only top-level heading. Use `##` instead.".to_string());
                                1
                            }
                            HeadingLevel::H2 => 2,
                            HeadingLevel::H3 => 3,
                            HeadingLevel::H4 => 4,
                            _ => {
                                problems.at(line, "headings deeper than `####` are not supported. Use `##`, `###` or `####`.".to_string());
                                4
                            }
                        };
                        Frame::Heading(n, Vec::new())
                    }
                    Tag::BlockQuote(_) => Frame::Quote(Vec::new()),
                    Tag::List(start) => Frame::List { ordered: start.is_some(), items: Vec::new() },
                    Tag::Item => Frame::Item(Vec::new()),
                    Tag::Emphasis => Frame::Emphasis(Vec::new()),
                    Tag::Strong => Frame::Strong(Vec::new()),
                    Tag::Link { dest_url, .. } => {
                        if let Err(message) = check_href(&dest_url) {
                            problems.at(line, message);
                        }
                        notes.links.push((dest_url.to_string(), line));
                        Frame::Link { href: dest_url.to_string(), children: Vec::new() }
                    }
                    Tag::FootnoteDefinition(label) => {
                        Frame::Footnote { id: label.to_string(), line, blocks: Vec::new() }
                    }
                    other => {
                        problems.at(line, format!("{} is not supported in content. Use paragraphs, `##` headings, `-` lists, `>` quotes, *emphasis*, **strong**, [links](https://…) and footnotes[^note].", describe(&other)));
                        Frame::Skip
                    }
                };
                stack.push(frame);
            }
            Event::End(_) => {
                let Some(frame) = stack.pop() else { continue };
                match frame {
                    Frame::Paragraph(c) => push_block(&mut stack, &mut out, Block::Paragraph(c.into())),
                    Frame::Heading(n, c) => push_block(&mut stack, &mut out, Block::Heading(n, c.into())),
                    Frame::Quote(c) => push_block(&mut stack, &mut out, Block::Quote(c.into())),
                    Frame::List { ordered, items } => {
                        let items: Vec<Cow<'static, [Inline]>> = items.into_iter().map(Into::into).collect();
                        push_block(&mut stack, &mut out, Block::List { ordered, items: items.into() })
                    }
                    Frame::Item(c) => {
                        if let Some(Frame::List { items, .. }) = stack.last_mut() {
                            items.push(c);
                        }
                    }
                    Frame::Emphasis(c) => push_inline(&mut stack, Inline::Emphasis(c.into())),
                    Frame::Strong(c) => push_inline(&mut stack, Inline::Strong(c.into())),
                    Frame::Link { href, children } => {
                        push_inline(&mut stack, Inline::Link { href: href.into(), children: children.into() })
                    }
                    Frame::Footnote { id, line, blocks } => {
                        let body = match <[Block; 1]>::try_from(blocks) {
                            Ok([Block::Paragraph(p)]) => p.into_owned(),
                            _ => {
                                problems.at(line, format!("the footnote [^{id}] must be one paragraph of text."));
                                Vec::new()
                            }
                        };
                        notes.defs.push((id, body, line));
                    }
                    Frame::Skip => {}
                }
            }
            Event::Text(t) => push_inline(&mut stack, Inline::Text(t.to_string().into())),
            Event::SoftBreak => push_inline(&mut stack, Inline::Text(" ".into())),
            Event::HardBreak => push_inline(&mut stack, Inline::LineBreak),
            Event::FootnoteReference(label) => {
                let marker = notes.marker(&label, line);
                push_inline(&mut stack, Inline::FootnoteRef { id: label.to_string().into(), marker: marker.into() })
            }
            Event::Html(_) | Event::InlineHtml(_) => problems.at(
                line,
                "HTML is not allowed in content, for the visitors' safety. Write it in Markdown: *emphasis*, **strong**, [a link](https://…).".to_string(),
            ),
            Event::Code(_) => problems.at(line, "`code` is not supported in content. Remove the backticks.".to_string()),
            Event::Rule => problems.at(line, "a horizontal rule (---) is not supported in content. Use a `##` heading to start a new part.".to_string()),
            other => problems.at(line, format!("{other:?} is not supported in content.")),
        }
    }
    merge_text(out)
}

/// Parses Markdown that must be a single paragraph, for one-line fields like a quote.
pub fn inline(
    text: &str,
    line: usize,
    field: &str,
    notes: &mut Notes,
    problems: &mut Problems,
) -> Vec<Inline> {
    let mut local = Problems::default();
    let parsed = blocks(text, line, notes, &mut local);
    let failed = !local.is_empty();
    problems.extend(local);
    match <[Block; 1]>::try_from(parsed) {
        Ok([Block::Paragraph(p)]) => p.into_owned(),
        _ if failed => Vec::new(),
        _ => {
            problems.at(line, format!("`{field}` must be one paragraph of text, with no blank lines, lists or headings."));
            Vec::new()
        }
    }
}

fn describe(tag: &Tag) -> String {
    match tag {
        Tag::Image { .. } => "an image".into(),
        Tag::CodeBlock(_) => "a code block".into(),
        Tag::Table(_) | Tag::TableHead | Tag::TableRow | Tag::TableCell => "a table".into(),
        Tag::HtmlBlock => "HTML".into(),
        other => format!("{other:?}"),
    }
}

/// Joins neighbouring text runs, which pulldown-cmark splits at quotes and line ends.
fn merge_text(blocks: Vec<Block>) -> Vec<Block> {
    fn inlines(list: Cow<'static, [Inline]>) -> Cow<'static, [Inline]> {
        let mut out: Vec<Inline> = Vec::new();
        for i in list.into_owned() {
            let i = match i {
                Inline::Emphasis(c) => Inline::Emphasis(inlines(c)),
                Inline::Strong(c) => Inline::Strong(inlines(c)),
                Inline::Link { href, children } => Inline::Link {
                    href,
                    children: inlines(children),
                },
                other => other,
            };
            match (out.last_mut(), i) {
                (Some(Inline::Text(a)), Inline::Text(b)) => a.to_mut().push_str(&b),
                (_, i) => out.push(i),
            }
        }
        out.into()
    }
    blocks
        .into_iter()
        .map(|b| match b {
            Block::Paragraph(c) => Block::Paragraph(inlines(c)),
            Block::Heading(n, c) => Block::Heading(n, inlines(c)),
            Block::List { ordered, items } => Block::List {
                ordered,
                items: items
                    .into_owned()
                    .into_iter()
                    .map(inlines)
                    .collect::<Vec<_>>()
                    .into(),
            },
            Block::Quote(c) => Block::Quote(merge_text(c.into_owned()).into()),
        })
        .collect()
}

/// Merges text runs in a footnote body or a one-paragraph field.
pub fn merge_inlines(list: Vec<Inline>) -> Vec<Inline> {
    match merge_text(vec![Block::Paragraph(list.into())]).pop() {
        Some(Block::Paragraph(p)) => p.into_owned(),
        _ => Vec::new(),
    }
}
