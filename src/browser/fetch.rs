//! Fetching a prerendered page, and keeping what was fetched for the rest of the visit.

use crate::not_found::MARK;
use futures::channel::oneshot;
use gloo_net::http::Request;
use std::cell::RefCell;
use std::rc::Rc;
use std::sync::Arc;

/// What the site shows of a prerendered page: what its `<head>` says, and its body.
#[derive(Clone, Debug, PartialEq)]
pub struct Fetched {
    pub title: String,
    pub description: String,
    pub noindex: bool,
    pub body: Body,
}

#[derive(Clone, Debug, PartialEq)]
pub enum Body {
    /// The page the browser was given: in the document already, kept as it is by hydration.
    Here,
    /// A fetched page's body as the prerenderer wrote it (`<main>`'s `<div class="page">`):
    /// our own build's HTML, from our own origin, never anything a visitor typed.
    Html(String),
    /// The not-found page, which the app renders itself (it names the address).
    NotFound,
}

/// The page could not be fetched now (offline, a failing host); it is tried again next time.
#[derive(Clone, Copy, Debug)]
pub struct Unavailable;

type Outcome = Result<Arc<Fetched>, Unavailable>;

/// Those waiting for a page being fetched.
type Waiters = Rc<RefCell<Vec<oneshot::Sender<Outcome>>>>;

#[derive(Clone)]
enum Slot {
    Loading(Waiters),
    Ready(Arc<Fetched>),
}

/// Every page fetched in this visit, by path. A page is a few KB, and a visit shows a few, so a
/// list (a hash map would cost the wasm more than it saves).
#[derive(Default)]
struct Pages(Vec<(String, Slot)>);

impl Pages {
    fn get(&self, path: &str) -> Option<&Slot> {
        self.0.iter().find(|(p, _)| p == path).map(|(_, s)| s)
    }
    fn insert(&mut self, path: String, slot: Slot) -> Option<Slot> {
        let old = self.remove(&path);
        self.0.push((path, slot));
        old
    }
    fn remove(&mut self, path: &str) -> Option<Slot> {
        let at = self.0.iter().position(|(p, _)| p == path)?;
        Some(self.0.swap_remove(at).1)
    }
}

thread_local! {
    static PAGES: RefCell<Pages> = RefCell::new(Pages::default());
}

/// Starts fetching the page at `path`, unless it is here or on its way.
pub fn prefetch(path: &str) {
    let absent = PAGES.with_borrow(|p| p.get(path).is_none());
    if absent {
        wasm_bindgen_futures::spawn_local(drop_result(page(path.to_string())));
    }
}

async fn drop_result(f: impl std::future::Future<Output = Outcome>) {
    let _ = f.await;
}

/// The page at `path`: at once if it was fetched before, when it arrives otherwise.
pub async fn page(path: String) -> Outcome {
    let waiting = PAGES.with_borrow_mut(|pages| match pages.get(&path) {
        Some(Slot::Ready(page)) => Ok(page.clone()),
        Some(Slot::Loading(waiters)) => {
            let (tx, rx) = oneshot::channel();
            waiters.borrow_mut().push(tx);
            Err(Some(rx))
        }
        None => {
            pages.insert(path.clone(), Slot::Loading(Default::default()));
            Err(None)
        }
    });
    match waiting {
        Ok(page) => Ok(page),
        Err(Some(rx)) => rx.await.unwrap_or(Err(Unavailable)),
        Err(None) => {
            let result = load(&path).await.map(Arc::new);
            let slot = PAGES.with_borrow_mut(|pages| match &result {
                Ok(page) => pages.insert(path.clone(), Slot::Ready(page.clone())),
                Err(Unavailable) => pages.remove(&path),
            });
            if let Some(Slot::Loading(waiters)) = slot {
                for tx in waiters.take() {
                    let _ = tx.send(result.clone());
                }
            }
            result
        }
    }
}

/// Fetches and reads one page. A 404 is the not-found page, and is a page like any other.
async fn load(path: &str) -> Result<Fetched, Unavailable> {
    let response = Request::get(path).send().await.map_err(|_| Unavailable)?;
    if !response.ok() && response.status() != 404 {
        return Err(Unavailable);
    }
    let html = response.text().await.map_err(|_| Unavailable)?;
    let parser = web_sys::DomParser::new().map_err(|_| Unavailable)?;
    let doc = parser
        .parse_from_string(&html, web_sys::SupportedType::TextHtml)
        .map_err(|_| Unavailable)?;
    let meta = |selector: &str| {
        doc.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default()
    };
    let body = doc
        .query_selector("main > .page")
        .ok()
        .flatten()
        .ok_or(Unavailable)?;
    let not_found = body.has_attribute(MARK) || response.status() == 404;
    Ok(Fetched {
        title: meta("meta[property='og:title']"),
        description: meta("meta[name=description]"),
        noindex: doc
            .query_selector("meta[name=robots]")
            .ok()
            .flatten()
            .is_some(),
        body: if not_found {
            Body::NotFound
        } else {
            Body::Html(body.inner_html())
        },
    })
}

/// What the `<head>` of the page the browser was given says, before hydration touches it.
pub fn this_page() -> Fetched {
    let doc = leptos::prelude::document();
    let meta = |selector: &str| {
        doc.query_selector(selector)
            .ok()
            .flatten()
            .and_then(|m| m.get_attribute("content"))
            .unwrap_or_default()
    };
    let not_found = doc
        .query_selector(&format!("main > .page[{MARK}]"))
        .ok()
        .flatten()
        .is_some();
    Fetched {
        title: meta("meta[property='og:title']"),
        description: meta("meta[name=description]"),
        noindex: doc
            .query_selector("meta[name=robots]")
            .ok()
            .flatten()
            .is_some(),
        body: if not_found {
            Body::NotFound
        } else {
            Body::Here
        },
    }
}
