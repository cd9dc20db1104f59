//! The loader against the real content, and against broken copies of it.

use super::*;
use std::fs;
use std::sync::atomic::{AtomicUsize, Ordering};

fn real_content() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../content")
}

fn load_real() -> Content {
    match load(&real_content()) {
        Ok(c) => c,
        Err(errors) => panic!(
            "content/ has mistakes:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    }
}

/// A copy of the real content in a fresh temporary folder, to break on purpose.
fn copy() -> PathBuf {
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!(
        "campaign-content-{}-{}",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    let _ = fs::remove_dir_all(&dir);
    fn walk(from: &Path, to: &Path) {
        fs::create_dir_all(to).unwrap();
        for e in fs::read_dir(from).unwrap() {
            let e = e.unwrap();
            let target = to.join(e.file_name());
            if e.file_type().unwrap().is_dir() {
                walk(&e.path(), &target);
            } else {
                fs::copy(e.path(), target).unwrap();
            }
        }
    }
    walk(&real_content(), &dir);
    dir
}

fn edit(dir: &Path, file: &str, from: &str, to: &str) {
    let path = dir.join(file);
    let text = fs::read_to_string(&path).unwrap();
    assert!(text.contains(from), "{file} does not contain {from:?}");
    fs::write(&path, text.replacen(from, to, 1)).unwrap();
}

/// Loads `dir`, expecting failure, and returns the messages as `file:line: message` with the
/// folder's own path removed.
fn errors(dir: &Path) -> Vec<String> {
    let errs = load(dir).expect_err("the broken content must not load");
    errs.iter()
        .map(|e| e.to_string().replace(&format!("{}/", dir.display()), ""))
        .collect()
}

fn plain(blocks: &[Block]) -> Vec<String> {
    blocks
        .iter()
        .map(|b| match b {
            Block::Paragraph(p) | Block::Heading(_, p) => Inline::plain_text(p),
            Block::List { items, .. } => items
                .iter()
                .map(|i| Inline::plain_text(i))
                .collect::<Vec<_>>()
                .join("\n"),
            Block::Quote(q) => plain(q).join("\n"),
        })
        .collect()
}

#[test]
fn the_real_content_loads_with_every_part_of_the_seed() {
    let c = load_real();
    let issue = c
        .issue_page("immigration-justice")
        .expect("the immigration justice page");
    let quote = issue.quote.as_ref().expect("a quote");
    assert_eq!(
        Inline::plain_text(&quote.text),
        "“Therefore, love the ger*: for you were gerim in the land of Egypt.”"
    );
    assert_eq!(quote.cite, "Deuteronomy 10:19");
    let text = plain(&issue.body);
    assert!(text[0].starts_with("Most immigrants to the U.S. come seeking safety"));
    assert!(text[1].starts_with("But our country’s policies"));
    assert!(text[2].starts_with("The U.S. must follow both its own laws"));
    assert!(text[3].starts_with("Pursuing immigration justice is deeply connected"));
    assert_eq!(
        text[4],
        "In the fight for true immigrant justice and relief, we need all hands on deck."
    );
    assert_eq!(text[5], "Our work includes:");
    match &issue.body[6] {
        Block::List {
            ordered: false,
            items,
        } => {
            assert_eq!(items.len(), 5);
            assert!(Inline::plain_text(&items[0])
                .starts_with("Organizing clergy through our BIMA Campaign"));
            assert!(Inline::plain_text(&items[4])
                .ends_with("reduces reliance on detention and deportation."));
        }
        other => panic!("expected the five-item list, got {other:?}"),
    }
    assert_eq!(issue.footnotes.len(), 1);
    assert_eq!(issue.footnotes[0].marker, "*");
    assert_eq!(issue.footnotes[0].id, "ger");
    assert!(Inline::plain_text(&issue.footnotes[0].body)
        .starts_with("In the Torah, the word “ger” refers to"));
    assert_eq!(
        issue.partners.as_ref(),
        [
            "hias",
            "interfaith-immigration-coalition",
            "all-in-for-registry"
        ]
    );
    assert_eq!(issue.resources.as_ref(), ["immigration-midrash"]);
    assert_eq!(issue.actions.as_ref(), ["guantanamo", "clergy-letter"]);

    let slugs: Vec<&str> = c.issues.iter().map(|i| i.slug.as_ref()).collect();
    assert_eq!(
        slugs,
        [
            "immigration-justice",
            "democracy",
            "mass-incarceration",
            "worker-justice"
        ]
    );
    assert!(c.issues[1..].iter().all(|i| !i.has_page));
    assert!(c.issue_page("democracy").is_none());

    let partners: Vec<&str> = c.partners.iter().map(|p| p.name.as_ref()).collect();
    assert_eq!(
        partners,
        [
            "HIAS",
            "Interfaith Immigration Coalition",
            "All In For Registry"
        ]
    );
    assert_eq!(
        c.resources[0].title,
        "Come and Learn: A Modern Immigration Midrash"
    );
    assert!(plain(&c.resources[0].body)[0].contains("during Magid"));
    let action = c.action("guantanamo").unwrap();
    assert_eq!(
        action.title,
        "Tell President Trump: Don’t Send Migrants to Guantánamo!"
    );
    assert!(plain(&action.body)[0]
        .ends_with("This move is both cruel and threatens to violate U.S. law."));
    assert_eq!(c.home.featured_issue, "immigration-justice");
}

#[test]
fn generated_source_holds_the_content_as_literals() {
    let src = rust_source(&load_real());
    assert!(src.starts_with("// Generated by build.rs"));
    assert!(src.contains("pub static CONTENT: Content = Content {"));
    assert!(src.contains(r#"Cow::Borrowed("Deuteronomy 10:19")"#));
    assert!(src.contains(
        "Inline::FootnoteRef { id: Cow::Borrowed(\"ger\"), marker: Cow::Borrowed(\"*\")}"
    ));
}

#[test]
fn a_string_with_quotes_and_backslashes_is_emitted_as_a_valid_literal() {
    let mut out = String::new();
    emit::Emit::emit(&Str::from("say \"hi\" \\ there\n"), &mut out);
    assert_eq!(out, r#"Cow::Borrowed("say \"hi\" \\ there\n")"#);
}

#[test]
fn a_missing_title_names_the_file_and_line() {
    let dir = copy();
    edit(
        &dir,
        "actions/guantanamo.md",
        "title = \"Tell President Trump: Don’t Send Migrants to Guantánamo!\"\n",
        "",
    );
    let errs = errors(&dir);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("actions/guantanamo.md:2: "),
        "{}",
        errs[0]
    );
    assert!(errs[0].contains("missing field `title`"), "{}", errs[0]);
}

#[test]
fn an_empty_title_says_to_write_one() {
    let dir = copy();
    edit(&dir, "partners/hias.md", "name = \"HIAS\"", "name = \"  \"");
    assert_eq!(
        errors(&dir),
        ["partners/hias.md:2: `name` is empty. Write the name between the quotes."]
    );
}

#[test]
fn a_duplicate_slug_is_refused() {
    let dir = copy();
    fs::write(
        dir.join("partners/hias-copy.md"),
        "+++\nname = \"HIAS again\"\nslug = \"hias\"\nurl = \"https://hias.org/\"\nabout = \"a\"\nwork = \"b\"\n+++\n",
    )
    .unwrap();
    let errs = errors(&dir);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(
        errs[0].starts_with("partners:1: two partners have the slug `hias`"),
        "{}",
        errs[0]
    );
}

#[test]
fn an_action_naming_a_missing_issue_is_refused_with_the_choices() {
    let dir = copy();
    edit(
        &dir,
        "actions/guantanamo.md",
        "issue = \"immigration-justice\"",
        "issue = \"imigration-justice\"",
    );
    assert_eq!(
        errors(&dir),
        ["actions/guantanamo.md:5: action `guantanamo` names the issue `imigration-justice`, which does not exist. Use one of: immigration-justice; or add content/issues/imigration-justice.md."]
    );
}

#[test]
fn an_issue_naming_a_missing_partner_is_refused() {
    let dir = copy();
    edit(
        &dir,
        "issues/immigration-justice.md",
        "\"hias\"",
        "\"hais\"",
    );
    let errs = errors(&dir);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("issues/immigration-justice.md:7: issue `immigration-justice` names the partner `hais`, which does not exist."), "{}", errs[0]);
    assert!(errs[0].contains("all-in-for-registry"), "{}", errs[0]);
}

/// An issue that lists an action that does not exist (a typo, a file renamed) stops the build:
/// the action it meant would otherwise be missing from the list's order without a word.
#[test]
fn an_issue_listing_a_missing_action_is_refused() {
    let dir = copy();
    edit(
        &dir,
        "issues/immigration-justice.md",
        "actions = [\"guantanamo\"",
        "actions = [\"guantanamoo\"",
    );
    let errs = errors(&dir);
    assert_eq!(errs.len(), 1, "{errs:?}");
    assert!(errs[0].starts_with("issues/immigration-justice.md:9: issue `immigration-justice` names the action `guantanamoo`, which does not exist."), "{}", errs[0]);
    assert!(errs[0].contains("guantanamo"), "{}", errs[0]);
}

#[test]
fn an_action_may_not_point_at_an_issue_without_a_page() {
    let dir = copy();
    edit(
        &dir,
        "actions/guantanamo.md",
        "issue = \"immigration-justice\"",
        "issue = \"democracy\"",
    );
    let errs = errors(&dir);
    assert!(errs[0].contains("which has `page = false`"), "{errs:?}");
}

#[test]
fn a_typo_in_a_setting_name_is_caught() {
    let dir = copy();
    edit(&dir, "resources/immigration-midrash.md", "kind =", "knd =");
    let errs = errors(&dir);
    assert!(
        errs[0].starts_with("resources/immigration-midrash.md:3: "),
        "{errs:?}"
    );
    assert!(errs[0].contains("unknown field `knd`"), "{errs:?}");
}

#[test]
fn broken_toml_points_at_its_line() {
    let dir = copy();
    edit(
        &dir,
        "partners/hias.md",
        "url = \"https://hias.org/\"",
        "url = \"https://hias.org/",
    );
    let errs = errors(&dir);
    assert!(errs[0].starts_with("partners/hias.md:4: "), "{errs:?}");
}

#[test]
fn raw_html_in_text_is_refused_at_its_line() {
    let dir = copy();
    edit(
        &dir,
        "actions/guantanamo.md",
        "This move is both cruel",
        "This move is <script>alert(1)</script> cruel",
    );
    let errs = errors(&dir);
    let line = line_of(&dir, "actions/guantanamo.md", "<script>");
    assert!(
        errs[0].starts_with(&format!(
            "actions/guantanamo.md:{line}: HTML is not allowed in content"
        )),
        "{errs:?}"
    );
}

/// The line (from 1) of the first line of `file` that contains `text`.
fn line_of(dir: &Path, file: &str, text: &str) -> usize {
    let all = fs::read_to_string(dir.join(file)).unwrap();
    1 + all
        .lines()
        .position(|l| l.contains(text))
        .unwrap_or_else(|| panic!("{file} has no line with {text:?}"))
}

#[test]
fn the_action_says_whom_it_addresses_what_signers_say_and_where_it_stands() {
    let c = load_real();
    let a = c.action("guantanamo").unwrap();
    assert_eq!(a.target, "President Trump");
    assert_eq!(a.text, "Don’t send migrants to Guantánamo!");
    assert_eq!(a.status, Status::Open);
    assert_eq!((a.goal, a.ends.as_deref()), (None, None));
    assert_eq!(
        c.current_action().map(|a| a.slug.as_ref()),
        Some("guantanamo")
    );
    let es = load_in(&real_content(), crate::i18n::Lang::Es).unwrap();
    let a = es.action("guantanamo").unwrap();
    assert_eq!(a.target, "Presidente Trump");
    assert_eq!(a.text, "¡No envíes a personas migrantes a Guantánamo!");
}

#[test]
fn goal_ends_and_status_are_read_and_a_closed_action_is_not_the_current_one() {
    let dir = copy();
    edit(
        &dir,
        "actions/guantanamo.md",
        "status = \"open\"",
        "status = \"won\"\ngoal = 2000\nends = 2020-03-01",
    );
    let c = load(&dir).unwrap();
    let a = c.action("guantanamo").unwrap();
    assert_eq!(a.status, Status::Won);
    assert_eq!(a.goal, Some(2000));
    assert_eq!(a.ends.as_deref(), Some("2020-03-01"));
    // The home page's featured action has won: the open one is offered instead, and with
    // none open, none.
    assert_eq!(
        c.current_action().map(|a| a.slug.as_ref()),
        Some("clergy-letter")
    );
    edit(
        &dir,
        "actions/clergy-letter.md",
        "status = \"open\"",
        "status = \"closed\"",
    );
    assert!(load(&dir).unwrap().current_action().is_none());
}

/// Each mistake in an action's petition settings, at its line, saying what to write.
#[test]
fn petition_settings_mistakes_stop_the_build_at_their_line() {
    let cases: [(&str, &str, &str); 8] = [
        (
            "status = \"open\"",
            "status = \"finished\"",
            "Write `status = \"open\"`",
        ),
        (
            "status = \"open\"",
            "status = \"open\"\ngoal = 0",
            "Write a whole number above zero",
        ),
        (
            "status = \"open\"",
            "status = \"open\"\ngoal = \"2,000\"",
            "Write a whole number above zero",
        ),
        (
            "status = \"open\"",
            "status = \"open\"\ngoal = 2500.5",
            "Write a whole number above zero",
        ),
        (
            "status = \"open\"",
            "status = \"open\"\nends = \"March 1\"",
            "is not a date",
        ),
        (
            "status = \"open\"",
            "status = \"open\"\nends = 2027-02-30",
            "invalid date",
        ),
        (
            "review = \"pending\"",
            "review = \"done\"",
            "`review` can only be \"pending\"",
        ),
        (
            "target = \"President Trump\"",
            "target = \"\"",
            "`target` is empty",
        ),
    ];
    for (from, to, says) in cases {
        let dir = copy();
        edit(&dir, "actions/guantanamo.md", from, to);
        let errs = errors(&dir);
        let last = to.lines().last().unwrap();
        let line = line_of(&dir, "actions/guantanamo.md", last);
        assert_eq!(errs.len(), 1, "{to}: {errs:?}");
        assert!(
            errs[0].starts_with(&format!("actions/guantanamo.md:{line}: "))
                && errs[0].contains(says),
            "{to}: {errs:?}"
        );
    }
    // An action without the words people sign is refused, naming the setting.
    let dir = copy();
    edit(&dir, "actions/guantanamo.md", "text = ", "# text = ");
    let errs = errors(&dir);
    assert!(errs[0].contains("`text`"), "{errs:?}");
}

/// An open action whose last day has passed is closed by the build, never a stopped build: the
/// hourly count build goes on. Staff hear of it at the line, with what to write.
#[test]
fn an_open_action_past_its_end_is_closed_by_the_build_with_a_warning_at_its_line() {
    let dir = copy();
    edit(
        &dir,
        "actions/guantanamo.md",
        "status = \"open\"",
        "status = \"open\"\nends = 2020-03-01",
    );
    let loaded = load_with_warnings(&dir, crate::i18n::Lang::En).expect("the build goes on");
    let a = loaded.content.action("guantanamo").unwrap();
    assert_eq!(a.status, Status::Closed);
    assert_eq!(a.ends.as_deref(), Some("2020-03-01"));
    let line = line_of(&dir, "actions/guantanamo.md", "ends = 2020-03-01");
    let warnings: Vec<String> = loaded
        .warnings
        .iter()
        .map(|w| w.to_string().replace(&format!("{}/", dir.display()), ""))
        .collect();
    assert_eq!(warnings.len(), 1, "{warnings:?}");
    assert!(
        warnings[0].starts_with(&format!("actions/guantanamo.md:{line}: "))
            && warnings[0].contains("shows the action as closed")
            && warnings[0].contains("Write `status = \"closed\"`"),
        "{warnings:?}"
    );
    // Closed in Spanish too, which is built from the same settings.
    let es = load_in(&dir, crate::i18n::Lang::Es).unwrap();
    assert_eq!(es.action("guantanamo").unwrap().status, Status::Closed);
    // A closed action's passed `ends` is what it should be: nothing to say.
    let dir = copy();
    edit(
        &dir,
        "actions/guantanamo.md",
        "status = \"open\"",
        "status = \"closed\"\nends = 2020-03-01",
    );
    assert!(load_with_warnings(&dir, crate::i18n::Lang::En)
        .unwrap()
        .warnings
        .is_empty());
    // The real content has nothing to warn of.
    assert!(load_with_warnings(&real_content(), crate::i18n::Lang::En)
        .unwrap()
        .warnings
        .is_empty());
}

/// A new action that nobody added to its issue's `actions` list is on the issue's page anyway,
/// after the ones the list orders.
#[test]
fn an_action_its_issue_does_not_list_is_on_the_issue_s_page_after_those_listed() {
    let dir = copy();
    let text = fs::read_to_string(dir.join("actions/guantanamo.md")).unwrap();
    fs::write(
        dir.join("actions/another-one.md"),
        text.replace("title = \"Tell", "title = \"Another: tell"),
    )
    .unwrap();
    let c = load(&dir).unwrap();
    let issue = c.issue("immigration-justice").unwrap();
    assert_eq!(
        issue.actions.iter().map(|a| a.as_ref()).collect::<Vec<_>>(),
        ["guantanamo", "clergy-letter", "another-one"]
    );
    // No other issue gains it.
    assert!(c
        .issues
        .iter()
        .filter(|i| i.slug != "immigration-justice")
        .all(|i| !i.actions.iter().any(|a| a == "another-one")));
}

#[test]
fn links_must_be_safe_and_point_at_real_pages() {
    let dir = copy();
    edit(
        &dir,
        "resources/immigration-midrash.md",
        "during Magid.",
        "during Magid. [Act](/act/guantanamo) [x](javascript:alert(1)) [y](/act/nope)",
    );
    let errs = errors(&dir);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.contains("`javascript:alert(1)` is not allowed")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("`/act/nope` points to no page")),
        "{errs:?}"
    );
}

#[test]
fn footnotes_must_be_used_and_defined() {
    let dir = copy();
    edit(
        &dir,
        "issues/immigration-justice.md",
        "[^ger]: In the Torah",
        "[^gerr]: In the Torah",
    );
    let errs = errors(&dir);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.contains("[^ger] is used but never written")),
        "{errs:?}"
    );
    assert!(
        errs.iter()
            .any(|e| e.contains("[^gerr] is written but never used")),
        "{errs:?}"
    );
}

#[test]
fn a_file_without_front_matter_says_how_to_start() {
    let dir = copy();
    fs::write(dir.join("issues/housing.md"), "title = \"Housing\"\n").unwrap();
    let errs = errors(&dir);
    assert_eq!(errs.len(), 1);
    assert!(
        errs[0].starts_with("issues/housing.md:1: the file must start with a line `+++`"),
        "{errs:?}"
    );
}

#[test]
fn bad_slugs_are_refused() {
    let dir = copy();
    fs::rename(
        dir.join("partners/hias.md"),
        dir.join("partners/HIAS Partner.md"),
    )
    .unwrap();
    edit(&dir, "issues/immigration-justice.md", "\"hias\", ", "");
    let errs = errors(&dir);
    assert!(errs[0].contains("the slug `HIAS Partner`"), "{errs:?}");
}

#[test]
fn every_mistake_is_reported_in_one_run() {
    let dir = copy();
    edit(
        &dir,
        "partners/hias.md",
        "url = \"https://hias.org/\"",
        "url = \"hias.org\"",
    );
    edit(
        &dir,
        "home.md",
        "featured_action = \"guantanamo\"",
        "featured_action = \"guantanam\"",
    );
    let errs = errors(&dir);
    assert_eq!(errs.len(), 2, "{errs:?}");
    assert!(
        errs[0]
            .starts_with("home.md:6: the home page's featured_action names the action `guantanam`"),
        "{errs:?}"
    );
    assert!(
        errs[1].starts_with("partners/hias.md:4: `url` must be a full web address"),
        "{errs:?}"
    );
}

#[test]
fn the_signup_configurations_load() {
    let c = load_real();
    let root = Path::new(env!("CARGO_MANIFEST_DIR")).join("..");
    let deploy =
        config::load(&root.join("config/signup.toml"), &c).expect("config/signup.toml loads");
    assert!(
        !config::deployment_problems(&deploy, &c).is_empty(),
        "the committed config has no endpoint yet, so a release build stops"
    );
    let local = config::load(&root.join("config/signup.local.toml"), &c)
        .expect("config/signup.local.toml loads");
    let problems = config::deployment_problems(&local, &c);
    assert!(
        problems
            .iter()
            .any(|p| p.contains("on the builder's own machine")),
        "{problems:?}"
    );
    assert!(
        problems
            .iter()
            .any(|p| p.starts_with("`fallback_url` is http://127.0.0.1")),
        "a loopback fallback: {problems:?}"
    );
    assert_eq!(
        local.url_for(crate::kind::Kind::Petition, "guantanamo"),
        "http://127.0.0.1:8787/osdi/petitions/guantanamo/record_signature_helper"
    );
    let src = endpoint_source(&local);
    assert!(src.contains("adapter: Adapter::Osdi"), "{src}");
}

/// Every page has a form: a release build without a privacy link stops, at the file, with the
/// line to add.
#[test]
fn a_release_build_without_a_privacy_link_says_where_to_add_one() {
    let c = load_real();
    assert!(c.site.privacy_url.is_some(), "the shipped content links it");
    let dir = copy();
    edit(&dir, "site.toml", "privacy_url = ", "# privacy_url = ");
    let without = load(&dir).unwrap();
    assert!(without.site.privacy_url.is_none());
    let path = dir.join("signup.toml");
    fs::write(&path, "adapter = \"osdi\"\nsignup_form = \"f-1\"\n[addresses]\npetition = \"https://actionnetwork.org/api/v2/petitions/{petition}/signatures/\"\nletter = \"https://actionnetwork.org/api/v2/petitions/{petition}/signatures/\"\nsignup = \"https://actionnetwork.org/api/v2/forms/{form}/submissions/\"\n[petitions]\nguantanamo = \"p-1\"\nclergy-letter = \"p-2\"\n").unwrap();
    let e = config::load(&path, &without).unwrap();
    let problems = config::deployment_problems(&e, &without);
    assert_eq!(problems.len(), 1, "{problems:?}");
    assert!(
        problems[0].starts_with("content/site.toml:1: there is no `privacy_url`")
            && problems[0].contains("Add a line `privacy_url = \"https://…\"`"),
        "{problems:?}"
    );
    assert!(!config::refusals(&e, &without)[0].local_only);
    assert_eq!(config::deployment_problems(&e, &c), Vec::<String>::new());
}

#[test]
fn a_release_build_refuses_plain_http_loopback_and_actions_without_a_petition_id() {
    let c = load_real();
    let dir = copy();
    let path = dir.join("signup.toml");
    let write = |text: &str| fs::write(&path, text).unwrap();
    let problems = |text: &str| {
        write(text);
        config::deployment_problems(&config::load(&path, &c).expect("it loads"), &c)
    };
    let good = "adapter = \"osdi\"\nsignup_form = \"f-1\"\n[addresses]\npetition = \"https://actionnetwork.org/api/v2/petitions/{petition}/signatures/\"\nletter = \"https://actionnetwork.org/api/v2/petitions/{petition}/signatures/\"\nsignup = \"https://actionnetwork.org/api/v2/forms/{form}/submissions/\"\n[petitions]\nguantanamo = \"p-1\"\nclergy-letter = \"p-2\"\n";
    assert_eq!(problems(good), Vec::<String>::new());
    let http = problems(&good.replace(
        "https://actionnetwork.org/api/v2/petitions",
        "http://actionnetwork.org/api/v2/petitions",
    ));
    assert_eq!(http.len(), 2, "the petition's and the letter's: {http:?}");
    assert!(
        http[0].starts_with("`[addresses] petition` is http://actionnetwork.org")
            && http[0].contains("not https://"),
        "{http:?}"
    );
    let fallback = problems(&good.replace(
        "signup_form",
        "fallback_url = \"http://localhost:8787/form\"\nsignup_form",
    ));
    assert!(
        fallback[0].starts_with(
            "`fallback_url` is http://localhost:8787/form, on the builder's own machine"
        ),
        "{fallback:?}"
    );
    // The count: on this site, or on another over https; never over http:// or from here.
    let counted = |url: &str| {
        problems(&good.replace(
            "signup_form",
            &format!("count_url = \"{url}\"\nsignup_form"),
        ))
    };
    assert_eq!(counted("counts/{petition}.json"), Vec::<String>::new());
    assert_eq!(
        counted("https://counts.example.org/{petition}"),
        Vec::<String>::new()
    );
    let count_http = counted("http://127.0.0.1:8787/count/{petition}");
    assert!(
        count_http[0].starts_with("`count_url` is http://127.0.0.1:8787"),
        "{count_http:?}"
    );
    write(&good.replace("signup_form", "count_url = \"/counts/x.json\"\nsignup_form"));
    assert!(config::load(&path, &c).unwrap_err()[0]
        .message
        .starts_with("`count_url` must be a full address"));
    let no_id = problems(&good.replace("guantanamo = \"p-1\"", ""));
    assert_eq!(
        no_id,
        ["content/actions/guantanamo.md: the action `guantanamo` has no petition id at the endpoint, so its signatures would go to a petition that does not exist. Add `guantanamo = \"…\"` under [petitions], with the petition's id (Action Network: in the petition's API address)."]
    );
    write(&good.replace("signup_form = \"f-1\"\n", ""));
    let errs: Vec<String> = config::load(&path, &c)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string())
        .collect();
    assert!(errs[0].ends_with("signup.toml:5: [addresses] `signup` has `{form}` in it, but `signup_form` is not set. Add `signup_form = \"…\"`: the id of the form that takes the signups (Action Network: the form's page shows it)."), "{errs:?}");
}

#[test]
fn a_bad_signup_configuration_names_the_line() {
    let c = load_real();
    let dir = copy();
    let path = dir.join("signup.toml");
    fs::write(&path, "adapter = \"jsn\"\npetition_url = \"https://x.example.org/{petition}\"\n[addresses]\npetition = \"ftp://x\"\nletters = \"\"\n[petitions]\nguantanamoo = \"1\"\n").unwrap();
    let errs: Vec<String> = config::load(&path, &c)
        .unwrap_err()
        .iter()
        .map(|e| e.to_string().replace(&format!("{}/", dir.display()), ""))
        .collect();
    assert_eq!(errs, [
        "signup.toml:1: `adapter` is `jsn`; it must be \"osdi\", \"json\" or \"form\".",
        "signup.toml:2: `petition_url` is now written in the `[addresses]` table, by kind: `petition = \"https://x.example.org/{petition}\"` under `[addresses]`.",
        "signup.toml:5: [addresses] names `letters`, which is no kind of form. Use one of: petition, letter, signup.",
        "signup.toml:4: [addresses] `petition` must be a full address starting with https://, or empty.",
        "signup.toml:7: [petitions] names the action `guantanamoo`, which does not exist. Use one of: guantanamo, clergy-letter.",
    ]);
}

#[test]
fn the_spanish_content_translates_the_words_and_keeps_the_rest() {
    let en = load_real();
    let es = match load_in(&real_content(), crate::i18n::Lang::Es) {
        Ok(c) => c,
        Err(errors) => panic!(
            "content/es has mistakes:\n{}",
            errors
                .iter()
                .map(|e| e.to_string())
                .collect::<Vec<_>>()
                .join("\n")
        ),
    };
    let action = es.action("guantanamo").unwrap();
    assert_eq!(
        action.title,
        "Dile al presidente Trump: ¡no envíes a personas migrantes a Guantánamo!"
    );
    assert_eq!(action.cta, "Firma la petición");
    assert_eq!(
        action.issue, "immigration-justice",
        "links between entries come from the English"
    );
    let issue = es.issue_page("immigration-justice").unwrap();
    assert_eq!(issue.title, "Justicia migratoria");
    assert_eq!(issue.footnotes.len(), 1);
    assert_eq!(
        issue.partners,
        en.issue_page("immigration-justice").unwrap().partners
    );
    assert!(plain(&issue.body)[0].starts_with("La mayoría de las personas"));
    assert_eq!(
        es.partner("hias").unwrap().name,
        "HIAS",
        "names are not translated"
    );
    assert!(es
        .partner("hias")
        .unwrap()
        .about
        .starts_with("Nuestro aliado"));
    assert_eq!(es.site.org_name, en.site.org_name);
    assert_eq!(
        es.site.signup_heading,
        "Suscríbete para recibir novedades y alertas de acción"
    );
    assert_eq!(es.home.featured_action, en.home.featured_action);
    assert_eq!(es.accessibility.title, "Accesibilidad");
    // Every entry is translated: nothing Spanish readers see is left in English.
    for (a, b) in es.issues.iter().zip(en.issues.iter()) {
        assert_ne!(a.title, b.title, "{}", a.slug);
    }
    for (a, b) in es.partners.iter().zip(en.partners.iter()) {
        assert_ne!(a.about, b.about, "{}", a.slug);
    }
}

#[test]
fn a_translation_must_name_an_english_entry_and_translate_only_words() {
    let dir = copy();
    std::fs::write(
        dir.join("es/actions/guantanamo-typo.md"),
        "+++\ntitle = \"Hola\"\n+++\n",
    )
    .unwrap();
    edit(
        &dir,
        "es/partners/hias.md",
        "review = \"pending\"",
        "review = \"pending\"\nurl = \"https://example.org/\"",
    );
    let errs = load_in(&dir, crate::i18n::Lang::Es).expect_err("broken translations must not load");
    let errs: Vec<String> = errs
        .iter()
        .map(|e| e.to_string().replace(&format!("{}/", dir.display()), ""))
        .collect();
    assert!(errs.iter().any(|e| e.starts_with("es/actions/guantanamo-typo.md:1: this translates `guantanamo-typo`, which is not in content/actions/")), "{errs:?}");
    assert!(
        errs.iter()
            .any(|e| e.starts_with("es/partners/hias.md") && e.contains("url")),
        "{errs:?}"
    );
    // The English alone still loads: translations never break it.
    assert!(load(&dir).is_ok());
}
