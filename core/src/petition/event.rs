//! Event mode: staff collecting a room's signatures on one device (a tablet at a rally, a
//! congregation's lobby). A link to an action's page with `?event=<name>` starts it, for that
//! tab, until staff leave it; the signer does the rest (`signer/src/form/event.rs`):
//!
//! - after each signature the form is empty again at once, consent unticked, with nothing of the
//!   last person on screen (no thank-you by name, no "saved on this device" with its buttons);
//!   the fields take fresh names for each person, so the browser's autofill, which keys on a
//!   field's name, has nothing of the last person to offer the next;
//! - what someone began to type and left is cleared after [`IDLE_MS`] without input;
//! - each signature keeps the time it was made and carries the event's name as its source;
//! - a staff panel says how many signatures wait on the device and how many were sent, with
//!   nothing personal, and leaves event mode.
//!
//! Signatures wait in the outbox until the device is online, and go in the order they were made.

/// The link parameter that starts event mode, with the event's name: `?event=Shabbat+rally`.
pub const PARAM: &str = "event";

/// How long a form in event mode waits without input before clearing what was typed.
pub const IDLE_MS: u32 = 2 * 60_000;

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

/// Where a tab keeps that it is in event mode, and for which event (`sessionStorage`): one key
/// per deployment, as the outbox's (`crate::contract::outbox_key`).
pub fn storage_key(outbox_key: &str) -> String {
    format!("{outbox_key} event")
}

#[cfg(test)]
mod tests {
    use super::*;

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
