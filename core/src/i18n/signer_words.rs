//! The words the signer writes into a form while it works: what a visitor is told about their
//! signature, the thank-you, the validation messages, and how each field is named. The forms'
//! markup uses some of them too (the fields' labels), so there is one copy of each. The signer
//! carries these and nothing of `super::PageWords`.

/// One language's words for the signer.
#[derive(Debug)]
pub struct SignerWords {
    // What the signer says.
    pub thank_you: &'static str,
    /// "Thank you, {}." (the given name)
    pub thank_you_name: &'static str,
    pub link_copied: &'static str,
    pub copy_by_hand: &'static str,
    pub sending: &'static str,
    /// "Saved on this device. We’ll send it as soon as we can reach the {}." (the service)
    pub saved: &'static str,
    /// "The {} refused this: {}" (the service, its reason)
    pub refused: &'static str,
    /// "Sent; the {} does not confirm signatures." (the service)
    pub unconfirmed: &'static str,
    /// "Not sent yet. Keep this page open: …the {}." (the service)
    pub waiting: &'static str,
    /// "The {} can’t be reached right now. …" (the service): after three failures while online.
    pub unreachable: &'static str,
    /// After "forget": the signature was removed, unsent.
    pub forgotten: &'static str,
    /// Event mode: after each signature, the next person's empty form says so.
    pub next_person: &'static str,
    /// Event mode: what someone had started typing was cleared after two minutes without input.
    pub cleared: &'static str,
    /// Event mode: said once, when the countdown to clearing a half-filled form starts.
    pub still_there: &'static str,
    /// Event mode: the countdown itself, "Still there? Clearing in {} s" (the seconds left).
    pub clearing_in: &'static str,
    /// "A signature made on this device on {} could not be sent to the {}…" (the date, the service)
    pub expired: &'static str,
    pub offer_question: &'static str,
    pub zip_code: &'static str,
    /// "Choose your {}." (the field): a list's, left unchosen.
    pub choose: &'static str,
    /// "Enter your {}." (the field)
    pub enter_your: &'static str,
    /// "Your {} is too long: shorten it to {} characters or fewer." (the field, the limit)
    pub too_long: &'static str,
    /// "Your {} contains an invisible or control character…" (the field)
    pub invisible: &'static str,
    /// "Remove the < or > from your {}." (the field)
    pub angle_brackets: &'static str,
    pub email_shape: &'static str,
    pub email_domain: &'static str,
    pub us_zip: &'static str,
    /// "Choose your {} from the list." (the field): a value the list does not have.
    pub from_list: &'static str,
    /// Each field's words (`crate::field::Field::words`).
    pub title: FieldWords,
    pub given_name: FieldWords,
    pub family_name: FieldWords,
    pub email: FieldWords,
    pub organization: FieldWords,
    pub city: FieldWords,
    pub place: FieldWords,
    pub country: FieldWords,
    pub postal_code: FieldWords,
    pub list_name: FieldWords,
    /// Each kind of form's own words (`crate::kind::Kind::signer_words`).
    pub petition: KindSignerWords,
    pub letter: KindSignerWords,
    pub signup: KindSignerWords,
}

/// A field's words.
#[derive(Debug)]
pub struct FieldWords {
    /// Its label where it must be filled in.
    pub label: &'static str,
    /// Its label where it may be left empty.
    pub optional: &'static str,
    /// How a message names it: "Enter your {}."
    pub named: &'static str,
}

/// What the signer says about a kind of form's signatures.
#[derive(Debug)]
pub struct KindSignerWords {
    /// Where they go, as statuses name it: "petition service".
    pub service: &'static str,
    /// Said once one has arrived: "Your signature has been received by the petition service."
    pub received: &'static str,
    /// The status line once one has arrived: "Signed. Thank you."
    pub signed: &'static str,
}
