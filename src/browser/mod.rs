//! The browser build's page area. It carries no page of its own: the page it was given is
//! hydrated as it is, and each page it shows next is the prerendered page itself, fetched with
//! gloo-net (`fetch`), as soon as the visitor shows they may follow a link (`intent`), so the
//! page is usually here before the click. Until it is, the page on screen stays; if it cannot
//! be fetched, the link loads the page as any link does.
//!
//! Why the prerendered page, and not the content as typed data: the page is already there on
//! the host (no second copy of every page to build and deploy), it is the page a visitor
//! without WebAssembly gets, so the two cannot differ, and showing it needs no component in the
//! wasm: each kind of page the site adds costs the wasm nothing, and each page a few KB of
//! HTML fetched once, when it is about to be shown.

mod fetch;
mod intent;
mod page_area;

pub use page_area::PageArea;
