//! A petition's signature count: "1,234 signatures of 2,000" and a bar filling towards the goal.
//!
//! Only where the signup configuration names a count source (`count_url`): without one there
//! is no bar and no number, never a made-up count. The prerenderer writes the count known at
//! build time (`scripts/counts.mjs` fetched it into `COUNTS_DIR`); `js/count.js` refreshes it
//! after the page has loaded, and once more after the visitor's own signature. Until a count is
//! known the block keeps its space, invisible, so a count arriving shifts nothing; a source
//! that is slow or fails leaves it so, and never holds up the page or the form.
//!
//! The words are the count for everyone; the bar is a `<progress>` labelled by them. Neither is
//! a live region: a refresh is not announced. The visually hidden `news` line is, and
//! `js/count.js` writes into it only after the visitor's own signature.

use crate::content;
use crate::paths::{LANG, ROOT};
use campaign_core::content::Action;
use campaign_core::contract::{attr, count_part};
use campaign_core::count;
use campaign_core::petition::payload::Endpoint;
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;

/// `compact`: the one-line version in a list of actions. `endpoint`: the build's, unless given
/// (tests).
#[component]
pub fn CountBar(
    action: &'static Action,
    #[prop(optional)] compact: bool,
    #[prop(optional)] endpoint: Option<&'static Endpoint>,
) -> impl IntoView {
    let endpoint = endpoint.unwrap_or_else(content::endpoint);
    let url = endpoint.count_url_for(&action.slug)?;
    // A source on this site is under the site's root (one file for every language);
    // js/count.js resolves it against the campaign site, also inside an embed on another site.
    let url = if url.contains("://") {
        url
    } else {
        format!("{ROOT}/{url}")
    };
    let known = known(endpoint.petition_id(&action.slug));
    let goal = known.map(|c| count::goal_for(c, action.goal));
    let [one, many] = count::templates(action, LANG);
    let words = match (known, goal) {
        (Some(c), Some(g)) => count::words(&[one.clone(), many.clone()], c, g, LANG),
        _ => String::new(),
    };
    let label = format!("count-{}", action.slug);
    let classes = match (compact, known.is_some()) {
        (false, true) => "count",
        (false, false) => "count count--pending",
        (true, true) => "count count--compact",
        (true, false) => "count count--compact count--pending",
    };
    Some(view! {
        <div
            class={classes}
            {..custom_attribute(attr::COUNT_URL, url)}
            {..custom_attribute(attr::COUNT_ACTION, action.slug.to_string())}
            {..custom_attribute(attr::COUNT_GOAL, action.goal.map(|g| g.to_string()))}
            {..custom_attribute(attr::COUNT, known.map(|c| c.to_string()))}
            {..custom_attribute(attr::COUNT_ONE, one)}
            {..custom_attribute(attr::COUNT_MANY, many)}
        >
            <p class="count__text" id={label.clone()} {..custom_attribute(attr::COUNT_PART, count_part::TEXT)}>
                {words}
            </p>
            <progress
                class="count__bar"
                aria-labelledby=label
                max=goal.map(|g| g.to_string()).unwrap_or_else(|| "1".into())
                value=known.map(|c| c.to_string()).unwrap_or_else(|| "0".into())
                {..custom_attribute(attr::COUNT_PART, count_part::BAR)}
            ></progress>
            {(!compact).then(|| view! {
                <p class="visually-hidden" role="status" {..custom_attribute(attr::COUNT_PART, count_part::NEWS)}></p>
            })}
        </div>
    })
}

#[cfg(feature = "ssr")]
thread_local! {
    /// Whether the pages rendered now show the counts read before the build.
    static COUNTS: std::cell::Cell<bool> = const { std::cell::Cell::new(true) };
}

/// `render()`'s page as it is without the counts read before the build: what the service
/// worker's version is made from (`src/bin/prerender.rs`), so that a build in which only the
/// counts changed (the scheduled count build) makes the same worker, and visitors' devices fetch
/// nothing again.
#[cfg(feature = "ssr")]
pub fn without_counts<R>(render: impl FnOnce() -> R) -> R {
    COUNTS.set(false);
    let page = render();
    COUNTS.set(true);
    page
}

/// Whether the pages rendered now show what was read before the build (the counts, a letter's
/// signers): not while the service worker's version is made (`without_counts`).
#[cfg(feature = "ssr")]
pub fn read_before_the_build() -> bool {
    COUNTS.get()
}

/// The count `scripts/counts.mjs` fetched for this petition before the build, if it could: a
/// file `{petition}.json` in `COUNTS_DIR`, read by the prerenderer. Other builds know none.
fn known(petition: &str) -> Option<u64> {
    #[cfg(feature = "ssr")]
    {
        if !read_before_the_build() {
            return None;
        }
        // The id comes from config/signup.toml; a file name made of anything else is refused.
        let plain = !petition.is_empty()
            && petition
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_');
        let dir = std::env::var("COUNTS_DIR").ok().filter(|_| plain)?;
        let text =
            std::fs::read_to_string(std::path::Path::new(&dir).join(format!("{petition}.json")))
                .ok()?;
        count::parse_answer(&text)
    }
    #[cfg(not(feature = "ssr"))]
    {
        let _ = petition;
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn endpoint(count_url: &str) -> &'static Endpoint {
        let mut e = content::endpoint().clone();
        e.count_url = count_url.to_string().into();
        Box::leak(Box::new(e))
    }

    fn render(count_url: &str, counts: Option<&str>) -> String {
        let action = content::content().action("guantanamo").unwrap();
        let dir =
            std::env::temp_dir().join(format!("counts-{}-{}", std::process::id(), count_url.len()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        if let Some(json) = counts {
            let id = content::endpoint().petition_id("guantanamo").to_string();
            std::fs::write(dir.join(format!("{id}.json")), json).unwrap();
        }
        // Safe here: this module's tests are the only ones that read COUNTS_DIR, and they
        // run one at a time (below).
        unsafe { std::env::set_var("COUNTS_DIR", &dir) };
        let e = endpoint(count_url);
        Owner::new().with(|| view! { <CountBar action=action endpoint=e /> }.to_html())
    }

    /// One test, so nothing else sets COUNTS_DIR while it runs.
    #[test]
    fn a_count_only_from_a_source_with_its_space_kept_until_known() {
        // No source: no bar and no number.
        let none = render("", Some(r#"{"count": 5}"#));
        assert!(!none.contains("count") && !none.contains('5'), "{none}");
        // A source, and the count the build read: in words and in the bar.
        let html = render(
            "https://counts.example.org/{petition}.json",
            Some(r#"{"count": 1234}"#),
        );
        let id = content::endpoint().petition_id("guantanamo");
        assert!(
            html.contains(&format!(
                r#"data-count-url="https://counts.example.org/{id}.json""#
            )),
            "{html}"
        );
        assert!(html.contains(r#"data-count="1234""#), "{html}");
        assert!(
            html.contains(r#"class="count__text">1,234 signatures of 2,500"#),
            "{html}"
        );
        assert!(
            html.contains(
                r#"<progress aria-labelledby="count-guantanamo" max="2500" value="1234""#
            ),
            "{html}"
        );
        assert!(html.contains(r#"class="count">"#), "{html}");
        // The live line is empty: only the visitor's own signature is announced.
        assert!(
            html.contains(
                r#"<p role="status" data-count-part="news" class="visually-hidden"></p>"#
            ),
            "{html}"
        );
        // A source, but no count known at build time: the space is kept, invisible, empty.
        let html = render("counts/{petition}.json", None);
        assert!(html.contains(r#"class="count count--pending""#), "{html}");
        assert!(
            html.contains(&format!(r#"data-count-url="{ROOT}/counts/{id}.json""#)),
            "{html}"
        );
        assert!(
            html.contains(r#"count__text"> <!></p>"#),
            "the words are empty: {html}"
        );
        assert!(!html.contains("data-count=\""), "{html}");
        // A count file with nonsense in it counts as none.
        let html = render("counts/{petition}.json", Some("<html>"));
        assert!(html.contains("count--pending"), "{html}");
    }
}
