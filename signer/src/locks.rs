//! One tab at a time: the Web Locks API (`navigator.locks`), which every tab of this browser on
//! this site shares, and which the browser releases when a tab closes. Called through
//! `js_sys::Reflect` rather than web-sys's bindings, which need `web_sys_unstable_apis`.

use std::cell::RefCell;
use std::future::Future;
use std::rc::Rc;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

/// Runs `work` while this tab holds the exclusive lock `name`, waiting for it if another tab
/// has it; `work` always runs, once. Where the browser has no Web Locks (or refuses them),
/// `work` runs as it is: the outbox's leases still keep two tabs from sending one signature at
/// once, as long as the clock holds still.
pub async fn exclusively<F>(name: &str, work: F)
where
    F: Future<Output = ()> + 'static,
{
    let navigator: JsValue = crate::dom::window().navigator().into();
    let locks = js_sys::Reflect::get(&navigator, &"locks".into()).unwrap_or(JsValue::UNDEFINED);
    let request = js_sys::Reflect::get(&locks, &"request".into())
        .ok()
        .and_then(|r| r.dyn_into::<js_sys::Function>().ok());
    let Some(request) = request else {
        work.await;
        return;
    };
    // The lock is held until the promise this callback returns settles: until `work` is done.
    let work = Rc::new(RefCell::new(Some(work)));
    let held = work.clone();
    let callback = Closure::once_into_js(move |_lock: JsValue| {
        wasm_bindgen_futures::future_to_promise(async move {
            let work = held.borrow_mut().take();
            if let Some(work) = work {
                work.await;
            }
            Ok(JsValue::UNDEFINED)
        })
    });
    if let Ok(promise) = request.call2(&locks, &name.into(), &callback) {
        let _ = JsFuture::from(js_sys::Promise::from(promise)).await;
    }
    // The browser refused the request (an opaque origin, a sandboxed frame) before granting the
    // lock: work without it, as where there is none.
    let work = work.borrow_mut().take();
    if let Some(work) = work {
        work.await;
    }
}
