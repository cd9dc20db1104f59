// Before launch, from a machine with internet access: will each form's signatures get through?
//
//   make check-endpoint                      (config/signup.toml, the site's address from site.toml)
//   node scripts/check-endpoint.mjs [--config FILE] [--origin https://act.example.org] [--preflight-only]
//
// For each form (each action's petition, and the updates signup) it sends exactly what a
// visitor's browser would, from the site's origin: the CORS preflight, then the signature (a
// test person, "Endpoint Check <endpoint-check@example.org>", tagged with the source
// `endpoint-check`; delete it at the endpoint afterwards, or pass --preflight-only). It says
// whether the form will work, and what visitors would see if not.
import { execFileSync } from "node:child_process";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const configFile = option("--config") ?? process.env.SIGNUP_CONFIG ?? "config/signup.toml";
const preflightOnly = args.includes("--preflight-only");

// The endpoint as the build reads it, and the test signature as the site would write it.
const config = JSON.parse(execFileSync("cargo", ["run", "--quiet", "-p", "campaign-core", "--features", "build", "--bin", "signup-config", "--", configFile, new Date().toISOString()], {
  stdio: ["ignore", "pipe", "inherit"],
}).toString());
const origin = (option("--origin") ?? config.origin).replace(/\/$/, "");
// How the site's own messages name where a form's signatures go (campaign_core::kind).
const service = (form) => form.service;

console.log(`Checking ${config.config} (${config.adapter}) from ${origin}:\n`);
let failures = 0;
for (const form of config.forms) {
  const { url, content_type: type, body } = form.request;
  console.log(`${form.form}\n  → ${url}`);
  const problem = await check(url, type, body);
  if (problem) {
    failures++;
    const other = [form.hosted && `the action's own page (${form.hosted})`, config.fallback && `the plain form, posted to ${config.fallback}`].filter(Boolean);
    console.log(`  ✗ ${problem}`);
    console.log(`  Visitors would see, after three tries: “The ${service(form)} can’t be reached right now. Your signature is saved on this device, and we’ll keep trying for up to a week.”`);
    console.log(other.length ? `  and be offered another way to sign: ${other.join("; or ")}.` : "  and no other way to sign: set `hosted_url` on the action, or `fallback_url`, so they have one.");
  } else {
    console.log("  ✓ it will work: visitors' signatures get through from the browser.");
  }
  console.log("");
}
if (!preflightOnly) console.log("A test signature from endpoint-check@example.org (source `endpoint-check`) was sent to each form that took it: delete it at the endpoint.");
process.exit(failures ? 1 : 0);

/** What stops a browser on `origin` from sending this, if anything. */
async function check(url, type, body) {
  const simple = type === "application/x-www-form-urlencoded";
  // A JSON post is not a "simple request": the browser asks first.
  if (!simple) {
    let pre;
    try {
      pre = await fetch(url, { method: "OPTIONS", headers: { Origin: origin, "Access-Control-Request-Method": "POST", "Access-Control-Request-Headers": "content-type" } });
    } catch (e) {
      return `the preflight got no answer (${e.cause?.code ?? e.message}): a DNS or network failure, or a wrong address.`;
    }
    const allowed = pre.headers.get("access-control-allow-origin");
    console.log(`  preflight: ${pre.status}, Access-Control-Allow-Origin: ${allowed ?? "(none)"}`);
    if (allowed !== "*" && allowed !== origin) return `the endpoint does not allow ${origin} (no CORS answer to the preflight), so the browser never sends the signature.`;
    const methods = (pre.headers.get("access-control-allow-methods") ?? "POST").toUpperCase();
    if (!methods.includes("POST") && methods !== "*") return `the preflight does not allow POST (it allows ${methods}).`;
    const headers = (pre.headers.get("access-control-allow-headers") ?? "").toLowerCase();
    if (!headers.includes("content-type") && headers !== "*") return "the preflight does not allow the Content-Type header, so a JSON post is never sent.";
  }
  if (preflightOnly) return null;
  let res;
  try {
    res = await fetch(url, { method: "POST", headers: { Origin: origin, "Content-Type": type }, body });
  } catch (e) {
    return `the signature got no answer (${e.cause?.code ?? e.message}).`;
  }
  const allowed = res.headers.get("access-control-allow-origin");
  const text = await res.text();
  console.log(`  test signature: ${res.status} ${text.slice(0, 120)}, Access-Control-Allow-Origin: ${allowed ?? "(none)"}`);
  // The site reads the answer wherever the endpoint is said to answer CORS (JSON always).
  if (config.cors && allowed !== "*" && allowed !== origin) return "the answer carries no CORS header, so the browser cannot read it: every attempt looks like a network failure.";
  if (res.status >= 400 && res.status < 500 && ![408, 429].includes(res.status)) return `the endpoint refused the test signature (${res.status}): ${text.slice(0, 200)}`;
  if (res.status >= 500 || [408, 429].includes(res.status)) return `the endpoint failed (${res.status}); try again later, and check it if it keeps failing.`;
  if (text.trim() === "{}") console.log("  (Action Network's blind answer, 200 {}: it cannot say whether it kept the signature. Check the endpoint for the test signature.)");
  return null;
}
