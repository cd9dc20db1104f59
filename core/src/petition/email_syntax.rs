//! An email address's syntax: RFC 5322's `addr-spec` with RFC 6531's UTF-8, as the
//! `email_address` crate checks it (with its default options), which the site used before.
//!
//! Why not that crate: in the signer's wasm it weighed 3.2 KB brotli, a sixteenth of the
//! signer every visitor downloads to sign, for one check (`make bench`; README, "Size"). Most
//! of that is the Unicode tables behind `char::is_alphanumeric`, which it asks of a domain
//! label's first and last character. Here any character outside ASCII counts as a letter there,
//! as the crate already counts it everywhere else in an address: a label that begins with a
//! non-ASCII symbol (no registry issues one) is let through to the endpoint, which refuses it,
//! and the visitor is told. Nor does it take a display name (`Ana <ana@example.org>`), which
//! [`super::validate::email`] refuses for its space before asking. In every other respect the
//! two agree, and a test holds them to it on
//! a corpus of addresses and on every one-character change to it (`agrees_with_email_address`,
//! with the crate as a test-only dependency).
//!
//! Written without slicing a `str` by index, which brings `core`'s panic formatting into the wasm.

/// Longest local part (before the `@`), in bytes: RFC 5321.
const LOCAL_MAX: usize = 64;
/// Longest domain, in bytes.
const DOMAIN_MAX: usize = 254;
/// Longest label of a domain (between its dots), in bytes: RFC 1034.
const LABEL_MAX: usize = 63;

/// Whether `address` is an email address's syntax: a local part (dot-separated atoms, or a
/// quoted string), `@`, and a domain (dot-separated labels, or a literal in brackets).
pub fn is_valid(address: &str) -> bool {
    match address.rsplit_once('@') {
        Some((local, domain)) => local_part(local) && domain_part(domain),
        None => false,
    }
}

fn local_part(s: &str) -> bool {
    if s.is_empty() || s.len() > LOCAL_MAX {
        return false;
    }
    match s.strip_prefix('"').and_then(|s| s.strip_suffix('"')) {
        Some(quoted) => !quoted.is_empty() && quoted_content(quoted),
        None => s.split('.').all(atom),
    }
}

fn domain_part(s: &str) -> bool {
    if s.is_empty() || s.len() > DOMAIN_MAX {
        return false;
    }
    match s.strip_prefix('[').and_then(|s| s.strip_suffix(']')) {
        Some(literal) => literal.chars().all(dtext),
        None => s.split('.').all(label),
    }
}

/// A domain's label: begins and ends with a letter or digit.
fn label(s: &str) -> bool {
    let let_dig = |c: Option<char>| c.is_some_and(|c| c.is_ascii_alphanumeric() || !c.is_ascii());
    s.len() <= LABEL_MAX && let_dig(s.chars().next()) && let_dig(s.chars().next_back()) && atom(s)
}

fn atom(s: &str) -> bool {
    !s.is_empty() && s.chars().all(atext)
}

/// RFC 5322's `atext`, with RFC 6531's UTF-8.
fn atext(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '-'
                | '/'
                | '='
                | '?'
                | '^'
                | '_'
                | '`'
                | '{'
                | '|'
                | '}'
                | '~'
        )
        || !c.is_ascii()
}

/// A quoted string's content: `qtext`, spaces and tabs, and `\` before a visible character.
fn quoted_content(s: &str) -> bool {
    let mut chars = s.chars();
    while let Some(c) = chars.next() {
        let ok = match c {
            '\\' => chars.next().is_some_and(|c| ('\x21'..='\x7e').contains(&c)),
            ' ' | '\t' => true,
            c => {
                c == '\x21'
                    || ('\x23'..='\x5b').contains(&c)
                    || ('\x5d'..='\x7e').contains(&c)
                    || !c.is_ascii()
            }
        };
        if !ok {
            return false;
        }
    }
    true
}

/// A domain literal's `dtext`.
fn dtext(c: char) -> bool {
    ('\x21'..='\x5a').contains(&c) || ('\x5e'..='\x7e').contains(&c) || !c.is_ascii()
}

#[cfg(test)]
mod tests {
    use super::is_valid;

    /// Addresses real and broken, ASCII and not, at every limit.
    fn corpus() -> Vec<String> {
        let mut all: Vec<String> = [
            "ana@example.org",
            "ana.maria@example.org",
            "ana+truah@example.co.uk",
            "o'brien@example.ie",
            "josé@ejemplo.es",
            "ana@ejemplo-ñandú.es",
            "用户@例子.广告",
            "δοκιμή@παράδειγμα.δοκιμή",
            "x@y",
            "1@2.3",
            "a!#$%&'*+-/=?^_`{|}~@example.org",
            "\"ana maria\"@example.org",
            "\"ana\\\"q\"@example.org",
            "\"a\\\u{1}\"@example.org",
            "\"\"@example.org",
            "\"@example.org",
            "\"a\"b\"@example.org",
            "ana@[127.0.0.1]",
            "ana@[IPv6:2001:db8::1]",
            "ana@[a[b]",
            "ana",
            "ana@",
            "@example.org",
            "ana@@example.org",
            "ana@example..org",
            ".ana@example.org",
            "ana.@example.org",
            "ana..maria@example.org",
            "ana@-example.org",
            "ana@example-.org",
            "ana@.example.org",
            "ana@example.org.",
            "ana@exa_mple.org",
            "ana@exa mple.org",
            "an a@example.org",
            "ana@example.org>",
            "<ana@example.org>",
            "Ana <ana@example.org>",
            "ana(comment)@example.org",
            "ana@example,org",
            "ana\\@example.org",
            "ana;@example.org",
            "ana:@example.org",
        ]
        .map(String::from)
        .to_vec();
        all.push(format!("{}@example.org", "a".repeat(64)));
        all.push(format!("{}@example.org", "a".repeat(65)));
        all.push(format!("ana@{}.org", "a".repeat(63)));
        all.push(format!("ana@{}.org", "a".repeat(64)));
        all.push(format!("ana@{}", ["abcdefghi"; 25].join(".")));
        all.push(format!("ana@{}", ["abcdefghi"; 26].join(".")));
        all
    }

    /// Every address with one character removed, doubled, or replaced by one of a few that
    /// matter to the syntax.
    fn one_change(s: &str) -> Vec<String> {
        let chars: Vec<char> = s.chars().collect();
        let mut out = Vec::new();
        for i in 0..chars.len() {
            let mut removed = chars.clone();
            removed.remove(i);
            out.push(removed.iter().collect());
            let mut doubled = chars.clone();
            doubled.insert(i, chars[i]);
            out.push(doubled.iter().collect());
            for c in ['@', '.', '"', '\\', ' ', '-', '[', ']', '<', 'é', '\u{0}'] {
                let mut swapped = chars.clone();
                swapped[i] = c;
                out.push(swapped.iter().collect());
            }
        }
        out
    }

    /// Where a label begins or ends with a non-ASCII character that is not a letter or digit,
    /// this check lets through what the crate refuses; where a display name comes before the
    /// address, it refuses what the crate takes (see the module's note). Nowhere else do they
    /// differ.
    fn differs_only_by_design(address: &str, ours: bool) -> bool {
        let domain = address.rsplit_once('@').map_or("", |(_, d)| d);
        let symbol_at_a_label_end = domain.split('.').any(|label| {
            [label.chars().next(), label.chars().next_back()]
                .into_iter()
                .flatten()
                .any(|c| !c.is_ascii() && !c.is_alphanumeric())
        });
        if ours {
            symbol_at_a_label_end
        } else {
            address.contains(" <")
        }
    }

    #[test]
    fn agrees_with_email_address() {
        let corpus = corpus();
        let mut checked = 0;
        let mut accepted = 0;
        for address in corpus
            .iter()
            .cloned()
            .chain(corpus.iter().flat_map(|a| one_change(a)))
        {
            let theirs = email_address::EmailAddress::is_valid(&address);
            let ours = is_valid(&address);
            if ours != theirs {
                assert!(
                    differs_only_by_design(&address, ours),
                    "{address:?}: ours {ours}, email_address {theirs}"
                );
            }
            checked += 1;
            accepted += usize::from(ours);
        }
        // The corpus and its changes hold both kinds, in numbers.
        assert!(
            checked > 5_000 && accepted > 500 && checked - accepted > 500,
            "{checked} {accepted}"
        );
    }

    #[test]
    fn real_addresses_pass_and_broken_ones_do_not() {
        for ok in [
            "ana@example.org",
            "josé@ejemplo.es",
            "用户@例子.广告",
            "\"ana maria\"@x.org",
        ] {
            assert!(is_valid(ok), "{ok}");
        }
        for bad in [
            "ana",
            "ana@",
            "@x.org",
            "ana..b@x.org",
            "ana@-x.org",
            "a b@x.org",
            "ana@x..org",
        ] {
            assert!(!is_valid(bad), "{bad}");
        }
    }

    #[test]
    fn a_non_ascii_symbol_may_begin_a_label() {
        assert!(is_valid("ana@—example.org"));
        assert!(!email_address::EmailAddress::is_valid("ana@—example.org"));
    }
}
