//! Writes content values as Rust source: `'static` literals that the site compiles in.

use crate::content::*;
use crate::petition::payload::{Adapter, Endpoint, PetitionId};
use std::borrow::Cow;

pub trait Emit {
    fn emit(&self, out: &mut String);
}

impl Emit for Cow<'static, str> {
    fn emit(&self, out: &mut String) {
        // `{:?}` on a str is a valid Rust string literal: quotes, backslashes and control
        // characters are escaped.
        out.push_str(&format!("Cow::Borrowed({:?})", self.as_ref()));
    }
}

impl<T: Emit + Clone> Emit for Cow<'static, [T]> {
    fn emit(&self, out: &mut String) {
        out.push_str("Cow::Borrowed(&[");
        for item in self.iter() {
            item.emit(out);
            out.push(',');
        }
        out.push_str("])");
    }
}

impl Emit for bool {
    fn emit(&self, out: &mut String) {
        out.push_str(if *self { "true" } else { "false" });
    }
}

impl Emit for u8 {
    fn emit(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Emit for u32 {
    fn emit(&self, out: &mut String) {
        out.push_str(&self.to_string());
    }
}

impl Emit for Status {
    fn emit(&self, out: &mut String) {
        out.push_str(match self {
            Status::Open => "Status::Open",
            Status::Closed => "Status::Closed",
            Status::Won => "Status::Won",
        });
    }
}

impl Emit for crate::kind::Kind {
    fn emit(&self, out: &mut String) {
        out.push_str("campaign_core::kind::Kind::");
        out.push_str(&format!("{self:?}"));
    }
}

impl<T: Emit> Emit for Option<T> {
    fn emit(&self, out: &mut String) {
        match self {
            None => out.push_str("None"),
            Some(v) => {
                out.push_str("Some(");
                v.emit(out);
                out.push(')');
            }
        }
    }
}

impl<T: Emit, const N: usize> Emit for [T; N] {
    fn emit(&self, out: &mut String) {
        out.push('[');
        for item in self {
            item.emit(out);
            out.push(',');
        }
        out.push(']');
    }
}

/// `Emit` for a struct, field by field. It takes the struct apart whole (no `..`), so a field
/// added to the struct stops the build here, not in the generated file.
macro_rules! emit_struct {
    ($ty:ident { $($field:ident),* $(,)? }) => {
        impl Emit for $ty {
            fn emit(&self, out: &mut String) {
                let $ty { $($field),* } = self;
                out.push_str(concat!(stringify!($ty), " {"));
                $(
                    out.push_str(concat!(stringify!($field), ": "));
                    $field.emit(out);
                    out.push(',');
                )*
                out.push('}');
            }
        }
    };
}

emit_struct!(Site {
    org_name,
    org_tagline,
    org_url,
    site_url,
    campaign_name,
    signup_heading,
    signup_text,
    coalition_text,
    coalition_link_text,
    coalition_url,
    privacy_text,
    privacy_url,
});
emit_struct!(Home {
    title,
    description,
    featured_issue,
    featured_action,
    body
});
emit_struct!(Issue {
    slug,
    title,
    summary,
    has_page,
    quote,
    body,
    footnotes,
    partners,
    resources,
    actions,
});
emit_struct!(Quote { text, cite });
emit_struct!(Partner {
    slug,
    name,
    url,
    about,
    work
});
emit_struct!(Resource {
    slug,
    title,
    kind,
    url,
    summary,
    body
});
emit_struct!(Action {
    kind,
    hosted_url,
    target,
    text,
    signers,
    who_may_sign,
    titles,
    goal,
    ends,
    status,
    slug,
    title,
    summary,
    issue,
    cta,
    body
});
emit_struct!(Footnote { id, marker, body });
emit_struct!(Title { slug, label });
emit_struct!(Statement {
    title,
    description,
    body
});
emit_struct!(Content {
    site,
    home,
    accessibility,
    issues,
    partners,
    resources,
    actions
});

impl Emit for Block {
    fn emit(&self, out: &mut String) {
        match self {
            Block::Paragraph(c) => {
                out.push_str("Block::Paragraph(");
                c.emit(out);
                out.push(')');
            }
            Block::Heading(level, c) => {
                out.push_str("Block::Heading(");
                level.emit(out);
                out.push(',');
                c.emit(out);
                out.push(')');
            }
            Block::List { ordered, items } => {
                out.push_str("Block::List { ordered: ");
                ordered.emit(out);
                out.push_str(", items: ");
                items.emit(out);
                out.push('}');
            }
            Block::Quote(c) => {
                out.push_str("Block::Quote(");
                c.emit(out);
                out.push(')');
            }
        }
    }
}

impl Emit for Inline {
    fn emit(&self, out: &mut String) {
        match self {
            Inline::Text(t) => {
                out.push_str("Inline::Text(");
                t.emit(out);
                out.push(')');
            }
            Inline::Emphasis(c) => {
                out.push_str("Inline::Emphasis(");
                c.emit(out);
                out.push(')');
            }
            Inline::Strong(c) => {
                out.push_str("Inline::Strong(");
                c.emit(out);
                out.push(')');
            }
            Inline::Link { href, children } => {
                out.push_str("Inline::Link { href: ");
                href.emit(out);
                out.push_str(", children: ");
                children.emit(out);
                out.push('}');
            }
            Inline::FootnoteRef { id, marker } => {
                out.push_str("Inline::FootnoteRef { id: ");
                id.emit(out);
                out.push_str(", marker: ");
                marker.emit(out);
                out.push('}');
            }
            Inline::LineBreak => out.push_str("Inline::LineBreak"),
        }
    }
}

/// The site's settings alone: `pub static SITE: Site = …;`. The browser build of the site
/// carries only these (the header and footer need them); every page's content stays out of its
/// wasm, so the wasm does not grow with the content.
pub fn site_source(site: &Site) -> String {
    let mut out = String::from(
        "// Generated by build.rs from content/site.toml. Do not edit: edit that file.\n\
         pub static SITE: Site = ",
    );
    site.emit(&mut out);
    out.push_str(";\n");
    out
}

/// The whole generated file: `pub static CONTENT: Content = …;`.
pub fn rust_source(content: &Content) -> String {
    let mut out = String::from(
        "// Generated by build.rs from content/. Do not edit: edit the files in content/.\n\
         pub static CONTENT: Content = ",
    );
    content.emit(&mut out);
    out.push_str(";\n");
    out
}

emit_struct!(PetitionId { action, id });
emit_struct!(Endpoint {
    adapter,
    addresses,
    signup_form,
    fallback_url,
    cors,
    autoresponse,
    tags,
    petitions,
    count_url,
    count_api_url
});

impl Emit for Adapter {
    fn emit(&self, out: &mut String) {
        out.push_str(match self {
            Adapter::Osdi => "Adapter::Osdi",
            Adapter::Json => "Adapter::Json",
            Adapter::Form => "Adapter::Form",
        });
    }
}

/// The generated endpoint file: `pub static ENDPOINT: Endpoint = …;`.
pub fn endpoint_source(endpoint: &Endpoint) -> String {
    let mut out = String::from("// Generated by build.rs from the signup configuration. Do not edit.\npub static ENDPOINT: Endpoint = ");
    endpoint.emit(&mut out);
    out.push_str(";\n");
    // Its version (`Endpoint::version`), worked out here so the wasm carries no hashing of it.
    out.push_str(&format!(
        "#[allow(dead_code)]\npub const ENDPOINT_VERSION: &str = {:?};\n",
        endpoint.version()
    ));
    out
}
