//! The browser entry point: hydrate the prerendered page (or, for tests and `csr` builds, mount
//! the app on an empty page).

fn main() {
    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
    truah_campaign::hydrate();
    #[cfg(all(target_arch = "wasm32", not(feature = "hydrate")))]
    leptos::mount::mount_to_body(truah_campaign::App);
}
