//! `/act/:slug/signers`: a letter's list of signers, a page of its own so the letter's page stays
//! light (it links here). Only those who asked to be listed and whom staff approved
//! (`campaign_core::signers`), grouped by state or country, readable as plain HTML; with
//! JavaScript, `js/signers.js` filters it as the visitor types (no request) and shows the
//! visitor's own name, on their own device only, while it waits for approval.

use super::Meta;
use crate::components::frame::PageTitle;
use crate::components::heading::Heading;
use crate::content::content;
use crate::paths::{href, ui, LANG};
use campaign_core::content::Action;
use campaign_core::contract::{attr, signers_part};
use campaign_core::field::Field;
use campaign_core::signers::{grouped, line, List};
use campaign_core::template::fill;
use campaign_core::{count, routes, titles};
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;

/// Whether an action publishes a list of signers: its form asks whether to list the name.
pub fn has_list(action: &Action) -> bool {
    action.kind.fields().contains(&Field::ListName)
}

pub fn page(slug: &str) -> Option<(Meta, AnyView)> {
    let action = content().action(slug).filter(|a| has_list(a))?;
    let ui = ui();
    Some((
        Meta::new(
            fill(ui.signers_title, &[&action.title]),
            fill(ui.signers_description, &[&action.title]),
        ),
        view! { <Signers action=action /> }.into_any(),
    ))
}

/// The signers `scripts/signers.mjs` read for this letter before the build, if any: the file
/// `{slug}.json` in `SIGNERS_DIR`, read by the prerenderer. Other builds know none.
fn listed(slug: &str) -> List {
    #[cfg(feature = "ssr")]
    {
        let read = || {
            if !crate::components::count_bar::read_before_the_build() {
                return None;
            }
            let dir = std::env::var("SIGNERS_DIR").ok()?;
            let text =
                std::fs::read_to_string(std::path::Path::new(&dir).join(format!("{slug}.json")))
                    .ok()?;
            List::parse(&text)
        };
        read().unwrap_or_default()
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = slug;
        List::default()
    }
}

/// The letter's own section about its signers: how many are listed, and the link to them.
#[component]
pub fn SignersLink(action: &'static Action) -> impl IntoView {
    let ui = ui();
    let n = listed(&action.slug).signers.len();
    view! {
        <section class="signers-link" aria-labelledby="signers-heading">
            <Heading level=2 id="signers-heading">{ui.signers_heading}</Heading>
            {(n == 0).then(|| view! { <p>{ui.signers_none_yet}</p> })}
            <p>
                <a href=href(&routes::signers(&action.slug))>
                    {if n == 0 {
                        ui.signers_page.to_string()
                    } else {
                        fill(ui.signers_link, &[&count::number(n as u64, LANG)])
                    }}
                </a>
            </p>
        </section>
    }
}

#[component]
fn Signers(action: &'static Action) -> impl IntoView {
    let ui = ui();
    let list = listed(&action.slug);
    let total = list.signers.len();
    let groups: Vec<(String, Vec<String>)> = grouped(&list.signers, LANG)
        .into_iter()
        .map(|(place, members)| {
            (
                place,
                members.iter().map(|s| line(s, action, LANG)).collect(),
            )
        })
        .collect();
    // The titles' words, for the visitor's own line (js/signers.js): the content's own words.
    let titles = titles::as_json(action, LANG);
    let part = |name: &'static str| custom_attribute(attr::SIGNERS_PART, name);
    view! {
        <article class="wrap stack signers" {..custom_attribute(attr::SIGNERS, action.slug.to_string())} {..custom_attribute(attr::SIGNERS_TITLES, titles)}>
            <p class="eyebrow"><a href=href(&routes::action(&action.slug))>{ui.back_to_letter}</a></p>
            <PageTitle text=fill(ui.signers_title, &[&action.title]) />
            <p class="lead">{ui.signers_lead}</p>
            <div class="signers__own" {..part(signers_part::OWN)} {..custom_attribute(attr::SIGNERS_WORDS, ui.own_waiting)} hidden>
                <p></p>
                <button type="button" class="button button--secondary" {..part(signers_part::OWN_FORGET)}>{ui.own_forget}</button>
            </div>
            {(total > 0).then(|| view! {
                // Its room kept, unseen, until js/signers.js makes it work: showing it then moves
                // nothing (CLS 0), and without scripts nobody meets a filter that does nothing.
                <div class="signers__filter signers__filter--waiting field" {..part(signers_part::FILTER)}>
                    <label for="signers-filter">{ui.signers_filter}</label>
                    <input type="search" id="signers-filter" autocomplete="off" spellcheck="false" />
                    <p role="status" {..part(signers_part::SHOWN)} {..custom_attribute(attr::SIGNERS_WORDS, ui.signers_shown)}></p>
                </div>
            })}
            {(total == 0).then(|| view! { <p>{ui.signers_none_yet}</p> })}
            <p {..part(signers_part::NO_MATCH)} hidden>{ui.signers_no_match}</p>
            {groups
                .into_iter()
                .enumerate()
                .map(|(i, (place, lines))| {
                    let id = format!("signers-{i}");
                    let labelled_by = id.clone();
                    view! {
                        <section class="signers__group" aria-labelledby={labelled_by} {..part(signers_part::GROUP)}>
                            <Heading level=2 id=id>{place}</Heading>
                            <ul>
                                {lines
                                    .into_iter()
                                    .map(|l| view! { <li {..part(signers_part::SIGNER)}>{l}</li> })
                                    .collect_view()}
                            </ul>
                        </section>
                    }
                })
                .collect_view()}
        </article>
    }
}
