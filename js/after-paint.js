// What the site's page does once it has been painted (boot.js loads this then, so none of it
// weighs on the first view): takes up what was left for it (waiting.js), reads the petitions'
// counts, and registers the service worker.
import { closeEnded } from "./closing.js";
import { C, has } from "./contract.js";
import { resume, wake } from "./waiting.js";

// The petitions' counts (count.js), read once the page has been painted, never before: they must
// not compete with the page. count.js itself is fetched only where a page has a count, and for
// each page the router shows next that has one.
let counting = null;
function countsHere() {
  if (!document.querySelector(has(C.attr.count_url))) return;
  counting ??= import(new URL("count.js", import.meta.url).href).catch(() => {
    counting = null;
    return null;
  });
  counting.then((m) => m?.counts(document, document.baseURI));
}

// A letter's list of signers (signers.js): its filter and the visitor's own name, on the list's
// page only.
let listing = null;
function signersHere() {
  if (!document.querySelector(has(C.attr.signers))) return;
  listing ??= import(new URL("signers.js", import.meta.url).href).catch(() => {
    listing = null;
    return null;
  });
  listing.then((m) => m?.signers(document));
}

/** Starts, for the site's `lazySigner` (boot.js). */
export function afterPaint(signer) {
  resume(signer);
  // An action's open form: the signer comes now that the page is painted, once it is idle.
  signer.soon(document);
  countsHere();
  signersHere();
  new MutationObserver(() => {
    // A page the router shows next was built as the rest: it may show an action closed since.
    closeEnded(document);
    countsHere();
    signersHere();
    // A page the router shows next may have an action's form: the signer comes for it.
    signer.soon(document);
    // A page the router shows next may have the form a waiting signature was made on.
    wake(signer, document);
  }).observe(document.body, { childList: true, subtree: true });

  // The service worker (js/sw.js): pages the visitor opens, and the open actions' pages with the
  // signer, open with no signal afterwards, and a signature made offline is sent later without
  // the page (README, "Offline"). Where there are none (Lockdown Mode, some private windows) the
  // site works as it always has. `updateViaCache: "none"`: a new deploy's worker is found by the
  // next visit, whatever the host's caching says.
  navigator.serviceWorker
    ?.register(`${C.basePath}sw.js`, { scope: C.basePath, updateViaCache: "none" })
    .catch(() => {});
}
