//! One routed view per file.

mod actions;
mod home;
mod issues;
mod not_found;
mod partners;
mod resources;

pub use actions::{ActionPage, Actions};
pub use home::Home;
pub use issues::{IssuePage, Issues};
pub use not_found::NotFound;
pub use partners::{PartnerList, Partners};
pub use resources::{ResourceCard, Resources};
