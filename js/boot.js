// Starts the site. Trunk writes the hashed file names into this script tag's data attributes,
// so no inline script is needed (see Trunk.toml, pattern_script).
//
// Every page arrives prerendered: readable, with working links and forms, before any of this
// runs. Two wasm modules then bring it to life, neither of them on the first view's path:
// - the site (the Leptos app), for in-browser routing: fetched, compiled and started (hydrating
//   the page) when the visitor first points at, touches or focuses a link, once the page has
//   loaded and been painted; with Save-Data on, or on a 2G connection, it is skipped, and links
//   load pages as usual;
// - the signer, the forms' behaviour, when a visitor starts filling in a form (lazy-signer.js).
import { C } from "./contract.js";
import { lazySigner, prepareForms, wasm } from "./lazy-signer.js";

// A static page (the /embed/ generator) is not the site's to hydrate, nor to send elsewhere.
function isStatic() {
  return document.body.getAttribute(C.attr.render) === C.render.static;
}

// The language a visitor chose with the language switcher, remembered on this device. The site
// never guesses it from the browser's settings: only a choice made here counts. On a page in
// another language that has a version in the chosen one, go there.
const LANG = "truah-campaign.lang";
document.addEventListener("click", (ev) => {
  const link = ev.target instanceof Element ? ev.target.closest(`a[${C.attr.lang_switch}]`) : null;
  try {
    if (link) localStorage.setItem(LANG, link.getAttribute(C.attr.lang_switch));
  } catch {
    // Storage is blocked: the choice holds for this visit's links only.
  }
}, true);
try {
  const chosen = localStorage.getItem(LANG);
  const there = chosen && chosen !== document.documentElement.lang && !isStatic()
    ? document.querySelector(`a[${C.attr.lang_switch}="${CSS.escape(chosen)}"]`)
    : null;
  if (there) location.replace(there.href);
} catch {
  // Storage is blocked: nothing was remembered.
}

const tag = document.querySelector("script[data-wasm]");
const here = new URL(tag.dataset.js, location.href);
const signer = lazySigner(new URL(tag.dataset.signer, here).href, new URL(tag.dataset.signerWasm, here), new URL("outbox.js", import.meta.url).href);
signer.listen(document);
prepareForms(document);

/** How long after the load event the site waits at most for the first paint (a hidden tab
 *  paints nothing). */
const PAINT_PATIENCE_MS = 3000;

/**
 * Settles once the page has loaded and its first content is on screen: nothing fetched or
 * compiled for later competes with the first paint, which on a slow phone can come after the
 * load event. The browser reports that paint (Paint Timing) once it is shown; one that cannot
 * goes ahead at the load event.
 */
const painted = new Promise((resolve) => {
  const loaded = () => {
    setTimeout(resolve, PAINT_PATIENCE_MS);
    if (!PerformanceObserver.supportedEntryTypes?.includes("paint")) return resolve();
    new PerformanceObserver((list) => {
      if (list.getEntriesByName("first-contentful-paint").length) setTimeout(resolve, 0);
    }).observe({ type: "paint", buffered: true });
  };
  if (document.readyState === "complete") loaded();
  else addEventListener("load", loaded, { once: true });
});

// The rest waits for the page to be painted (after-paint.js, next to this script): what an
// earlier visit left waiting, a link that fills in the forms or starts event mode, the
// petitions' counts, the service worker. None of it is needed to show the page, so none of it
// weighs on the first view.
painted
  .then(() => import(new URL("after-paint.js", import.meta.url).href))
  .then((m) => m.afterPaint(signer))
  .catch(() => {
    // Offline before the worker kept it, or the host failed: the page and its forms work without.
  });

/** The site's wasm, compiled. Compiling runs off the main thread (streaming, where the host
 *  says `application/wasm`). */
async function compile(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`${url}: ${response.status}`);
  const streams = response.headers.get("content-type")?.split(";")[0].trim() === "application/wasm";
  return streams ? WebAssembly.compileStreaming(response) : WebAssembly.compile(await response.arrayBuffer());
}

/**
 * Starts the site: fetches and compiles its wasm, then instantiates it, which hydrates the page.
 * Only the visitor's first sign that they may follow a link does (C.linkIntent on a link),
 * because in-page routing is all the site's wasm adds to a prerendered page. So a visit that
 * reads or signs and leaves, the campaign's commonest (from an email to the petition and away),
 * neither downloads it (92 KB) nor pays its one long task, hydrating (about 50 ms on a desktop,
 * four times that on a slow phone), and a tap on a form never waits behind it. Until it has
 * started, a link loads its page as any link does: a click that comes before the site is ready
 * is an ordinary page load, and the wasm, once it has all arrived, is in the browser's cache for
 * the next page (its name is hashed; `_headers` lets it be cached for a year).
 */
let started = null;
function startSite() {
  started ??= (async () => {
    await painted;
    const [{ default: init }, module] = await Promise.all([import(tag.dataset.js), compile(new URL(tag.dataset.wasm, document.baseURI))]);
    await init({ module_or_path: module });
    document.documentElement.dataset.app = "ready";
    return true;
  })().catch(() => {
    // Offline, or the host failed: the links keep loading pages; the next intent tries again.
    started = null;
    return false;
  });
  return started;
}
function startOnLinkIntent() {
  const listening = { capture: true, passive: true };
  const onIntent = (ev) => {
    if (!(ev.target instanceof Element && ev.target.closest("a[href]"))) return;
    startSite().then((ready) => {
      if (ready) for (const type of C.linkIntent) document.removeEventListener(type, onIntent, listening);
    });
  };
  for (const type of C.linkIntent) document.addEventListener(type, onIntent, listening);
}

// On a slow or metered connection the pages work as they are, and every link loads a small
// prerendered page: hydrating would cost more than it saves.
const connection = navigator.connection;
const thrifty = connection?.saveData || ["slow-2g", "2g"].includes(connection?.effectiveType);
if (wasm && !thrifty && !isStatic()) startOnLinkIntent();
