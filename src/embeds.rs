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
                    Embed::Action(_, slug) => {
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_embeds_bodies_sit_under_the_host_pages_h1() {
        let fragments = fragments();
        let paths: Vec<&str> = fragments.iter().map(|(p, _)| p.as_str()).collect();
        assert_eq!(
            paths,
            [
                "embed/act/guantanamo.html",
                "embed/act/clergy-letter.html",
                "embed/signup.html",
                "embed/issues/immigration-justice.html"
            ]
        );
        for (path, html) in &fragments {
            assert!(
                !html.contains("<h1") && html.contains("<h2"),
                "{path}: headings start at h2"
            );
            assert!(html.contains("data-sign="), "{path}: has its form");
            assert!(
                !html.contains("<script") && !html.contains(" style="),
                "{path}"
            );
        }
        let (_, petition) = &fragments[0];
        assert!(
            petition.contains(
                r#"<h2 tabindex="-1">Tell President Trump: Don’t Send Migrants to Guantánamo!"#
            ),
            "the title, one level down, still the focus target: {petition}"
        );
        assert!(
            petition.contains(r#"<h3 id="petition-heading">"#),
            "the petition's heading, one level down"
        );
        assert!(
            petition.contains(r#"href="/issues/immigration-justice/""#),
            "links are the site's"
        );
        let (_, issue) = &fragments[3];
        assert!(
            issue.contains(r#"<h4><a href="/act/guantanamo/">"#),
            "{issue}"
        );
    }
}
