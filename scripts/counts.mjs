// Reads each petition's signature count, so the build can show it on the prerendered pages and
// (for a count on the site itself, `count_url = "counts/{petition}.json"`) serve it to browsers.
//
//   node scripts/counts.mjs --out DIR [--config FILE]        read the counts (before the build)
//   node scripts/counts.mjs --publish DIR --into DIST [--config FILE]
//                                          copy them into the built site, where count_url is on it
//
// For each action's petition it writes DIR/<petition id>.json, {"count": N, "read_at": "…"}:
// - with OSDI_API_TOKEN in the environment and `count_api_url` set, from the OSDI petition
//   (Action Network: GET …/api/v2/petitions/{id} with the OSDI-API-Token header), read as
//   `total_signatures`. The key stays on the machine that runs this: it is never written
//   anywhere, and browsers only ever see the count file;
// - otherwise from `count_url`, when it is a full address (a public count source).
// A source that cannot be reached, answers an error or no count, keeps the last count the site
// published: where the site serves its counts itself (count_url = "counts/{petition}.json"), the
// file at the site's address now (SITE_URL and SITE_BASE, as for the build), with the time it
// was read then. So one failed read never blanks a count that was there. With none to keep, it
// writes nothing for that petition (the page shows no count until the browser reads one): never
// a made-up count. It never fails the build; it says what it could not read. SIGNUP_CONFIG names
// the config as for the build.
import { execFileSync } from "node:child_process";
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { countIn } from "../js/count-answer.js";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const out = option("--out");
const publish = option("--publish");
const into = option("--into");
if (!out && !(publish && into)) {
  console.error("usage: node scripts/counts.mjs --out DIR | --publish DIR --into DIST [--config FILE]");
  process.exit(2);
}
const configFile = option("--config") ?? process.env.SIGNUP_CONFIG ?? "config/signup.toml";
const token = process.env.OSDI_API_TOKEN ?? "";
/** How long a source may take: the build waits for no slow count. */
const PATIENCE_MS = 5000;

const config = JSON.parse(execFileSync("cargo", ["run", "--quiet", "-p", "campaign-core", "--features", "build", "--bin", "signup-config", "--", configFile], {
  stdio: ["ignore", "pipe", "inherit"],
}).toString());

// The site serves the counts itself (count_url without a host, "counts/{petition}.json"): each
// count read goes into the built site at that path, for browsers to read.
if (publish) {
  for (const c of config.counts) {
    const file = join(publish, `${c.petition}.json`);
    if (!c.url || c.url.includes("://") || !existsSync(file)) continue;
    const to = join(into, c.url);
    mkdirSync(dirname(to), { recursive: true });
    copyFileSync(file, to);
    console.log(`counts: ${c.action} → ${to}`);
  }
  process.exit(0);
}

// Only this run's counts: a count that can no longer be read is not shown as if it were fresh.
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

/** Where the site, as deployed now, serves a count file of its own (`path` under its root). */
const published = (path) => `${(process.env.SITE_URL ?? config.origin).replace(/\/$/, "")}${(process.env.SITE_BASE ?? "").replace(/\/$/, "")}/${path}`;

let read = 0;
for (const c of config.counts) {
  const fromApi = token && c.api_url;
  const url = fromApi ? c.api_url : c.url?.includes("://") ? c.url : null;
  const count = url ? await countAt(url, fromApi ? { "OSDI-API-Token": token } : {}) : { problem: "no source to read it from here" };
  if (typeof count === "number") {
    writeFileSync(join(out, `${c.petition}.json`), JSON.stringify({ count, read_at: new Date().toISOString() }) + "\n");
    console.log(`counts: ${c.action}: ${count}`);
    read++;
    continue;
  }
  const last = c.url && !c.url.includes("://") ? await lastPublished(published(c.url)) : null;
  if (last) {
    writeFileSync(join(out, `${c.petition}.json`), JSON.stringify(last) + "\n");
    console.warn(`counts: ${c.action}: no count${url ? ` from ${url}` : ""} (${count.problem}); kept the last one the site published, ${last.count} (read ${last.read_at ?? "at an unknown time"}).`);
  } else if (url) {
    console.warn(`counts: ${c.action}: no count from ${url} (${count.problem}); the pages show none until browsers read one.`);
  }
}
if (!read && config.counts.some((c) => c.api_url) && !token) {
  console.warn("counts: count_api_url is set but OSDI_API_TOKEN is not: set it to read the counts with the API key.");
}

/** The count file the site published at `url`, as it is (its count, and when that was read),
 *  or null. */
async function lastPublished(url) {
  try {
    const answer = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(PATIENCE_MS) });
    if (!answer.ok) return null;
    const body = await answer.json();
    const count = countIn(body);
    return count === null ? null : { count, read_at: typeof body.read_at === "string" ? body.read_at : null };
  } catch {
    return null;
  }
}

/** The count at `url`, or `{problem}`. */
async function countAt(url, headers) {
  let answer;
  try {
    answer = await fetch(url, { headers: { Accept: "application/json", ...headers }, signal: AbortSignal.timeout(PATIENCE_MS) });
  } catch (e) {
    return { problem: e.cause?.code ?? e.name ?? e.message };
  }
  if (!answer.ok) return { problem: `HTTP ${answer.status}${answer.status === 401 || answer.status === 403 ? ": the API key was refused" : ""}` };
  let body;
  try {
    body = await answer.json();
  } catch {
    return { problem: "the answer is not JSON" };
  }
  return countIn(body) ?? { problem: "the answer has no count" };
}
