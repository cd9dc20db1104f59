//! Validation of what a visitor types into the petition and signup forms.
//!
//! Names: every real name is accepted — any script, accents, apostrophes, hyphens, spaces, a
//! single word. Refused is only what no name contains: control characters, invisible formatting
//! characters, `<` or `>`, and input too long to be a name. Each refusal says what to change.
//! (No check needs Unicode property tables, which would weigh on the wasm.)

use crate::countries::is_country;
use crate::field::Field;
use crate::i18n::SignerWords;
use crate::kind::{Consent, Kind};
use crate::template::fill;
use std::fmt;

/// Longest accepted name, in characters. Long enough for any real name written in full.
pub const NAME_MAX: usize = 100;
/// Longest accepted email address (RFC 5321's path limit).
pub const EMAIL_MAX: usize = 254;
pub const POSTCODE_MAX: usize = 12;

/// Why a value was refused. The message says what to change.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Problem {
    Missing(Field),
    TooLong(Field, usize),
    /// A control or invisible formatting character, e.g. pasted from a document.
    Invisible(Field),
    AngleBrackets(Field),
    EmailShape,
    EmailDomain,
    UsZip,
    Postcode,
    /// A value a list does not have (a country, a place, a title), e.g. from a link.
    NotListed(Field),
}

impl Problem {
    pub fn field(&self) -> Field {
        match self {
            Problem::Missing(f)
            | Problem::TooLong(f, _)
            | Problem::Invisible(f)
            | Problem::AngleBrackets(f)
            | Problem::NotListed(f) => *f,
            Problem::EmailShape | Problem::EmailDomain => Field::Email,
            Problem::UsZip | Problem::Postcode => Field::PostalCode,
        }
    }
}

impl Problem {
    /// What to tell the visitor, in the language of `words`.
    pub fn message(&self, words: &'static SignerWords) -> String {
        let named = |f: &Field| f.words(words).named;
        match self {
            Problem::Missing(field) if field.is_chosen() => fill(words.choose, &[named(field)]),
            Problem::Missing(field) => fill(words.enter_your, &[named(field)]),
            Problem::TooLong(field, max) => fill(words.too_long, &[named(field), &max.to_string()]),
            Problem::Invisible(field) => fill(words.invisible, &[named(field)]),
            Problem::AngleBrackets(field) => fill(words.angle_brackets, &[named(field)]),
            Problem::EmailShape => words.email_shape.to_string(),
            Problem::EmailDomain => words.email_domain.to_string(),
            Problem::UsZip => words.us_zip.to_string(),
            Problem::Postcode => fill(words.angle_brackets, &[named(&Field::PostalCode)]),
            Problem::NotListed(field) => fill(words.from_list, &[named(field)]),
        }
    }
}

/// In English.
impl fmt::Display for Problem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message(crate::i18n::Lang::En.signer_words()))
    }
}

/// Format characters (Unicode category Cf) and separators that are invisible in a name field.
/// ZERO WIDTH NON-JOINER (U+200C) and ZERO WIDTH JOINER (U+200D) are allowed: Persian, Indic and
/// other names are written with them.
fn invisible(c: char) -> bool {
    if c == '\u{200C}' || c == '\u{200D}' {
        return false;
    }
    c.is_control()
        || matches!(c as u32,
            0x00AD | 0x034F | 0x061C | 0x115F | 0x1160 | 0x17B4 | 0x17B5 | 0x180B..=0x180F
            | 0x0600..=0x0605 | 0x06DD | 0x070F | 0x0890 | 0x0891 | 0x08E2
            | 0x200B..=0x200F | 0x2028..=0x202E | 0x2060..=0x206F | 0x3164
            | 0xFE00..=0xFE0F | 0xFEFF | 0xFFA0 | 0xFFF0..=0xFFFB
            | 0x110BD | 0x110CD | 0x13430..=0x1343F | 0x1BCA0..=0x1BCA3 | 0x1D173..=0x1D17A
            | 0xE0000..=0xE0FFF)
}

/// Trims and collapses runs of white space to one space.
pub fn tidy(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

/// A name, filled in: a person's given or family name, a congregation's, a city's. (Whether one
/// must be is its form's kind's business: [`Draft::check`].)
pub fn name(field: Field, raw: &str) -> Result<String, Problem> {
    let v = tidy(raw);
    if v.is_empty() {
        return Err(Problem::Missing(field));
    }
    if v.chars().any(invisible) {
        return Err(Problem::Invisible(field));
    }
    if v.contains(['<', '>']) {
        return Err(Problem::AngleBrackets(field));
    }
    if v.chars().count() > NAME_MAX {
        return Err(Problem::TooLong(field, NAME_MAX));
    }
    Ok(v)
}

/// An email address: its syntax ([`super::email_syntax`]), plus a domain with a dot, since the
/// address must be reachable on the internet.
pub fn email(raw: &str) -> Result<String, Problem> {
    let v = raw.trim().to_string();
    if v.is_empty() {
        return Err(Problem::Missing(Field::Email));
    }
    if v.chars().any(|c| invisible(c) || c.is_whitespace()) {
        return Err(if v.chars().any(invisible) {
            Problem::Invisible(Field::Email)
        } else {
            Problem::EmailShape
        });
    }
    if v.chars().count() > EMAIL_MAX {
        return Err(Problem::TooLong(Field::Email, EMAIL_MAX));
    }
    if !super::email_syntax::is_valid(&v) {
        return Err(Problem::EmailShape);
    }
    let domain = v.rsplit('@').next().unwrap_or("");
    if !domain.contains('.')
        || domain.starts_with('.')
        || domain.ends_with('.')
        || domain.starts_with('[')
    {
        return Err(Problem::EmailDomain);
    }
    Ok(v)
}

/// A postal code: a US ZIP (5 digits or ZIP+4) for the US, free-form elsewhere.
pub fn postal_code(raw: &str, country: &str) -> Result<String, Problem> {
    let v = tidy(raw);
    if v.is_empty() {
        return Err(Problem::Missing(Field::PostalCode));
    }
    if country == "US" {
        let digits = |s: &str, n: usize| s.len() == n && s.bytes().all(|b| b.is_ascii_digit());
        // ZIP+4 typed without its hyphen (a numeric keypad has none) is accepted too.
        if digits(&v, 9) {
            let mut zip = v;
            zip.insert(5, '-');
            return Ok(zip);
        }
        let ok = match v.split_once('-') {
            None => digits(&v, 5),
            Some((a, b)) => digits(a, 5) && digits(b, 4),
        };
        return if ok { Ok(v) } else { Err(Problem::UsZip) };
    }
    if v.chars().any(invisible) {
        return Err(Problem::Invisible(Field::PostalCode));
    }
    if v.chars().count() > POSTCODE_MAX {
        return Err(Problem::TooLong(Field::PostalCode, POSTCODE_MAX));
    }
    if v.contains(['<', '>']) {
        return Err(Problem::Postcode);
    }
    // ASCII only: full Unicode case tables would cost every visitor kilobytes of wasm, and
    // postcodes that use letters use Latin ones.
    Ok(v.to_ascii_uppercase())
}

pub fn country(raw: &str) -> Result<String, Problem> {
    listed(Field::Country, raw, is_country)
}

/// A place on a letter's list: a US state (`US-NY`) or another country (`crate::places`).
pub fn place(raw: &str) -> Result<String, Problem> {
    listed(Field::Place, raw, crate::places::is_place)
}

/// A title from a letter's list (`crate::titles`): the usual ones, or one the content adds,
/// which the signer does not know; each is a slug.
pub fn title(raw: &str) -> Result<String, Problem> {
    listed(Field::Title, raw, crate::titles::is_title)
}

/// A box: ticked (`yes`) or not (empty). Never a problem.
pub fn tick(raw: &str) -> String {
    if raw == "yes" { "yes" } else { "" }.to_string()
}

/// A value chosen from a list: one `listed` says it has.
fn listed(field: Field, raw: &str, is: impl Fn(&str) -> bool) -> Result<String, Problem> {
    let v = raw.trim();
    if v.is_empty() {
        return Err(Problem::Missing(field));
    }
    if is(v) {
        Ok(v.to_string())
    } else {
        Err(Problem::NotListed(field))
    }
}

/// What the visitor typed, as typed.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Draft {
    pub title: String,
    pub given_name: String,
    pub family_name: String,
    pub email: String,
    pub organization: String,
    pub city: String,
    pub place: String,
    pub postal_code: String,
    pub country: String,
    /// A letter's "list my name with it": `yes` or empty.
    pub list_name: String,
    pub email_opt_in: bool,
}

/// What the visitor typed, checked and tidied: a draft every field of which its form's checks
/// let through ([`Draft::validate`]), with nothing else of its own, so a field added to the draft
/// is a field of every signer, and of every payload that writes one out
/// (`super::payload`, which takes it apart whole).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signer(Draft);

impl Signer {
    /// A signer from values checked before: a stored signature's (`super::payload`), or a
    /// test's.
    pub fn checked(values: Draft) -> Signer {
        Signer(values)
    }

    /// The same signer with only what a form of `kind` asks for: the updates signup offered
    /// after signing a petition sends no more of what was typed than the signup asks.
    pub fn asked_by(mut self, kind: Kind) -> Signer {
        for f in Field::ALL {
            if !kind.fields().contains(&f) {
                self.0.set(f, String::new());
            }
        }
        self
    }
}

impl std::ops::Deref for Signer {
    type Target = Draft;
    fn deref(&self) -> &Draft {
        &self.0
    }
}

impl std::ops::DerefMut for Signer {
    fn deref_mut(&mut self) -> &mut Draft {
        &mut self.0
    }
}

impl Draft {
    /// The value of one field as typed.
    pub fn get(&self, field: Field) -> &str {
        match field {
            Field::Title => &self.title,
            Field::GivenName => &self.given_name,
            Field::FamilyName => &self.family_name,
            Field::Email => &self.email,
            Field::Organization => &self.organization,
            Field::City => &self.city,
            Field::Place => &self.place,
            Field::PostalCode => &self.postal_code,
            Field::Country => &self.country,
            Field::ListName => &self.list_name,
        }
    }

    pub fn set(&mut self, field: Field, value: String) {
        match field {
            Field::Title => self.title = value,
            Field::GivenName => self.given_name = value,
            Field::FamilyName => self.family_name = value,
            Field::Email => self.email = value,
            Field::Organization => self.organization = value,
            Field::City => self.city = value,
            Field::Place => self.place = value,
            Field::PostalCode => self.postal_code = value,
            Field::Country => self.country = value,
            Field::ListName => self.list_name = value,
        }
    }

    /// Checks one field as a form of `kind` asks for it: a field it may leave empty may be
    /// empty; the postal code is checked against the chosen country.
    pub fn check(&self, field: Field, kind: Kind) -> Option<Problem> {
        if !kind.requires(field) && self.get(field).trim().is_empty() {
            return None;
        }
        self.checked(field).err()
    }

    /// A field's value, checked and tidied.
    fn checked(&self, field: Field) -> Result<String, Problem> {
        match field {
            Field::GivenName | Field::FamilyName | Field::Organization | Field::City => {
                name(field, self.get(field))
            }
            Field::Title => title(&self.title),
            Field::Email => email(&self.email),
            Field::Place => place(&self.place),
            Field::PostalCode => postal_code(&self.postal_code, self.country.trim()),
            Field::Country => country(&self.country),
            Field::ListName => Ok(tick(&self.list_name)),
        }
    }

    /// Every problem with what a form of `kind` asks for, in the form's order; or the signer,
    /// tidied. The fields it does not ask for are left empty. Where sending the form is itself
    /// the consent (the updates signup), the signer has consented.
    pub fn validate(&self, kind: Kind) -> Result<Signer, Vec<Problem>> {
        let problems: Vec<Problem> = kind
            .fields()
            .iter()
            .filter_map(|f| self.check(*f, kind))
            .collect();
        if !problems.is_empty() {
            return Err(problems);
        }
        let mut signer = Draft {
            email_opt_in: match kind.consent() {
                Consent::Box => self.email_opt_in,
                Consent::Itself => true,
            },
            ..Draft::default()
        };
        for f in kind.fields() {
            if !self.get(*f).trim().is_empty() {
                signer.set(*f, self.checked(*f).unwrap_or_default());
            }
        }
        Ok(Signer(signer))
    }
}
