//! The call to sign up for updates and action alerts, with its form: in the footer of every
//! page, on an issue's page, and as an embed of its own.

use super::heading::Heading;
use super::sign_form::{FormFor, SignForm};
use crate::content::content;
use leptos::prelude::*;

/// `level` is its heading's; `inline` for the call inside a page's body (not the footer's).
#[component]
pub fn SignupCall(prefix: &'static str, level: u8, inline: bool) -> impl IntoView {
    let site = &content().site;
    let heading = format!("{prefix}-heading");
    let labelled_by = heading.clone();
    view! {
        <section
            class=if inline { "signup-call signup-call--inline" } else { "signup-call" }
            aria-labelledby=labelled_by
        >
            <Heading level=level id=heading>{site.signup_heading.as_ref()}</Heading>
            <p>{site.signup_text.as_ref()}</p>
            <SignForm form=FormFor::Signup prefix=prefix level={level + 1} />
        </section>
    }
}
