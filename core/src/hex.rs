//! Bytes as lowercase hexadecimal: a UUID's digits, a field's fresh name in event mode.
//!
//! Written out rather than with `format!("{:02x}")`, which would bring `core`'s number
//! formatting into the signer's wasm for this alone (README, "Size").

const DIGITS: &[u8; 16] = b"0123456789abcdef";

/// `bytes` as two lowercase hex digits each.
pub fn hex(bytes: &[u8]) -> String {
    let mut out = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        out.push(char::from(DIGITS[usize::from(b >> 4)]));
        out.push(char::from(DIGITS[usize::from(b & 0xf)]));
    }
    out
}

#[cfg(test)]
mod tests {
    use super::hex;

    #[test]
    fn each_byte_is_two_lowercase_digits() {
        assert_eq!(hex(&[]), "");
        assert_eq!(hex(&[0x00, 0x0f, 0xa0, 0xff, 0x42]), "000fa0ff42");
    }
}
