//! The campaign site: a Leptos app. Every page is rendered to HTML at build time by the
//! prerenderer (`src/bin/prerender.rs`); in the browser, `main.rs` hydrates it, and from then on
//! the router shows the next page without a reload.
//!
//! Two builds of the same app:
//! - **Rendering the pages** (the prerenderer, feature `ssr`; and the component tests, feature
//!   `csr`): the content is compiled in (`content`), and each page is its Leptos components
//!   (`pages/`, `components/`).
//! - **The browser** (feature `hydrate`): only the site's settings are compiled in (`site`).
//!   The page it was given is hydrated as it is; each page it shows next is the prerendered
//!   page itself, fetched (`browser/`). So the wasm does not grow with the content.
//!
//! The frame around every page (header, navigation, footer, head tags, focus and scroll on a
//! page change) is the same code in both (`chrome/`), as is the not-found page.
//!
//! - `paths`: links under the base path the site is served at, and this build's language.
//! - `app`: the router and the page area.

// The crate is always built one of these three ways: with none, nothing of it would run anywhere.
#[cfg(not(any(feature = "csr", feature = "hydrate", feature = "ssr")))]
compile_error!(
    "Build truah-campaign with one of its features: `hydrate` (the browser build Trunk ships), \
     `ssr` (the prerenderer) or `csr` (the component tests). See README, \"What runs where\"."
);

pub mod app;
pub mod chrome;
pub mod not_found;
pub mod paths;
pub mod site;

#[cfg(not(feature = "hydrate"))]
pub mod components;
#[cfg(not(feature = "hydrate"))]
pub mod content;
#[cfg(not(feature = "hydrate"))]
pub mod pages;

#[cfg(feature = "hydrate")]
pub mod browser;

#[cfg(feature = "ssr")]
pub mod embeds;

pub use app::App;

/// Every page of the site in this build's language, as site paths (without the base path):
/// what the prerenderer writes. The `/embed` generator is for staff, in English only.
#[cfg(not(feature = "hydrate"))]
pub fn routes_to_prerender() -> Vec<String> {
    let mut routes = campaign_core::routes::all(content::content());
    if paths::LANG != campaign_core::i18n::Lang::En {
        routes.retain(|r| r != campaign_core::routes::EMBED);
    }
    routes
}

/// Takes over the prerendered page: hydrates it, so what the visitor already sees stays as it
/// is and comes to life.
#[cfg(feature = "hydrate")]
pub fn hydrate() {
    leptos::mount::hydrate_body(App);
}

/// What only the prerenderer renders must not carry behaviour for the browser: the modules the
/// browser build leaves out (those gated off `hydrate` above) are never compiled into the
/// site's wasm, so an event handler, a signal or an effect written in one of them passes the
/// component tests (`csr`) and does nothing on the site. Behaviour belongs in the chrome (which
/// hydrates), in the signer (`signer/`), or in `js/`. README, "What runs where".
#[cfg(all(test, feature = "ssr"))]
mod prerendered_only {
    use std::path::{Path, PathBuf};

    /// The modules of this crate the browser build leaves out, as `lib.rs` gates them.
    fn left_out() -> Vec<String> {
        let lib = include_str!("lib.rs");
        let lines: Vec<&str> = lib.lines().collect();
        lines
            .windows(2)
            .filter(|w| {
                let gate = w[0].trim();
                gate == "#[cfg(not(feature = \"hydrate\"))]" || gate == "#[cfg(feature = \"ssr\")]"
            })
            .filter_map(|w| w[1].trim().strip_prefix("pub mod "))
            .map(|m| m.trim_end_matches(';').to_string())
            .collect()
    }

    /// The source files of a module: `src/x.rs`, or everything in `src/x/`.
    fn files(module: &str) -> Vec<PathBuf> {
        let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("src");
        let file = src.join(format!("{module}.rs"));
        if file.exists() {
            return vec![file];
        }
        let mut out: Vec<PathBuf> = std::fs::read_dir(src.join(module))
            .unwrap_or_else(|e| panic!("src/{module}: {e}"))
            .map(|e| e.unwrap().path())
            .collect();
        out.sort();
        out
    }

    /// Rust source without its comments and string literals, where words are only words.
    fn code_only(source: &str) -> String {
        let mut out = String::new();
        let mut chars = source.chars().peekable();
        while let Some(c) = chars.next() {
            match c {
                '/' if chars.peek() == Some(&'/') => {
                    for c in chars.by_ref() {
                        if c == '\n' {
                            out.push('\n');
                            break;
                        }
                    }
                }
                'r' if chars.peek() == Some(&'#') => {
                    // A raw string, r#"…"#: skip to its end.
                    chars.next();
                    let mut prev = ' ';
                    for c in chars.by_ref() {
                        if prev == '"' && c == '#' {
                            break;
                        }
                        prev = c;
                    }
                }
                '"' => {
                    let mut escaped = false;
                    for c in chars.by_ref() {
                        match (escaped, c) {
                            (false, '\\') => escaped = true,
                            (false, '"') => break,
                            _ => escaped = false,
                        }
                    }
                    out.push_str("\"\"");
                }
                c => out.push(c),
            }
        }
        out
    }

    /// What only runs in a browser: event handlers and directives in a view, reactive state and
    /// effects, tasks and timers, the browser's own objects.
    const BROWSER_ONLY: [&str; 30] = [
        "on:",
        "prop:",
        "bind:",
        "use:",
        "node_ref",
        "NodeRef",
        "signal(",
        "RwSignal",
        "ReadSignal",
        "WriteSignal",
        "Memo::new",
        "ArcMemo",
        "Effect::new",
        "RenderEffect",
        "Resource::new",
        "LocalResource",
        "ArcResource",
        "Action::new",
        "ArcAction",
        "Trigger::new",
        "ArcTrigger",
        "spawn_local",
        "set_timeout",
        "set_interval",
        "request_animation_frame",
        "window()",
        "document()",
        "web_sys",
        "wasm_bindgen",
        "leptos::task",
    ];

    /// Whether `line` has `word` where a word starts (not `ActionOutcome(action:` for `on:`).
    fn has_word(line: &str, word: &str) -> bool {
        line.match_indices(word).any(|(at, _)| {
            !line[..at]
                .chars()
                .next_back()
                .is_some_and(|c| c.is_alphanumeric() || c == '_')
        })
    }

    #[test]
    fn what_only_the_prerenderer_renders_carries_no_browser_behaviour() {
        let modules = left_out();
        assert!(
            ["components", "content", "pages", "embeds"]
                .iter()
                .all(|m| modules.iter().any(|x| x == m)),
            "{modules:?}"
        );
        for module in &modules {
            for file in files(module) {
                let code = code_only(&std::fs::read_to_string(&file).unwrap());
                for (n, line) in code.lines().enumerate() {
                    for word in BROWSER_ONLY {
                        assert!(
                            !has_word(line, word),
                            "{}:{}: `{word}` in a module the browser build leaves out, so it never runs on the site: {}",
                            file.display(),
                            n + 1,
                            line.trim()
                        );
                    }
                }
            }
        }
    }

    #[test]
    fn the_check_sees_what_it_looks_for() {
        let view =
            "view! { <button on:click=move |_| set.update(|n| *n += 1)>\"on: click\"</button> }";
        let code = code_only(view);
        assert!(has_word(&code, "on:") && !code.contains("on: click"));
        assert!(!has_word("pub fn ActionOutcome(action: &Action)", "on:"));
        assert!(code_only("// on:click\nlet x = r#\"on:\"#;")
            .lines()
            .all(|l| !l.contains("on:")));
    }
}
