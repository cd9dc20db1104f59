// scripts/counts.mjs against the local receiver, which answers the OSDI petition (with
// total_signatures) only to the API key, as Action Network does; and the count file it writes
// into a built site for `count_url = "counts/{petition}.json"`.
//   node --test tests/tools/        (make test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { existsSync, mkdtempSync, readFileSync, readdirSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import http from "node:http";

const TOKEN = "counts-test-token-0123456789";

/** A receiver on a free port that takes `TOKEN` as its API key, until the test ends. */
async function receiver(t) {
  const dir = mkdtempSync(join(tmpdir(), "counts-"));
  const child = spawn("target/debug/signup-receiver", ["--addr", "127.0.0.1:0", "--data", join(dir, "s.jsonl"), "--api-token", TOKEN, "--rate-limit", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  t.after(() => child.kill());
  const [line] = await once(child.stdout, "data");
  return line.toString().match(/http:\/\/[0-9.:]+/)[0];
}

/** Three signatures for the petition, as a browser's JSON post would send them. */
async function sign(base, n) {
  for (let i = 0; i < n; i++) {
    const body = { person: { given_name: `Signer ${i}`, email_addresses: [{ address: `s${i}@example.org`, primary: true }] }, identifiers: [`truah_campaign:00000000-0000-4000-8000-00000000000${i}`], add_tags: [] };
    const r = await fetch(`${base}/osdi/petitions/p-1/record_signature_helper`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
    assert.ok(r.ok, `signature ${i}: ${r.status} ${await r.text()}`);
  }
}

function config(base, countUrl) {
  const file = join(mkdtempSync(join(tmpdir(), "counts-")), "signup.toml");
  writeFileSync(file, `adapter = "osdi"
signup_form = "updates"
count_url = "${countUrl}"
count_api_url = "${base}/osdi/petitions/{petition}"
[addresses]
petition = "${base}/osdi/petitions/{petition}/record_signature_helper"
signup = "${base}/osdi/forms/{form}/record_submission_helper"
[petitions]
guantanamo = "p-1"
`);
  return file;
}

/** The script, as a build runs it. The site as deployed now is `site` (by default an address
 *  where nothing answers: a site not deployed yet). */
function counts(args, token, site = "http://127.0.0.1:9") {
  const env = { ...process.env, SITE_URL: site };
  delete env.OSDI_API_TOKEN;
  delete env.SITE_BASE;
  if (token !== undefined) env.OSDI_API_TOKEN = token;
  return new Promise((resolve) => {
    execFile("node", ["scripts/counts.mjs", ...args], { env }, (error, stdout, stderr) => resolve({ code: error?.code ?? 0, out: stdout + stderr }));
  });
}

test("with the API key, the count is read from the OSDI petition and served by the site; without it, none", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  await sign(base, 3);
  const file = config(base, "counts/{petition}.json");
  const out = mkdtempSync(join(tmpdir(), "counts-out-"));

  const withKey = await counts(["--config", file, "--out", out], TOKEN);
  assert.equal(withKey.code, 0, withKey.out);
  assert.equal(JSON.parse(readFileSync(join(out, "p-1.json"), "utf8")).count, 3, withKey.out);
  // The key is used, never written.
  assert.ok(!readFileSync(join(out, "p-1.json"), "utf8").includes(TOKEN));

  // Into the built site, at count_url's path.
  const dist = mkdtempSync(join(tmpdir(), "counts-dist-"));
  const published = await counts(["--config", file, "--publish", out, "--into", dist]);
  assert.equal(published.code, 0, published.out);
  assert.equal(JSON.parse(readFileSync(join(dist, "counts", "p-1.json"), "utf8")).count, 3);

  // A wrong key: refused (401), no count file, and the build goes on.
  const wrong = await counts(["--config", file, "--out", out], "not-the-key-at-all");
  assert.equal(wrong.code, 0, wrong.out);
  assert.match(wrong.out, /guantanamo: no count from .*\/osdi\/petitions\/p-1 \(HTTP 401: the API key was refused\)/);
  assert.deepEqual(readdirSync(out), [], "no made-up or stale count");

  // No key, and a count_url on the site itself: nothing to read from here.
  const none = await counts(["--config", file, "--out", out]);
  assert.equal(none.code, 0, none.out);
  assert.match(none.out, /OSDI_API_TOKEN is not/);
  assert.deepEqual(readdirSync(out), []);
});

test("without the key, a public count source is read as browsers read it", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  await sign(base, 2);
  const file = config(base, `${base}/count/{petition}`);
  const out = mkdtempSync(join(tmpdir(), "counts-out-"));
  const run = await counts(["--config", file, "--out", out]);
  assert.equal(run.code, 0, run.out);
  assert.equal(JSON.parse(readFileSync(join(out, "p-1.json"), "utf8")).count, 2, run.out);
  // A source on another site is not copied into the built site.
  const dist = mkdtempSync(join(tmpdir(), "counts-dist-"));
  await counts(["--config", file, "--publish", out, "--into", dist]);
  assert.ok(!existsSync(join(dist, "counts")));
});

test("a count that cannot be read keeps the last one the site published, with when it was read: never a blank where a count was", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  // The site as deployed, serving the count file the last build wrote.
  const last = { count: 7, read_at: "2026-12-01T10:17:00.000Z" };
  const site = http.createServer((req, res) => {
    if (req.url === "/campaigns/immigration/counts/p-1.json") {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(last));
    } else {
      res.writeHead(404);
      res.end();
    }
  });
  site.listen(0, "127.0.0.1");
  await once(site, "listening");
  t.after(() => site.close());
  const file = config(base, "counts/{petition}.json");
  const out = mkdtempSync(join(tmpdir(), "counts-out-"));
  const env = `http://127.0.0.1:${site.address().port}`;
  const run = (token) =>
    new Promise((resolve) => {
      const e = { ...process.env, SITE_URL: env, SITE_BASE: "/campaigns/immigration/", OSDI_API_TOKEN: token };
      execFile("node", ["scripts/counts.mjs", "--config", file, "--out", out], { env: e }, (error, stdout, stderr) => resolve({ code: error?.code ?? 0, out: stdout + stderr }));
    });
  const refused = await run("not-the-key-at-all");
  assert.equal(refused.code, 0, refused.out);
  assert.match(refused.out, /guantanamo: no count from .* \(HTTP 401: the API key was refused\); kept the last one the site published, 7 \(read 2026-12-01T10:17:00\.000Z\)/);
  assert.deepEqual(JSON.parse(readFileSync(join(out, "p-1.json"), "utf8")), last, "the last count, and when it was read: not passed off as fresh");
  // Read again, it is the source's own, read now.
  await sign(base, 2);
  const fresh = await run(TOKEN);
  const now = JSON.parse(readFileSync(join(out, "p-1.json"), "utf8"));
  assert.equal(now.count, 2, fresh.out);
  assert.ok(Date.now() - Date.parse(now.read_at) < 60_000, now.read_at);
});
