//! What a form looks like in each state ([`FormState::view`]): which of its parts show, and
//! what they say. A pure function of the state, the form's kind and its language, tested on
//! the host for every state; the signer shows it as it is (`signer/src/form/render.rs`).

use super::form_state::{FormState, Offer, Said, Signature};
use super::outbox::Status;
use super::validate::Problem;
use crate::i18n::SignerWords;
use crate::kind::{Consent, Kind};
use crate::template::fill;

/// What a form shows.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormView {
    /// The status line (`role="status"`): empty, sending, saved, signed, refused…
    pub status: String,
    /// Whether the form itself shows.
    pub form: bool,
    /// Whether its submit button is marked busy (`aria-disabled`): a submit now is ignored.
    pub busy: bool,
    /// The problems marked on the form and listed in its error summary.
    pub problems: Vec<Problem>,
    /// What a signature kept on this device says, if one is.
    pub kept: Option<Kept>,
    /// The thank-you, once a signature has arrived (or seems to have).
    pub done: Option<Done>,
    /// Event mode: the screen between people (with its start button) shows.
    pub welcome: bool,
    /// Event mode: the countdown to clearing a half-filled form shows.
    pub countdown: bool,
}

/// A signature kept on the device, waiting to be sent.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Kept {
    /// The service cannot be reached: the other ways to sign show.
    pub other_way: bool,
    /// The form can be sent as a plain HTML form: only what was typed on this page can be.
    pub send_plainly: bool,
}

/// The thank-you.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Done {
    /// "Thank you, Ana."
    pub thanks: String,
    /// That the service confirmed it, where it did.
    pub received: Option<&'static str>,
    /// That the visitor asked for updates.
    pub opted_in: bool,
    /// The offer of updates to one who did not ask for them.
    pub offer: OfferView,
}

/// The offer of updates after signing.
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum OfferView {
    /// Not made: the visitor asked already, the form's consent is its sending, the signature is
    /// an earlier visit's (its details are not here), or a bot's.
    Hidden,
    /// "Would you like updates too?" and its button.
    Asked,
    /// Accepted: what became of that signup.
    Accepted(String),
}

impl FormState {
    /// What the form shows in this state, for a form of `kind` in the language of `words`.
    pub fn view(&self, kind: Kind, words: &'static SignerWords) -> FormView {
        match self {
            FormState::Filling { problems, said } => FormView {
                status: said_words(*said, words),
                form: true,
                busy: false,
                problems: problems.clone(),
                kept: None,
                done: None,
                welcome: false,
                countdown: *said == Said::StillThere,
            },
            FormState::Welcome { said } => FormView {
                status: said_words(*said, words),
                form: false,
                busy: false,
                problems: Vec::new(),
                kept: None,
                done: None,
                welcome: true,
                countdown: false,
            },
            FormState::Decoy => FormView {
                status: kind.signer_words(words).signed.to_string(),
                form: false,
                busy: false,
                problems: Vec::new(),
                kept: None,
                done: Some(Done {
                    thanks: words.thank_you.to_string(),
                    received: None,
                    opted_in: false,
                    offer: OfferView::Hidden,
                }),
                welcome: false,
                countdown: false,
            },
            FormState::Signature(s) => signature_view(s, kind, words),
        }
    }
}

/// What the status line says of why a form (or the screen between people) is there.
fn said_words(said: Said, words: &'static SignerWords) -> String {
    match said {
        Said::Nothing => String::new(),
        Said::Forgotten => words.forgotten.to_string(),
        Said::NextPerson => words.next_person.to_string(),
        Said::Cleared => words.cleared.to_string(),
        Said::StillThere => words.still_there.to_string(),
    }
}

fn signature_view(s: &Signature, kind: Kind, words: &'static SignerWords) -> FormView {
    let status = s.status.message(kind, words);
    let view = |form: bool, busy: bool, kept: Option<Kept>, done: Option<Done>| FormView {
        status: status.clone(),
        form,
        busy,
        problems: Vec::new(),
        kept,
        done,
        welcome: false,
        countdown: false,
    };
    match &s.status {
        Status::Sending => view(true, true, None, None),
        Status::Refused(_) => view(true, false, None, None),
        Status::Saved | Status::Waiting => view(false, false, Some(kept(s, false)), None),
        Status::Unreachable => view(false, false, Some(kept(s, true)), None),
        Status::Signed => view(false, false, None, Some(done(s, kind, words, true))),
        Status::Unconfirmed => view(false, false, None, Some(done(s, kind, words, false))),
    }
}

fn kept(s: &Signature, unreachable: bool) -> Kept {
    Kept {
        other_way: unreachable,
        send_plainly: s.made_here.is_some(),
    }
}

fn done(s: &Signature, kind: Kind, words: &'static SignerWords, confirmed: bool) -> Done {
    let name = s.made_here.as_ref().map_or("", |m| m.given_name.as_str());
    let opted_in = s.made_here.as_ref().is_some_and(|m| m.email_opt_in);
    let offer = match (kind.consent(), &s.made_here, &s.offer) {
        (Consent::Itself, _, _) | (Consent::Box, None, _) => OfferView::Hidden,
        (Consent::Box, Some(_), _) if opted_in => OfferView::Hidden,
        (Consent::Box, Some(_), None) => OfferView::Asked,
        (Consent::Box, Some(_), Some(Offer { status, .. })) => OfferView::Accepted(match status {
            Status::Signed => Kind::Signup.signer_words(words).received.to_string(),
            other => other.message(Kind::Signup, words),
        }),
    };
    Done {
        thanks: if name.is_empty() {
            words.thank_you.to_string()
        } else {
            fill(words.thank_you_name, &[name])
        },
        received: confirmed.then_some(kind.signer_words(words).received),
        opted_in,
        offer,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::field::Field;
    use crate::i18n::Lang;
    use crate::petition::form_state::{Event, Focus};
    use crate::petition::validate::Signer;

    fn en() -> &'static SignerWords {
        Lang::En.signer_words()
    }

    fn ana(opt_in: bool) -> Signer {
        Signer::checked(crate::petition::validate::Draft {
            given_name: "Ana".into(),
            family_name: "Pérez".into(),
            email: "ana@example.org".into(),
            postal_code: "10001".into(),
            country: "US".into(),
            email_opt_in: opt_in,
            ..Default::default()
        })
    }

    fn sent(status: Status, opt_in: bool) -> FormState {
        FormState::default()
            .on(Event::Sent {
                key: "k".into(),
                signer: Box::new(ana(opt_in)),
                status,
            })
            .0
    }

    fn restored(status: Status) -> FormState {
        FormState::default()
            .on(Event::Restored {
                key: "k".into(),
                status,
            })
            .0
    }

    #[test]
    fn a_new_form_shows_only_itself() {
        let v = FormState::default().view(Kind::Petition, en());
        assert_eq!(
            v,
            FormView {
                status: String::new(),
                form: true,
                busy: false,
                problems: vec![],
                kept: None,
                done: None,
                welcome: false,
                countdown: false,
            }
        );
    }

    #[test]
    fn every_state_shows_exactly_one_of_the_form_what_is_kept_and_the_thank_you() {
        for kind in Kind::ALL {
            let mut states = vec![
                FormState::default(),
                FormState::Decoy,
                FormState::Filling {
                    problems: vec![Problem::EmailShape],
                    said: Said::Forgotten,
                },
                FormState::default()
                    .on(Event::Afresh {
                        said: Said::NextPerson,
                    })
                    .0,
                FormState::default()
                    .on(Event::Afresh {
                        said: Said::Cleared,
                    })
                    .0,
                FormState::default().on(Event::StillThere).0,
            ];
            for s in Status::each("no") {
                states.push(sent(s.clone(), false));
                states.push(sent(s.clone(), true));
                states.push(restored(s));
            }
            for said in [Said::Nothing, Said::NextPerson, Said::Cleared] {
                states.push(FormState::Welcome { said });
            }
            for state in states {
                let v = state.view(kind, en());
                let shown = [v.form, v.kept.is_some(), v.done.is_some(), v.welcome];
                assert_eq!(
                    shown.iter().filter(|s| **s).count(),
                    1,
                    "{kind:?} {state:?}: {v:?}"
                );
                assert!(!v.busy || v.form, "busy only on a form that shows");
            }
        }
    }

    #[test]
    fn sending_marks_the_button_busy_and_ignores_another_submit() {
        let state = sent(Status::Sending, false);
        let v = state.view(Kind::Petition, en());
        assert!(v.form && v.busy);
        assert_eq!(v.status, "Sending…");
        assert!(state.sending());
        let (same, focus) = state.clone().on(Event::Invalid(vec![Problem::EmailShape]));
        assert_eq!((same, focus), (state.clone(), None));
        assert_eq!(state.clone().on(Event::Bot).0, state);
    }

    #[test]
    fn a_signature_that_arrives_thanks_by_name_and_offers_updates_to_one_who_did_not_ask() {
        let (state, focus) = sent(Status::Sending, false).on(Event::News {
            key: "k".into(),
            status: Some(Status::Signed),
        });
        assert_eq!(focus, Some(Focus::Outcome));
        let v = state.view(Kind::Petition, en());
        assert_eq!(v.status, "Signed. Thank you.");
        let done = v.done.expect("thanked");
        assert_eq!(done.thanks, "Thank you, Ana.");
        assert_eq!(
            done.received,
            Some("Your signature has been received by the petition service.")
        );
        assert!(!done.opted_in);
        assert_eq!(done.offer, OfferView::Asked);

        let (state, _) = state.on(Event::OfferSent {
            key: "o".into(),
            status: Status::Sending,
        });
        let offer = |s: &FormState| s.view(Kind::Petition, en()).done.unwrap().offer;
        assert_eq!(offer(&state), OfferView::Accepted("Sending…".into()));
        let (state, focus) = state.on(Event::News {
            key: "o".into(),
            status: Some(Status::Signed),
        });
        assert_eq!(focus, None, "the offer's news moves no focus");
        assert_eq!(
            offer(&state),
            OfferView::Accepted("You’re signed up for updates and action alerts.".into())
        );
    }

    #[test]
    fn no_offer_to_one_who_asked_to_an_earlier_visit_or_on_the_signup_itself() {
        let asked = sent(Status::Signed, true)
            .view(Kind::Petition, en())
            .done
            .unwrap();
        assert!(asked.opted_in);
        assert_eq!(asked.offer, OfferView::Hidden);
        let earlier = restored(Status::Signed)
            .view(Kind::Petition, en())
            .done
            .unwrap();
        assert_eq!(earlier.thanks, "Thank you.");
        assert_eq!(earlier.offer, OfferView::Hidden);
        let signup = sent(Status::Signed, true).view(Kind::Signup, en());
        assert_eq!(signup.status, "Signed up. Thank you.");
        assert_eq!(signup.done.unwrap().offer, OfferView::Hidden);
        // Nor twice.
        let state = restored(Status::Signed).on(Event::OfferSent {
            key: "o".into(),
            status: Status::Sending,
        });
        assert_eq!(state.0.offer_key(), None);
    }

    #[test]
    fn a_kept_signature_offers_the_other_ways_once_the_service_cannot_be_reached() {
        let saved = sent(Status::Saved, false);
        assert_eq!(
            saved
                .clone()
                .on(Event::Afresh {
                    said: Said::Nothing
                })
                .1,
            Some(Focus::FirstField)
        );
        let v = saved.view(Kind::Petition, en());
        assert_eq!(
            v.kept,
            Some(Kept {
                other_way: false,
                send_plainly: true
            })
        );
        let v = sent(Status::Unreachable, false).view(Kind::Petition, en());
        assert_eq!(
            v.kept,
            Some(Kept {
                other_way: true,
                send_plainly: true
            })
        );
        assert!(v.status.contains("can’t be reached"), "{}", v.status);
        // What an earlier visit left cannot be posted plainly: its details are not on the page.
        let v = restored(Status::Unreachable).view(Kind::Petition, en());
        assert_eq!(
            v.kept,
            Some(Kept {
                other_way: true,
                send_plainly: false
            })
        );
        let v = sent(Status::Waiting, false).view(Kind::Signup, en());
        assert!(v.status.starts_with("Not sent yet."), "{}", v.status);
    }

    #[test]
    fn a_refusal_shows_the_form_again_with_the_reason() {
        let v = sent(Status::Refused("bad email".into()), false).view(Kind::Petition, en());
        assert!(v.form && !v.busy);
        assert_eq!(v.status, "The petition service refused this: bad email");
    }

    #[test]
    fn focus_follows_what_the_visitor_did_here_and_only_when_it_changes() {
        assert_eq!(
            FormState::default()
                .on(Event::Sent {
                    key: "k".into(),
                    signer: Box::new(ana(false)),
                    status: Status::Saved
                })
                .1,
            Some(Focus::Saved)
        );
        let saved = sent(Status::Saved, false);
        let news = |status| Event::News {
            key: "k".into(),
            status: Some(status),
        };
        assert_eq!(saved.clone().on(news(Status::Saved)).1, None);
        assert_eq!(
            saved.clone().on(news(Status::Signed)).1,
            Some(Focus::Outcome)
        );
        // A signature an earlier visit left moves nobody's focus.
        assert_eq!(restored(Status::Saved).on(news(Status::Signed)).1, None);
        assert_eq!(
            FormState::default().on(Event::Invalid(vec![])).1,
            Some(Focus::Errors)
        );
    }

    #[test]
    fn news_of_another_signature_changes_nothing_and_a_removed_one_empties_the_form() {
        let state = sent(Status::Saved, false);
        let other = state.clone().on(Event::News {
            key: "other".into(),
            status: Some(Status::Signed),
        });
        assert_eq!(other, (state.clone(), None));
        let (gone, _) = state.on(Event::News {
            key: "k".into(),
            status: None,
        });
        assert_eq!(gone, FormState::default());
        // Restored only where the form has nothing of its own.
        let mine = sent(Status::Sending, false);
        assert_eq!(
            mine.clone()
                .on(Event::Restored {
                    key: "old".into(),
                    status: Status::Saved
                })
                .0,
            mine
        );
    }

    #[test]
    fn problems_are_rechecked_one_field_at_a_time_and_a_forgotten_signature_is_said() {
        let state = FormState::default()
            .on(Event::Invalid(vec![
                Problem::Missing(Field::GivenName),
                Problem::EmailShape,
            ]))
            .0;
        let (state, focus) = state.on(Event::Rechecked(Field::Email, None));
        assert_eq!(focus, None);
        assert_eq!(state.problems(), &[Problem::Missing(Field::GivenName)]);
        let (state, _) = state.on(Event::Rechecked(
            Field::GivenName,
            Some(Problem::Invisible(Field::GivenName)),
        ));
        assert_eq!(state.problems(), &[Problem::Invisible(Field::GivenName)]);
        let v = sent(Status::Saved, false)
            .on(Event::Afresh {
                said: Said::Forgotten,
            })
            .0
            .view(Kind::Petition, en());
        assert_eq!(v.status, "Removed from this device. It was not sent.");
        assert!(v.form);
    }

    #[test]
    fn in_event_mode_the_next_person_gets_an_empty_form_that_says_nothing_of_the_last() {
        let (state, focus) = sent(Status::Sending, true).on(Event::Afresh {
            said: Said::NextPerson,
        });
        assert_eq!(focus, Some(Focus::FirstField));
        let v = state.view(Kind::Petition, en());
        assert!(v.form && v.kept.is_none() && v.done.is_none() && v.problems.is_empty());
        assert_eq!(
            v.status,
            "Signed. Thank you! The form is ready for the next person."
        );
        assert!(!format!("{v:?}").contains("Ana"), "{v:?}");
        // The last person's signature is no longer this form's to show.
        assert_eq!(state.key(), None);
        let news = state.clone().on(Event::News {
            key: "k".into(),
            status: Some(Status::Signed),
        });
        assert_eq!(news, (state, None));
        let cleared = FormState::default()
            .on(Event::Afresh {
                said: Said::Cleared,
            })
            .0
            .view(Kind::Petition, en());
        assert!(cleared.status.contains("two minutes"), "{}", cleared.status);
    }

    /// Event mode: between people, a screen with nothing of the last one, whose start button
    /// takes the focus; a half-filled form left alone shows the countdown, which a touch ends.
    #[test]
    fn in_event_mode_people_come_and_go_through_the_welcome_screen() {
        let (state, focus) = sent(Status::Saved, true).on(Event::Welcome {
            said: Said::NextPerson,
        });
        assert_eq!(focus, Some(Focus::Start));
        let v = state.view(Kind::Petition, en());
        assert!(v.welcome && !v.form && !v.countdown && v.kept.is_none() && v.done.is_none());
        assert_eq!(
            v.status,
            "Signed. Thank you! The form is ready for the next person."
        );
        assert!(!format!("{v:?}").contains("Ana"), "{v:?}");
        // Start: the form, its first field focused.
        let (state, focus) = state.on(Event::Afresh {
            said: Said::Nothing,
        });
        assert_eq!(focus, Some(Focus::FirstField));
        assert!(state.view(Kind::Petition, en()).form);
        // Left half-filled: the countdown, said once on the status line.
        let (still, _) = state.clone().on(Event::StillThere);
        let v = still.view(Kind::Petition, en());
        assert!(v.form && v.countdown);
        assert!(v.status.starts_with("Still there?"), "{}", v.status);
        // A touch: the form stays, as it was.
        let (back, _) = still.clone().on(Event::StillHere);
        assert_eq!(back, state);
        // Nobody: cleared, back to the welcome screen.
        let (cleared, focus) = still.on(Event::Welcome {
            said: Said::Cleared,
        });
        assert_eq!(focus, Some(Focus::Start));
        assert!(cleared
            .view(Kind::Petition, en())
            .status
            .contains("two minutes"));
        // A touch when no countdown runs changes nothing.
        assert_eq!(state.clone().on(Event::StillHere), (state, None));
    }

    #[test]
    fn a_bot_is_thanked_and_offered_nothing() {
        let (state, focus) = FormState::default().on(Event::Bot);
        assert_eq!(focus, Some(Focus::Outcome));
        let v = state.view(Kind::Petition, en());
        assert_eq!(v.status, "Signed. Thank you.");
        assert_eq!(
            v.done,
            Some(Done {
                thanks: "Thank you.".into(),
                received: None,
                opted_in: false,
                offer: OfferView::Hidden,
            })
        );
    }
}
