// `make check-endpoint` against the local receiver, for every adapter: one that answers CORS,
// one that does not (`--no-cors`, an endpoint never set up for a browser), one that answers
// Action Network's blind `200 {}` (`--blind`), and a configuration a release build would refuse.
// The local receiver is on this machine, which the check allows only as a build for this machine
// does (LOCAL_BUILD=1).
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
  const child = spawn("target/debug/signup-receiver", ["--addr", "127.0.0.1:0", "--data", join(dir, "s.jsonl"), "--rate-limit", "0", ...flags], { stdio: ["ignore", "pipe", "ignore"] });
  t.after(() => child.kill());
  const [line] = await once(child.stdout, "data");
  return line.toString().match(/http:\/\/[0-9.:]+/)[0];
}

/** A configuration for `adapter` that sends to the receiver at `base`. */
function configFor(base, adapter, { cors, petitions = 'guantanamo = "guantanamo"\nclergy-letter = "clergy-letter"' } = {}) {
  const osdiPetition = `${base}/osdi/petitions/{petition}/record_signature_helper`;
  const urls = {
    osdi: [osdiPetition, osdiPetition, `${base}/osdi/forms/{form}/record_submission_helper`],
    json: [`${base}/json`, `${base}/json`, `${base}/json`],
    form: [`${base}/form`, `${base}/form`, `${base}/form`],
  }[adapter];
  const file = join(mkdtempSync(join(tmpdir(), "check-endpoint-")), "signup.toml");
  writeFileSync(file, `adapter = "${adapter}"
signup_form = "updates"
${adapter === "osdi" ? `fallback_url = "${base}/form"` : ""}
${cors === undefined ? "" : `cors = ${cors}`}
[addresses]
petition = "${urls[0]}"
letter = "${urls[1]}"
signup = "${urls[2]}"
[petitions]
${petitions}
`);
  return file;
}

/** The check, run as staff run it; its exit code and what it printed. */
function check(config, ...flags) {
  return new Promise((resolve) => {
    execFile("node", ["scripts/check-endpoint.mjs", "--config", config, "--origin", "https://act.example.org", ...flags], { env: { ...process.env, LOCAL_BUILD: "1" } }, (error, stdout) =>
      resolve({ code: error?.code ?? 0, out: stdout }),
    );
  });
}

/** How many signatures of the petition the receiver kept. */
async function kept(base) {
  return (await (await fetch(`${base}/count/guantanamo`)).json()).count;
}

test("an OSDI endpoint that answers CORS: every form will work, and the tags to create are listed with what each stands for", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  const { code, out } = await check(configFor(base, "osdi"));
  assert.equal(code, 0, out);
  assert.match(out, /the petition “Tell President Trump: Don’t Send Migrants to Guantánamo!”\n  → .*\/osdi\/petitions\/guantanamo\/record_signature_helper\n  preflight: 200, Access-Control-Allow-Origin: https:\/\/act.example.org\n  test signature: 201/);
  assert.match(out, /the letter “Rabbis and Cantors to Congress: Welcome the Stranger”\n  → .*\/osdi\/petitions\/clergy-letter\/record_signature_helper\n  preflight: 200, Access-Control-Allow-Origin: https:\/\/act.example.org\n  test signature: 201/);
  assert.match(out, /the updates signup\n  → .*\/osdi\/forms\/updates\/record_submission_helper\n/);
  assert.equal(out.match(/✓ it will work/g).length, 3, out);
  assert.equal(await kept(base), 1, "the test signature reached the petition, once");
  // Every tag the site sends, which Action Network ignores unless created first.
  for (const tag of ["petition:guantanamo", "letter:clergy-letter", "letter-approved:clergy-letter", "title:rabbi", "signup:updates", "lang:en", "lang:es", "email-opt-in:no", "endpoint-check"]) {
    assert.match(out, new RegExp(`\\n  ${tag}  \\(`), tag);
  }
  // The consent tags, each with its wording and language.
  assert.match(out, /\n  consent:[0-9a-f]{8}  \(agreed, in English, on the petition's box: “Send me updates and action alerts”\)/);
  assert.match(out, /\n  consent:[0-9a-f]{8}  \(agreed, in Español, on the petition's box: “Quiero recibir novedades y alertas de acción”\)/);
  assert.match(out, /\n  consent:[0-9a-f]{8}  \(agreed, in English, on the signup \(sending it is the consent\): “Sign up for updates and action alerts”\)/);
  assert.match(out, /A test signature from endpoint-check\+\d+@example\.org/);
});

test("an endpoint without CORS: each form fails, and says what visitors would see and where else they can sign", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t, "--no-cors");
  const { code, out } = await check(configFor(base, "osdi"));
  assert.equal(code, 1, out);
  assert.equal(out.match(/✗ the endpoint does not allow https:\/\/act.example.org \(no CORS answer to the preflight\)/g).length, 3, out);
  assert.match(out, /Visitors would see, after three tries: “The petition service can’t be reached right now\./);
  assert.match(out, /Visitors would see, after three tries: “The signup service can’t be reached right now\./);
  assert.match(out, new RegExp(`another way to sign: the plain form, posted to ${base}/form\\.`));
  assert.equal(await kept(base), 0, "a browser never sends it, and neither did the check");
});

test("Action Network's blind 200 {}: never “it will work”, but what to look at, and where, to confirm", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t, "--blind");
  const { code, out } = await check(configFor(base, "osdi"));
  assert.equal(code, 2, out);
  assert.doesNotMatch(out, /✓ it will work/);
  assert.equal(out.match(/\? sent, but not confirmed: Action Network's helpers answer 200 \{\} whether or not they kept a signature\./g).length, 3, out);
  const email = out.match(/endpoint-check\+\d+@example\.org/)[0];
  assert.ok(out.includes(`To confirm it arrived: in Action Network, open Start Organizing > People > Activists and search for ${email}: the person should be there, tagged \`endpoint-check\`, with Tell President Trump: Don’t Send Migrants to Guantánamo! among their actions.`), out);
  assert.match(out, /No form fails, but 3 need\(s\) a look by hand/);
});

test("a petition without its id fails as the release build does, and nothing is sent", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  const { code, out } = await check(configFor(base, "osdi", { petitions: "" }));
  assert.equal(code, 1, out);
  assert.match(out, /✗ A release build would refuse this configuration, so nothing was sent:\n  - content\/actions\/guantanamo\.md: the action `guantanamo` has no petition id at the endpoint/);
  assert.equal(await kept(base), 0);
  // And an endpoint on this machine is refused too, outside a build for this machine.
  const outside = await new Promise((resolve) => {
    const env = { ...process.env };
    delete env.LOCAL_BUILD;
    execFile("node", ["scripts/check-endpoint.mjs", "--config", configFor(base, "osdi")], { env }, (error, stdout) => resolve({ code: error?.code ?? 0, out: stdout }));
  });
  assert.equal(outside.code, 1, outside.out);
  assert.match(outside.out, /`\[addresses\] petition` is http:\/\/127\.0\.0\.1:\d+\/osdi\/petitions\/\{petition\}\/record_signature_helper, on the builder's own machine/);
});

test("the json and form adapters: confirmed where the answer can be read, and not where it cannot", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  const json = await check(configFor(base, "json"));
  assert.equal(json.code, 0, json.out);
  assert.equal(json.out.match(/✓ it will work/g).length, 3, json.out);
  assert.doesNotMatch(json.out, /Tags to create/, "tags are Action Network's");
  const readable = await check(configFor(base, "form", { cors: true }));
  assert.equal(readable.code, 0, readable.out);
  const blind = await check(configFor(base, "form"));
  assert.equal(blind.code, 2, blind.out);
  assert.match(blind.out, /\? sent, but not confirmed: the site posts to this endpoint without CORS \(`cors = true` is not set\)/);
  assert.match(blind.out, new RegExp(`To confirm it arrived: look at what 127\\.0\\.0\\.1:\\d+ received for endpoint-check\\+\\d+@example\\.org`));
  assert.equal(await kept(base), 3, "one test signature of the petition from each of the three checks");
});

test("--preflight-only, for every adapter: nothing is sent, and a form post, which has no preflight, is said to be unchecked", { timeout: 120_000 }, async (t) => {
  const base = await receiver(t);
  for (const adapter of ["osdi", "json"]) {
    const { code, out } = await check(configFor(base, adapter), "--preflight-only");
    assert.equal(code, 0, `${adapter}: ${out}`);
    assert.equal(out.match(/✓ the preflight lets a browser send it \(no signature was sent/g).length, 3, out);
    assert.doesNotMatch(out, /test signature:/);
  }
  const form = await check(configFor(base, "form", { cors: true }), "--preflight-only");
  assert.equal(form.code, 2, form.out);
  assert.doesNotMatch(form.out, /✓/);
  assert.equal(form.out.match(/– not checked: a form post sends no preflight/g).length, 3, form.out);
  // The preflight alone on a receiver without CORS still finds the problem.
  const closed = await receiver(t, "--no-cors");
  const refused = await check(configFor(closed, "json"), "--preflight-only");
  assert.equal(refused.code, 1, refused.out);
  assert.equal(await kept(base), 0, "nothing was sent");
});
