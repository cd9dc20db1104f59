//! The browser entry point: hydrate the prerendered page (or, for tests and `csr` builds, mount
//! the app on an empty page).

fn main() {
    // Debug builds say why they panicked (release builds abort without a word, and stay small).
    #[cfg(all(target_arch = "wasm32", debug_assertions))]
    std::panic::set_hook(Box::new(|info| {
        web_sys::console::error_1(&info.to_string().into())
    }));
    #[cfg(all(target_arch = "wasm32", feature = "hydrate"))]
    truah_campaign::hydrate();
    #[cfg(all(target_arch = "wasm32", not(feature = "hydrate")))]
    leptos::mount::mount_to_body(truah_campaign::App);
}
