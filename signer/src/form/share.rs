//! Sharing after signing: the system share sheet where there is one; elsewhere (in-app browsers
//! often have no `navigator.share`) a link to copy.

use super::Form;
use crate::dom::*;
use campaign_core::contract::{attr, Part};
use wasm_bindgen::prelude::*;

impl Form {
    /// The address to share, tagged `?source=share`: the form's `data-share-url` (an embed
    /// shares the campaign's own page, not the page it sits in), or this page's.
    fn share_url(&self) -> String {
        let page = match self.root.get_attribute(attr::SHARE_URL) {
            Some(url) => url.split(['?', '#']).next().unwrap_or_default().to_string(),
            None => {
                let loc = window().location();
                format!(
                    "{}{}",
                    loc.origin().unwrap_or_default(),
                    loc.pathname().unwrap_or_default()
                )
            }
        };
        format!("{page}?source=share")
    }

    pub(super) fn share(&self) {
        let nav: JsValue = window().navigator().into();
        let data = js_sys::Object::new();
        let _ = js_sys::Reflect::set(&data, &"title".into(), &document().title().into());
        let _ = js_sys::Reflect::set(&data, &"url".into(), &self.share_url().into());
        if js_call(&nav, "share", &data).is_none() {
            if let Some(input) = self.el::<web_sys::HtmlInputElement>(Part::ShareLink) {
                input.set_value(&self.share_url());
            }
            self.scope.set_hidden(&self.id(Part::ShareFallback), false);
        }
    }

    pub(super) fn copy_link(&self) {
        let nav: JsValue = window().navigator().into();
        let clipboard =
            js_sys::Reflect::get(&nav, &"clipboard".into()).unwrap_or(JsValue::UNDEFINED);
        let (scope, status, words) = (self.scope.clone(), self.id(Part::ShareStatus), self.words);
        match js_call(&clipboard, "writeText", &self.share_url().into()) {
            Some(p) => wasm_bindgen_futures::spawn_local(async move {
                let ok = wasm_bindgen_futures::JsFuture::from(p).await.is_ok();
                let said = if ok {
                    words.link_copied
                } else {
                    words.copy_by_hand
                };
                scope.set_text(&status, said);
            }),
            None => scope.set_text(&status, words.copy_by_hand),
        }
    }
}
