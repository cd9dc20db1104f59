//! The frame around every page, the same code in every build: the header with the navigation
//! and the language switcher, the footer, each page's head tags, and what a page change does
//! to focus and scroll.

pub mod footer;
pub mod header;
pub mod layout;
pub mod page_meta;
pub mod route_effects;
