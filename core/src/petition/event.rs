//! Event mode: staff collecting a room's signatures on one device (a tablet at a rally, a
//! congregation's lobby). A link to an action's page with `?event=<name>` starts it, for that
//! tab, once staff have chosen the event's passphrase, until they leave it with the same
//! passphrase. The signer runs the room (`signer/src/form/event.rs`), `js/event-mode.js` the
//! staff panel and the event's vault (`js/vault.js`):
//!
//! - each signature is sealed as it is made, with the event's public key: the device keeps it
//!   only sealed, and its private key only wrapped under the staff passphrase (README, "Event
//!   mode: a device that can be lost");
//! - between people, a screen with nothing of the last one invites the next to start; the
//!   fields take fresh names for each person, so the browser's autofill, which keys on a field's
//!   name, has nothing of the last person to offer the next;
//! - a half-filled form left without input for [`IDLE_MS`] is cleared, after a countdown of
//!   [`COUNTDOWN_MS`] that any touch stops;
//! - each signature keeps the time it was made and carries the event's source code;
//! - the staff panel says how many signatures wait on the device, sealed, when the last one went
//!   and which the endpoint refused (nothing personal); staff unlock it to send them (for
//!   [`UNLOCKED_MS`] after their last action), save them to a file (still sealed) and import one.
//!
//! Signatures wait in the outbox, sealed, until staff unlock the device while it is online, and
//! go in the order they were made.

/// The link parameter that starts event mode, with the event's name: `?event=Shabbat+rally`.
pub const PARAM: &str = "event";

/// How long a form in event mode waits without input before clearing what was typed.
pub const IDLE_MS: u32 = 2 * 60_000;

/// How long before clearing the form the countdown shows ("Still there? Clearing in 15 s").
pub const COUNTDOWN_MS: u32 = 15_000;

/// Longest kept event name, in characters.
pub const NAME_MAX: usize = 60;

/// The event's name as a link gave it, tidied: one line of at most [`NAME_MAX`] characters,
/// without control characters. `None` for one that is empty.
pub fn name(raw: &str) -> Option<String> {
    let name: String = super::validate::tidy(raw)
        .chars()
        .filter(|c| !c.is_control())
        .take(NAME_MAX)
        .collect();
    let name = name.trim().to_string();
    (!name.is_empty()).then_some(name)
}

/// The source code an event's signatures carry (OSDI's `referrer_data.source`, the flat
/// adapters' `source`), made from its name so staff can filter on it: `event-`, then the name in
/// lower case with every run of spaces and punctuation one hyphen, and the accents of Latin
/// letters taken off ("Shabbat rally" → `event-shabbat-rally`, "Marcha por la dignidad, día 2" →
/// `event-marcha-por-la-dignidad-dia-2`). Letters of other scripts stay as they are (a Hebrew
/// name keeps its letters). Without Unicode's case tables, which would weigh on the signer.
pub fn source_code(name: &str) -> String {
    let mut code = String::from("event");
    let mut gap = true;
    for c in name.chars() {
        let c = fold(c);
        if c.is_ascii_alphanumeric() || (!c.is_ascii() && !c.is_whitespace() && !c.is_control()) {
            if gap {
                code.push('-');
                gap = false;
            }
            code.push(c.to_ascii_lowercase());
        } else {
            gap = true;
        }
    }
    code
}

/// A Latin letter with an accent as the plain letter (lower case), and a few typographic
/// marks as the punctuation they are; any other character as it is.
fn fold(c: char) -> char {
    const FROM: &str = "àáâãäåāăąÀÁÂÃÄÅĀĂĄçćčÇĆČďĎèéêëēėęěÈÉÊËĒĖĘĚìíîïīįÌÍÎÏĪĮñńňÑŃŇòóôõöøōőÒÓÔÕÖØŌŐŕřŔŘśšşŚŠŞťţŤŢùúûüūůűųÙÚÛÜŪŮŰŲýÿÝŸźżžŹŻŽ’‘“”–—";
    const TO: &str = "aaaaaaaaaaaaaaaaaaccccccddeeeeeeeeeeeeeeeeiiiiiiiiiiiinnnnnnoooooooooooooooorrrrssssssttttuuuuuuuuuuuuuuuuyyyyzzzzzz''\"\"--";
    FROM.chars()
        .position(|f| f == c)
        .and_then(|i| TO.chars().nth(i))
        .unwrap_or(c)
}

/// Where a tab keeps that it is in event mode, and for which event (`sessionStorage`): one key
/// per deployment, as the outbox's (`crate::contract::outbox_key`).
pub fn storage_key(outbox_key: &str) -> String {
    format!("{outbox_key} event")
}

/// Where a tab keeps which of the device's vaults seals its event's signatures (its id, nothing
/// secret: the vault itself is in the outbox, its private key wrapped under the passphrase).
pub fn vault_key(outbox_key: &str) -> String {
    format!("{outbox_key} vault")
}

/// How long an event's signatures stay unlocked after the staff's last action in the panel: 5
/// minutes. Then the event's private key is dropped from memory, and sending stops until staff
/// unlock again.
pub const UNLOCKED_MS: u32 = 5 * 60_000;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_event_s_source_code_is_lower_case_with_no_spaces() {
        assert_eq!(source_code("Shabbat rally"), "event-shabbat-rally");
        assert_eq!(source_code("Shabbat+rally"), "event-shabbat-rally");
        assert_eq!(
            source_code("Marcha por la dignidad, día 2"),
            "event-marcha-por-la-dignidad-dia-2"
        );
        assert_eq!(source_code("  ÉXODO — Pésaj  "), "event-exodo-pesaj");
        assert_eq!(
            source_code("Temple Beth-El’s vigil"),
            "event-temple-beth-el-s-vigil"
        );
        assert_eq!(source_code("שבת"), "event-שבת");
        assert_eq!(source_code("!!!"), "event");
        for name in ["Shabbat rally", "Marcha por la dignidad", "שבת"] {
            let code = source_code(name);
            assert!(!code.contains(' ') && code == code.to_lowercase(), "{code}");
        }
    }

    #[test]
    fn an_event_s_name_is_one_clean_line() {
        assert_eq!(
            name("  Shabbat   rally\n").as_deref(),
            Some("Shabbat rally")
        );
        assert_eq!(name("Rally\u{7}\u{0}").as_deref(), Some("Rally"));
        assert_eq!(name(" \t "), None);
        assert_eq!(name(&"x".repeat(100)).unwrap().chars().count(), NAME_MAX);
        assert_eq!(
            name("Marcha por la dignidad").as_deref(),
            Some("Marcha por la dignidad")
        );
    }
}
