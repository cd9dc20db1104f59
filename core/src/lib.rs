//! The Leptos-free core of the campaign site.
//!
//! - [`content`]: the typed content model that the views render. Its values are built at compile
//!   time from the files in `content/`, so the wasm carries data, not a parser.
//! - [`routes`]: the site's paths, shared by the views, the loader's link checks and the tests.
//! - [`kind`]: what a form is for (a petition, the updates signup), and all each kind asks and says.
//! - [`field`]: the fields a form can ask for, and all about each.
//! - [`countries`]: the countries a form offers, and their postcodes.
//! - [`petition`]: validation, payloads and the outbox's policy for the forms.
//! - [`embed`]: what another website can embed, and where each embeddable body is.
//! - [`i18n`]: the interface's words in each language.
//! - [`template`]: text with gaps (`{}`, `{name}`) to fill.
//! - [`hex`]: bytes as lowercase hexadecimal.
//! - [`deploy`]: the Content Security Policy and the static host's headers file.
//! - [`findable`]: the sitemap and `robots.txt`.
//! - [`contract`]: the names the Rust code and the site's JavaScript share.
//! - [`count`]: a petition's signature count, goal and dates as the page writes them.
//! - `build` (feature `build`, host only): reads and validates `content/`, and writes the Rust
//!   source that `build.rs` includes.

pub mod content;
pub mod contract;
pub mod count;
pub mod countries;
pub mod deploy;
pub mod embed;
pub mod field;
pub mod findable;
pub mod hex;
pub mod i18n;
pub mod kind;
pub mod petition;
pub mod places;
pub mod routes;
pub mod signers;
pub mod template;
pub mod titles;

#[cfg(feature = "build")]
pub mod build;
