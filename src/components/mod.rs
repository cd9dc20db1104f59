//! Parts shared by the pages.

pub mod heading;
pub mod layout;
pub mod page_meta;
pub mod rich;
pub mod sign_form;
pub mod route_effects;
