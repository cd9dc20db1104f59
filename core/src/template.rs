//! Templates: text with gaps to fill. The words' templates (`crate::i18n`) have `{}` gaps,
//! filled in order ([`fill`]); addresses and element ids have named gaps such as `{petition}`
//! ([`put`]). Both split at a `'{'` only: a string pattern (`"{}"`, `str::replace`) would pull
//! Rust's two-way string searcher, about 2 KB, into the signer's wasm.

/// Fills a template's `{}` with `args`, in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut args = args.iter();
    gaps(template, |after| {
        let rest = after.strip_prefix('}')?;
        Some((args.next().copied().unwrap_or(""), rest))
    })
}

/// A template with one `{}`, as the text before it and after it: for a view that puts an
/// element of its own in the gap (an address, a host), where `fill` would make it plain text.
pub fn around(template: &str) -> (&str, &str) {
    template.split_once("{}").unwrap_or((template, ""))
}

/// Puts each `(name, value)` into a template's named gaps (`{name}`); a gap with no value, or
/// a `{` that starts none, stays as it is.
pub fn put(template: &str, values: &[(&str, &str)]) -> String {
    gaps(template, |after| {
        let (name, rest) = after.split_once('}')?;
        let (_, value) = values.iter().find(|(n, _)| *n == name)?;
        Some((value, rest))
    })
}

/// Copies a template, asking `gap`, at each `{`, with the text after it, for what goes in its
/// place and the text after the gap; a `{` it answers `None` for stays as it is.
fn gaps<'t, 'v>(
    template: &'t str,
    mut gap: impl FnMut(&'t str) -> Option<(&'v str, &'t str)>,
) -> String {
    let mut out = String::with_capacity(template.len());
    let mut rest = template;
    // Split at each '{' (a char pattern: a `"{}"` pattern pulls the two-way string searcher,
    // 2 KB, into the signer's wasm).
    while let Some((before, after)) = rest.split_once('{') {
        out.push_str(before);
        match gap(after) {
            Some((value, after)) => {
                out.push_str(value);
                rest = after;
            }
            None => {
                out.push('{');
                rest = after;
            }
        }
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(
            fill(
                crate::i18n::Lang::En.page_words().get_resource,
                &["A Midrash", "T’ruah"]
            ),
            "Get A Midrash from T’ruah"
        );
        assert_eq!(
            fill(
                crate::i18n::Lang::Es.signer_words().thank_you_name,
                &["Ana María"]
            ),
            "Gracias, Ana María."
        );
        assert_eq!(fill("no args", &[]), "no args");
        assert_eq!(fill("{} and {}", &["one"]), "one and ");
        assert_eq!(fill("{a} {}{", &["x"]), "{a} x{");
    }

    #[test]
    fn a_template_splits_around_its_gap() {
        assert_eq!(
            around(crate::i18n::Lang::En.page_words().privacy_default).0,
            "When you send this, your details go to "
        );
        assert!(around(crate::i18n::Lang::En.page_words().privacy_default)
            .1
            .starts_with(". Until they are sent"));
        assert_eq!(around("no gap"), ("no gap", ""));
    }

    #[test]
    fn named_gaps_take_their_values() {
        assert_eq!(
            put(
                "https://x/{petition}/{form}?{petition}",
                &[("petition", "p-1"), ("form", "f")]
            ),
            "https://x/p-1/f?p-1"
        );
        assert_eq!(
            put("{prefix}-{part}", &[("prefix", "a"), ("part", "b")]),
            "a-b"
        );
        assert_eq!(put("{other} {x", &[("prefix", "a")]), "{other} {x");
        assert_eq!(put("no gaps", &[]), "no gaps");
    }
}
