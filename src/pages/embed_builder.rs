//! `/embed`: the snippet generator, for staff who put the campaign on another website. A static
//! page (`routes::STATIC_ONLY`): prerendered, never hydrated, and linked with `rel="external"`,
//! so visitors' wasm never carries it. Choosing, the snippet, copying and the live preview are
//! `js/embed-generator.js`, the one writer of the snippet. A staff tool, in English only, so its
//! words are here rather than in `campaign_core::i18n`.

use super::Meta;
use crate::components::frame::Frame;
use crate::components::heading::Heading;
use crate::content::content;
use crate::paths::BASE;
use campaign_core::contract::{attr, builder};
use campaign_core::embed::Embed;
use campaign_core::i18n::Lang;
use campaign_core::kind::Kind;
use leptos::attr::custom::custom_attribute;
use leptos::prelude::*;
use leptos_meta::{Script, Stylesheet};

pub fn page() -> (Meta, AnyView) {
    // A staff tool: never in search results (nor in the sitemap: campaign_core::findable).
    let meta = Meta {
        one_language: true,
        noindex: true,
        ..Meta::new(
            "Embed this campaign",
            "Put a petition, the updates signup or an issue page on another website: choose, copy the snippet, paste.",
        )
    };
    (meta, view! { <EmbedBuilder /> }.into_any())
}

/// What staff should know about embeds.
fn notes() -> [String; 5] {
    let events: Vec<&str> = Kind::ALL.iter().map(|k| k.event()).collect();
    [
        "One page can hold several embeds, for example a petition in the text and the signup in a sidebar. Each works on its own.".into(),
        "The embed fits any column down to 300 pixels wide, and your page’s styles cannot break it, nor can it change your page.".into(),
        "Links inside the embed stay inside it, and it never changes your page’s address.".into(),
        format!("Your page can count signatures for its own analytics: the embed sends the events {}, with no personal data in them.", events.join(" and ")),
        "If your website sends a Content Security Policy, it must allow this site’s address in script-src, style-src and connect-src, and 'wasm-unsafe-eval' in script-src. The README lists the exact lines.".into(),
    ]
}

#[component]
fn EmbedBuilder() -> impl IntoView {
    let c = content();
    let choices = Embed::all(c);
    let lead = format!(
        "Put a petition, the updates signup or an issue page on another website, such as a page of {}’s WordPress site. Choose what to show, copy the snippet, and paste it where it should appear: in WordPress, into a Custom HTML block.",
        c.site.org_name
    );
    view! {
        <Stylesheet href=format!("{BASE}/embed-generator.css") />
        <Script type_="module" src=format!("{BASE}/embed-generator.js") />
        <Frame title="Embed this campaign on your website" article=true class="builder-page">
            <p class="lead">{lead}</p>
            <form
                class="builder stack"
                id={builder::FORM}
                {..custom_attribute(attr::EMBED_BUILDER, "")}
            >
                <fieldset class="builder__what">
                    <legend>"What to embed"</legend>
                    {choices
                        .iter()
                        .enumerate()
                        .map(|(i, what)| {
                            let id = format!("embed-what-{i}");
                            let value = builder::choice(what);
                            view! {
                                <div class="check">
                                    <input type="radio" id=id.clone() name=builder::WHAT value=value checked=i == 0 />
                                    <label for=id>{what.label(c)}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <fieldset class="builder__what">
                    <legend>"Language"</legend>
                    {Lang::ALL
                        .iter()
                        .map(|lang| {
                            let id = format!("embed-lang-{}", lang.code());
                            let name = match lang {
                                Lang::En => view! { "English" }.into_any(),
                                Lang::Es => view! { <span lang="es">{lang.name()}</span> " (Spanish)" }.into_any(),
                            };
                            view! {
                                <div class="check">
                                    <input type="radio" id=id.clone() name=builder::LANG value=lang.code() checked=*lang == Lang::En />
                                    <label for=id>{name}</label>
                                </div>
                            }
                        })
                        .collect_view()}
                </fieldset>
                <BuilderField
                    name=builder::SOURCE
                    label="Source code (optional)"
                    hint="Tags every signature made through this embed, so you can see where they came from. For example: wordpress-home."
                />
                <details class="builder__more">
                    <summary>"Colours, font and corners"</summary>
                    <BuilderField name=builder::COLOR label="Main colour, for buttons and links" hint="Use a dark colour: white text goes on it." kind="color" value="#0b4f5c" />
                    <BuilderField name=builder::FONT label="Font (optional)" hint="Leave it empty for the reader’s system font. For example: Georgia, serif." />
                    <BuilderField name=builder::RADIUS label="Corner radius in pixels (optional)" hint="0 for square corners. Empty keeps the site’s 8." kind="number" />
                </details>
                <details class="builder__more">
                    <summary>"Where signatures go (optional)"</summary>
                    <p>"Signatures go where this site sends its own. To send this embed’s somewhere else, for example to another Action Network group, give the endpoint here."</p>
                    <div class="field">
                        <label for="embed-adapter">"Kind of endpoint"</label>
                        <select id="embed-adapter" name=builder::ADAPTER>
                            <option value="">"The same as this site"</option>
                            <option value="osdi">"OSDI (Action Network)"</option>
                            <option value="json">"JSON (your own function)"</option>
                            <option value="form">"Form (Formspree, Mailchimp)"</option>
                        </select>
                    </div>
                    {Kind::ALL.map(|kind| {
                        let (label, hint) = builder::kind_field_words(kind);
                        view! { <BuilderField name=builder::kind_field(kind) label=label hint=hint kind="url" /> }
                    }).collect_view()}
                </details>
            </form>
            <section aria-labelledby="snippet-heading" class="stack">
                <Heading level=2 id="snippet-heading">"Your snippet"</Heading>
                <div class="field">
                    <label for=builder::SNIPPET>"Snippet to paste"</label>
                    <textarea id=builder::SNIPPET class="builder__snippet" readonly rows="5" spellcheck="false"></textarea>
                </div>
                <noscript>
                    <p>"The snippet is written as you choose, by a script this browser does not run. Turn on JavaScript, or write the snippet by hand as the README shows (“Embedding it in another website”)."</p>
                </noscript>
                <button type="button" class="button" id=builder::COPY>"Copy the snippet"</button>
                <p role="status" id=builder::COPY_STATUS></p>
            </section>
            <section aria-labelledby="preview-heading" class="stack">
                <Heading level=2 id="preview-heading">"Preview"</Heading>
                <p>"The embed as it will look and work on your page. A signature made here is real."</p>
                <div id=builder::PREVIEW class="builder__preview"></div>
            </section>
            <section aria-labelledby="builder-notes-heading" class="stack prose">
                <Heading level=2 id="builder-notes-heading">"Good to know"</Heading>
                <ul>{notes().map(|n| view! { <li>{n}</li> }).collect_view()}</ul>
            </section>
        </Frame>
    }
}

/// A generator field: label, hint, input. `kind` is the input's type (`text` unless said).
#[component]
fn BuilderField(
    #[prop(into)] name: String,
    label: &'static str,
    hint: &'static str,
    #[prop(optional)] kind: Option<&'static str>,
    #[prop(optional)] value: Option<&'static str>,
) -> impl IntoView {
    let id = format!("embed-{name}");
    let hint_id = format!("{id}-hint");
    let kind = kind.unwrap_or("text");
    let typed = matches!(kind, "text" | "url");
    view! {
        <div class="field">
            <label for=id.clone()>{label}</label>
            <p class="field__hint" id=hint_id.clone()>{hint}</p>
            <input
                id=id
                name=name
                aria-describedby=hint_id
                type=kind
                value=value
                spellcheck=typed.then_some("false")
                autocomplete=typed.then_some("off")
                min=(kind == "number").then_some("0")
                max=(kind == "number").then_some("32")
                inputmode=(kind == "number").then_some("numeric")
            />
        </div>
    }
}
