//! What became of an action that no longer takes signatures: a plain statement in place of its
//! form, and the actions still open. Also the status the lists show, and how an open action
//! with a last day shows itself closed once that day has passed.

use super::heading::Heading;
use crate::content::content;
use crate::paths::{href, ui, LANG};
use campaign_core::content::{Action, Status};
use campaign_core::contract::attr;
use campaign_core::count;
use campaign_core::routes;
use campaign_core::template::fill;
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;

/// The status as a list shows it: "Open", "Closed", "Won".
pub fn status_word(status: Status) -> &'static str {
    let ui = ui();
    match status {
        Status::Open => ui.status_open,
        Status::Closed => ui.status_closed,
        Status::Won => ui.status_won,
    }
}

/// The last day of an action built open, if it has one: the page carries it (`attr::ENDS`), and
/// `js/closing.js` shows the action closed once that day has passed, with or without a build
/// since (one after that day closes it itself: `campaign_core::build`).
pub fn open_until(action: &Action) -> Option<String> {
    action
        .ends
        .as_ref()
        .filter(|_| action.is_open())
        .map(|e| e.to_string())
}

/// What a part of the page is to an action built open with a last day: shown while it is open,
/// or only once it has closed (hidden until `js/closing.js` shows it). Nothing for any other.
#[derive(Clone, Copy, PartialEq)]
pub enum While {
    Open,
    Closed,
}

impl While {
    pub fn attr(self, action: &Action) -> impl leptos::attr::Attribute {
        let name = match self {
            While::Open => attr::WHILE_OPEN,
            While::Closed => attr::ONCE_CLOSED,
        };
        custom_attribute(name, open_until(action).map(|_| ""))
    }
}

/// An action's status in a list ("Open", "Closed", "Won"); an open one with a last day says
/// "Closed" once that day has passed.
#[component]
pub fn StatusBadge(action: &'static Action) -> impl IntoView {
    let class = if action.is_open() {
        "status"
    } else {
        "status status--ended"
    };
    let closed = open_until(action).map(|_| {
        view! { <span {..While::Closed.attr(action)} hidden>{ui().status_closed}</span> }
    });
    view! {
        <p class={class} {..custom_attribute(attr::ENDS, open_until(action))}>
            <span {..While::Open.attr(action)}>{status_word(action.status)}</span>
            {closed}
        </p>
    }
}

/// In place of a closed or won action's form. `level` is its heading's.
#[component]
pub fn ActionOutcome(action: &'static Action, level: u8, id: &'static str) -> impl IntoView {
    let ui = ui();
    let words = action.kind.page_words(ui);
    let (heading, text) = if action.status == Status::Won {
        (ui.won_heading, words.won_text)
    } else {
        (words.closed_heading, words.closed_text)
    };
    let closed_on = action
        .ends
        .as_ref()
        .map(|d| fill(ui.closed_on, &[&count::date(d, LANG)]));
    let open: Vec<&'static Action> = content()
        .open_actions()
        .filter(|a| a.slug != action.slug)
        .collect();
    view! {
        <div class="outcome-statement">
            <Heading level=level id=id>{heading}</Heading>
            <p>{text}{closed_on.map(|c| format!(" {c}"))}</p>
            {if open.is_empty() {
                view! { <p>{ui.no_open_actions}</p> }.into_any()
            } else {
                view! {
                    <p class="outcome-statement__next">{ui.open_actions}</p>
                    <ul class="outcome-statement__actions">
                        {open
                            .into_iter()
                            .map(|a| view! { <li><a href=href(&routes::action(&a.slug))>{a.title.as_ref()}</a></li> })
                            .collect_view()}
                    </ul>
                }
                .into_any()
            }}
        </div>
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::components::ask::Ask;
    use campaign_core::kind::Kind;

    fn action(status: Status, ends: Option<&'static str>) -> &'static Action {
        let mut a = content().action("guantanamo").unwrap().clone();
        a.status = status;
        a.ends = ends.map(Into::into);
        Box::leak(Box::new(a))
    }

    fn render(action: &'static Action) -> String {
        // Without Leptos's hydration markers, to read as text.
        Owner::new()
            .with(|| view! { <ActionOutcome action=action level=2 id="h" /> }.to_html())
            .replace("<!>", "")
    }

    #[test]
    fn a_closed_or_won_action_says_what_happened() {
        let closed = render(action(Status::Closed, Some("2025-06-30")));
        assert!(
            closed.contains(">This petition has closed</h2>"),
            "{closed}"
        );
        assert!(
            closed.contains("Thank you to everyone who signed. Closed on June 30, 2025."),
            "{closed}"
        );
        let won = render(action(Status::Won, None));
        assert!(won.contains(">We won</h2>"), "{won}");
        assert!(
            won.contains(Kind::Petition.page_words(ui()).won_text)
                && !won.contains(Kind::Petition.page_words(ui()).closed_text),
            "{won}"
        );
        // The open action is pointed to (the letter); this one is not.
        assert!(won.contains(r#"<a href="/act/clergy-letter/">"#), "{won}");
        assert!(!won.contains(r#"<a href="/act/guantanamo/">"#), "{won}");
        assert!(!won.contains("<form"), "{won}");
        assert_eq!(status_word(Status::Won), "Won");
    }

    #[test]
    fn the_ask_names_the_target_quotes_the_text_and_says_when_it_closes_while_open() {
        let ask = |a: &'static Action| {
            Owner::new()
                .with(|| view! { <Ask action=a /> }.to_html())
                .replace("<!>", "")
        };
        let open = ask(action(Status::Open, Some("2027-03-01")));
        assert!(
            open.contains(r#"<span class="ask__label">To:</span> President Trump"#),
            "{open}"
        );
        assert!(open.contains("<blockquote class=\"ask__text\"><p>Don’t send migrants to Guantánamo!</p></blockquote>"), "{open}");
        assert!(open.contains("Closes on March 1, 2027."), "{open}");
        assert!(!ask(action(Status::Closed, Some("2025-06-30"))).contains("Closes on"));
    }
}
