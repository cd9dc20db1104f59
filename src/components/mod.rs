//! Parts shared by the pages.

pub mod forms;
pub mod layout;
pub mod page_meta;
pub mod route_effects;
pub mod static_html;
