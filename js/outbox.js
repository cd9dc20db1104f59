// The outbox: where a signature waits between the form and the endpoint, and the one code that
// sends it. A signature is written to the device (IndexedDB) before its first attempt, and
// removed when the endpoint confirms or refuses it, or once it has been tried for long enough
// (js/outbox-rules.js decides). The same code runs in a page (the signer's, and boot.js or
// embed.js on a later visit, without the signer) and in the service worker (js/sw.js), on one
// record in one database:
//
// - Exactly once: a sender sends only while it holds this deployment's lock (Web Locks, shared by
//   every tab and the service worker), and each attempt leases its signature, so two senders
//   never send one signature at once. Every change to the record is one IndexedDB transaction
//   that reads and writes it, so none writes back a copy older than another's change.
// - A page that a service worker controls leaves the sending to it (js/outbox-page.js): the
//   worker goes on when the tab is closed, and records what became of each signature.
// - Event mode (js/event-mode.js): each signature is sealed before it is stored (`useSealer`),
//   and only a page where staff have unlocked the event can open and send it (`useOpener`): the
//   service worker never can. One the endpoint refused is kept, sealed, for staff to try again
//   or delete; the keys of those sent or deleted are remembered, so none comes back.
// - Every sender tells every page what became of a signature (a BroadcastChannel): the forms
//   show it, and event mode counts it.
import { C } from "./contract.js";
import * as rules from "./outbox-rules.js";

/** The outbox's figures and names (campaign_core::petition::outbox, through the contract), with
 *  the statuses' names. */
export const P = { ...C.outbox, statuses: C.statuses };
const S = C.statuses;
const DATABASE = P.database;
const STORE = P.store;
const KEY = C.outboxKey;

let open = null;
/** Once the device refused to keep the outbox: it lives here, in memory, from then on. */
let memory = null;
/** The outbox as this realm last read or wrote it. */
let seen = { entries: [], notices: [] };

/** A promise settled by the first of these events on `target`. */
function first(target, ok, failed) {
  return new Promise((resolve) => {
    target.addEventListener(ok, () => resolve(true), { once: true });
    for (const f of failed) target.addEventListener(f, () => resolve(false), { once: true });
  });
}

/** The database, opened once per realm (and made, with its store, on the first visit). */
async function database() {
  if (open) return open;
  if (typeof indexedDB === "undefined") return null;
  for (let version = 1; version <= 10; ) {
    let request;
    try {
      request = indexedDB.open(DATABASE, version);
    } catch {
      return null;
    }
    request.onupgradeneeded = () => {
      if (!request.result.objectStoreNames.contains(STORE)) request.result.createObjectStore(STORE);
    };
    if (!(await first(request, "success", ["error", "blocked"]))) return null;
    const db = request.result;
    if (db.objectStoreNames.contains(STORE)) {
      // A newer version opened elsewhere (a later deploy): let it upgrade.
      db.onversionchange = () => {
        db.close();
        open = null;
      };
      open = db;
      return db;
    }
    // A database of that name without the store (made by hand, or damaged): add it.
    version = db.version + 1;
    db.close();
  }
  return null;
}

/** Notes what this realm now knows of the outbox, and leaves the next visit a hint: the labels
 *  of the forms something waits for (nothing personal), so that a page brings in the signer only
 *  where a form has something to say. */
function note(outbox) {
  seen = outbox;
  try {
    // Not an event's: sealed, they wait for staff, and no form shows them.
    const labels = [...new Set([...outbox.entries.filter((e) => !e.event), ...outbox.notices].map((x) => x.label))];
    if (!labels.length) globalThis.localStorage?.removeItem(KEY);
    else globalThis.localStorage?.setItem(KEY, JSON.stringify(labels));
  } catch {
    // Storage is blocked, or this is the service worker, which has none: the hint is a hint.
  }
}

/** The outbox as this realm last read or changed it. */
export function lastSeen() {
  return memory ?? seen;
}

/**
 * Changes the stored outbox in one step: read, change, write, in one IndexedDB transaction that
 * no other tab's or the worker's can interleave with. Returns what `change` returns, and whether
 * the device kept it. Where it does not (storage full, or taken away), the outbox lives in memory
 * from then on, and the record is deleted: a copy left there would send again signatures confirmed
 * since.
 */
export async function update(change) {
  if (!memory) {
    const db = await database();
    if (db) {
      let result;
      let changed = null;
      let tx;
      try {
        tx = db.transaction(STORE, "readwrite");
        const store = tx.objectStore(STORE);
        const read = store.get(KEY);
        read.onsuccess = () => {
          const outbox = typeof read.result === "string" ? rules.read(read.result) : { entries: [], notices: [] };
          result = change(outbox);
          changed = outbox;
          try {
            if (rules.empty(outbox)) store.delete(KEY);
            else store.put(JSON.stringify(outbox), KEY);
          } catch {
            tx.abort();
          }
        };
      } catch {
        tx = null;
      }
      if (tx && (await first(tx, "complete", ["abort", "error"])) && changed) {
        note(changed);
        return { result, stored: true };
      }
      await forgetStored(db);
      if (changed) {
        memory = changed;
        return { result, stored: false };
      }
    }
    memory = { entries: [], notices: [] };
  }
  return { result: change(memory), stored: false };
}

/** Deletes the stored record, after a write failed: what it holds may be out of date. */
async function forgetStored(db) {
  try {
    const tx = db.transaction(STORE, "readwrite");
    tx.objectStore(STORE).delete(KEY);
    await first(tx, "complete", ["abort", "error"]);
  } catch {
    // Nothing could be written: nothing stale was either.
  }
  try {
    globalThis.localStorage?.removeItem(KEY);
  } catch {
    // As above.
  }
}

/** Runs `work` while this realm holds the outbox's lock, waiting for it if another has it. Where
 *  there are no Web Locks, `work` runs as it is: the leases still keep two senders apart. */
async function exclusively(work) {
  const locks = globalThis.navigator?.locks;
  if (!locks?.request) return work();
  try {
    return await locks.request(KEY, () => work());
  } catch {
    return work();
  }
}

/* ---- What became of each signature, for the pages ---- */

const news = typeof BroadcastChannel === "function" ? new BroadcastChannel(`${KEY} news`) : null;
const listeners = new Set();
/** What each signature this realm has heard of has come to: key → { label, status, reason }. */
const statuses = new Map();
/** The signatures made in this page, and those of them a form here has taken up (see restore). */
const mine = new Set();
const known = new Set();

function heard({ key, label, status, reason }) {
  if (status === null) statuses.delete(key);
  else statuses.set(key, { label, status, reason });
  // One that arrived while this page is open is one a form here may say was received (see
  // restore), wherever it was sent from: this page, another tab, the service worker.
  if (status === S.signed || status === S.unconfirmed) mine.add(key);
  for (const listener of listeners) listener(key, label, status, reason);
}
news?.addEventListener("message", (ev) => heard(ev.data));

/** Records what became of a signature, here and in every page of this site. `status` null: it
 *  is gone from the device (tried for long enough, or forgotten). */
export function tell(key, label, status, reason = "") {
  const said = { key, label, status, reason };
  heard(said);
  news?.postMessage(said);
}

/** The labels of the forms that have something to be told and no form to tell it yet: a
 *  signature that arrived while this page is open, made on a form not (yet) on it. */
export function untold() {
  return [...mine].filter((k) => !known.has(k)).map((k) => statuses.get(k)?.label).filter(Boolean);
}

/** Calls `listener(key, label, status, reason)` whenever a signature's status changes, in any
 *  realm (`status` null: it is gone from the device). */
export function onNews(listener) {
  listeners.add(listener);
}

/** Where a signature stands: as this realm last heard, or as the device held it when it last
 *  looked; null once it is gone from both. */
export function statusOf(key) {
  const heardOf = statuses.get(key);
  if (heardOf) return { status: heardOf.status, reason: heardOf.reason };
  const e = lastSeen().entries.find((x) => x.key === key);
  return e ? { status: rules.waiting(P, e), reason: "" } : null;
}

/* ---- Sending ---- */

/** One attempt: the request, with a timeout, as the endpoint wants it. It is `keepalive`, so it
 *  finishes if the page is closed right after signing. */
async function attempt(request) {
  const controller = new AbortController();
  const timer = setTimeout(() => controller.abort(), P.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: "POST",
      body: request.body,
      headers: { "Content-Type": request.content_type },
      credentials: "omit",
      cache: "no-store",
      mode: request.cors ? "cors" : "no-cors",
      keepalive: new Blob([request.body]).size < 60_000,
      signal: controller.signal,
    });
    if (response.type === "opaque") return rules.classify(P, request.adapter, 0, "", "");
    let body;
    try {
      body = await response.text();
    } catch {
      // The answer was cut off (timeout, connection lost): not a confirmation.
      return rules.classify(P, request.adapter, null, "", "");
    }
    let reason = "";
    try {
      const said = JSON.parse(body);
      reason = typeof said?.error === "string" ? said.error : typeof said?.message === "string" ? said.message : "";
    } catch {
      // Not JSON: no reason to show.
    }
    return rules.classify(P, request.adapter, response.status, body, reason);
  } catch {
    return rules.classify(P, request.adapter, null, "", "");
  } finally {
    clearTimeout(timer);
  }
}

/** When a page last said it is online (`heardOnline`). */
let toldOnlineAt = -Infinity;
/** A page said it is online: the worker's own `navigator.onLine` may not know yet (it is told
 *  separately, and a moment later), so for a while the page's word counts. */
export function heardOnline() {
  toldOnlineAt = Date.now();
}
const online = () => globalThis.navigator?.onLine !== false || Date.now() - toldOnlineAt < 10_000;

const LEAVING = `${KEY} leaving`;

/** The signatures a page sent as it went away (js/outbox-client.js), by key, until when no
 *  sender tries them again. (Kept in localStorage, which a page writes at once as it goes; a
 *  service worker has none, and sends only for pages that leave the sending to it.) */
export function leavingLeases() {
  try {
    const leases = JSON.parse(globalThis.localStorage?.getItem(LEAVING) ?? "{}");
    const now = Date.now();
    return Object.fromEntries(Object.entries(leases).filter(([, until]) => until > now));
  } catch {
    return {};
  }
}

export function keepLeavingLeases(leases) {
  try {
    if (Object.keys(leases).length) globalThis.localStorage?.setItem(LEAVING, JSON.stringify(leases));
    else globalThis.localStorage?.removeItem(LEAVING);
  } catch {
    // Storage is blocked: nothing could be read back either.
  }
}

/** Whether a signature's request was built for this deploy's endpoint (the signer builds any
 *  other one again). */
const current = (e) => e.request !== null && e.built === P.version;

/** What this realm's sender may send now: a current signature that no page going away has sent,
 *  or, while staff have the event unlocked here, a sealed one. */
export function sendable() {
  const leaving = leavingLeases();
  return (e) => (e.sealed ? opener !== null : current(e)) && !(e.key in leaving);
}

let flushing = null;
let again = false;
let timer = 0;

/**
 * Sends every due signature, one at a time and in order, holding the lock; then, in a page,
 * arms a timer for the next. Resolves once done, with whether any signature is still waiting.
 * Offline, nothing is tried (and no attempt spent).
 */
export function flush() {
  if (flushing) {
    again = true;
    return flushing;
  }
  flushing = (async () => {
    do {
      again = false;
      await exclusively(sendDue);
    } while (again);
    flushing = null;
    arm();
    return lastSeen().entries.length > 0;
  })();
  return flushing;
}

async function sendDue() {
  for (;;) {
    if (!online()) return;
    const now = Date.now();
    const { result } = await update((o) => {
      rules.settleClock(P, o, now);
      const labels = new Map(o.entries.map((e) => [e.key, e.label]));
      const gone = rules.expire(P, o, now).map((key) => [key, labels.get(key)]);
      return { gone, entry: rules.takeDue(P, o, now, sendable()) };
    });
    for (const [key, label] of result.gone) tell(key, label, null);
    const e = result.entry;
    if (!e) return;
    let opened = { request: e.request, redact: (reason) => reason };
    if (e.sealed) {
      opened = opener ? await opener(e).catch(() => null) : null;
      if (!opened?.request) {
        // Locked meanwhile, or it cannot be read: not an attempt; it waits for staff.
        await update((o) => rules.release(o, e.key));
        return;
      }
    }
    const outcome = await attempt(opened.request);
    if (outcome.reason) outcome.reason = opened.redact(outcome.reason);
    await settle(e, outcome);
  }
}

/** Records an attempt's outcome, and tells the pages. */
async function settle(e, outcome) {
  const retry = outcome.retry === true;
  const isOnline = online();
  const { result: stillWaiting, stored } = await update((o) => {
    const kept = o.entries.find((x) => x.key === e.key);
    if (retry) {
      if (!kept) return null;
      rules.failed(P, kept, Date.now(), Math.random(), isOnline, o.woken_at ?? 0);
      return rules.waiting(P, kept);
    }
    const arrived = outcome.status !== S.refused;
    // An event's signature the endpoint refused stays, sealed, for staff to try again or delete.
    if (e.event && !arrived) {
      if (rules.refuse(o, e.key, outcome.reason, Date.now())) rules.counted(o, e.event, false);
      return null;
    }
    if (rules.forget(o, e.key)) {
      rules.counted(o, e.event, arrived, Date.now());
      if (e.event) rules.remember(o, e.key, Date.now());
    }
    return null;
  });
  if (retry) tell(e.key, e.label, stored ? (stillWaiting ?? S.saved) : S.waiting);
  else tell(e.key, e.label, outcome.status, outcome.reason);
  if (retry) askToBeWoken();
}

/** In a page: wakes the outbox when the next waiting signature is due (a service worker is not
 *  kept running for a timer: Background Sync, or the next page, wakes it). */
function arm() {
  if (typeof window === "undefined" || !online()) return;
  const next = rules.nextDue(lastSeen());
  clearTimeout(timer);
  if (next === null) return;
  timer = setTimeout(flush, Math.min(Math.max(next - Date.now(), 50), 600_000));
}

/** Where the browser has Background Sync (Chromium), asks to be woken when it is online, even
 *  with no page of the site open: the service worker's `sync` event sends what waits. */
export function askToBeWoken() {
  const registration = globalThis.registration ?? null;
  const ask = (reg) => reg?.sync?.register(P.syncTag).catch(() => {});
  if (registration) return ask(registration);
  globalThis.navigator?.serviceWorker?.ready.then(ask, () => {});
}

/* ---- What the forms ask of it ---- */

/* ---- Event mode: sealing and opening (js/event-mode.js gives the means) ---- */

let sealer = null;
let sealerReady = null;
let whenSealer = () => {};
/** How this realm seals an event's signature before it is stored (js/event-mode.js, once the
 *  event's vault is there): `seal(e)` gives the sealed record of the entry's `signature` and
 *  `request`. */
export function useSealer(seal) {
  sealer = seal;
  whenSealer(seal);
}
/** The sealer, once event mode has given one. */
function sealing() {
  sealerReady ??= sealer ? Promise.resolve(sealer) : new Promise((resolve) => (whenSealer = resolve));
  return sealerReady;
}

let opener = null;
/** How this realm opens a sealed signature to send it, while staff have the event unlocked here
 *  (null once it locks): `open(e)` gives `{ request, redact }`, `redact(reason)` taking the
 *  signer's details out of an endpoint's reason. */
export function useOpener(open) {
  opener = open;
}
/** Whether this realm can send sealed signatures now. */
export const unlocked = () => opener !== null;

/** Queues a signature, then sends it (or has it sent). The same key is never queued twice. In
 *  event mode it is sealed first: what the signer typed is never stored as it is. */
export async function submit(fields, status, send) {
  const e = rules.entry(fields, Date.now());
  statuses.set(e.key, { label: e.label, status, reason: "" });
  mine.add(e.key);
  known.add(e.key);
  if (e.event) {
    e.sealed = await (await sealing())(e);
    e.signature = null;
    e.request = null;
  }
  const { stored } = await update((o) => rules.enqueue(o, e));
  // An event's: the staff panel counts it (the forms show none).
  if (e.event) tell(e.key, e.label, stored ? S.saved : S.waiting);
  if (!stored && !online()) tell(e.key, e.label, S.waiting);
  if (!online()) askToBeWoken();
  send();
  return stored;
}

/**
 * What an earlier visit left for the form labelled `label`, now on the page: the signature still
 * waiting, if any (its key and where it stands), and the notice of one that could not be sent in
 * time (taken: each is shown once). The waiting signatures take the form's endpoint overrides,
 * and `rebuild(signature, overrides)` builds their request again for today's endpoint.
 */
export async function restore(label, overrides, rebuild) {
  const { result } = await update((o) => {
    // An event's signatures are other people's: never shown to a form, and sealed.
    const own = o.entries.filter((x) => x.label === label && !x.event);
    for (const e of own) {
      e.overrides = overrides;
      Object.assign(e, rebuild(e.signature, overrides));
    }
    const pending = own[0];
    const heardOf = pending && statuses.get(pending.key);
    return {
      pending: pending ? { key: pending.key, status: heardOf?.status ?? rules.waiting(P, pending), reason: heardOf?.reason ?? "" } : null,
      notice: rules.takeNotice(o, label),
    };
  });
  if (result.pending) {
    known.add(result.pending.key);
  } else {
    // One this page sent (or settled) before any form that could say so was on the page: the
    // visitor came back to another page of the site, or an embed showed another body meanwhile.
    // A form with its label says what became of it, once.
    const key = [...mine].find((k) => !known.has(k) && statuses.get(k)?.label === label);
    if (key) {
      known.add(key);
      result.pending = { key, ...statusOf(key) };
    }
  }
  return result;
}

/** Builds again every request made for another deploy's endpoint (`rebuild`, the signer's), so
 *  that any sender can send it. (A sealed one is built again as it is opened.) */
export async function rebuildStale(rebuild) {
  await update((o) => {
    for (const e of o.entries.filter((x) => !x.sealed && !current(x))) Object.assign(e, rebuild(e.signature, e.overrides));
  });
}

/** Takes the notice of a signature made with the form labelled `label` that could not be sent in
 *  time, if there is one. */
export async function takeNotice(label) {
  if (!lastSeen().notices.some((n) => n.label === label)) return null;
  return (await update((o) => rules.takeNotice(o, label))).result;
}

/** Removes a signature from the device at the visitor's (or, for an event's, the staff's)
 *  asking. An event's is remembered as done with, so no import brings it back. */
export async function forget(key) {
  statuses.delete(key);
  await update((o) => {
    const e = o.entries.find((x) => x.key === key);
    if (rules.forget(o, key) && e.event) rules.remember(o, key, Date.now());
  });
}

/** "Try now", and the browser back online: everything waiting is due at once. */
export async function makeDue() {
  await update((o) => rules.makeDue(o, Date.now()));
}


/** The outbox as the device holds it now, read without changing it. */
export async function peek() {
  const db = memory ? null : await database();
  if (!db) return lastSeen();
  try {
    const read = db.transaction(STORE).objectStore(STORE).get(KEY);
    if (await first(read, "success", ["error"])) note(typeof read.result === "string" ? rules.read(read.result) : { entries: [], notices: [] });
  } catch {
    // Gone meanwhile: what was last seen stands.
  }
  return lastSeen();
}
