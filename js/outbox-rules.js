// The outbox's rules, with no browser in them: what an attempt's answer means, how long to wait
// before trying again, when a signature has been tried for long enough, which one goes next.
// js/outbox.js performs them, in a page and in the service worker alike; tests/js/ runs them in
// Node. The figures are campaign_core::petition::outbox's, through the contract (C.outbox, with
// the statuses' names, C.statuses, as `P.statuses`).
//
// An outbox is { entries, notices, events, vaults, done }. An entry is one signature, as the
// signer handed it over (campaign_core::petition::handover::Queued, read by `fromSigner`):
//   key            its idempotency key
//   label          the form it was made on ("petition:guantanamo", "signup")
//   signature      what was signed, as the `form` adapter's body (the signer can build any
//                  adapter's request from it again)
//   overrides      the endpoint overrides of the page or embed it was made on, as only the
//                  signer reads them
//   request        what to send: { url, content_type, body, cors, adapter }, built by the signer
//   built          the version of the endpoint the request was built for (C.outbox.version):
//                  one built for another deploy's endpoint waits for a signer to build it again
//   event          the event it was made at, in event mode (nothing else names the person)
//   sealed         in event mode, `signature` and `request` sealed for the event (js/vault.js;
//                  campaign_core::petition::handover::Sealed), and those two null: only the
//                  event's passphrase opens it
//   refused        in event mode, why the endpoint refused it (nothing personal), kept for staff
//                  to try again or delete: { reason, at }
//   queued_at      when it was signed (ms since the epoch)
//   attempts, failures_online, not_before, leased_until, leased_at (when its last attempt began)
// A notice is what is left of a signature that could not be sent in time: { label, queued_at,
// expired_at }, nothing personal. `events` counts, by event, the signatures made there that were
// sent and refused: { sent, declined, last_sent_at }, nothing personal, for event mode's staff
// panel. `vaults` are the events' vaults (js/vault.js: each event's public key, and its private
// key wrapped under the staff passphrase; with the count of wrong passphrases and when the next
// try may be made). `done` holds, for C.outbox.doneMs, the keys of an event's signatures that
// were sent or deleted, by when: an import never brings one back.
// `woken_at` is when the device last came back online, or a visitor asked to try now: an attempt
// that began before then and failed says nothing of the connection now (it was made offline, or
// on the way back), so it puts off nothing (`failed`).

/** What an attempt's answer means: `{ retry: true }`, to try again later; or what became of the
 *  signature, `{ status, reason }` (signed, unconfirmed, refused with the endpoint's reason).
 *  `code` is null for a network failure or a timeout, and 0 for an opaque answer to a no-cors
 *  request (it went out; nothing of it can be read). */
export function classify(P, adapter, code, body, reason) {
  const S = P.statuses;
  const retry = { retry: true };
  if (code === null) return retry;
  if (code === 0) return { status: S.unconfirmed, reason: "" };
  if (code >= 200 && code <= 299) {
    // Action Network's blind answer, which it gives even when it failed.
    const blind = adapter === "osdi" && body.trim() === "{}";
    return { status: blind ? S.unconfirmed : S.signed, reason: "" };
  }
  if (code === 408 || code === 429 || (code >= 500 && code <= 599)) return retry;
  if (code >= 400 && code <= 499) {
    const said = typeof reason === "string" ? reason.trim() : "";
    return { status: S.refused, reason: said ? [...said].slice(0, 300).join("") : `it answered with error ${code}` };
  }
  // 1xx and 3xx never end a fetch: anything else is a passing fault.
  return retry;
}

/** Delay before retry number `attempt` (1 for the first), with `jitter` in [0, 1): exponential,
 *  capped, spread over its upper half so that many visitors don't retry in step. */
export function backoffMs(P, attempt, jitter) {
  const exp = P.baseDelayMs * 2 ** Math.min(Math.max(attempt - 1, 0), 20);
  const cap = Math.min(exp, P.maxDelayMs);
  return Math.floor(cap / 2 + (cap / 2) * Math.min(Math.max(jitter, 0), 1));
}

/** Whether a sender may take it now: nobody is sending it, and its backoff is over. */
export function due(e, now) {
  return now >= e.leased_until && now >= e.not_before;
}

/** An attempt starts: other senders leave it alone until it ends, or the lease runs out. */
export function lease(P, e, now) {
  e.attempts += 1;
  e.leased_until = now + P.leaseMs;
  e.leased_at = now;
}

/** The attempt failed and will be made again: when, and whether the service now counts as
 *  unreachable. A failure while offline says nothing about the service. An attempt begun before
 *  the outbox was last woken (`wokenAt`: back online, "try now") failed on the connection as it
 *  was then, not as it is now: the signature is due again at once. (Otherwise its backoff,
 *  recorded after the wake-up that made everything due, would hold it back for as long as its
 *  failures while offline had grown it, while the others went.) */
export function failed(P, e, now, jitter, online, wokenAt = 0) {
  e.leased_until = 0;
  if (e.leased_at < wokenAt) {
    e.not_before = 0;
    return;
  }
  e.not_before = now + backoffMs(P, e.attempts, jitter);
  if (online) e.failures_online += 1;
}

/** What the visitor is told about it while it waits. */
export function waiting(P, e) {
  return e.failures_online >= P.unreachableAfter ? P.statuses.unreachable : P.statuses.saved;
}

/** Whether it has been tried for long enough: a week, or so many attempts. A sealed signature
 *  (event mode) never is: it waits, sealed, for staff to unlock and send it, or to save it to a
 *  file (only while staff have unlocked it is it tried at all). */
export function expired(P, e, now) {
  if (e.sealed) return false;
  return e.attempts >= P.maxAttempts || now - e.queued_at > P.maxAgeMs;
}

/** A new entry for a signature, not yet tried. */
export function entry({ key, label, signature, overrides = "", request = null, built = "", event = "", sealed = null }, now) {
  return { key, label, signature, overrides, request, built, event, sealed, refused: null, queued_at: now, attempts: 0, failures_online: 0, not_before: 0, leased_until: 0, leased_at: 0 };
}

/* ---- What the signer hands over (campaign_core::petition::handover) ---- */

const isText = (v) => typeof v === "string";

/** A request as the signer builds it ({ url, content_type, body, cors, adapter }), or null. */
export function readRequest(r) {
  const ok = r && isText(r.url) && isText(r.content_type) && isText(r.body) && typeof r.cors === "boolean" && isText(r.adapter);
  return ok ? { url: r.url, content_type: r.content_type, body: r.body, cors: r.cors, adapter: r.adapter } : null;
}

/** A signature as the signer hands it over (handover::Queued), as an entry's fields; throws on
 *  anything else. The one place the record's fields are read. */
export function fromSigner(record) {
  const request = readRequest(record?.request);
  const texts = ["key", "label", "signature", "overrides", "built", "event"];
  if (!request || !texts.every((k) => isText(record[k])) || !record.key) throw new Error("not a signature as the signer hands it over");
  return { key: record.key, label: record.label, signature: record.signature, overrides: record.overrides, request, built: record.built, event: record.event };
}

/** One of the signer's asks (handover::Ask), from its JSON: `{ ask, … }`, its record read by
 *  `fromSigner`. */
export function readAsk(json) {
  const ask = JSON.parse(json);
  if (!isText(ask?.ask)) throw new Error("not an ask");
  return ask.record === undefined ? ask : { ...ask, record: fromSigner(ask.record) };
}

/** A request built again for today's endpoint (handover::Built, as JSON): `{ request, built }`,
 *  or a null request for a signature the signer cannot read back. */
export function readBuilt(json) {
  if (!json) return { request: null };
  const b = JSON.parse(json);
  return { request: readRequest(b.request), built: isText(b.built) ? b.built : "" };
}

/** Counts what became of a signature made at an event (`arrived`: sent, at `now`; else refused). */
export function counted(o, event, arrived, now = 0) {
  if (!event) return;
  o.events ??= {};
  const counts = (o.events[event] ??= { sent: 0, declined: 0 });
  counts[arrived ? "sent" : "declined"] += 1;
  if (arrived) counts.last_sent_at = now;
}


/** What event mode's panel shows: how many of the device's event signatures wait (sealed, not
 *  refused) and were refused and kept, and, for `event`, how many were sent and refused, and
 *  when the last went. */
export function eventCounts(o, event) {
  const counts = o.events?.[event] ?? { sent: 0, declined: 0 };
  const held = o.entries.filter((e) => e.event);
  return { waiting: held.filter((e) => !e.refused).length, refused: held.filter((e) => e.refused).length, sent: counts.sent, declined: counts.declined, last_sent_at: counts.last_sent_at ?? null };
}

/** Adds an entry unless one with its key is there, or was sent or deleted from this device (an
 *  event's, imported again): the same signature is never queued twice. */
export function enqueue(o, e) {
  if (o.entries.some((x) => x.key === e.key) || o.done?.[e.key]) return false;
  o.entries.push(e);
  return true;
}

/** An event's signature is done with on this device (sent, or deleted by staff): its key is
 *  remembered for C.outbox.doneMs, so that no import brings it back. */
export function remember(o, key, now) {
  o.done ??= {};
  o.done[key] = now;
}

/** The endpoint refused an event's signature: it is kept, sealed, with the reason (nothing
 *  personal in it), for staff to try again or delete; no sender takes it meanwhile. */
export function refuse(o, key, reason, now) {
  const e = o.entries.find((x) => x.key === key);
  if (!e) return false;
  e.refused = { reason, at: now };
  e.leased_until = 0;
  return true;
}

/** Staff try a refused signature again: it is due at once. */
export function tryAgain(o, key) {
  const e = o.entries.find((x) => x.key === key);
  if (!e) return false;
  e.refused = null;
  e.not_before = 0;
  e.failures_online = 0;
  return true;
}

/** An attempt that never began (the sender could not open a sealed signature: the vault was
 *  locked meanwhile) gives its lease back, as if it had not been taken. */
export function release(o, key) {
  const e = o.entries.find((x) => x.key === key);
  if (!e) return;
  e.leased_until = 0;
  e.attempts = Math.max(0, e.attempts - 1);
}

/** Removes what has been tried for long enough, leaving a notice of each; forgets notices
 *  nobody came to read, and keys done with long enough ago. Returns the keys removed. */
export function expire(P, o, now) {
  const gone = o.entries.filter((e) => expired(P, e, now));
  o.entries = o.entries.filter((e) => !expired(P, e, now));
  o.notices = o.notices.filter((n) => now - n.expired_at <= P.noticeMs);
  if (o.done) {
    for (const [key, at] of Object.entries(o.done)) if (now - at > P.doneMs) delete o.done[key];
    if (!Object.keys(o.done).length) delete o.done;
  }
  for (const e of gone) o.notices.push({ label: e.label, queued_at: e.queued_at, expired_at: now });
  return gone.map((e) => e.key);
}

/** The notice for the form with this label, taken: each is shown once. */
export function takeNotice(o, label) {
  const at = o.notices.findIndex((n) => n.label === label);
  return at < 0 ? null : o.notices.splice(at, 1)[0];
}

/** Removes a signature at the visitor's asking; whether it was there. */
export function forget(o, key) {
  const before = o.entries.length;
  o.entries = o.entries.filter((e) => e.key !== key);
  return o.entries.length !== before;
}

/** "Try now", and the browser back online: every backoff ends now, and an attempt already under
 *  way that fails is due again at once (`failed`). Leases stay: another sender may be sending
 *  one right now. */
export function makeDue(o, now) {
  for (const e of o.entries) e.not_before = 0;
  o.woken_at = now;
}

/** The next signature to send, leased to this attempt; `null` if none is due. Signatures go in
 *  the order they were signed (a room's arrive in the order people signed); one that failed
 *  waits out its backoff without holding up those behind it. One that this sender cannot send
 *  (`sendable`: a sealed one while locked) is passed over, and so is one refused and kept. */
export function takeDue(P, o, now, sendable = () => true) {
  const next = o.entries.find((e) => !e.refused && due(e, now) && sendable(e));
  if (!next) return null;
  lease(P, next, now);
  return structuredCopy(next);
}

/** When the next signature this sender can send (`sendable`) becomes due, if any waits. */
export function nextDue(o, sendable = () => true) {
  const times = o.entries.filter((e) => !e.refused && sendable(e)).map((e) => Math.max(e.not_before, e.leased_until));
  return times.length ? Math.min(...times) : null;
}

/** Times read against a clock that may have moved since they were written. One that jumped
 *  back would make a lease or a backoff last as long as the jump: they are cut to the longest
 *  they can be from now, so nothing stalls and a lease still holds. A queue time in the future
 *  is read as now. */
export function settleClock(P, o, now) {
  for (const e of o.entries) {
    e.leased_until = Math.min(e.leased_until, now + P.leaseMs);
    e.not_before = Math.min(e.not_before, now + P.maxDelayMs);
    e.queued_at = Math.min(e.queued_at, now);
  }
}

/** The outbox as stored (JSON), with what this version cannot read left out. */
export function read(json) {
  let stored;
  try {
    stored = JSON.parse(json);
  } catch {
    return { entries: [], notices: [] };
  }
  const number = (v) => (typeof v === "number" && Number.isFinite(v) ? v : null);
  const text = (v) => (typeof v === "string" ? v : null);
  const entries = (Array.isArray(stored?.entries) ? stored.entries : []).filter((e) =>
    text(e?.key) !== null && text(e.label) !== null && (text(e.signature) !== null || readSealed(e.sealed) !== null) &&
    ["queued_at", "attempts", "failures_online", "not_before", "leased_until"].every((k) => number(e[k]) !== null));
  for (const e of entries) {
    e.sealed = readSealed(e.sealed);
    if (e.sealed) {
      // Nothing of the signer beside a sealed record, whatever wrote it.
      e.signature = null;
      e.request = null;
    }
    e.overrides = overridesOf(e.overrides);
    e.request = e.request && typeof e.request === "object" && text(e.request.url) !== null ? e.request : null;
    e.built = text(e.built) ?? "";
    e.event = text(e.event) ?? "";
    e.leased_at = number(e.leased_at) ?? 0;
    e.refused = e.refused && text(e.refused.reason) !== null ? { reason: e.refused.reason, at: number(e.refused.at) ?? 0 } : null;
  }
  const notices = (Array.isArray(stored?.notices) ? stored.notices : []).filter((n) =>
    text(n?.label) !== null && number(n.queued_at) !== null && number(n.expired_at) !== null);
  const events = {};
  for (const [name, c] of Object.entries(stored?.events && typeof stored.events === "object" ? stored.events : {})) {
    if (number(c?.sent) !== null && number(c?.declined) !== null) events[name] = { sent: c.sent, declined: c.declined };
  }
  for (const [name, c] of Object.entries(events)) {
    const last = number(stored.events[name].last_sent_at);
    if (last !== null) c.last_sent_at = last;
  }
  const outbox = Object.keys(events).length ? { entries, notices, events } : { entries, notices };
  if (number(stored?.woken_at) !== null) outbox.woken_at = stored.woken_at;
  const vaults = (Array.isArray(stored?.vaults) ? stored.vaults : []).filter(isVault);
  if (vaults.length) outbox.vaults = vaults;
  const done = Object.entries(stored?.done && typeof stored.done === "object" ? stored.done : {}).filter(([, at]) => number(at) !== null);
  if (done.length) outbox.done = Object.fromEntries(done);
  return outbox;
}

/** Whether an outbox holds nothing worth keeping (then its record is deleted). */
export function empty(o) {
  return !o.entries.length && !o.notices.length && !o.events && !o.vaults?.length && !o.done;
}

/** A sealed record (handover::Sealed), or null. */
export function readSealed(s) {
  const ok = s && typeof s === "object" && typeof s.v === "number" && ["vault", "epk", "iv", "ct"].every((k) => typeof s[k] === "string");
  return ok ? { v: s.v, vault: s.vault, epk: s.epk, iv: s.iv, ct: s.ct } : null;
}

/** Whether a stored value is a vault as js/vault.js makes it. */
export function isVault(v) {
  return Boolean(v) && ["id", "event", "salt", "iv", "wrapped", "public"].every((k) => typeof v[k] === "string") &&
    ["created_at", "iterations", "failed", "wait_until"].every((k) => typeof v[k] === "number");
}

/** An entry's endpoint overrides, as only the signer reads them: a query string. (An earlier
 *  version kept them as { adapter, cors, addresses: { <kind>: url } }.) */
function overridesOf(o) {
  if (typeof o === "string") return o;
  if (!o || typeof o !== "object") return "";
  const pairs = [];
  for (const k of ["adapter", "cors"]) if (typeof o[k] === "string") pairs.push([k, o[k]]);
  for (const [kind, url] of Object.entries(o.addresses ?? {})) if (typeof url === "string") pairs.push([kind, url]);
  return new URLSearchParams(pairs).toString();
}

function structuredCopy(value) {
  return JSON.parse(JSON.stringify(value));
}
