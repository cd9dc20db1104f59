//! A petition's signature count as the page shows it: the goal the bar fills towards, numbers
//! written for the page's language, the words beside the bar, and dates.
//!
//! The prerenderer writes the count known at build time with these; `js/count.js` writes the
//! refreshed one in the browser with the same steps and words (through the build's contract,
//! `crate::contract`) and the browser's own `Intl.NumberFormat`, which groups digits as
//! [`number`] does.

use crate::content::Action;
use crate::i18n::Lang;
use crate::template::{fill, put};

/// Without a goal of its own, the bar's goal is the first of these steps, times a power of ten,
/// above the count: 100, 250, 500, 1,000, 2,500, 5,000, 10,000… so it never sits full or empty.
pub const STEPS: [u64; 3] = [100, 250, 500];

/// The goal the bar fills towards: the action's own, or the next step above the count.
pub fn goal_for(count: u64, goal: Option<u32>) -> u64 {
    if let Some(goal) = goal {
        return u64::from(goal);
    }
    let mut scale = 1u64;
    loop {
        for step in STEPS {
            let g = step.saturating_mul(scale);
            if g > count || g == u64::MAX {
                return g;
            }
        }
        scale = scale.saturating_mul(10);
    }
}

/// `n` with its digits grouped as the language writes them: "12,345" in English; "12.345" in
/// Spanish, which (as CLDR and `Intl.NumberFormat("es")` do) leaves four digits ungrouped.
pub fn number(n: u64, lang: Lang) -> String {
    let digits = n.to_string();
    let (sep, min) = match lang {
        Lang::En => (',', 4),
        Lang::Es => ('.', 5),
    };
    if digits.len() < min {
        return digits;
    }
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    out
}

/// Where a count source's answer may carry its count, in the order they are read: `{"count": N}`
/// (a source of the site's own, the local receiver), or an OSDI petition's `total_signatures`
/// (Action Network's API).
pub const ANSWER_KEYS: [&str; 2] = ["count", "total_signatures"];

/// The largest count a browser reads exactly (JavaScript's `Number.MAX_SAFE_INTEGER`).
const MAX_COUNT: f64 = 9_007_199_254_740_991.0;

/// A count source's answer: the first of [`ANSWER_KEYS`] that holds a whole number from 0 to
/// [`MAX_COUNT`]. `js/count-answer.js` is the same rule for the browser and `scripts/counts.mjs`;
/// both are tested on one table of answers (`core/tests/fixtures/count-answers.json`).
pub fn parse_answer(json: &str) -> Option<u64> {
    let v: serde_json::Value = serde_json::from_str(json).ok()?;
    ANSWER_KEYS.iter().find_map(|key| {
        let n = v.get(key)?.as_f64()?;
        (n >= 0.0 && n.fract() == 0.0 && n <= MAX_COUNT).then_some(n as u64)
    })
}

/// An action's count templates, for one and for more: its kind's (`KindPageWords::count_one`,
/// `count_many`), with how the action names those who sign put in their `{signers}` gap
/// ("rabbis and cantors"). Both gaps `{}` are left: the count, then the goal.
pub fn templates(action: &Action, lang: Lang) -> [String; 2] {
    let words = action.kind.page_words(lang.page_words());
    let signers = action.signers.as_deref().unwrap_or_default();
    [words.count_one, words.count_many].map(|t| put(t, &[("signers", signers)]))
}

/// "1,234 signatures of 2,000", in the language, with the action's [`templates`].
pub fn words(templates: &[String; 2], count: u64, goal: u64, lang: Lang) -> String {
    let template = &templates[usize::from(count != 1)];
    fill(template, &[&number(count, lang), &number(goal, lang)])
}

/// An ISO date ("2027-03-01") as the language writes it: "March 1, 2027", "1 de marzo de 2027".
/// Anything else is returned as it is (the loader only lets real dates through).
pub fn date(iso: &str, lang: Lang) -> String {
    let ui = lang.page_words();
    let mut parts = iso.splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_string();
    };
    let (Ok(month), Ok(day)) = (m.parse::<usize>(), d.parse::<u8>()) else {
        return iso.to_string();
    };
    let Some(name) = month.checked_sub(1).and_then(|i| ui.months.get(i)) else {
        return iso.to_string();
    };
    let day = day.to_string();
    if ui.day_first {
        fill(ui.date, &[&day, name, y])
    } else {
        fill(ui.date, &[name, &day, y])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn without_a_goal_the_goal_steps_up_with_the_count() {
        let goals: Vec<u64> = [
            0, 99, 100, 249, 250, 499, 500, 999, 1000, 2499, 4999, 9999, 10_000, 123_456,
        ]
        .iter()
        .map(|c| goal_for(*c, None))
        .collect();
        assert_eq!(
            goals,
            [100, 100, 250, 250, 500, 500, 1000, 1000, 2500, 2500, 5000, 10_000, 25_000, 250_000]
        );
        assert_eq!(goal_for(u64::MAX, None), u64::MAX);
        // A goal of its own stays, even once passed.
        assert_eq!(goal_for(2500, Some(2000)), 2000);
    }

    #[test]
    fn numbers_and_words_follow_the_language() {
        assert_eq!(number(999, Lang::En), "999");
        assert_eq!(number(1234, Lang::En), "1,234");
        assert_eq!(number(1_234_567, Lang::En), "1,234,567");
        assert_eq!(number(1234, Lang::Es), "1234");
        assert_eq!(number(12_345, Lang::Es), "12.345");
        let petition = |lang: Lang| {
            let w = crate::kind::Kind::Petition.page_words(lang.page_words());
            [w.count_one.to_string(), w.count_many.to_string()]
        };
        let (en, es) = (petition(Lang::En), petition(Lang::Es));
        assert_eq!(
            words(&en, 1234, 2000, Lang::En),
            "1,234 signatures of 2,000"
        );
        assert_eq!(words(&en, 1, 100, Lang::En), "1 signature of 100");
        assert_eq!(words(&es, 0, 100, Lang::Es), "0 firmas de 100");
        assert_eq!(
            words(&es, 12_345, 25_000, Lang::Es),
            "12.345 firmas de 25.000"
        );
    }

    #[test]
    fn a_count_source_answer_reads_as_the_shared_table_says() {
        // The same table js/count-answer.js is tested on (tests/js/count-answer.test.mjs).
        let table: Vec<serde_json::Value> =
            serde_json::from_str(include_str!("../tests/fixtures/count-answers.json")).unwrap();
        assert!(table.len() >= 10);
        for row in table {
            let answer = row["answer"].as_str().unwrap();
            assert_eq!(parse_answer(answer), row["count"].as_u64(), "{answer}");
        }
    }

    #[test]
    fn dates_are_written_as_each_language_writes_them() {
        assert_eq!(date("2027-03-01", Lang::En), "March 1, 2027");
        assert_eq!(date("2027-03-01", Lang::Es), "1 de marzo de 2027");
        assert_eq!(date("not a date", Lang::En), "not a date");
    }
}
