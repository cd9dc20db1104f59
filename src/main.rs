//! The browser entry point: mount the app on the page's body.

fn main() {
    #[cfg(target_arch = "wasm32")]
    leptos::mount::mount_to_body(truah_campaign::App);
}
