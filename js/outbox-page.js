// The outbox as a page uses it (js/outbox.js does the work): its own file (scripts/bundle.mjs
// makes outbox.js of it), which js/lazy-signer.js loads only when a form is used or the device
// holds something to send, so it weighs on no first view. Where a service worker controls the
// page, the worker sends: it goes on when the tab is closed, and records what became of each
// signature. Elsewhere (no service worker: an embed on another website, a browser without them,
// the first visit before the worker has taken over) the page sends, as it always has.
import { C } from "./contract.js";
import * as outbox from "./outbox.js";
import { due, nextDue } from "./outbox-rules.js";

const P = C.outbox;
const worker = () => globalThis.navigator?.serviceWorker?.controller ?? null;

/** Has what waits sent now: by the service worker (told whether this page is online: its own
 *  `navigator.onLine` may lag behind), or by this page. */
export function send() {
  const w = worker();
  if (!w) return outbox.flush();
  w.postMessage({ type: P.flushMessage, online: navigator.onLine });
  wakeWhenDue();
}

let timer = 0;

/** While this page is open and online, a signature still waiting is handed to the worker again
 *  when it is due: after a backoff, when a lease runs out, or at once (at most once a second)
 *  where one is due and nothing took it. A page that sends arms its own timer (js/outbox.js);
 *  one whose worker sends arms this one, since a worker is not kept running for a timer, and a
 *  message to a worker that was stopping, or that still thought the device offline, may come to
 *  nothing. So a signature waiting in any open tab goes within seconds of the device coming
 *  online, whatever became of the first message. */
async function wakeWhenDue() {
  if (!worker() || !navigator.onLine) return;
  const next = nextDue(await outbox.peek());
  clearTimeout(timer);
  if (next !== null) timer = setTimeout(send, Math.min(Math.max(next - Date.now(), 1000), 600_000));
}

/** What this page's going away sends at once, where it has no service worker and is online:
 *  each signature that is due but not yet on its way (the page sends one at a time: a room's
 *  signatures, queued offline, wait their turn), `keepalive`, so that the request outlives the
 *  page. (One waiting out a backoff after a failure is not: the endpoint has just failed, and it
 *  goes with the next visit.) The outcome cannot be heard, so the signature stays on the device,
 *  leased (in localStorage, which is written at once, unlike IndexedDB) for as long as an attempt
 *  may take: no sender tries it again before then, and one whose answer was lost goes again
 *  after, as after any attempt cut short (the idempotency key lets the endpoint drop the repeat). */
function sendOnLeaving() {
  if (worker() || !navigator.onLine) return;
  const now = Date.now();
  const leases = outbox.leavingLeases();
  for (const e of outbox.lastSeen().entries) {
    if (!e.request || e.built !== P.version || !due(e, now) || (leases[e.key] ?? 0) > now) continue;
    leases[e.key] = now + P.leaseMs;
    try {
      fetch(e.request.url, {
        method: "POST",
        body: e.request.body,
        headers: { "Content-Type": e.request.content_type },
        credentials: "omit",
        mode: e.request.cors ? "cors" : "no-cors",
        keepalive: true,
      }).catch(() => {});
    } catch {
      // Too large for keepalive, or refused: it waits for the next visit.
    }
  }
  outbox.keepLeavingLeases(leases);
}

let started = false;

/**
 * Starts the page's side of the outbox, once per page: sends what earlier visits left (the
 * visitor is back, and the endpoint may have been corrected since), and again whenever the
 * browser comes back online; on the way out, what is still waiting.
 */
export function start() {
  if (started) return;
  started = true;
  addEventListener("online", () => outbox.makeDue().then(send));
  addEventListener("pagehide", sendOnLeaving);
  outbox.onNews((key, label, status) => {
    if (status === C.statuses.saved || status === C.statuses.unreachable) wakeWhenDue();
  });
  outbox.makeDue().then(send);
}

/** The outbox's side for the signer (signer/src/outbox.rs): it keeps and sends the signatures;
 *  the signer builds each one's request. */
export { untold } from "./outbox.js";

export const forSigner = {
  submit: (fields, status) => outbox.submit(fields, status, send),
  restore: (label, overrides, rebuild) => outbox.restore(label, overrides, rebuild),
  rebuildStale: (rebuild) => outbox.rebuildStale(rebuild).then(send),
  statusOf: (key) => outbox.statusOf(key),
  takeNotice: (label) => outbox.takeNotice(label),
  forget: (key) => outbox.forget(key),
  retryNow: () => outbox.makeDue().then(send),
  onNews: (listener) => outbox.onNews(listener),
  startAfter: (restored) => restored.then(start, start),
  eventCounts: (event) => outbox.eventCounts(event),
  /** The event this tab is in event mode for (js/lazy-signer.js keeps it), or null. */
  event: () => {
    try {
      return sessionStorage.getItem(C.event.key);
    } catch {
      return null;
    }
  },
  leaveEvent: (event) => {
    try {
      sessionStorage.removeItem(C.event.key);
    } catch {
      // Blocked storage kept nothing.
    }
    return outbox.endEvent(event);
  },
};
