//! Small DOM helpers. A form's parts are found by id in its [`Scope`]: the page's document, or
//! the shadow root of an embed on another website (`js/embed.js`), where ids are its own.

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

pub fn window() -> web_sys::Window {
    web_sys::window().expect("runs in a browser window")
}

pub fn document() -> web_sys::Document {
    window().document().expect("the window has a document")
}

/// Where a form's parts live: the document, or an embed's shadow root.
#[derive(Clone)]
pub struct Scope(web_sys::Node);

impl Scope {
    /// The scope of an element: its document, or the shadow root it is in.
    pub fn of(el: &web_sys::Element) -> Scope {
        Scope(el.get_root_node())
    }

    /// The element hosting this scope (an embed's mount element), if it is a shadow root.
    pub fn host(&self) -> Option<web_sys::Element> {
        self.0.dyn_ref::<web_sys::ShadowRoot>().map(|s| s.host())
    }

    /// An element of this scope by id, as the given type.
    pub fn by_id<T: JsCast>(&self, id: &str) -> Option<T> {
        let el = if let Some(d) = self.0.dyn_ref::<web_sys::Document>() {
            d.get_element_by_id(id)
        } else {
            self.0
                .dyn_ref::<web_sys::DocumentFragment>()?
                .get_element_by_id(id)
        };
        el?.dyn_into::<T>().ok()
    }

    pub fn set_hidden(&self, id: &str, hidden: bool) {
        if let Some(el) = self.by_id::<web_sys::HtmlElement>(id) {
            el.set_hidden(hidden);
        }
    }

    pub fn set_text(&self, id: &str, text: &str) {
        if let Some(el) = self.by_id::<web_sys::Element>(id) {
            el.set_text_content(Some(text));
        }
    }

    pub fn set_attr(&self, id: &str, name: &str, value: Option<&str>) {
        if let Some(el) = self.by_id::<web_sys::Element>(id) {
            let _ = match value {
                Some(v) => el.set_attribute(name, v),
                None => el.remove_attribute(name),
            };
        }
    }

    /// Focuses an element once the browser has applied the changes just made (it may have just
    /// been unhidden).
    pub fn focus(&self, id: &str) {
        let (scope, id) = (self.clone(), id.to_string());
        let cb = Closure::once_into_js(move || {
            if let Some(el) = scope.by_id::<web_sys::HtmlElement>(&id) {
                let _ = el.focus();
            }
        });
        let _ = window().request_animation_frame(cb.unchecked_ref());
    }

    /// Listens for clicks on the element with this id, if the scope has it.
    pub fn on_click(&self, id: &str, f: impl FnMut(web_sys::Event) + 'static) {
        if let Some(el) = self.by_id::<web_sys::EventTarget>(id) {
            on(&el, "click", f);
        }
    }
}

/// Listens for `event` on `target` for the life of the page.
pub fn on(target: &web_sys::EventTarget, event: &str, f: impl FnMut(web_sys::Event) + 'static) {
    let cb = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    let _ = target.add_event_listener_with_callback(event, cb.as_ref().unchecked_ref());
    cb.forget();
}

/// Calls `target[method](arg)` if it exists and returns a promise (APIs that some browsers lack,
/// like `navigator.share`).
pub fn js_call(target: &JsValue, method: &str, arg: &JsValue) -> Option<js_sys::Promise> {
    let f = js_sys::Reflect::get(target, &JsValue::from_str(method))
        .ok()?
        .dyn_into::<js_sys::Function>()
        .ok()?;
    f.call1(target, arg)
        .ok()?
        .dyn_into::<js_sys::Promise>()
        .ok()
}
