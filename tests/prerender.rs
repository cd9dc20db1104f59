//! The prerendered HTML (feature `ssr`), on the host: what a browser without WebAssembly or
//! JavaScript gets.
#![cfg(feature = "ssr")]

use leptos::prelude::*;
use truah_campaign::components::sign_form::{Mode, SignForm};

fn render(view: impl FnOnce() -> AnyView) -> String {
    let owner = Owner::new();
    owner.with(|| view().to_html())
}

fn petition() -> Mode {
    Mode::Petition { action: "guantanamo".into(), cta: "Sign the petition".into() }
}

#[test]
fn a_form_with_a_plain_post_target_is_a_working_html_form() {
    let html = render(|| view! { <SignForm mode=petition() id_prefix="p" plain_post="https://forms.example.org/sign" /> }.into_any());
    assert!(html.contains(r#"<form id="p-form" method="post" action="https://forms.example.org/sign""#), "{html}");
    assert!(!html.contains("disabled"), "{html}");
    assert!(!html.contains("data-needs-wasm "), "no message: the form works");
    for name in ["kind", "action", "given_name", "family_name", "email", "country", "postal_code", "email_opt_in", "leave_this_empty"] {
        assert!(html.contains(&format!(r#"name="{name}""#)), "{name}: {html}");
    }
}

#[test]
fn a_form_with_nowhere_to_post_is_disabled_and_says_how_else_to_sign() {
    let html = render(|| view! { <SignForm mode=petition() id_prefix="q" plain_post="" /> }.into_any());
    assert!(html.contains(r#"<fieldset disabled data-needs-wasm-to-enable class="sign-form__body">"#), "{html}");
    let message = html.split(r#"data-needs-wasm"#).nth(1).expect("the message");
    assert!(!message.starts_with(" hidden"), "shown without JavaScript: {message}");
    assert!(html.contains("cannot send your signature from here"), "{html}");
    assert!(html.contains(r#"<a href="https://truah.org/">T’ruah’s website"#), "{html}");
}
