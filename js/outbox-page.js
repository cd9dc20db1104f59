// The outbox as a page uses it (js/outbox.js does the work): its own file (scripts/bundle.mjs
// makes outbox.js of it), which js/lazy-signer.js loads only when a form is used or the device
// holds something to send, so it weighs on no first view. Where a service worker controls the
// page, the worker sends: it goes on when the tab is closed, and records what became of each
// signature. Elsewhere (no service worker: an embed on another website, a browser without them,
// the first visit before the worker has taken over) the page sends, as it always has.
import { C } from "./contract.js";
import * as outbox from "./outbox.js";
import { due, nextDue, readAsk, readBuilt } from "./outbox-rules.js";
import { remember } from "./own-listing.js";

const P = C.outbox;
const worker = () => globalThis.navigator?.serviceWorker?.controller ?? null;

/** Has what waits sent now: by the service worker (told whether this page is online: its own
 *  `navigator.onLine` may lag behind), or by this page. An event's sealed signatures only this
 *  page can send, while staff have it unlocked here. */
export function send() {
  const w = worker();
  if (!w || outbox.unlocked()) outbox.flush();
  if (!w) return;
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
  // Only what the worker can send (not an event's sealed signatures, unless this page can).
  const next = nextDue(await outbox.peek(), outbox.sendable());
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
 *  the signer builds each one's request. What crosses is typed
 *  (campaign_core::petition::handover): the signer's asks, one JSON message each, read by
 *  `readAsk`; it hears back plain arguments. */
export { untold } from "./outbox.js";

/** The signer's `rebuild(signature, overrides)`, once it has said how to reach it (`hear`). */
let rebuild = () => ({ request: null });

/** Each ask the signer can make (campaign_core::petition::handover::ASKS, by the contract's
 *  names): what the outbox does, and what it answers. */
const answers = {
  [C.asks.submit]: ({ record, status }) => {
    // A letter's signer who asked to be listed sees their name on the list, here alone, while
    // it waits for approval.
    remember(record);
    return outbox.submit(record, status, send);
  },
  [C.asks.restore]: async ({ label, overrides }) => {
    const { pending, notice } = await outbox.restore(label, overrides, rebuild);
    return [pending?.key ?? null, pending?.status ?? null, pending?.reason ?? "", notice?.queued_at ?? null];
  },
  [C.asks.take_notice]: async ({ label }) => (await outbox.takeNotice(label))?.queued_at ?? null,
  [C.asks.forget]: ({ key }) => outbox.forget(key),
  [C.asks.retry_now]: () => outbox.makeDue().then(send),
  [C.asks.start_sending]: () => start(),
};

export const forSigner = {
  /** One of the signer's asks, as JSON; what the outbox answers. */
  ask: async (json) => {
    const ask = readAsk(json);
    const answer = answers[ask.ask];
    if (!answer) throw new Error(`the outbox does not answer ${ask.ask}`);
    return (await answer(ask)) ?? null;
  },
  /** How the outbox reaches the signer: `rebuild(signature, overrides)`, which answers JSON
   *  (handover::Built), and `news(key, label, status, reason)`. Signatures kept since another
   *  deploy are built again at once. */
  hear: (signerRebuild, news) => {
    rebuild = (signature, overrides) => readBuilt(signerRebuild(signature, overrides));
    outbox.onNews((key, label, status, reason) => news(key, label, status ?? "", reason ?? ""));
    outbox.rebuildStale(rebuild).then(send);
  },
};

/** What event mode (js/event-mode.js) works with: the outbox as the device holds it, its one
 *  way of changing it, sealing and opening an event's signatures, sending, and the news. */
export const forEventMode = {
  peek: () => outbox.peek(),
  update: (change) => outbox.update(change),
  useSealer: (seal) => outbox.useSealer(seal),
  useOpener: (open) => outbox.useOpener(open),
  /** The signer's way of building a request again (a sealed signature kept since another
   *  deploy is built again once opened). */
  rebuild: (signature, overrides) => rebuild(signature, overrides),
  forget: (key) => outbox.forget(key),
  send: () => outbox.makeDue().then(send),
  onNews: (listener) => outbox.onNews(listener),
  start,
};
