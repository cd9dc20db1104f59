//! A form's state, and every way it changes: one enum, changed only by [`FormState::on`]. The
//! signer (`signer/src/form/`) turns what happens on the page (a submit, the outbox's news, a
//! button) into an [`Event`], keeps the state this returns, moves the focus where it says, and
//! shows what [`FormState::view`] (`super::form_view`) says the state looks like. No flag of
//! its own decides what a visitor sees.

use super::outbox::Status;
use super::validate::{Problem, Signer};
use crate::field::Field;

/// Where a form stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum FormState {
    /// The form, to fill in, with the problems the last submit found (as the visitor has fixed
    /// them since), and what the status line says of why it is empty.
    Filling { problems: Vec<Problem>, said: Said },
    /// A submit the bot checks caught (the honeypot filled, or a script's speed): it looks
    /// thanked, and nothing was sent.
    Decoy,
    /// A signature this form knows, and where it stands. (Boxed: it holds what the visitor
    /// typed, and a state is moved with every change.)
    Signature(Box<Signature>),
    /// Event mode, between people: the screen that invites the next one to start, with nothing
    /// of the last one on it; the status line says why it is there (the last person signed, or
    /// what was typed was cleared).
    Welcome { said: Said },
}

/// Why a form is empty, as its status line says it.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Said {
    /// Nothing: as it was first shown, or after the visitor's own "sign for someone else".
    Nothing,
    /// The signature it showed was just removed from the device at the visitor's asking.
    Forgotten,
    /// Event mode: the last person's signature was kept to be sent, and the form is the next
    /// person's, with nothing of the last one in it.
    NextPerson,
    /// Event mode: what someone had started typing was cleared after two minutes without input.
    Cleared,
    /// Event mode: a half-filled form has had no input for a while, and will be cleared unless
    /// someone touches the screen (the countdown shows).
    StillThere,
}

/// A signature a form shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Signature {
    /// Its idempotency key: the outbox's news about it comes by it.
    pub key: String,
    pub status: Status,
    /// What the visitor sent, if they sent it from this page (a signature an earlier visit left
    /// has none to show: no name in the thank-you, no offer, no plain post).
    pub made_here: Option<Signer>,
    /// The updates signup offered after signing, once the visitor said yes.
    pub offer: Option<Offer>,
}

/// The updates signup a visitor accepted after signing, and where it stands.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Offer {
    pub key: String,
    pub status: Status,
}

/// Where a change moves the keyboard's focus.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Focus {
    /// The error summary, after a submit that found problems.
    Errors,
    /// The thank-you, once a signature the visitor just sent has arrived.
    Outcome,
    /// What a signature kept on the device says, once one the visitor just sent is kept.
    Saved,
    /// The form's first field, to start again.
    FirstField,
    /// Event mode: the welcome screen's start button, for the next person.
    Start,
}

/// What happens to a form.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Event {
    /// A submit found these problems.
    Invalid(Vec<Problem>),
    /// A field marked wrong was typed in again: its problem now (`None`: fixed).
    Rechecked(Field, Option<Problem>),
    /// A submit the bot checks caught.
    Bot,
    /// A valid submit was queued under this key, and is now where `status` says.
    Sent {
        key: String,
        /// Boxed: a signer has every field any form asks for, and the other events are small.
        signer: Box<Signer>,
        status: Status,
    },
    /// An earlier visit left a signature for this form, still waiting on the device.
    Restored { key: String, status: Status },
    /// The outbox's news about a signature: where it stands now, or `None` once it is gone from
    /// the device (tried for long enough, or forgotten in another tab).
    News { key: String, status: Option<Status> },
    /// An empty form: "sign for someone else", "forget this signature", or in event mode, after
    /// each signature and after two minutes without input. `said` says which.
    Afresh { said: Said },
    /// The visitor said yes to the updates after signing: that signup was queued under this
    /// key, and is now where `status` says.
    OfferSent { key: String, status: Status },
    /// Event mode: the screen between people (after a signature, after clearing what was left,
    /// and before the first). `said` says why.
    Welcome { said: Said },
    /// Event mode: a half-filled form has had no input for a while: the countdown starts.
    StillThere,
    /// Event mode: someone touched the screen during the countdown: the form stays.
    StillHere,
}

impl Default for FormState {
    fn default() -> FormState {
        FormState::Filling {
            problems: Vec::new(),
            said: Said::Nothing,
        }
    }
}

/// Whether a signature's status is one the visitor just caused to arrive or be kept, and so
/// where their focus goes.
fn focus_after(status: &Status) -> Option<Focus> {
    match status {
        Status::Signed | Status::Unconfirmed => Some(Focus::Outcome),
        Status::Saved | Status::Unreachable | Status::Waiting => Some(Focus::Saved),
        Status::Sending | Status::Refused(_) => None,
    }
}

impl FormState {
    /// Whether a submit now would send the same signature twice: it is being sent.
    pub fn sending(&self) -> bool {
        match self {
            FormState::Signature(s) => s.status == Status::Sending,
            FormState::Filling { .. } | FormState::Decoy | FormState::Welcome { .. } => false,
        }
    }

    /// The signature this form shows, if any.
    pub fn key(&self) -> Option<&str> {
        match self {
            FormState::Signature(s) => Some(&s.key),
            FormState::Filling { .. } | FormState::Decoy | FormState::Welcome { .. } => None,
        }
    }

    /// The updates signup accepted after signing, if any.
    pub fn offer_key(&self) -> Option<&str> {
        match self {
            FormState::Signature(s) => s.offer.as_ref().map(|o| o.key.as_str()),
            FormState::Filling { .. } | FormState::Decoy | FormState::Welcome { .. } => None,
        }
    }

    /// What the visitor sent from this page, if the form shows it.
    pub fn made_here(&self) -> Option<&Signer> {
        match self {
            FormState::Signature(s) => s.made_here.as_ref(),
            FormState::Filling { .. } | FormState::Decoy | FormState::Welcome { .. } => None,
        }
    }

    /// The problems the form shows.
    pub fn problems(&self) -> &[Problem] {
        match self {
            FormState::Filling { problems, .. } => problems,
            FormState::Decoy | FormState::Signature(_) | FormState::Welcome { .. } => &[],
        }
    }

    /// The state after `event`, and where the focus goes. An event about another signature
    /// than the one shown, or one that does not apply now, changes nothing.
    pub fn on(self, event: Event) -> (FormState, Option<Focus>) {
        match (self, event) {
            (state, Event::Invalid(problems)) if !state.sending() => (
                FormState::Filling {
                    problems,
                    said: Said::Nothing,
                },
                Some(Focus::Errors),
            ),
            (FormState::Filling { mut problems, said }, Event::Rechecked(field, now)) => {
                if let Some(i) = problems.iter().position(|p| p.field() == field) {
                    match now {
                        Some(p) => problems[i] = p,
                        None => {
                            problems.remove(i);
                        }
                    }
                }
                (FormState::Filling { problems, said }, None)
            }
            (state, Event::Bot) if !state.sending() => (FormState::Decoy, Some(Focus::Outcome)),
            (
                state,
                Event::Sent {
                    key,
                    signer,
                    status,
                },
            ) if !state.sending() => {
                let focus = focus_after(&status);
                let signature = Signature {
                    key,
                    status,
                    made_here: Some(*signer),
                    offer: None,
                };
                (FormState::Signature(Box::new(signature)), focus)
            }
            // What an earlier visit left shows only on a form with nothing of its own yet.
            (FormState::Filling { .. }, Event::Restored { key, status }) => (
                FormState::Signature(Box::new(Signature {
                    key,
                    status,
                    made_here: None,
                    offer: None,
                })),
                None,
            ),
            (FormState::Signature(mut s), Event::News { key, status }) if key == s.key => {
                match status {
                    Some(status) => {
                        // A visitor who sent it from here follows it; one left by an earlier
                        // visit is only shown.
                        let focus = s
                            .made_here
                            .as_ref()
                            .and_then(|_| focus_after(&status))
                            .filter(|_| status != s.status);
                        s.status = status;
                        (FormState::Signature(s), focus)
                    }
                    None => (FormState::default(), None),
                }
            }
            (FormState::Signature(mut s), Event::News { key, status }) => {
                if let (Some(offer), Some(status)) = (s.offer.as_mut(), status) {
                    if offer.key == key {
                        offer.status = status;
                    }
                }
                (FormState::Signature(s), None)
            }
            (_, Event::Afresh { said }) => (
                FormState::Filling {
                    problems: Vec::new(),
                    said,
                },
                Some(Focus::FirstField),
            ),
            (FormState::Signature(mut s), Event::OfferSent { key, status })
                if s.offer.is_none() && s.made_here.is_some() =>
            {
                s.offer = Some(Offer { key, status });
                (FormState::Signature(s), None)
            }
            // The screen between people takes the focus to its start button.
            (_, Event::Welcome { said }) => (FormState::Welcome { said }, Some(Focus::Start)),
            (FormState::Filling { problems, .. }, Event::StillThere) => (
                FormState::Filling {
                    problems,
                    said: Said::StillThere,
                },
                None,
            ),
            (
                FormState::Filling {
                    problems,
                    said: Said::StillThere,
                },
                Event::StillHere,
            ) => (
                FormState::Filling {
                    problems,
                    said: Said::Nothing,
                },
                None,
            ),
            (state, _) => (state, None),
        }
    }
}
