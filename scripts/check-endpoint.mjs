// Before launch, from a machine with internet access: will each form's signatures get through?
//
//   make check-endpoint                      (config/signup.toml, the site's address from site.toml)
//   node scripts/check-endpoint.mjs [--config FILE] [--origin https://act.example.org] [--preflight-only]
//
// 1. It runs the checks a release build runs (core/src/build/config.rs, `refusals`): a
//    configuration the build would refuse (an action without a petition id, an endpoint on this
//    machine, no privacy link…) fails here too, before anything is sent. With LOCAL_BUILD=1, as
//    for a build for this machine, an endpoint on this machine is allowed (the local receiver).
// 2. For each form (each action's petition, and the updates signup) it sends exactly what a
//    visitor's browser would, from the site's origin: the CORS preflight, then one test signature
//    ("Endpoint Check", an address of its own each run, the source `endpoint-check`, and on OSDI
//    the tag `endpoint-check`; delete it at the endpoint afterwards). --preflight-only sends the
//    preflight alone: a form post has none, so there it can check nothing, and says so.
// 3. It says, for each form, whether it will work; where the endpoint cannot confirm (Action
//    Network's blind answer, a form endpoint posted to without CORS), exactly what to look at,
//    and where, to confirm the test signature arrived. For OSDI it lists every tag the site
//    sends: Action Network ignores a tag nobody created first.
//
// Exit code: 0 every form works and said so; 1 a form would fail, or a release build would
// refuse the configuration; 2 none fails, but one or more needs a look by hand (unconfirmed, or
// not checked).
import { execFileSync } from "node:child_process";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const configFile = option("--config") ?? process.env.SIGNUP_CONFIG ?? "config/signup.toml";
const preflightOnly = args.includes("--preflight-only");
const local = process.env.LOCAL_BUILD === "1";

// The endpoint as the build reads it, and the test signature as the site would write it.
const config = JSON.parse(execFileSync("cargo", ["run", "--quiet", "-p", "campaign-core", "--features", "build", "--bin", "signup-config", "--", configFile, new Date().toISOString()], {
  stdio: ["ignore", "pipe", "inherit"],
}).toString());
const origin = (option("--origin") ?? config.origin).replace(/\/$/, "");

console.log(`Checking ${config.config} (${config.adapter}) from ${origin}:\n`);

const refused = config.refusals.filter((r) => !(local && r.local_only));
if (refused.length) {
  console.log("✗ A release build would refuse this configuration, so nothing was sent:");
  for (const r of refused) console.log(`  - ${r.message}`);
  console.log("\nFix these, then run the check again.");
  process.exit(1);
}

let failed = 0;
let byHand = 0;
for (const form of config.forms) {
  const { url, content_type: type, body } = form.request;
  console.log(`${form.form}\n  → ${url}`);
  const outcome = await check(url, type, body);
  if (outcome.problem) {
    failed++;
    const other = [form.hosted && `the action's own page (${form.hosted})`, config.fallback && `the plain form, posted to ${config.fallback}`].filter(Boolean);
    console.log(`  ✗ ${outcome.problem}`);
    console.log(`  Visitors would see, after three tries: “The ${form.service} can’t be reached right now. Your signature is saved on this device, and we’ll keep trying for up to a week.”`);
    console.log(other.length ? `  and be offered another way to sign: ${other.join("; or ")}.` : "  and no other way to sign: set `hosted_url` on the action, or `fallback_url`, so they have one.");
  } else if (outcome.unchecked) {
    byHand++;
    console.log(`  – not checked: ${outcome.unchecked}`);
  } else if (outcome.unconfirmed) {
    byHand++;
    console.log(`  ? sent, but not confirmed: ${outcome.unconfirmed}`);
    console.log(`    To confirm it arrived: ${whereToLook(form)}`);
  } else if (preflightOnly) {
    console.log("  ✓ the preflight lets a browser send it (no signature was sent: run without --preflight-only to send one).");
  } else {
    console.log("  ✓ it will work: the endpoint took the test signature and said so.");
  }
  console.log("");
}

if (config.tags) {
  console.log("Tags to create in Action Network before launch (Start Organizing > Tags): it ignores a tag");
  console.log("nobody created first, so without them these would be lost.");
  for (const { tag, means } of config.tags) console.log(`  ${tag}  (${means})`);
  console.log("`make consents` prints every consent wording with its version, to keep with the launch's records.\n");
}
if (!preflightOnly) console.log(`A test signature from ${config.check_email} (source \`endpoint-check\`) was sent to each form that took it: delete it at the endpoint.`);
if (failed) console.log(`\n${failed} form(s) would fail.`);
else if (byHand) console.log(`\nNo form fails, but ${byHand} need(s) a look by hand (above).`);
process.exit(failed ? 1 : byHand ? 2 : 0);

/** Where staff look to confirm the test signature of `form` arrived, at an endpoint that cannot
 *  say so itself. */
function whereToLook(form) {
  if (config.adapter === "osdi") {
    return `in Action Network, open Start Organizing > People > Activists and search for ${config.check_email}: the person should be there, tagged \`endpoint-check\`, with ${form.title} among their actions. Then delete that person.`;
  }
  return `look at what ${new URL(form.request.url).host} received for ${config.check_email} (source \`endpoint-check\`), then delete it there.`;
}

/** What happens to this form's signatures, sent from a browser on `origin`: `{problem}` (it
 *  fails), `{unchecked}`, `{unconfirmed}` (it goes, but nothing says it arrived), or `{}`. */
async function check(url, type, body) {
  const simple = type === "application/x-www-form-urlencoded";
  // A JSON post is not a "simple request": the browser asks first.
  if (!simple) {
    let pre;
    try {
      pre = await fetch(url, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" } });
    } catch (e) {
      return { problem: `the preflight got no answer (${e.cause?.code ?? e.message}): a DNS or network failure, or a wrong address.` };
    }
    const allowed = pre.headers.get("access-control-allow-origin");
    console.log(`  preflight: ${pre.status}, Access-Control-Allow-Origin: ${allowed ?? "(none)"}`);
    if (allowed !== "*" && allowed !== origin) return { problem: `the endpoint does not allow ${origin} (no CORS answer to the preflight), so the browser never sends the signature.` };
    const methods = (pre.headers.get("access-control-allow-methods") ?? "POST").toUpperCase();
    if (!methods.includes("POST") && methods !== "*") return { problem: `the preflight does not allow POST (it allows ${methods}).` };
    const headers = (pre.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    if (!headers.includes("content-type") && headers !== "*") return { problem: "the preflight does not allow the Content-Type header, so a JSON post is never sent." };
  } else if (preflightOnly) {
    return { unchecked: "a form post sends no preflight, so there is nothing to ask without sending one. Run the check without --preflight-only." };
  }
  if (preflightOnly) return {};
  let res;
  try {
    res = await fetch(url, { method: "POST", headers: { Origin: origin, "Content-Type": type }, body });
  } catch (e) {
    return { problem: `the signature got no answer (${e.cause?.code ?? e.message}).` };
  }
  const allowed = res.headers.get("access-control-allow-origin");
  const text = await res.text();
  console.log(`  test signature: ${res.status} ${text.slice(0, 120)}, Access-Control-Allow-Origin: ${allowed ?? "(none)"}`);
  // The site reads the answer wherever the endpoint is said to answer CORS (JSON always).
  if (config.cors && allowed !== "*" && allowed !== origin) return { problem: "the answer carries no CORS header, so the browser cannot read it: every attempt looks like a network failure." };
  if (res.status >= 400 && res.status < 500 && ![408, 429].includes(res.status)) return { problem: `the endpoint refused the test signature (${res.status}): ${text.slice(0, 200)}` };
  if (res.status >= 500 || [408, 429].includes(res.status)) return { problem: `the endpoint failed (${res.status}); try again later, and check it if it keeps failing.` };
  // As the site reads it (js/outbox-rules.js, classify): Action Network's blind answer, and a
  // form endpoint posted to without CORS, say nothing of whether the signature was kept.
  if (config.adapter === "osdi" && text.trim() === "{}") return { unconfirmed: "Action Network's helpers answer 200 {} whether or not they kept a signature." };
  if (!config.cors) return { unconfirmed: "the site posts to this endpoint without CORS (`cors = true` is not set), so a browser cannot read its answer." };
  return {};
}
