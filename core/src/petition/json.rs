//! A tiny JSON writer, so payloads are byte-for-byte predictable and the wasm needs no serde_json.

/// Writes `s` as a JSON string literal.
pub fn string(out: &mut String, s: &str) {
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            // `<` and `>` escaped too, so a payload pasted into HTML can never close a tag.
            '<' => out.push_str("\\u003c"),
            '>' => out.push_str("\\u003e"),
            c if (c as u32) < 0x20 || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04x}", c as u32));
            }
            c => out.push(c),
        }
    }
    out.push('"');
}

/// A JSON value under construction.
pub enum Value<'a> {
    Str(&'a str),
    Bool(bool),
    Num(u64),
    Arr(Vec<Value<'a>>),
    Obj(Vec<(&'a str, Value<'a>)>),
}

impl Value<'_> {
    pub fn write(&self, out: &mut String) {
        match self {
            Value::Str(s) => string(out, s),
            Value::Bool(b) => out.push_str(if *b { "true" } else { "false" }),
            Value::Num(n) => out.push_str(&n.to_string()),
            Value::Arr(items) => {
                out.push('[');
                for (i, v) in items.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    v.write(out);
                }
                out.push(']');
            }
            Value::Obj(fields) => {
                out.push('{');
                for (i, (k, v)) in fields.iter().enumerate() {
                    if i > 0 {
                        out.push(',');
                    }
                    string(out, k);
                    out.push(':');
                    v.write(out);
                }
                out.push('}');
            }
        }
    }

    pub fn to_json(&self) -> String {
        let mut out = String::new();
        self.write(&mut out);
        out
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escapes_what_json_and_html_need() {
        let mut out = String::new();
        string(&mut out, "a\"b\\c\nd\u{1}</script>é");
        assert_eq!(out, r#""a\"b\\c\nd\u0001\u003c/script\u003eé""#);
    }

    #[test]
    fn writes_nested_values_compactly() {
        let v = Value::Obj(vec![
            ("a", Value::Arr(vec![Value::Num(1), Value::Bool(false)])),
            ("b", Value::Obj(vec![])),
        ]);
        assert_eq!(v.to_json(), r#"{"a":[1,false],"b":{}}"#);
    }
}
