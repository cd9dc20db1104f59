//! Finding the forms on the page (and in embeds' shadow roots), now and as the site adds them,
//! and listening to each: its submit, what is typed, and its buttons.

use super::{Form, FORMS};
use crate::dom::*;
use crate::{endpoint, outbox};
use campaign_core::contract::{attr, Part};
use campaign_core::i18n::Lang;
use campaign_core::kind::Kind;
use campaign_core::petition::form_state::{Event, FormState};
use std::cell::{Cell, RefCell};
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Brings to life every form on the page now, and every form added later.
pub fn watch() {
    if let Some(body) = document().body() {
        watch_in(body.into());
    }
}

/// Brings to life every form in `root` (the page's body, or an embed's shadow root) now, and
/// every form added to it later.
pub fn watch_in(root: web_sys::Node) {
    attach_in(&root);
    let within = root.clone();
    let cb = Closure::<dyn FnMut()>::new(move || attach_in(&within));
    if let Ok(observer) = web_sys::MutationObserver::new(cb.as_ref().unchecked_ref()) {
        let options = web_sys::MutationObserverInit::new();
        options.set_child_list(true);
        options.set_subtree(true);
        let _ = observer.observe_with_options(&root, &options);
    }
    cb.forget();
}

/// Brings to life each form on the page that is not yet.
pub fn attach_all() {
    attach_in(&document().into());
}

/// The forms not yet brought to life.
fn unready() -> String {
    format!("[{}]:not([{}])", attr::SIGN, attr::SIGN_READY)
}

fn attach_in(root: &web_sys::Node) {
    let list = if let Some(el) = root.dyn_ref::<web_sys::Element>() {
        el.query_selector_all(&unready())
    } else if let Some(d) = root.dyn_ref::<web_sys::Document>() {
        d.query_selector_all(&unready())
    } else if let Some(f) = root.dyn_ref::<web_sys::DocumentFragment>() {
        f.query_selector_all(&unready())
    } else {
        return;
    };
    let Ok(list) = list else { return };
    for i in 0..list.length() {
        if let Some(root) = list
            .item(i)
            .and_then(|n| n.dyn_into::<web_sys::Element>().ok())
        {
            attach(root);
        }
    }
}

fn attach(root: web_sys::Element) {
    let _ = root.set_attribute(attr::SIGN_READY, "");
    let kind = root
        .get_attribute(attr::SIGN)
        .as_deref()
        .and_then(Kind::parse);
    let (Some(kind), Some(prefix)) = (kind, root.get_attribute(attr::PREFIX)) else {
        return;
    };
    let lang = root
        .closest("[lang]")
        .ok()
        .flatten()
        .and_then(|el| el.get_attribute("lang"))
        .and_then(|l| Lang::parse(&l))
        .unwrap_or(Lang::En);
    let action = if kind.of_action() {
        root.get_attribute(attr::ACTION).unwrap_or_default()
    } else {
        String::new()
    };
    let f = Rc::new(Form {
        // Keys or pointer input seen before this module arrived (js/lazy-signer.js notes them).
        human: Cell::new(root.has_attribute(attr::HUMAN)),
        scope: Scope::of(&root),
        lang,
        words: lang.signer_words(),
        root,
        prefix,
        kind,
        action,
        attached_at: js_sys::Date::now(),
        state: RefCell::new(FormState::default()),
        announced: RefCell::new(Vec::new()),
        // Every form of the page, in event mode: the footer's updates signup too (its details are
        // as personal as a petition's, and are sealed as they are).
        event: super::event(),
        last_input: Cell::new(0.0),
        idle_armed: Cell::new(false),
        countdown: Cell::new(0),
    });
    if f.event.is_some() {
        // In event mode nothing comes from a link: the form is each next person's.
        f.start_event();
    } else {
        f.prefill();
    }
    f.country_changed();
    // What an earlier visit left: a signature that could not be sent in time and was removed
    // (say so), or one still waiting (show where it stands, unless this visit has signed). It
    // goes where this form's endpoint overrides say today.
    let g = f.clone();
    outbox::restore(
        &f.label(),
        endpoint::overrides(f.scope.host()),
        move |pending, notice| {
            // In event mode, what waits on the device is other people's, sealed: the staff panel
            // counts it (and the outbox never shows one to a form).
            if g.event.is_some() {
                return;
            }
            if let Some(notice) = notice {
                g.expired_notice()(notice);
            }
            if let Some((key, status)) = pending {
                g.on(Event::Restored { key, status });
            }
        },
    );
    if let Some(form) = f.el::<web_sys::EventTarget>(Part::Form) {
        let g = f.clone();
        on(&form, "submit", move |ev| g.submit(ev));
        for event in ["input", "change"] {
            let g = f.clone();
            on(&form, event, move |ev| {
                g.input(ev);
                g.arm_idle();
            });
        }
        for event in ["keydown", "pointerdown"] {
            let g = f.clone();
            on(&form, event, move |ev| {
                if ev.is_trusted() {
                    g.human.set(true);
                }
            });
        }
    }
    // The error summary's links focus their field instead of following `#id`: in an embed on
    // another website that would change the host page's address (and find nothing there).
    if let Some(summary) = f.el::<web_sys::EventTarget>(Part::Errors) {
        let g = f.clone();
        on(&summary, "click", move |ev| {
            let link = ev
                .target()
                .and_then(|t| t.dyn_into::<web_sys::Element>().ok())
                .and_then(|t| t.closest("a[href^='#']").ok().flatten());
            if let Some(id) = link.and_then(|a| a.get_attribute("href")) {
                ev.prevent_default();
                if let Some(field) = g
                    .scope
                    .by_id::<web_sys::HtmlElement>(id.trim_start_matches('#'))
                {
                    field.scroll_into_view();
                    let _ = field.focus();
                }
            }
        });
    }
    let click = |part: Part, handler: Box<dyn Fn(&Form)>| {
        let g = f.clone();
        f.scope.on_click(&f.id(part), move |_| handler(&g));
    };
    click(Part::Retry, Box::new(|_| outbox::retry_now()));
    // For someone else, or after forgetting: the signature that was waiting, if any, goes on
    // being sent without this form, or is taken off the device first.
    click(Part::SignAnother, Box::new(|f| f.afresh(false)));
    click(
        Part::Forget,
        Box::new(|f| {
            if let Some(key) = f.state.borrow().key() {
                outbox::forget(key, || {});
            }
            f.afresh(true);
        }),
    );
    click(Part::SendPlainly, Box::new(Form::send_plainly));
    click(Part::Share, Box::new(Form::share));
    click(Part::ShareCopy, Box::new(Form::copy_link));
    click(Part::OfferYes, Box::new(Form::accept_offer));
    FORMS.with_borrow_mut(|forms| forms.push(f));
}
