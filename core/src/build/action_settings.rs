//! An action's petition settings that need more than a type check: `status`, `goal`, `ends`
//! and `review`, each mistake reported at its line with what to write.

use super::{Doc, Problems};
use crate::content::Status;
use crate::kind::Kind;
use toml::{Spanned, Value};

/// `kind`: what people do on the action's page, one of the kinds that belong to an action
/// (`crate::kind::Kind::of_action`); a petition when left out.
pub fn kind(doc: &Doc, value: Option<&Spanned<String>>, p: &mut Problems) -> Kind {
    let Some(v) = value else {
        return Kind::Petition;
    };
    match Kind::parse(v.get_ref()).filter(|k| k.of_action()) {
        Some(kind) => kind,
        None => {
            let kinds: Vec<String> = Kind::ALL
                .iter()
                .filter(|k| k.of_action())
                .map(|k| format!("`kind = \"{}\"`", k.name()))
                .collect();
            p.at(
                doc.line(v),
                format!(
                    "`kind = \"{}\"` is not a kind of action. Write {}, or leave `kind` out for a petition.",
                    v.get_ref(),
                    kinds.join(" or ")
                ),
            );
            Kind::Petition
        }
    }
}

/// `signers`: how the count names those who sign ("rabbis and cantors"), for a kind whose count
/// words name them (a `{signers}` gap, `crate::count::templates`), where it must be there; no
/// other kind has it.
pub fn signers(
    doc: &Doc,
    kind: Kind,
    value: Option<&Spanned<String>>,
    p: &mut Problems,
) -> Option<crate::content::Str> {
    let named = kind
        .page_words(crate::i18n::Lang::En.page_words())
        .count_many
        .contains("{signers}");
    match (named, value) {
        (true, Some(v)) if !v.get_ref().trim().is_empty() => Some(v.get_ref().clone().into()),
        (true, v) => {
            p.at(
                v.map_or(doc.front_line, |v| doc.line(v)),
                format!("a {} names those who sign in its count: add `signers = \"…\"`, in the plural, as in \"Signed by 812 rabbis and cantors\" (write `signers = \"rabbis and cantors\"`).", kind.name()),
            );
            None
        }
        (false, Some(v)) => {
            p.at(
                doc.line(v),
                format!("`signers` is not a setting of a {}: its count says “signatures”. Remove the line.", kind.name()),
            );
            None
        }
        (false, None) => None,
    }
}

/// `titles`: the titles a letter's form offers besides the usual ones (`crate::titles`), in the
/// English file's words, each made a slug (`"Rabbinic pastor"` is `rabbinic-pastor`); only for a
/// kind whose form asks for a title.
pub fn titles(
    doc: &Doc,
    kind: Kind,
    value: Option<&Spanned<Vec<String>>>,
    p: &mut Problems,
) -> Vec<crate::content::Title> {
    let Some(v) = value else { return Vec::new() };
    if !kind.fields().contains(&crate::field::Field::Title) {
        p.at(
            doc.line(v),
            format!(
                "`titles` is not a setting of a {}: its form asks for no title. Remove the line.",
                kind.name()
            ),
        );
        return Vec::new();
    }
    let mut out: Vec<crate::content::Title> = Vec::new();
    for label in v.get_ref() {
        let slug = title_slug(label);
        let taken =
            crate::titles::USUAL.contains(&slug.as_str()) || out.iter().any(|t| t.slug == slug);
        if !crate::titles::is_title(&slug) || taken {
            p.at(
                doc.line(v),
                format!("the title “{label}” cannot be told apart from another, or has no Latin letters to name it by. Write each title once, in English words, not one of the usual titles (Rabbi, Cantor, Rabbinical student, Cantorial student, Other clergy), which the form offers anyway."),
            );
            continue;
        }
        out.push(crate::content::Title {
            slug: slug.into(),
            label: label.trim().to_string().into(),
        });
    }
    out
}

/// A title's slug from its English words: small Latin letters and digits, a hyphen for
/// anything else between them.
pub fn title_slug(label: &str) -> String {
    let mut slug = String::new();
    for c in label.trim().chars() {
        if c.is_ascii_alphanumeric() {
            slug.push(c.to_ascii_lowercase());
        } else if !slug.is_empty()
            && !slug.ends_with('-')
            && (c.is_whitespace() || c.is_ascii_punctuation())
        {
            slug.push('-');
        }
    }
    slug.trim_end_matches('-').to_string()
}

/// `status`: `open` (the default), `closed` or `won`.
pub fn status(doc: &Doc, value: Option<&Spanned<String>>, p: &mut Problems) -> Status {
    let Some(v) = value else {
        return Status::Open;
    };
    match v.get_ref().as_str() {
        "open" => Status::Open,
        "closed" => Status::Closed,
        "won" => Status::Won,
        other => {
            p.at(
                doc.line(v),
                format!("`status = \"{other}\"` is not a status. Write `status = \"open\"` (taking signatures), `status = \"closed\"` or `status = \"won\"`."),
            );
            Status::Open
        }
    }
}

/// `goal`: a positive whole number, `goal = 2000`.
pub fn goal(doc: &Doc, value: Option<&Spanned<Value>>, p: &mut Problems) -> Option<u32> {
    let v = value?;
    match v.get_ref() {
        Value::Integer(n) if *n > 0 && *n <= i64::from(u32::MAX) => Some(*n as u32),
        other => {
            p.at(
                doc.line(v),
                format!("`goal = {other}` is not a number of signatures. Write a whole number above zero without quotes or separators, like `goal = 2000`, or leave `goal` out."),
            );
            None
        }
    }
}

/// `ends`: a date, `ends = 2027-03-01` (a TOML date) or `ends = "2027-03-01"`: the last day
/// the action takes signatures (it closes at the end of that day, UTC; `js/closing.js` closes a page built before then). An
/// action still open once that day has passed is closed by the build, with a warning at the
/// line: never a stopped build (the hourly count build must go on), never a page asking for
/// signatures it no longer takes.
pub fn ends(
    doc: &Doc,
    value: Option<&Spanned<Value>>,
    status: &mut Status,
    today: Date,
    p: &mut Problems,
) -> Option<String> {
    let v = value?;
    let written = match v.get_ref() {
        Value::String(s) => s.clone(),
        Value::Datetime(d) if d.time.is_none() && d.offset.is_none() => d.to_string(),
        other => other.to_string(),
    };
    let Some(date) = Date::parse(&written) else {
        p.at(
            doc.line(v),
            format!("`ends = {written}` is not a date. Write the day it closes as year-month-day, like `ends = 2027-03-01`."),
        );
        return None;
    };
    if *status == Status::Open && date < today {
        *status = Status::Closed;
        p.warn(
            doc.line(v),
            format!("`ends = {written}` has passed, so this build shows the action as closed (it takes no more signatures). Write `status = \"closed\"` (or `status = \"won\"`) to say so yourself, or a later `ends` if it goes on."),
        );
    }
    Some(written)
}

/// `review`: only `review = "pending"` (the text waits for staff; `scripts/review.sh`).
pub fn review(doc: &Doc, value: Option<&Spanned<String>>, p: &mut Problems) {
    if let Some(v) = value.filter(|v| v.get_ref() != "pending") {
        p.at(
            doc.line(v),
            "`review` can only be \"pending\". Delete the line once the text has been reviewed."
                .into(),
        );
    }
}

/// A calendar day, ordered.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub struct Date {
    year: i32,
    month: u8,
    day: u8,
}

impl Date {
    /// `YYYY-MM-DD`, a day that exists.
    pub fn parse(text: &str) -> Option<Date> {
        let mut parts = text.split('-');
        let (y, m, d) = (parts.next()?, parts.next()?, parts.next()?);
        if parts.next().is_some() || y.len() != 4 || m.len() != 2 || d.len() != 2 {
            return None;
        }
        let date = Date {
            year: y.parse().ok()?,
            month: m.parse().ok()?,
            day: d.parse().ok()?,
        };
        let real = (1..=12).contains(&date.month)
            && date.day >= 1
            && date.day <= days_in_month(date.year, date.month);
        real.then_some(date)
    }

    /// Today, in UTC; `BUILD_DATE=YYYY-MM-DD` sets it (tests, and rebuilding an old release).
    pub fn today() -> Date {
        if let Some(date) = std::env::var("BUILD_DATE")
            .ok()
            .and_then(|d| Date::parse(&d))
        {
            return date;
        }
        let secs = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map_or(0, |d| d.as_secs());
        Date::from_days((secs / 86_400) as i64)
    }

    /// The civil date `days` after 1970-01-01 (Howard Hinnant's `civil_from_days`).
    fn from_days(days: i64) -> Date {
        let z = days + 719_468;
        let era = z.div_euclid(146_097);
        let doe = z.rem_euclid(146_097);
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
        let mp = (5 * doy + 2) / 153;
        let day = (doy - (153 * mp + 2) / 5 + 1) as u8;
        let month = if mp < 10 { mp + 3 } else { mp - 9 } as u8;
        let year = (yoe + era * 400 + i64::from(month <= 2)) as i32;
        Date { year, month, day }
    }
}

fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    }
}

#[cfg(test)]
mod tests {
    use super::Date;

    #[test]
    fn days_since_1970_are_the_calendar_s() {
        assert_eq!(Date::from_days(0), Date::parse("1970-01-01").unwrap());
        assert_eq!(Date::from_days(20_423), Date::parse("2025-12-01").unwrap());
        assert_eq!(Date::from_days(11_016), Date::parse("2000-02-29").unwrap());
    }

    #[test]
    fn only_real_days_are_dates() {
        assert!(Date::parse("2027-02-29").is_none());
        assert!(Date::parse("2028-02-29").is_some());
        assert!(Date::parse("2027-13-01").is_none());
        assert!(Date::parse("2027-3-1").is_none());
        assert!(Date::parse("March 1").is_none());
        assert!(Date::parse("2027-03-01") < Date::parse("2027-03-02"));
    }
}
