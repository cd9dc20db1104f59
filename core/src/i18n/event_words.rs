//! The words of event mode's staff panel (`js/event-mode.js`, loaded in event mode only), which
//! the contract passes to it (`C.eventWords`) and nothing else carries: the passphrase that seals
//! the event's signatures, locking and unlocking, sending, saving them to a file and importing
//! one, a refused signature, leaving. Templates mark their arguments with `{}`.

/// One language's words for the staff panel.
#[derive(Debug, serde::Serialize)]
pub struct EventWords {
    /// "Event mode: {}" (the event's name).
    pub heading: &'static str,
    /// "Source code of its signatures: {}".
    pub code: &'static str,
    // Setting up: the event's passphrase.
    pub setup: &'static str,
    pub passphrase: &'static str,
    pub passphrase_again: &'static str,
    pub suggest: &'static str,
    /// "Suggested: {}. Write it down, away from this device, then use it."
    pub suggested: &'static str,
    pub use_suggested: &'static str,
    pub start: &'static str,
    pub starting: &'static str,
    /// Why a passphrase is refused (`js/vault.js`, `weakness`), and a second one that differs.
    pub too_short: &'static str,
    pub too_plain: &'static str,
    pub too_common: &'static str,
    pub differ: &'static str,
    // Where the event's signatures stand.
    /// "Waiting on this device, sealed: {}"
    pub waiting: &'static str,
    /// "Sent: {}"
    pub sent: &'static str,
    /// "Refused by the endpoint: {}"
    pub refused: &'static str,
    /// "Last sent at {}" (a time).
    pub last_sent: &'static str,
    pub none_sent: &'static str,
    // Locked and unlocked.
    /// The disclosure that holds the staff's controls.
    pub controls: &'static str,
    pub locked: &'static str,
    pub unlock: &'static str,
    pub unlocking: &'static str,
    /// "That passphrase does not open them. Try again in {} s."
    pub wrong: &'static str,
    /// "Wait {} s before the next try."
    pub wait: &'static str,
    /// "Unlocked until {}: …" (a time).
    pub unlocked: &'static str,
    pub offline: &'static str,
    pub lock: &'static str,
    pub send_now: &'static str,
    // A file of sealed signatures.
    pub export: &'static str,
    pub export_none: &'static str,
    /// "Signatures saved: {}, to {}" (how many, the file's name; worded so that any number reads right).
    pub exported: &'static str,
    pub import: &'static str,
    /// "Signatures imported: {}; already here or sent: {}."
    pub imported: &'static str,
    pub import_failed: &'static str,
    // A refused signature.
    /// "Refused: {}" (the endpoint's reason, without anyone's details in it).
    pub refused_item: &'static str,
    pub try_again: &'static str,
    pub delete: &'static str,
    pub delete_confirm: &'static str,
    // Leaving.
    pub leave: &'static str,
    /// "Still waiting on this device, sealed: {}. …"
    pub leave_confirm: &'static str,
    pub confirm: &'static str,
    pub cancel: &'static str,
}
