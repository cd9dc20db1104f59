// scripts/signers.mjs: a letter's listed signers, read before the build. From the local receiver,
// which answers Action Network's tags, taggings and people to the API key and lets staff approve
// signers (receiver/src/app/letters.rs); from a file staff export; and, when the API fails, the
// last list the site published.
//   node --test tests/tools/        (make test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile, spawn } from "node:child_process";
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { once } from "node:events";
import http from "node:http";

const TOKEN = "signers-test-token-0123456789";

async function receiver(t) {
  const dir = mkdtempSync(join(tmpdir(), "signers-"));
  const child = spawn("target/debug/signup-receiver", ["--addr", "127.0.0.1:0", "--data", join(dir, "s.jsonl"), "--api-token", TOKEN, "--rate-limit", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  t.after(() => child.kill());
  const [line] = await once(child.stdout, "data");
  return line.toString().match(/http:\/\/[0-9.:]+/)[0];
}

/** A letter's signature as the site's OSDI adapter sends it (core/tests/fixtures/osdi-letter.json). */
async function signLetter(base, i, { given, family, title, organization, city, region, country, listed }) {
  const body = {
    person: {
      given_name: given,
      family_name: family,
      email_addresses: [{ address: `l${i}@example.org`, primary: true }],
      postal_addresses: [{ primary: true, locality: city, ...(region ? { region } : {}), country }],
      custom_fields: { title, organization, list_name_clergy_letter: listed ? "yes" : "no" },
    },
    identifiers: [`truah_campaign:00000000-0000-4000-8000-${String(10 + i).padStart(12, "0")}`],
    add_tags: ["letter:clergy-letter", `title:${title}`],
  };
  const r = await fetch(`${base}/osdi/petitions/clergy-letter/record_signature_helper`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) });
  assert.ok(r.ok, `${r.status} ${await r.text()}`);
}

function config(base) {
  const file = join(mkdtempSync(join(tmpdir(), "signers-")), "signup.toml");
  writeFileSync(file, `adapter = "osdi"
signup_form = "updates"
count_api_url = "${base}/osdi/petitions/{petition}"
[addresses]
petition = "${base}/osdi/petitions/{petition}/record_signature_helper"
letter = "${base}/osdi/petitions/{petition}/record_signature_helper"
signup = "${base}/osdi/forms/{form}/record_submission_helper"
[petitions]
clergy-letter = "clergy-letter"
`);
  return file;
}

function signers(args, { token, site = "http://127.0.0.1:9", content } = {}) {
  const env = { ...process.env, SITE_URL: site, SIGNERS_PACE_MS: "0" };
  delete env.OSDI_API_TOKEN;
  delete env.SITE_BASE;
  delete env.SITE_CONTENT;
  if (token !== undefined) env.OSDI_API_TOKEN = token;
  if (content) env.SITE_CONTENT = content;
  return new Promise((resolve) => {
    execFile("node", ["scripts/signers.mjs", ...args], { env }, (error, stdout, stderr) => resolve({ code: error?.code ?? 0, out: stdout + stderr }));
  });
}

const list = (out) => JSON.parse(readFileSync(join(out, "clergy-letter.json"), "utf8"));

test("with the API key: only the signers who asked to be listed and whom staff approved, as the list shows them", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  await signLetter(base, 1, { given: "Miriam", family: "Cohen", title: "rabbi", organization: "B’nai Israel", city: "Brooklyn", region: "NY", country: "US", listed: true });
  await signLetter(base, 2, { given: "Avi", family: "Levi", title: "cantor", organization: "Or Chadash", city: "Haifa", country: "IL", listed: true });
  await signLetter(base, 3, { given: "Ruth", family: "Katz", title: "rabbi", organization: "", city: "Boston", region: "MA", country: "US", listed: false });
  // Staff approve Miriam and Ruth (who asked not to be listed): Avi waits.
  for (const person of [0, 2]) {
    const r = await fetch(`${base}/letters/approve`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `person=${person}&letter=clergy-letter&approve=yes`, redirect: "manual" });
    assert.equal(r.status, 303);
  }
  const page = await (await fetch(`${base}/letters`)).text();
  assert.match(page, /asked not to be listed/);

  const out = mkdtempSync(join(tmpdir(), "signers-out-"));
  const run = await signers(["--config", config(base), "--out", out], { token: TOKEN });
  assert.equal(run.code, 0, run.out);
  assert.deepEqual(list(out).signers, [{ title: "rabbi", given_name: "Miriam", family_name: "Cohen", organization: "B’nai Israel", city: "Brooklyn", place: "US-NY" }]);
  assert.ok(!readFileSync(join(out, "clergy-letter.json"), "utf8").includes(TOKEN), "the key is used, never written");
  assert.ok(!readFileSync(join(out, "clergy-letter.json"), "utf8").includes("@example.org"), "no email address is published");

  // A wrong key: the API refuses, and with no list published before, none is written.
  const refused = await signers(["--config", config(base), "--out", out], { token: "not-the-key-at-all" });
  assert.equal(refused.code, 0, refused.out);
  assert.match(refused.out, /the API key was refused/);
  assert.ok(!existsSync(join(out, "clergy-letter.json")));
});

test("1,000 letter signers at the receiver: exactly those who asked to be listed and whom staff approved are read", { timeout: 180_000 }, async (t) => {
  const base = await receiver(t);
  const expected = [];
  for (let i = 0; i < 1000; i++) {
    const listed = i % 3 !== 0;
    const approved = i % 4 !== 0;
    const person = { given: `Given${i}`, family: `Family${i}`, title: i % 2 ? "rabbi" : "cantor", organization: `Congregation ${i}`, city: "Chicago", region: "IL", country: "US", listed };
    await signLetter(base, i + 100, person);
    if (approved) {
      const r = await fetch(`${base}/letters/approve`, { method: "POST", headers: { "content-type": "application/x-www-form-urlencoded" }, body: `person=${i}&letter=clergy-letter&approve=yes`, redirect: "manual" });
      assert.equal(r.status, 303);
    }
    if (listed && approved) expected.push(`Given${i} Family${i}`);
  }
  const out = mkdtempSync(join(tmpdir(), "signers-out-"));
  const run = await signers(["--config", config(base), "--out", out], { token: TOKEN });
  assert.equal(run.code, 0, run.out);
  const got = list(out).signers.map((s) => `${s.given_name} ${s.family_name}`);
  assert.equal(got.length, expected.length);
  assert.deepEqual(got.sort(), expected.sort());
  assert.ok(list(out).signers.every((s) => s.place === "US-IL"));
});

test("when the API cannot be read, the list the site published last is kept", { timeout: 120_000 }, async (t) => {
  const published = { signers: [{ title: "rabbi", given_name: "Dvorah", family_name: "Zilber", organization: "", city: "", place: "US-CA" }], read_at: "2026-12-01T10:00:00.000Z" };
  const site = http.createServer((req, res) => {
    if (req.url === "/act/clergy-letter/signers/list.json") res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(published));
    else res.writeHead(404).end();
  });
  site.listen(0, "127.0.0.1");
  await once(site, "listening");
  t.after(() => site.close());
  const out = mkdtempSync(join(tmpdir(), "signers-out-"));
  const run = await signers(["--config", config("http://127.0.0.1:9"), "--out", out], { token: TOKEN, site: `http://127.0.0.1:${site.address().port}` });
  assert.equal(run.code, 0, run.out);
  assert.match(run.out, /kept the last list the site published \(1, read 2026-12-01T10:00:00.000Z\)/);
  assert.deepEqual(list(out), published);
});

test("without the API, from the file staff export: quoted commas and quotes, a state and country apart, a byte-order mark", { timeout: 120_000 }, async () => {
  const content = mkdtempSync(join(tmpdir(), "signers-content-"));
  mkdirSync(join(content, "signers"));
  writeFileSync(
    join(content, "signers", "clergy-letter.csv"),
    '\uFEFFtitle,given_name,family_name,organization,city,state,country\r\n' +
      'rabbi,Ana María,García-O’Brien,"Congregation ""Beth El"", Inc.",Austin,TX,US\r\n' +
      'chaplain,Seán,O\'Neill,,Dublin,,IE\r\n',
  );
  const out = mkdtempSync(join(tmpdir(), "signers-out-"));
  const run = await signers(["--config", config("http://127.0.0.1:9"), "--out", out], { content });
  assert.equal(run.code, 0, run.out);
  assert.deepEqual(list(out).signers, [
    { title: "rabbi", given_name: "Ana María", family_name: "García-O’Brien", organization: 'Congregation "Beth El", Inc.', city: "Austin", place: "US-TX" },
    { title: "chaplain", given_name: "Seán", family_name: "O'Neill", organization: "", city: "Dublin", place: "IE" },
  ]);
});
