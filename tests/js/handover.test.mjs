// The seam between the signer and the outbox (campaign_core::petition::handover), on the
// JavaScript side: every ask the signer writes, and the signature it hands over, read by the one
// function that reads each (js/outbox-rules.js), from the fixture the Rust side writes
// (core/tests/fixtures/outbox-handover.json). A field renamed on either side fails here or there.
//   node --test tests/js/        (make test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import * as rules from "../../js/outbox-rules.js";

const fixture = JSON.parse(readFileSync(new URL("../../core/tests/fixtures/outbox-handover.json", import.meta.url), "utf8"));

test("every ask the signer writes is read, its record as the entry's fields", () => {
  const asks = fixture.asks.map((a) => rules.readAsk(JSON.stringify(a)));
  assert.deepEqual(asks.map((a) => a.ask), ["submit", "restore", "take_notice", "forget", "retry_now", "start_sending"]);
  const [submit] = asks;
  assert.equal(submit.status, "saved");
  assert.deepEqual(submit.record, {
    key: "5f0c2c8e-0000-4000-8000-000000000001",
    label: "petition:guantanamo",
    signature: fixture.asks[0].record.signature,
    overrides: "adapter=osdi&cors=true&petition=https%3A%2F%2Fexample.org%2Fp",
    request: { url: "https://actionnetwork.org/api/v2/petitions/p-1/signatures/", content_type: "application/json", body: '{"person":{"given_name":"Ana"}}', cors: true, adapter: "osdi" },
    built: "1a2b3c4d",
    event: "Shabbat rally",
  });
  const e = rules.entry(submit.record, 1);
  assert.equal(e.signature, submit.record.signature);
  assert.deepEqual(asks[1], { ask: "restore", label: "petition:guantanamo", overrides: "adapter=json" });
});

test("a record with a field renamed, missing or of another type is refused", () => {
  const record = fixture.asks[0].record;
  for (const broken of [
    { ...record, key: undefined, idempotency_key: record.key },
    { ...record, event: null },
    { ...record, request: { ...record.request, cors: "true" } },
    { ...record, request: { ...record.request, contentType: record.request.content_type, content_type: undefined } },
  ]) {
    assert.throws(() => rules.fromSigner(JSON.parse(JSON.stringify(broken))));
  }
});

test("a request built again reads back, and one the signer could not build is none", () => {
  assert.deepEqual(rules.readBuilt(JSON.stringify(fixture.built)), { request: fixture.asks[0].record.request, built: "1a2b3c4d" });
  assert.deepEqual(rules.readBuilt(""), { request: null });
});

test("a sealed record reads as the format says, and nothing of the signer stays beside it", () => {
  const sealed = rules.readSealed(fixture.sealed);
  assert.deepEqual(sealed, fixture.sealed);
  assert.equal(rules.readSealed({ ...fixture.sealed, ct: 3 }), null);
  const stored = JSON.stringify({ entries: [{ ...rules.entry({ key: "k", label: "petition:guantanamo", signature: "given_name=Ana", request: { url: "x" }, event: "e" }, 5), sealed: fixture.sealed }] });
  const [e] = rules.read(stored).entries;
  assert.deepEqual(e.sealed, fixture.sealed);
  assert.equal(e.signature, null, "whatever wrote it, a sealed entry keeps no plaintext beside it");
  assert.equal(e.request, null);
});
