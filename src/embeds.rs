//! The embeds' bodies (`js/embed.js` shows them in another website's page): each action with
//! its petition, each issue page, and the updates signup. The same components as the pages,
//! with every heading one level down (`HeadingShift`), under the host page's own `h1`. Links
//! keep the site's base path; the embed script makes them absolute. Only the prerenderer
//! writes them, into the build, at each one's `Embed::fragment` path.

use crate::components::heading::HeadingShift;
use crate::components::signup_call::SignupCall;
use crate::content::content;
use crate::pages::{ActionBody, IssueBody};
use campaign_core::embed::Embed;
use leptos::prelude::*;

/// Every embeddable body: its path in the build, and its HTML.
pub fn fragments() -> Vec<(String, String)> {
    let c = content();
    Embed::all(c)
        .into_iter()
        .map(|what| {
            let html = Owner::new().with(|| {
                provide_context(HeadingShift(1));
                match what {
                    Embed::Petition(slug) => {
                        let action = c.action(slug).expect("listed from the content");
                        view! { <ActionBody action=action /> }.to_html()
                    }
                    Embed::Issue(slug) => {
                        let issue = c.issue(slug).expect("listed from the content");
                        view! { <IssueBody issue=issue /> }.to_html()
                    }
                    Embed::Signup => {
                        view! { <SignupCall prefix="signup" level=1 inline=true /> }.to_html()
                    }
                }
            });
            (what.fragment(), html)
        })
        .collect()
}
