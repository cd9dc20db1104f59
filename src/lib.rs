//! The campaign site: a Leptos app. `main.rs` mounts [`App`]; tests and later entry points (a
//! prerenderer, an embed) use it from here.
//!
//! - `content`: the content of `content/`, compiled in by `build.rs`.
//! - `paths`: links that respect the base path the site is served under.
//! - `app`: the router and the routes.
//! - `components/`: the site chrome, rich text, route effects (focus, scroll).
//! - `pages/`: one routed view each.

pub mod app;
pub mod components;
pub mod config;
pub mod content;
pub mod pages;
pub mod paths;

pub use app::App;
