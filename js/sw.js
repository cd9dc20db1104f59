// The service worker: the site with no signal, and signatures sent without the page.
// scripts/service-worker.mjs bundles it, with the build's list of files, into sw.js at the
// site's root (both languages are under it), once both languages are built. Plain JavaScript:
// a worker cannot count on fetching wasm.
//
// - Pages: each page a visitor sees is kept, however it was reached (opened by its address, or
//   fetched by the site's wasm to show it in place after a link), across deploys; it is fetched
//   afresh whenever there is a network (so a new deploy's page, with its own files, comes with
//   the next load), and served from what was kept when there is none, or when the network has not
//   answered within LIE_FI_MS (a connection that answers slowly: the kept page shows, and is
//   brought up to date when the answer comes). A page not kept gets the offline page of its
//   language.
// - Each open action's page and what signing there needs (boot.js, the signer, count.js) are
//   fetched when the worker is installed, in the language of the page that installed it: they
//   open and sign with no signal, even if the visitor never went there (not with Save-Data on
//   or on 2G).
// - Files with a hashed name are kept under that name: a page only ever asks for its own build's.
// - Updates: a new deploy's worker fetches its files into a cache of its own and waits, with no
//   skipWaiting, until no page uses the old one (an open form keeps the code it was given); once
//   it takes over, it removes the old build's files (only this site's: the caches' names start
//   with its scope, so another site on the same origin keeps its own) and fetches the kept pages
//   afresh.
// - Signatures: it sends what waits in the outbox (js/outbox.js, the same code and record as the
//   pages, under the same lock) when a page asks it to, when Background Sync wakes it (Chromium:
//   with no page open), and whenever it starts.
import { C } from "./contract.js";
import * as outbox from "./outbox.js";

// eslint-disable-next-line no-undef
const BUILD = __BUILD__;
const scope = self.registration.scope;
const PREFIX = `truah-campaign ${scope}`;
/** This build's files; each deploy's worker has its own. */
const FILES = `${PREFIX} files ${BUILD.version}`;
/** The pages visitors opened, across deploys (fetched afresh as each new worker takes over). */
const PAGES = `${PREFIX} pages`;
const at = (path) => new URL(path, scope).href;
/** A file whose name carries its content's hash (campaign_core::deploy::is_hashed). */
const hashed = (url) => /-[0-9a-f]{10,16}(_bg)?\.(js|wasm|css)$/.test(url.pathname);
/** One of the site's pages: every page is a folder's (`/partners/`), whether the browser opens it
 *  or the site's wasm fetches it to show in place (src/browser/fetch.rs). */
const isPage = (request, url) => request.mode === "navigate" || url.pathname.endsWith("/");
/** How long a page waits for the network before the kept copy shows: on a connection that
 *  answers slowly or not at all (a packed hall), 3 s, the common choice, rather than the
 *  browser's own time-out of a minute or more. */
const LIE_FI_MS = 3000;

/** The pages open when this worker is installed (the first visit's, opened before there was a
 *  worker to keep them), each as its address without query or fragment (a link's details are
 *  not kept), and their language folders ("", "es/"). */
async function openPages() {
  const open = await self.clients.matchAll({ type: "window", includeUncontrolled: true });
  const folders = Object.keys(BUILD.languages).sort((a, b) => b.length - a.length);
  const urls = open.map((p) => new URL(p.url)).filter((u) => u.href.startsWith(scope)).map((u) => u.origin + u.pathname);
  const languages = new Set(urls.map((url) => {
    const path = new URL(url).pathname.slice(new URL(scope).pathname.length);
    return folders.find((f) => path.startsWith(f)) ?? "";
  }));
  return { urls, languages: languages.size ? [...languages] : [""] };
}

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const files = await caches.open(FILES);
    const pages = await caches.open(PAGES);
    const open = await openPages();
    // What signing offline needs, fetched ahead (about 70 KB): not where the visitor saves data
    // or is on 2G (as boot.js skips the site's wasm there). The offline page and the open pages are
    // kept anyway.
    const connection = self.navigator?.connection;
    const thrifty = connection?.saveData || ["slow-2g", "2g"].includes(connection?.effectiveType);
    for (const lang of open.languages) {
      const { files: list, pages: pageList, offline } = BUILD.languages[lang];
      if (!thrifty) await files.addAll(list.map(at));
      await pages.addAll((thrifty ? [offline] : pageList).map(at));
    }
    await keep(pages, open.urls);
  })());
});

/** Pages fetched now and kept, as any page opened under the worker is. One that fails (the host
 *  is gone again) does not stop the worker. */
function keep(pages, urls) {
  return Promise.all(urls.map(async (url) => {
    try {
      await keepPage(pages, url, await fetch(url));
    } catch {
      // Not kept this time; the copy kept before stays.
    }
  }));
}

/** Keeps a page's answer (a whole, same-origin one) in place of the copy kept before. It is read
 *  in full first: a connection lost while the page streams in (the device going offline as the
 *  worker activates, or in a packed hall) must leave the copy kept before as it was, where a
 *  half-streamed `put` could leave none. */
async function keepPage(pages, key, response) {
  if (!response.ok || response.type !== "basic") return;
  const copy = response.clone();
  // Read through another clone: once it has ended, the copy's stream holds the whole page. (The
  // copy, not a Response made of the bytes, keeps the answer's own headers as they apply.)
  await response.clone().arrayBuffer();
  await pages.put(key, copy);
}

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== FILES && name !== PAGES) await caches.delete(name);
    }
    // The first visit's page comes under the worker at once (not a later deploy's: this runs once
    // no page uses the old worker, so none is taken from it).
    await self.clients.claim();
    // The pages kept under the build before, this build's where there is a network; and any page
    // opened while the worker was installing, which came neither under it nor into openPages().
    const pages = await caches.open(PAGES);
    const urls = new Set([...(await pages.keys()).map((request) => request.url), ...(await openPages()).urls]);
    await keep(pages, [...urls]);
    await outbox.flush();
  })());
});

/**
 * A page: from the network when it answers within LIE_FI_MS (and kept), else as kept (and kept
 * afresh once the network answers), else, with nothing kept, from the network whenever it
 * answers, else the offline page. `event` is the fetch, which lives on until the page is kept.
 */
function page(event) {
  const request = event.request;
  const url = new URL(request.url);
  const key = url.origin + url.pathname;
  const pages = caches.open(PAGES);
  const network = fetch(request).then(async (response) => {
    await keepPage(await pages, key, response);
    return response;
  });
  // The answer is kept even when the kept copy was shown first.
  event.waitUntil(network.catch(() => null));
  return (async () => {
    const kept = await (await pages).match(key);
    if (kept) {
      const slow = new Promise((resolve) => setTimeout(resolve, LIE_FI_MS, null));
      return (await Promise.race([network.catch(() => null), slow])) ?? kept;
    }
    try {
      return await network;
    } catch {
      // Offline, and never kept. The site's wasm, fetching it to show in place, is told it
      // failed (and loads the page as any link does); a browser opening it gets the offline page.
      return request.mode === "navigate" ? offline(url) : Response.error();
    }
  })();
}

/** The offline page in the language of the page asked for, else in the language the worker was
 *  installed in. */
async function offline(url) {
  const pages = await caches.open(PAGES);
  const rest = url.pathname.slice(new URL(scope).pathname.length);
  const folders = Object.keys(BUILD.languages).sort((a, b) => b.length - a.length);
  const lang = folders.find((f) => rest.startsWith(f)) ?? "";
  for (const folder of [lang, ...folders]) {
    const page = await pages.match(at(BUILD.languages[folder].offline));
    if (page) return page;
  }
  return Response.error();
}

/** A file with a hashed name: as kept, else fetched (and kept). */
async function file(request) {
  const files = await caches.open(FILES);
  const kept = await files.match(request.url);
  if (kept) return kept;
  const response = await fetch(request);
  if (response.ok && response.type === "basic") await files.put(request.url, response.clone());
  return response;
}

/** Any other file of the site (boot.js, count.js, a count): fetched when there is a network,
 *  else as kept. */
async function other(request) {
  try {
    const response = await fetch(request);
    if (response.ok && response.type === "basic") (await caches.open(FILES)).put(request.url, response.clone());
    return response;
  } catch {
    return (await caches.match(request.url, { cacheName: FILES })) ?? (await caches.match(request.url, { cacheName: PAGES })) ?? Response.error();
  }
}

let started = false;

self.addEventListener("fetch", (event) => {
  // Once per start: what waits in the outbox goes.
  if (!started) {
    started = true;
    event.waitUntil(outbox.flush());
  }
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== "GET" || !request.url.startsWith(scope)) return;
  if (isPage(request, url)) event.respondWith(page(event));
  else if (hashed(url)) event.respondWith(file(request));
  else event.respondWith(other(request));
});

self.addEventListener("message", (event) => {
  if (event.data?.type !== C.outbox.flushMessage) return;
  if (event.data.online) outbox.heardOnline();
  event.waitUntil(outbox.flush());
});

// Background Sync (Chromium): woken when the browser is online, page or no page. What is still
// waiting afterwards (the endpoint failed) makes the browser wake it again later.
self.addEventListener("sync", (event) => {
  if (event.tag !== C.outbox.syncTag) return;
  event.waitUntil(outbox.flush().then((left) => {
    if (left) throw new Error("signatures still waiting");
  }));
});
