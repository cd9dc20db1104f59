//! A record of consent: which wording a signer agreed to. Each signature and signup carries the
//! version of the consent text the visitor saw, in their language, so staff can later tell who
//! agreed to what after the wording changes.

/// The consent text's version: 8 hex digits of its 32-bit FNV-1a hash. A version label, not a
/// security measure: FNV-1a is a few lines and adds nothing to the signer's wasm, where a
/// cryptographic hash crate would. Computed where the form is rendered, from the very text it
/// shows.
pub const fn version(wording: &str) -> [u8; 8] {
    let bytes = wording.as_bytes();
    let mut hash: u32 = 0x811c_9dc5;
    let mut i = 0;
    while i < bytes.len() {
        hash ^= bytes[i] as u32;
        hash = hash.wrapping_mul(0x0100_0193);
        i += 1;
    }
    let digits = b"0123456789abcdef";
    let mut out = [0u8; 8];
    let mut n = 0;
    while n < 8 {
        out[n] = digits[((hash >> (28 - 4 * n)) & 0xf) as usize];
        n += 1;
    }
    out
}

/// [`version`] as text.
pub fn version_text(wording: &str) -> String {
    String::from_utf8_lossy(&version(wording)).into_owned()
}

/// The OSDI tag that records a ticked box's wording: `consent:<version>`.
pub fn tag(version: &str) -> String {
    format!("consent:{version}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_version_is_fnv1a_of_the_wording_and_changes_with_it() {
        // FNV-1a 32's published test vectors.
        assert_eq!(version_text(""), "811c9dc5");
        assert_eq!(version_text("a"), "e40c292c");
        assert_eq!(version_text("foobar"), "bf9cf968");
        let en = version_text("Send me updates and action alerts");
        assert_ne!(en, version_text("Send me updates and action alerts."));
        assert_ne!(en, version_text("Envíame novedades y alertas de acción"));
        assert_eq!(tag(&en), format!("consent:{en}"));
    }
}
