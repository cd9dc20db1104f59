// `make check-endpoint` against the local receiver: one that answers CORS, and one that does not
// (`--no-cors`), as an endpoint that was never set up for a browser.
//   node --test tests/tools/        (make test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";

/** A receiver on a free port, until the test ends; its base address. */
async function receiver(t, ...flags) {
  const dir = mkdtempSync(join(tmpdir(), "check-endpoint-"));
  const child = spawn("target/debug/signup-receiver", ["--addr", "127.0.0.1:0", "--data", join(dir, "s.jsonl"), ...flags], { stdio: ["ignore", "pipe", "ignore"] });
  t.after(() => child.kill());
  const [line] = await once(child.stdout, "data");
  return line.toString().match(/http:\/\/[0-9.:]+/)[0];
}

/** The check, against a configuration that sends to `base`; its exit code and what it printed. */
function check(base) {
  const config = join(mkdtempSync(join(tmpdir(), "check-endpoint-")), "signup.toml");
  writeFileSync(config, `adapter = "osdi"
petition_url = "${base}/osdi/petitions/{petition}/record_signature_helper"
signup_url = "${base}/osdi/forms/{form}/record_submission_helper"
signup_form = "updates"
fallback_url = "${base}/form"
[petitions]
guantanamo = "guantanamo"
`);
  return new Promise((resolve) => {
    execFile("node", ["scripts/check-endpoint.mjs", "--config", config, "--origin", "https://act.example.org"], (error, stdout) => resolve({ code: error?.code ?? 0, out: stdout }));
  });
}

test("an endpoint that answers CORS: every form will work", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  const { code, out } = await check(base);
  assert.equal(code, 0, out);
  assert.match(out, /the petition “Tell President Trump: Don’t Send Migrants to Guantánamo!”\n  → .*\/osdi\/petitions\/guantanamo\/record_signature_helper\n  preflight: 200, Access-Control-Allow-Origin: https:\/\/act.example.org\n  test signature: 201/);
  assert.match(out, /the updates signup\n  → .*\/osdi\/forms\/updates\/record_submission_helper\n/);
  assert.equal(out.match(/✓ it will work/g).length, 2, out);
  const got = await (await fetch(`${base}/count/guantanamo`)).json();
  assert.equal(got.count, 1, "the test signature reached the petition, once");
});

test("an endpoint without CORS: each form fails, and says what visitors would see and where else they can sign", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t, "--no-cors");
  const { code, out } = await check(base);
  assert.equal(code, 1, out);
  assert.equal(out.match(/✗ the endpoint does not allow https:\/\/act.example.org \(no CORS answer to the preflight\)/g).length, 2, out);
  assert.match(out, /Visitors would see, after three tries: “The petition service can’t be reached right now\./);
  assert.match(out, /Visitors would see, after three tries: “The signup service can’t be reached right now\./);
  assert.match(out, new RegExp(`another way to sign: the plain form, posted to ${base}/form\\.`));
  const got = await (await fetch(`${base}/count/guantanamo`)).json();
  assert.equal(got.count, 0, "a browser never sends it, and neither did the check");
});
