// The event's vault (js/vault.js), in Node's WebCrypto as in a browser's: a record sealed for an
// event opens only with its passphrase, and only as the record it was sealed as; the passphrase
// rules; the sealed format both sides read (core/tests/fixtures/outbox-sealed.json, which
// campaign_core::petition::handover::Sealed reads too; WRITE_FIXTURES=1 writes it again).
//   node --test tests/js/        (make test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync, writeFileSync } from "node:fs";
import * as vault from "../../js/vault.js";

// Fewer iterations where a test only needs the scheme, not the slowness.
const FAST = { iterations: 1_000 };
const RECORD = JSON.stringify({ signature: "given_name=Zo%C3%AB&email=zoe%40example.org&postal_code=10001", request: { body: '{"person":{"given_name":"Zoë"}}' } });

test("a sealed record opens with the passphrase, and keeps nothing of the signer readable", async () => {
  const v = await vault.createVault("K7QM-2XPR-9WDA-F3HT", { event: "Shabbat rally", ...FAST });
  const sealed = await vault.seal(v, RECORD, "key-1");
  const kept = JSON.stringify({ v, sealed });
  // Each secret long enough, or with a character base64 never has, that random ciphertext cannot
  // hold it by chance ("zoe" alone turned up in it once in CI).
  for (const secret of ["Zoë", "Zo%C3%AB", "zoe%40example.org", "zoe@example.org", "postal_code=10001", "example.org", Buffer.from("Zoë").toString("base64")]) {
    assert.ok(!kept.includes(secret), secret);
  }
  const key = await vault.unlock(v, "K7QM-2XPR-9WDA-F3HT");
  assert.ok(key);
  assert.equal(key.extractable, false, "the unwrapped key cannot be exported");
  assert.equal(await vault.open(key, sealed, "key-1"), RECORD);
});

test("a wrong passphrase opens nothing; a record passed off as another's, or altered, does not open", async () => {
  const v = await vault.createVault("correct horse battery staple", { event: "x", ...FAST });
  assert.equal(await vault.unlock(v, "correct horse battery stapl"), null);
  assert.equal(await vault.unlock(v, ""), null);
  const sealed = await vault.seal(v, RECORD, "key-1");
  const key = await vault.unlock(v, "correct horse battery staple");
  await assert.rejects(vault.open(key, sealed, "key-2"), "bound to its idempotency key");
  const altered = { ...sealed, ct: vault.toBase64(vault.fromBase64(sealed.ct).map((b, i) => (i === 3 ? b ^ 1 : b))) };
  await assert.rejects(vault.open(key, altered, "key-1"));
  // Another event's key pair cannot open it.
  const other = await vault.createVault("another long passphrase", { event: "y", ...FAST });
  await assert.rejects(vault.open(await vault.unlock(other, "another long passphrase"), sealed, "key-1"));
});

test("the vault's passphrase is stretched with PBKDF2-SHA-256 at 600,000 iterations", async () => {
  assert.equal(vault.ITERATIONS, 600_000);
  const v = await vault.createVault("K7QM-2XPR-9WDA-F3HT", { event: "x" });
  assert.equal(v.iterations, 600_000);
  assert.ok(await vault.unlock(v, "K7QM-2XPR-9WDA-F3HT"));
});

test("a weak passphrase is refused with its reason; a suggested one is strong and readable", () => {
  assert.equal(vault.weakness("short1!"), "too_short");
  assert.equal(vault.weakness("aaaaaaaaaaaaaaaa"), "too_plain");
  assert.equal(vault.weakness("121212121212"), "too_plain");
  assert.equal(vault.weakness("MyPassword2026!"), "too_common");
  assert.equal(vault.weakness("shabbat rally 2026", "Shabbat rally"), "too_common", "the event's name, which the whole room sees");
  assert.equal(vault.weakness("Shalom, justice! 2026"), "too_common", "common words with little around them");
  assert.equal(vault.weakness("violet tortoise under bridges"), null);
  assert.equal(vault.weakness("copper lantern meadow seventeen"), null, "a common word inside a longer one leaves plenty to guess");
  for (let i = 0; i < 50; i++) {
    const s = vault.suggestion();
    assert.match(s, /^[2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}$/);
    assert.equal(vault.weakness(s), null, s);
  }
  assert.notEqual(vault.suggestion(), vault.suggestion());
});

test("each wrong passphrase makes the next try wait longer, up to five minutes", () => {
  assert.deepEqual([0, 1, 2, 3, 10, 100].map(vault.waitAfter), [0, 2000, 4000, 8000, 300_000, 300_000]);
});

test("the sealed record is the format both sides read", async () => {
  const v = await vault.createVault("K7QM-2XPR-9WDA-F3HT", { event: "x", ...FAST });
  const sealed = await vault.seal(v, RECORD, "key-1");
  const path = new URL("../../core/tests/fixtures/outbox-sealed.json", import.meta.url);
  if (process.env.WRITE_FIXTURES) writeFileSync(path, JSON.stringify(sealed, null, 2) + "\n");
  const fixture = JSON.parse(readFileSync(path, "utf8"));
  assert.deepEqual(Object.keys(sealed), Object.keys(fixture), "the same fields, in the same order");
  assert.equal(sealed.v, fixture.v);
  for (const [k, value] of Object.entries(sealed)) assert.equal(typeof value, typeof fixture[k], k);
});
