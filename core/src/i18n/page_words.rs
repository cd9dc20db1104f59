//! The words the prerendered pages carry: the chrome, the pages' fixed texts, the petition page,
//! the forms' markup (what the signer never writes), and the embed script's few words. Only the
//! builds that render pages, and the contract for the JavaScript, read them: the signer carries
//! none (`super::SignerWords` are its own).

/// One language's words for the pages.
#[derive(Debug)]
pub struct PageWords {
    // The chrome.
    pub skip_link: &'static str,
    pub nav_label: &'static str,
    pub nav_home: &'static str,
    pub nav_issues: &'static str,
    pub nav_partners: &'static str,
    pub nav_resources: &'static str,
    pub nav_actions: &'static str,
    /// The language switcher's label, read before the other language's name.
    pub language_label: &'static str,
    pub campaign_of: &'static str,
    pub accessibility: &'static str,
    pub embed_link: &'static str,
    pub not_found_title: &'static str,
    pub not_found_description: &'static str,
    /// "There is no page at {}." (the address)
    pub not_found_lead: &'static str,
    pub this_address: &'static str,
    pub not_found_hint: &'static str,
    pub go_home: &'static str,
    pub or_go_to: &'static str,
    pub the_issues: &'static str,
    pub the_actions: &'static str,
    pub the_resources: &'static str,
    pub or: &'static str,
    pub and: &'static str,

    // The pages' fixed texts.
    pub issues_title: &'static str,
    /// "The issues {} advances, starting with immigration justice." (the organization)
    pub issues_description: &'static str,
    /// "Pursuing immigration justice is deeply connected to all of the issues we advance at {}."
    pub issues_lead: &'static str,
    pub no_page_yet: &'static str,
    pub partners_title: &'static str,
    /// "The coalitions and partners {} works with for immigration justice: {}."
    pub partners_description: &'static str,
    pub partners_lead: &'static str,
    pub partners_heading: &'static str,
    pub resources_title: &'static str,
    pub actions_title: &'static str,
    pub actions_description: &'static str,
    pub take_action_now: &'static str,
    pub our_partners: &'static str,
    pub explore: &'static str,
    pub notes: &'static str,
    pub back_to_text: &'static str,
    /// "Note {}" (the marker)
    pub note: &'static str,
    /// "Visit {}’s website" (the partner)
    pub visit_website: &'static str,
    pub when_to_use: &'static str,
    /// "Get {} from {}" (the resource, the organization)
    pub get_resource: &'static str,
    pub thanks_title: &'static str,
    /// The offline page (`/offline`): what the service worker shows for a page not kept on the
    /// device, with no signal.
    pub offline_title: &'static str,
    pub offline_description: &'static str,
    pub offline_lead: &'static str,
    pub offline_hint: &'static str,
    pub thanks_description: &'static str,
    pub thanks_lead: &'static str,
    pub thanks_share: &'static str,
    pub other_actions: &'static str,
    pub read_more_about: &'static str,
    /// "{}’s work" (the organization)
    pub org_work: &'static str,

    // The embed's own words (`js/embed.js`): its Back button, and what it says when its body

    // cannot be loaded, with a link to the campaign's own page.
    pub embed_back: &'static str,
    pub embed_failed: &'static str,
    pub embed_open: &'static str,
    pub opt_in: &'static str,
    pub honeypot: &'static str,
    pub problem_heading: &'static str,
    pub error_prefix: &'static str,
    pub sign_up: &'static str,
    pub try_now: &'static str,
    pub copy_link: &'static str,
    pub offer_yes: &'static str,
    pub opted_in: &'static str,
    /// "This form needs WebAssembly, … so it cannot send {} from here. {} on " (what, the verb)
    pub no_wasm: &'static str,
    /// "{}’s website" (the organization), the link in the notice above
    pub org_website: &'static str,
    pub no_wasm_end: &'static str,
    /// "Sign on {}’s own page instead" (the organization): the action's hosted page.
    pub sign_elsewhere: &'static str,
    /// The button that sends the form as a plain HTML form, to the fallback.
    pub send_plainly: &'static str,
    pub sign_another: &'static str,
    pub forget: &'static str,
    /// The form could not get ready (the signer did not load).
    pub not_ready: &'static str,
    pub try_again: &'static str,

    // The petition page: whom it addresses, the count, when it closes, and what became of it.
    /// "To:" before the petition's target.
    pub to: &'static str,
    /// "Closes on {}." (the date)
    pub closes_on: &'static str,
    /// "Closed on {}." (the date)
    pub closed_on: &'static str,
    /// The status, as a list shows it.
    pub status_open: &'static str,
    pub status_closed: &'static str,
    pub status_won: &'static str,
    /// What a won petition's page says instead of the form.
    pub won_heading: &'static str,
    /// The heading of the open actions a closed one points to.
    pub open_actions: &'static str,
    /// When no action is open.
    pub no_open_actions: &'static str,
    /// The month names, for dates ("1 March 2027").
    pub months: [&'static str; 12],
    /// A date: the day, the month's name and the year, in the order `day_first` says.
    pub date: &'static str,
    /// `true`: "1 de marzo de 2027"; `false`: "March 1, 2027" (month, day, year).
    pub day_first: bool,
    /// Event mode: the button on the screen between people that opens the form for the next
    /// one. (The staff panel's words are `super::EventWords`, which only event mode loads.)
    pub event_start: &'static str,
    /// By the submit button, unless `privacy_text` is set: "Your details go to {}, …" (the
    /// endpoint's host). Says only what this site itself does.
    pub privacy_default: &'static str,
    /// "{}’s privacy policy" (the organization): the link to `privacy_url`.
    pub privacy_policy: &'static str,
    /// A letter's page: who may sign it, the usual titles (`crate::titles::USUAL`, in order),
    /// the lists' first entry, and the places list's two groups (`crate::places`).
    pub who_may_sign: &'static str,
    pub titles: [&'static str; 5],
    pub choose_one: &'static str,
    pub us_states: &'static str,
    pub other_countries: &'static str,
    /// The list of a letter's signers (`src/pages/signers.rs`): its heading on the letter's
    /// page and its link there ("Read the {} names listed", the number), the list's own page
    /// ("Who signed: {}", the letter's title), what it says of who is listed, the filter, and a
    /// signer's own name on their own device while it waits for approval.
    pub signers_heading: &'static str,
    pub signers_link: &'static str,
    pub signers_none_yet: &'static str,
    /// The link to the list while none is listed yet.
    pub signers_page: &'static str,
    pub signers_title: &'static str,
    pub signers_description: &'static str,
    pub signers_lead: &'static str,
    pub signers_filter: &'static str,
    /// "{} of {} shown" (those matching, all)
    pub signers_shown: &'static str,
    pub signers_no_match: &'static str,
    pub back_to_letter: &'static str,
    /// "You: {} — waiting for approval" (the signer's name as the list would show it)
    pub own_waiting: &'static str,
    pub own_forget: &'static str,
    /// Each kind of form's own words (`crate::kind::Kind::page_words`).
    pub petition: KindPageWords,
    pub letter: KindPageWords,
    pub signup: KindPageWords,
}

/// What a form's markup says about its kind.
#[derive(Debug)]
pub struct KindPageWords {
    /// What the form would send, in "it cannot send {} from here": "your signature".
    pub no_wasm_what: &'static str,
    /// What to do instead, in "Please {} on …": "sign".
    pub no_wasm_verb: &'static str,
    /// After signing: the button that shares the action, and the label of its link to copy.
    pub share: &'static str,
    pub share_link: &'static str,
    /// What an action of this kind says in place of its form once it has closed: a heading,
    /// then the text; and once it has won (under `PageWords::won_heading`).
    pub closed_heading: &'static str,
    pub closed_text: &'static str,
    pub won_text: &'static str,
    /// Its count (`crate::count::templates`): "{} signature of {}" (the count, the goal) for a
    /// count of one, "{} signatures of {}" for more. A `{signers}` gap takes how the action
    /// names those who sign (its `signers` setting, which such a kind's actions must have).
    pub count_one: &'static str,
    pub count_many: &'static str,
}
