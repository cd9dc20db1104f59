// The outbox's rules (js/outbox-rules.js), which a page and the service worker both run: what an
// answer means, the backoff, leases, expiry, the order signatures go in, a clock that jumps.
//   node --test tests/js/        (make test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as rules from "../../js/outbox-rules.js";

// The figures as the build gives them (campaign_core::petition::outbox, through the contract).
const source = readFileSync(new URL("../../core/src/petition/outbox.rs", import.meta.url), "utf8");
const figure = (name) => {
  const m = source.match(new RegExp(`pub const ${name}: \\w+ = ([^;]+);`));
  return Function(`return ${m[1].replaceAll("_", "").replace("TIMEOUTMS", "15000")}`)();
};
const P = {
  timeoutMs: figure("TIMEOUT_MS"),
  baseDelayMs: figure("BASE_DELAY_MS"),
  maxDelayMs: figure("MAX_DELAY_MS"),
  leaseMs: figure("LEASE_MS"),
  unreachableAfter: figure("UNREACHABLE_AFTER"),
  maxAgeMs: figure("MAX_AGE_MS"),
  maxAttempts: figure("MAX_ATTEMPTS"),
  noticeMs: figure("NOTICE_MS"),
  doneMs: figure("DONE_MS"),
  // The statuses' names, as campaign_core::petition::outbox's statuses! list writes them.
  statuses: Object.fromEntries([...source.match(/\nstatuses! \{([^}]+)\n\}/)[1].matchAll(/= "(\w+)"/g)].map(([, s]) => [s, s])),
};

const DAY = 24 * 3_600_000;
const T0 = 1_800_000_000_000;
const signature = "kind=petition&action=guantanamo&idempotency_key=k1&given_name=Ana&email=ana%40example.org";

function queued(at, key = "k1") {
  const o = { entries: [], notices: [] };
  assert.ok(rules.enqueue(o, rules.entry({ key, label: "petition:guantanamo", signature, request: { url: "x" }, built: "v" }, at)));
  return o;
}

test("the figures are read", () => {
  assert.deepEqual([P.timeoutMs, P.baseDelayMs, P.maxDelayMs, P.leaseMs, P.unreachableAfter, P.maxAttempts], [15_000, 2_000, 300_000, 20_000, 3, 100]);
  assert.equal(P.maxAgeMs, 7 * DAY);
});

test("an answer means what the endpoint said", () => {
  const c = (adapter, status, body = "", reason = "") => rules.classify(P, adapter, status, body, reason);
  assert.deepEqual(c("osdi", 201, '{"identifiers":[]}'), { status: "signed", reason: "" });
  assert.deepEqual(c("osdi", 200, " {} "), { status: "unconfirmed", reason: "" });
  assert.deepEqual(c("json", 200, "{}"), { status: "signed", reason: "" }, "only OSDI's blind answer is {}");
  assert.deepEqual(c("form", 0), { status: "unconfirmed", reason: "" });
  assert.deepEqual(c("osdi", null), { retry: true });
  for (const code of [408, 429, 500, 502, 503, 504]) assert.deepEqual(c("json", code), { retry: true }, String(code));
  assert.deepEqual(c("json", 400, "", "email is invalid"), { status: "refused", reason: "email is invalid" });
  assert.deepEqual(c("json", 422), { status: "refused", reason: "it answered with error 422" });
  assert.deepEqual(c("json", 404, "", "  "), { status: "refused", reason: "it answered with error 404" });
  assert.equal(c("json", 400, "", "x".repeat(400)).reason.length, 300);
});

test("the backoff grows exponentially, with jitter and a cap", () => {
  assert.equal(rules.backoffMs(P, 1, 0), 1_000);
  assert.equal(rules.backoffMs(P, 1, 1), 2_000);
  assert.equal(rules.backoffMs(P, 2, 0), 2_000);
  assert.equal(rules.backoffMs(P, 3, 0.5), 6_000);
  assert.equal(rules.backoffMs(P, 30, 1), P.maxDelayMs);
  assert.equal(rules.backoffMs(P, 2 ** 32, 0), P.maxDelayMs / 2);
  for (let a = 1; a < 12; a++) assert.ok(rules.backoffMs(P, a + 1, 0) >= rules.backoffMs(P, a, 0));
});

test("a signature is never queued twice, and each attempt is leased", () => {
  const o = queued(T0);
  assert.equal(rules.enqueue(o, { ...o.entries[0] }), false, "the same key is never queued twice");
  const e = rules.takeDue(P, o, T0);
  assert.equal(e.attempts, 1);
  assert.equal(rules.takeDue(P, o, T0 + P.leaseMs - 1), null, "another sender waits while it is sent");
  rules.failed(P, o.entries[0], T0 + 1_000, 0, true);
  assert.equal(rules.takeDue(P, o, T0 + 1_000 + 999), null, "the backoff");
  assert.ok(rules.takeDue(P, o, T0 + 2_000));
});

test("try now, and coming back online, end the backoff but never a lease", () => {
  const o = queued(T0);
  rules.takeDue(P, o, T0);
  rules.makeDue(o, T0 + 1);
  assert.equal(rules.takeDue(P, o, T0 + 1), null, "the sender sending it still holds it");
  rules.failed(P, o.entries[0], T0 + 2, 1, true, o.woken_at);
  assert.ok(rules.takeDue(P, o, T0 + 3), "an attempt begun before the wake-up puts nothing off");
  rules.failed(P, o.entries[0], T0 + 4, 1, true, o.woken_at);
  assert.equal(rules.takeDue(P, o, T0 + 5), null, "one begun after it backs off as usual");
  rules.makeDue(o, T0 + 5);
  assert.ok(rules.takeDue(P, o, T0 + 5), "the backoff is over at once");
});

// The stuck tab (issue 24): two tabs each held a signature made offline; while offline, each had
// been tried (and failed) several times, so each had a long backoff. Coming online, a tab made
// everything due, but an attempt begun before that (Background Sync woke the worker; the
// emulated network was still off) failed just after, and wrote its backoff over the wake-up:
// that signature waited out tens of seconds while the other went. The wake-up now wins.
test("coming online, a failure of an attempt begun offline never puts its signature off", () => {
  const o = { entries: [], notices: [] };
  for (const key of ["a", "b"]) rules.enqueue(o, rules.entry({ key, label: "petition:guantanamo", signature, request: { url: "x" }, built: "v" }, T0));
  const [a, b] = o.entries;
  // Offline: each tried and failed four times (its backoff grown to 8 to 16 s).
  for (let i = 0; i < 4; i++) {
    for (const e of [a, b]) {
      rules.lease(P, e, T0 + i);
      rules.failed(P, e, T0 + i, 1, false, o.woken_at ?? 0);
    }
  }
  // A fifth attempt at b is under way as the device comes back online…
  const online = T0 + 60_000;
  b.not_before = 0;
  rules.lease(P, b, online - 5);
  rules.makeDue(o, online);
  // … and fails a moment after, as the attempt begun offline.
  rules.failed(P, b, online + 5, 1, true, o.woken_at);
  const order = [];
  for (let t = online + 10; t < online + 100; t += 10) {
    const e = rules.takeDue(P, o, t);
    if (e) order.push(e.key);
  }
  assert.deepEqual(order.slice(0, 2).sort(), ["a", "b"], "both go at once: none waits out a backoff");
  assert.equal(b.failures_online, 0, "a failure from before the wake-up is not counted against the service");
});

test("three failures in a row online make the service unreachable; offline ones do not", () => {
  const o = queued(T0);
  const e = o.entries[0];
  for (let i = 0; i < 5; i++) {
    rules.lease(P, e, T0 + i);
    rules.failed(P, e, T0 + i, 0, false);
  }
  assert.equal(rules.waiting(P, e), "saved", "offline, nothing is known of the service");
  for (let i = 0; i < P.unreachableAfter; i++) {
    assert.equal(rules.waiting(P, e), "saved");
    rules.lease(P, e, T0);
    rules.failed(P, e, T0, 0, true);
  }
  assert.equal(rules.waiting(P, e), "unreachable");
});

test("a signature tried for a week, or a hundred times, is removed, and a notice without it left", () => {
  let o = queued(T0);
  assert.deepEqual(rules.expire(P, o, T0 + 7 * DAY - 1), [], "just under a week: still trying");
  assert.deepEqual(rules.expire(P, o, T0 + 7 * DAY + 1), ["k1"]);
  assert.deepEqual(o.entries, [], "the personal data is gone");
  const notice = rules.takeNotice(o, "petition:guantanamo");
  assert.equal(notice.queued_at, T0);
  assert.equal(rules.takeNotice(o, "petition:guantanamo"), null, "once");
  assert.ok(!JSON.stringify(o).includes("ana@example.org") && !JSON.stringify(o).includes("Ana"));

  o = queued(T0);
  for (let i = 0; i < P.maxAttempts; i++) {
    rules.lease(P, o.entries[0], T0);
    rules.failed(P, o.entries[0], T0, 0, true);
  }
  assert.equal(rules.expire(P, o, T0 + 1).length, 1, "a hundred attempts, in less than a week");
  assert.equal(o.notices.length, 1);
  rules.expire(P, o, T0 + 31 * DAY);
  assert.deepEqual(o.notices, [], "a notice nobody comes to read is forgotten too");
});

test("forgetting removes the signature at once", () => {
  const o = queued(T0);
  assert.ok(rules.forget(o, "k1"));
  assert.deepEqual(o, { entries: [], notices: [] });
  assert.equal(rules.forget(o, "k1"), false);
});

test("signatures go in the order they were signed, and one that failed holds none up", () => {
  const o = queued(T0, "a");
  for (const key of ["b", "c"]) rules.enqueue(o, rules.entry({ key, label: "petition:guantanamo", signature, request: { url: "x" }, built: "v" }, T0 + 1));
  assert.equal(rules.takeDue(P, o, T0 + 2).key, "a");
  rules.failed(P, o.entries[0], T0 + 2, 0, true);
  assert.equal(rules.takeDue(P, o, T0 + 3).key, "b", "a waits out its backoff; b does not wait for it");
  assert.equal(rules.takeDue(P, o, T0 + 4).key, "c");
  assert.equal(rules.takeDue(P, o, T0 + 5), null);
  assert.equal(rules.takeDue(P, o, T0 + 2 + 1_000).key, "a", "then a, once its backoff is over");
  // One this sender cannot send (built for another deploy's endpoint) is passed over.
  const p = queued(T0, "old");
  rules.enqueue(p, rules.entry({ key: "new", label: "signup", signature, request: { url: "x" }, built: "v" }, T0));
  assert.equal(rules.takeDue(P, p, T0, (e) => e.key !== "old").key, "new");
});

test("a clock that jumps back neither stalls a signature nor lets two senders send it", () => {
  const o = queued(T0);
  rules.takeDue(P, o, T0);
  const back = T0 - DAY;
  rules.settleClock(P, o, back);
  assert.equal(rules.takeDue(P, o, back + 1), null, "the lease still holds");
  assert.ok(rules.takeDue(P, o, back + P.leaseMs), "and ends as a lease does, not a day later");
  rules.failed(P, o.entries[0], T0, 1, true);
  rules.settleClock(P, o, back);
  assert.ok(rules.takeDue(P, o, back + P.maxDelayMs), "a backoff written before the jump waits no longer than the longest");
  assert.equal(o.entries[0].queued_at, back, "its age is counted from now on");
  assert.deepEqual(rules.expire(P, o, back + 7 * DAY - 1), []);
});

test("a clock that jumps forward ends waits sooner and ages the signature", () => {
  const o = queued(T0);
  rules.takeDue(P, o, T0);
  rules.failed(P, o.entries[0], T0, 1, true);
  const ahead = T0 + 3 * DAY;
  rules.settleClock(P, o, ahead);
  assert.ok(rules.takeDue(P, o, ahead), "the backoff is over");
  assert.deepEqual(rules.expire(P, o, ahead), [], "three days are within the week");
});

test("a stored outbox is read back, and what cannot be read is left out", () => {
  const o = queued(T0);
  o.notices.push({ label: "signup", queued_at: T0, expired_at: T0 + 1 });
  assert.deepEqual(rules.read(JSON.stringify(o)), o);
  const damaged = { entries: [{ key: "x" }, o.entries[0], { ...o.entries[0], key: "y", attempts: "1" }], notices: [{}] };
  assert.deepEqual(rules.read(JSON.stringify(damaged)).entries.map((e) => e.key), ["k1"]);
  assert.deepEqual(rules.read("not json"), { entries: [], notices: [] });
  // An earlier version's entry (no request, no build): read, to be built again by a signer.
  const { request, built, ...older } = o.entries[0];
  const back = rules.read(JSON.stringify({ entries: [older], notices: [] })).entries[0];
  assert.equal(back.request, null);
  assert.equal(back.built, "");
});

test("event mode's panel counts what waits on the device, sealed, what the endpoint refused, and what its event sent", () => {
  const o = { entries: [], notices: [] };
  for (const [key, event] of [["a", "Rally"], ["b", "Rally"], ["c", "Shabbat"], ["d", ""]]) {
    rules.enqueue(o, rules.entry({ key, label: "petition:guantanamo", signature, request: { url: "x" }, built: "v", event }, T0));
  }
  // Every event's signature on the device waits for staff (an imported file's too).
  assert.deepEqual(rules.eventCounts(o, "Rally"), { waiting: 3, refused: 0, sent: 0, declined: 0, last_sent_at: null });
  // What became of each, as the sender records it: sent (and remembered as done with), refused
  // (and kept, for staff); a signature made outside an event is counted nowhere.
  assert.ok(rules.forget(o, "a"));
  rules.counted(o, "Rally", true, T0 + 5);
  rules.remember(o, "a", T0 + 5);
  assert.ok(rules.refuse(o, "b", "the email address was refused", T0 + 6));
  rules.counted(o, "Rally", false);
  assert.ok(rules.forget(o, "d"));
  rules.counted(o, "", true, T0 + 7);
  assert.deepEqual(rules.eventCounts(o, "Rally"), { waiting: 1, refused: 1, sent: 1, declined: 1, last_sent_at: T0 + 5 });
  assert.deepEqual(Object.keys(o.events), ["Rally"]);
  // A refused one is no sender's until staff try it again.
  assert.equal(rules.takeDue(P, o, T0 + 10, (e) => e.key === "b"), null);
  assert.ok(rules.tryAgain(o, "b"));
  assert.equal(rules.takeDue(P, o, T0 + 10, (e) => e.key === "b").key, "b");
  // A key done with never comes back (a file imported again), until it is long forgotten.
  assert.equal(rules.enqueue(o, rules.entry({ key: "a", label: "petition:guantanamo", signature, event: "Rally" }, T0)), false);
  rules.expire(P, o, T0 + 5 + P.doneMs + 1);
  assert.equal(o.done, undefined);
  // The counts are kept with the outbox, and nothing personal is in them.
  const stored = rules.read(JSON.stringify(o));
  assert.deepEqual(stored.events, { Rally: { sent: 1, declined: 1, last_sent_at: T0 + 5 } });
  assert.ok(!JSON.stringify(stored.events).includes("Ana"));
});

test("a sealed signature waits for staff: it never expires, and a sender that cannot open it passes it over", () => {
  const o = { entries: [], notices: [] };
  const e = rules.entry({ key: "s", label: "petition:guantanamo", signature: null, event: "Rally", sealed: { v: 1, vault: "v", epk: "e", iv: "i", ct: "c" } }, T0);
  rules.enqueue(o, e);
  assert.deepEqual(rules.expire(P, o, T0 + 30 * DAY), [], "a month later, still there, sealed");
  const locked = (x) => !x.sealed;
  assert.equal(rules.takeDue(P, o, T0, locked), null);
  assert.equal(rules.nextDue(o, locked), null, "nothing for a locked sender to wake for");
  const taken = rules.takeDue(P, o, T0, () => true);
  assert.equal(taken.key, "s");
  // Locked meanwhile: the attempt never began, and gives its lease back.
  rules.release(o, "s");
  assert.equal(o.entries[0].attempts, 0);
  assert.ok(rules.takeDue(P, o, T0 + 1));
});
