//! The parts the pages are made of. Like the pages, they render where the content is compiled
//! in (the prerenderer, the component tests), never in the browser build, which hydrates what
//! they rendered.

pub mod action_outcome;
pub mod ask;
pub mod cards;
pub mod count_bar;
pub mod frame;
pub mod heading;
pub mod rich_text;
pub mod sign_form;
pub mod signup_call;
