//! The interface's words in each language the site speaks: the chrome, the pages' fixed texts,
//! the forms, the validation messages and the statuses. One table per language, checked by the
//! compiler: a language without one of the words does not build. The content's own words
//! (`content/`, and `content/es/` for Spanish) are the content loader's business.
//!
//! Everything that renders text for visitors takes its words from here: the Leptos components,
//! the signer (which finds a form's language from its `lang` attribute, so one signer serves
//! every language), and the embed script (through the build's contract, `crate::contract`).
//! The one exception is the `/embed` generator, a staff tool in English only, whose words are
//! in its own component (`src/pages/embed_builder.rs`).
//!
//! Templates mark their arguments with `{}`, filled in order by [`fill`].
//!
//! Spanish (`ES`) was written for this repository and awaits review by a native speaker on
//! staff: see README, "Languages".

/// A language of the site.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Lang {
    En,
    Es,
}

impl Lang {
    /// Every language, the default first.
    pub const ALL: [Lang; 2] = [Lang::En, Lang::Es];

    /// The BCP 47 code: `lang` attributes, `hreflang`, the signatures' `language`.
    pub const fn code(self) -> &'static str {
        match self {
            Lang::En => "en",
            Lang::Es => "es",
        }
    }

    /// A language from a code such as `es`, `es-MX` or `EN`; `None` for one the site does not speak.
    pub fn parse(code: &str) -> Option<Lang> {
        let primary = code.trim().split(['-', '_']).next()?.to_ascii_lowercase();
        Lang::ALL.into_iter().find(|l| l.code() == primary)
    }

    /// The language's name in itself, for the language switcher.
    pub const fn name(self) -> &'static str {
        match self {
            Lang::En => "English",
            Lang::Es => "Español",
        }
    }

    /// Text direction. Both languages are left to right; the layout is written in logical
    /// properties, and a right-to-left pseudo-locale test keeps it ready for more.
    pub const fn dir(self) -> &'static str {
        "ltr"
    }

    /// Where the language's pages live under the site's base path: "" for the default, "/es".
    pub const fn prefix(self) -> &'static str {
        match self {
            Lang::En => "",
            Lang::Es => "/es",
        }
    }

    pub const fn ui(self) -> &'static Ui {
        match self {
            Lang::En => &EN,
            Lang::Es => &ES,
        }
    }
}

/// Fills a template's `{}` with `args`, in order.
pub fn fill(template: &str, args: &[&str]) -> String {
    let mut out =
        String::with_capacity(template.len() + args.iter().map(|a| a.len()).sum::<usize>());
    let mut parts = template.split("{}");
    if let Some(first) = parts.next() {
        out.push_str(first);
    }
    for (i, part) in parts.enumerate() {
        out.push_str(args.get(i).copied().unwrap_or(""));
        out.push_str(part);
    }
    out
}

/// A template with one `{}`, as the text before it and after it: for a view that puts an
/// element of its own in the gap (an address, a host), where `fill` would make it plain text.
pub fn around(template: &str) -> (&str, &str) {
    template.split_once("{}").unwrap_or((template, ""))
}

/// The interface's words in one language.
pub struct Ui {
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
    pub thanks_description: &'static str,
    pub thanks_lead: &'static str,
    pub thanks_share: &'static str,
    pub other_actions: &'static str,
    pub read_more_about: &'static str,
    /// "{}’s work" (the organization)
    pub org_work: &'static str,
    /// "This page is not translated yet." Shown on a page whose content has no translation.
    pub untranslated: &'static str,

    // The embed's own words (`js/embed.js`): its Back button, and what it says when its body
    // cannot be loaded, with a link to the campaign's own page.
    pub embed_back: &'static str,
    pub embed_failed: &'static str,
    pub embed_open: &'static str,

    // The forms.
    pub given_name: &'static str,
    pub given_name_optional: &'static str,
    pub family_name_optional: &'static str,
    pub email: &'static str,
    pub country: &'static str,
    pub zip_code: &'static str,
    pub postal_code: &'static str,
    pub opt_in: &'static str,
    pub honeypot: &'static str,
    pub problem_heading: &'static str,
    pub error_prefix: &'static str,
    pub sign_up: &'static str,
    pub try_now: &'static str,
    pub share_petition: &'static str,
    pub link_to_petition: &'static str,
    pub copy_link: &'static str,
    pub offer_question: &'static str,
    pub offer_yes: &'static str,
    pub opted_in: &'static str,
    /// "This form needs WebAssembly, … so it cannot send {} from here. {} on " (what, the verb)
    pub no_wasm: &'static str,
    pub no_wasm_what_petition: &'static str,
    pub no_wasm_what_signup: &'static str,
    pub no_wasm_verb_petition: &'static str,
    pub no_wasm_verb_signup: &'static str,
    /// "{}’s website" (the organization), the link in the notice above
    pub org_website: &'static str,
    pub no_wasm_end: &'static str,

    // What the signer says.
    pub thank_you: &'static str,
    /// "Thank you, {}." (the given name)
    pub thank_you_name: &'static str,
    pub received_petition: &'static str,
    pub received_signup: &'static str,
    pub signed_up: &'static str,
    pub link_copied: &'static str,
    pub copy_by_hand: &'static str,
    pub petition_service: &'static str,
    pub signup_service: &'static str,
    pub sending: &'static str,
    pub signed: &'static str,
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
    /// "Sign on {}’s own page instead" (the organization): the action's hosted page.
    pub sign_elsewhere: &'static str,
    /// The button that sends the form as a plain HTML form, to the fallback.
    pub send_plainly: &'static str,
    pub sign_another: &'static str,
    pub forget: &'static str,
    /// After "forget": the signature was removed, unsent.
    pub forgotten: &'static str,
    /// "A signature made on this device on {} could not be sent to the {}…" (the date, the service)
    pub expired: &'static str,
    /// The form could not get ready (the signer did not load).
    pub not_ready: &'static str,
    pub try_again: &'static str,

    // The petition page: whom it addresses, the count, when it closes, and what became of it.
    /// "To:" before the petition's target.
    pub to: &'static str,
    /// "{} signature of {}" (the count, the goal): for a count of one.
    pub count_one: &'static str,
    /// "{} signatures of {}" (the count, the goal).
    pub count_many: &'static str,
    /// "Closes on {}." (the date)
    pub closes_on: &'static str,
    /// "Closed on {}." (the date)
    pub closed_on: &'static str,
    /// The status, as a list shows it.
    pub status_open: &'static str,
    pub status_closed: &'static str,
    pub status_won: &'static str,
    /// What a closed petition's page says instead of the form: a heading, then the text.
    pub closed_heading: &'static str,
    pub closed_text: &'static str,
    /// What a won petition's page says instead of the form.
    pub won_heading: &'static str,
    pub won_text: &'static str,
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
    /// By the submit button, unless `privacy_text` is set: "Your details go to {}, …" (the
    /// endpoint's host). Says only what this site itself does.
    pub privacy_default: &'static str,
    /// "{}’s privacy policy" (the organization): the link to `privacy_url`.
    pub privacy_policy: &'static str,

    // Validation: the fields as named in messages, then the messages.
    pub field_given_name: &'static str,
    pub field_family_name: &'static str,
    pub field_email: &'static str,
    pub field_postal_code: &'static str,
    pub field_country: &'static str,
    pub choose_country: &'static str,
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
    pub country_from_list: &'static str,
}

pub const EN: Ui = Ui {
    skip_link: "Skip to content",
    nav_label: "Main",
    nav_home: "Home",
    nav_issues: "Issues",
    nav_partners: "Partners",
    nav_resources: "Resources",
    nav_actions: "Take action",
    language_label: "Language:",
    campaign_of: "A campaign of ",
    accessibility: "Accessibility",
    embed_link: "Embed on your website",
    not_found_title: "Page not found",
    not_found_description: "There is no page at this address.",
    not_found_lead: "There is no page at {}.",
    this_address: "this address",
    not_found_hint: " The link may be mistyped, or the page may have moved.",
    go_home: "Go to the home page",
    or_go_to: "Or go to ",
    the_issues: "the issues",
    the_actions: "the actions you can take",
    the_resources: "the resources",
    or: ", or ",
    and: " and ",

    issues_title: "Issues",
    issues_description: "The issues {} advances, starting with immigration justice.",
    issues_lead: "Pursuing immigration justice is deeply connected to all of the issues we advance at {}.",
    no_page_yet: "No page on this site yet.",
    partners_title: "Coalition partners",
    partners_description: "The coalitions and partners {} works with for immigration justice: {}.",
    partners_lead: "We are proud to be a part of powerful coalitions working to stop harmful attacks on immigrants and build a future where our country respects the rights and dignity of everyone on the move.",
    partners_heading: "Partners",
    resources_title: "Resources",
    actions_title: "Take action",
    actions_description: "Act now for immigration justice.",
    take_action_now: "Take action now",
    our_partners: "Our coalition partners",
    explore: "Explore the campaign",
    notes: "Notes",
    back_to_text: "Back to text",
    note: "Note {}",
    visit_website: "Visit {}’s website",
    when_to_use: "When to use it",
    get_resource: "Get {} from {}",
    thanks_title: "Thank you",
    thanks_description: "What you sent has been received.",
    thanks_lead: "We’ve received what you sent. Thank you for standing with immigrants.",
    thanks_share: "If you signed a petition, ask a friend to sign too: send them its link.",
    other_actions: "See other actions",
    read_more_about: "Or read more about ",
    org_work: "{}’s work",
    untranslated: "This page is not translated yet.",
    embed_back: "← Back",
    embed_failed: "This part of the campaign could not be loaded.",
    embed_open: "Open it on the campaign’s website",

    given_name: "First name",
    given_name_optional: "First name (optional)",
    family_name_optional: "Last name (optional)",
    email: "Email",
    country: "Country",
    zip_code: "ZIP code",
    postal_code: "Postal code",
    opt_in: "Send me updates and action alerts",
    honeypot: "Leave this field empty",
    problem_heading: "There is a problem",
    error_prefix: "Error: ",
    sign_up: "Sign up",
    try_now: "Try now",
    share_petition: "Share the petition",
    link_to_petition: "Link to the petition",
    copy_link: "Copy link",
    offer_question: "Would you like updates and action alerts too?",
    offer_yes: "Yes, send me updates",
    opted_in: "We’ll send you updates and action alerts.",
    no_wasm: "This form needs WebAssembly, which your browser has turned off (Lockdown Mode does this), so it cannot send {} from here. Please {} on ",
    no_wasm_what_petition: "your signature",
    no_wasm_what_signup: "your signup",
    no_wasm_verb_petition: "sign",
    no_wasm_verb_signup: "sign up",
    org_website: "{}’s website",
    no_wasm_end: ", or open this page in another browser.",

    thank_you: "Thank you.",
    thank_you_name: "Thank you, {}.",
    received_petition: "Your signature has been received by the petition service.",
    received_signup: "You’re signed up for updates and action alerts.",
    signed_up: "Signed up. Thank you.",
    link_copied: "Link copied.",
    copy_by_hand: "Select the link above and copy it.",
    petition_service: "petition service",
    signup_service: "signup service",
    sending: "Sending…",
    signed: "Signed. Thank you.",
    saved: "Saved on this device. We’ll send it as soon as we can reach the {}.",
    refused: "The {} refused this: {}",
    unconfirmed: "Sent; the {} does not confirm signatures.",
    waiting: "Not sent yet. Keep this page open: we’ll send it as soon as we can reach the {}.",
    unreachable: "The {} can’t be reached right now. Your signature is saved on this device, and we’ll keep trying for up to a week.",
    sign_elsewhere: "Sign on {}’s own page instead",
    send_plainly: "Send it another way now",
    sign_another: "Sign for someone else",
    forget: "Forget this signature",
    forgotten: "Removed from this device. It was not sent.",
    expired: "A signature made on this device on {} could not be sent to the {} in a week of trying, and has been removed from this device. Please sign again.",
    not_ready: "This form could not get ready to send your signature. Check your connection, then try again.",
    try_again: "Try again",
    to: "To:",
    count_one: "{} signature of {}",
    count_many: "{} signatures of {}",
    closes_on: "Closes on {}.",
    closed_on: "Closed on {}.",
    status_open: "Open",
    status_closed: "Closed",
    status_won: "Won",
    closed_heading: "This petition has closed",
    closed_text: "It no longer takes signatures. Thank you to everyone who signed.",
    won_heading: "We won",
    won_text: "What this petition asked for has happened, and it no longer takes signatures. Thank you to everyone who signed.",
    open_actions: "Actions you can take now",
    no_open_actions: "There is no open action right now. Sign up for updates and action alerts to hear of the next one.",
    months: [
        "January", "February", "March", "April", "May", "June", "July", "August", "September",
        "October", "November", "December",
    ],
    date: "{} {}, {}",
    day_first: false,
    privacy_default: "When you send this, your details go to {}. Until they are sent, they are kept on this device only; once sent, they are removed from it.",
    privacy_policy: "{}’s privacy policy",

    field_given_name: "first name",
    field_family_name: "last name",
    field_email: "email address",
    field_postal_code: "ZIP or postal code",
    field_country: "country",
    choose_country: "Choose your country.",
    enter_your: "Enter your {}.",
    too_long: "Your {} is too long: shorten it to {} characters or fewer.",
    invisible: "Your {} contains an invisible or control character, perhaps from copying and pasting. Type it again by hand.",
    angle_brackets: "Remove the < or > from your {}.",
    email_shape: "Enter your email address in the form name@example.com.",
    email_domain: "Check the part of your email address after the @: it needs a domain like example.com.",
    us_zip: "Enter a 5-digit ZIP code, like 10001, or ZIP+4, like 10001-1234.",
    country_from_list: "Choose your country from the list.",
};

/// Spanish, for a US audience first (Mexican and Central American readers among them): `tú`,
/// gender-neutral wording where Spanish allows it. Awaits review by a native speaker on staff.
pub const ES: Ui = Ui {
    skip_link: "Saltar al contenido",
    nav_label: "Principal",
    nav_home: "Inicio",
    nav_issues: "Temas",
    nav_partners: "Aliados",
    nav_resources: "Recursos",
    nav_actions: "Actúa",
    language_label: "Idioma:",
    campaign_of: "Una campaña de ",
    accessibility: "Accesibilidad",
    embed_link: "Insertar en tu sitio web (en inglés)",
    not_found_title: "Página no encontrada",
    not_found_description: "No hay ninguna página en esta dirección.",
    not_found_lead: "No hay ninguna página en {}.",
    this_address: "esta dirección",
    not_found_hint: " Puede que el enlace tenga un error o que la página se haya movido.",
    go_home: "Ir a la página de inicio",
    or_go_to: "O ve a ",
    the_issues: "los temas",
    the_actions: "las acciones que puedes tomar",
    the_resources: "los recursos",
    or: " o ",
    and: " y ",

    issues_title: "Temas",
    issues_description: "Los temas que impulsa {}, empezando por la justicia migratoria.",
    issues_lead: "Luchar por la justicia migratoria está profundamente conectado con todos los temas que impulsamos en {}.",
    no_page_yet: "Todavía no tiene página en este sitio.",
    partners_title: "Aliados de la coalición",
    partners_description: "Las coaliciones y organizaciones aliadas con las que {} trabaja por la justicia migratoria: {}.",
    partners_lead: "Nos enorgullece formar parte de coaliciones poderosas que trabajan para frenar los ataques contra las personas inmigrantes y construir un futuro en el que nuestro país respete los derechos y la dignidad de todas las personas que migran.",
    partners_heading: "Aliados",
    resources_title: "Recursos",
    actions_title: "Actúa",
    actions_description: "Actúa ahora por la justicia migratoria.",
    take_action_now: "Actúa ahora",
    our_partners: "Nuestros aliados de la coalición",
    explore: "Explora la campaña",
    notes: "Notas",
    back_to_text: "Volver al texto",
    note: "Nota {}",
    visit_website: "Visita el sitio web de {}",
    when_to_use: "Cuándo usarlo",
    get_resource: "Consigue «{}» en el sitio de {}",
    thanks_title: "Gracias",
    thanks_description: "Hemos recibido lo que enviaste.",
    thanks_lead: "Hemos recibido lo que enviaste. Gracias por apoyar a las personas inmigrantes.",
    thanks_share: "Si firmaste una petición, pide a alguien más que la firme: envíale el enlace.",
    other_actions: "Ver otras acciones",
    read_more_about: "O lee más sobre ",
    org_work: "el trabajo de {}",
    untranslated: "Esta página todavía no está traducida.",
    embed_back: "← Volver",
    embed_failed: "No se pudo cargar esta parte de la campaña.",
    embed_open: "Ábrela en el sitio web de la campaña",

    given_name: "Nombre",
    given_name_optional: "Nombre (opcional)",
    family_name_optional: "Apellidos (opcional)",
    email: "Correo electrónico",
    country: "País",
    zip_code: "Código postal (ZIP)",
    postal_code: "Código postal",
    opt_in: "Quiero recibir novedades y alertas de acción",
    honeypot: "Deja este campo vacío",
    problem_heading: "Hay un problema",
    error_prefix: "Error: ",
    sign_up: "Suscribirme",
    try_now: "Intentar ahora",
    share_petition: "Compartir la petición",
    link_to_petition: "Enlace a la petición",
    copy_link: "Copiar el enlace",
    offer_question: "¿Quieres recibir también novedades y alertas de acción?",
    offer_yes: "Sí, quiero recibir novedades",
    opted_in: "Te enviaremos novedades y alertas de acción.",
    no_wasm: "Este formulario necesita WebAssembly, que tu navegador tiene desactivado (el Modo de aislamiento lo desactiva), así que no puede enviar {} desde aquí. {} en ",
    no_wasm_what_petition: "tu firma",
    no_wasm_what_signup: "tu suscripción",
    no_wasm_verb_petition: "Firma",
    no_wasm_verb_signup: "Suscríbete",
    org_website: "el sitio web de {}",
    no_wasm_end: ", o abre esta página en otro navegador.",

    thank_you: "Gracias.",
    thank_you_name: "Gracias, {}.",
    received_petition: "El servicio de peticiones recibió tu firma.",
    received_signup: "Tu suscripción a las novedades y alertas de acción está confirmada.",
    signed_up: "Suscripción confirmada. Gracias.",
    link_copied: "Enlace copiado.",
    copy_by_hand: "Selecciona el enlace de arriba y cópialo.",
    petition_service: "servicio de peticiones",
    signup_service: "servicio de suscripciones",
    sending: "Enviando…",
    signed: "Firmado. Gracias.",
    saved: "Guardado en este dispositivo. Lo enviaremos en cuanto podamos conectar con el {}.",
    refused: "El {} lo rechazó: {}",
    unconfirmed: "Enviado; el {} no confirma las firmas.",
    waiting: "Todavía no se ha enviado. Mantén esta página abierta: lo enviaremos en cuanto podamos conectar con el {}.",
    unreachable: "No podemos conectar con el {} en este momento. Tu firma está guardada en este dispositivo y seguiremos intentándolo durante una semana.",
    sign_elsewhere: "Firma en la página de {}",
    send_plainly: "Enviarla de otra manera ahora",
    sign_another: "Firmar por otra persona",
    forget: "Olvidar esta firma",
    forgotten: "Se quitó de este dispositivo. No se envió.",
    expired: "Una firma hecha en este dispositivo el {} no se pudo enviar al {} en una semana de intentos, y se quitó de este dispositivo. Vuelve a firmar, por favor.",
    not_ready: "Este formulario no pudo prepararse para enviar tu firma. Revisa tu conexión y vuelve a intentarlo.",
    try_again: "Volver a intentar",
    to: "Para:",
    count_one: "{} firma de {}",
    count_many: "{} firmas de {}",
    closes_on: "Se cierra el {}.",
    closed_on: "Se cerró el {}.",
    status_open: "Abierta",
    status_closed: "Cerrada",
    status_won: "Lograda",
    closed_heading: "Esta petición se ha cerrado",
    closed_text: "Ya no recoge firmas. Gracias a todas las personas que firmaron.",
    won_heading: "Lo logramos",
    won_text: "Lo que pedía esta petición se ha cumplido, y ya no recoge firmas. Gracias a todas las personas que firmaron.",
    open_actions: "Acciones que puedes tomar ahora",
    no_open_actions: "Ahora no hay ninguna acción abierta. Suscríbete a las novedades y alertas de acción para enterarte de la próxima.",
    months: [
        "enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre",
        "octubre", "noviembre", "diciembre",
    ],
    date: "{} de {} de {}",
    day_first: true,
    privacy_default: "Al enviar esto, tus datos van a {}. Hasta que se envían, se guardan solo en este dispositivo; una vez enviados, se borran de él.",
    privacy_policy: "Política de privacidad de {}",

    field_given_name: "nombre",
    field_family_name: "apellido",
    field_email: "correo electrónico",
    field_postal_code: "código postal",
    field_country: "país",
    choose_country: "Elige tu país.",
    enter_your: "Escribe tu {}.",
    too_long: "Tu {} es demasiado largo: acórtalo a {} caracteres o menos.",
    invisible: "Tu {} contiene un carácter invisible o de control, quizá por copiar y pegar. Escríbelo de nuevo a mano.",
    angle_brackets: "Quita los signos < o > de tu {}.",
    email_shape: "Escribe tu correo electrónico con el formato nombre@ejemplo.com.",
    email_domain: "Revisa la parte de tu correo electrónico que va después de la @: necesita un dominio como ejemplo.com.",
    us_zip: "Escribe un código ZIP de 5 dígitos, como 10001, o ZIP+4, como 10001-1234.",
    country_from_list: "Elige tu país de la lista.",
};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn templates_fill_in_order() {
        assert_eq!(
            fill(EN.get_resource, &["A Midrash", "T’ruah"]),
            "Get A Midrash from T’ruah"
        );
        assert_eq!(
            fill(ES.thank_you_name, &["Ana María"]),
            "Gracias, Ana María."
        );
        assert_eq!(fill("no args", &[]), "no args");
        assert_eq!(fill("{} and {}", &["one"]), "one and ");
    }

    #[test]
    fn a_template_splits_around_its_gap() {
        assert_eq!(
            around(EN.privacy_default).0,
            "When you send this, your details go to "
        );
        assert!(around(EN.privacy_default)
            .1
            .starts_with(". Until they are sent"));
        assert_eq!(around("no gap"), ("no gap", ""));
    }

    #[test]
    fn languages_parse_from_codes() {
        assert_eq!(Lang::parse("es"), Some(Lang::Es));
        assert_eq!(Lang::parse("es-MX"), Some(Lang::Es));
        assert_eq!(Lang::parse("EN_us"), Some(Lang::En));
        assert_eq!(Lang::parse("he"), None);
        assert_eq!(Lang::parse(""), None);
    }

    #[test]
    fn every_template_keeps_its_arguments_in_every_language() {
        // A translation that drops or adds a `{}` would lose a name or print a stray one.
        let templates = |u: &Ui| {
            [
                u.not_found_lead,
                u.issues_description,
                u.issues_lead,
                u.partners_description,
                u.note,
                u.visit_website,
                u.get_resource,
                u.org_work,
                u.no_wasm,
                u.org_website,
                u.thank_you_name,
                u.saved,
                u.refused,
                u.unconfirmed,
                u.waiting,
                u.unreachable,
                u.sign_elsewhere,
                u.expired,
                u.enter_your,
                u.too_long,
                u.invisible,
                u.angle_brackets,
                u.count_one,
                u.count_many,
                u.closes_on,
                u.closed_on,
                u.date,
                u.privacy_default,
                u.privacy_policy,
            ]
            .map(|t| t.matches("{}").count())
        };
        assert_eq!(templates(&ES), templates(&EN));
        assert!(templates(&EN).iter().all(|n| *n > 0));
    }
}
