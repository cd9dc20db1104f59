// Reads each letter's published signers before the build: those who asked to be listed with it
// and whom staff approved (README, "A letter and its signers"). The prerenderer writes them into
// the letter's list page (`SIGNERS_DIR`), and the build publishes the file beside it.
//
//   node scripts/signers.mjs --out DIR [--config FILE]
//
// For each letter it writes DIR/<letter slug>.json, {"signers": [{title, given_name,
// family_name, organization, city, place}], "read_at": "…"} (campaign_core::signers::List):
// - with OSDI_API_TOKEN in the environment and the OSDI API known (the counts' `count_api_url`,
//   up to `/petitions/`), from the people staff tagged `letter-approved:<slug>` (Action Network:
//   GET …/tags, the tag's taggings, then each person), who also asked to be listed (the custom
//   field `list_name_<slug>` is `yes`). Action Network allows 4 requests a second: 1,000
//   approved signers take about 4 minutes. The key is never written anywhere;
// - otherwise, from a file staff export, `content/signers/<slug>.csv` (SITE_CONTENT's when set),
//   with a header row naming these columns: every row is listed.
// When the API cannot be read, the last list the site published (its `list.json`, at SITE_URL
// and SITE_BASE as for the build) is kept. It never fails the build.
import { execFileSync } from "node:child_process";
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";

const args = process.argv.slice(2);
const option = (name) => {
  const at = args.indexOf(name);
  return at >= 0 ? args[at + 1] : undefined;
};
const out = option("--out");
if (!out) {
  console.error("usage: node scripts/signers.mjs --out DIR [--config FILE]");
  process.exit(2);
}
const configFile = option("--config") ?? process.env.SIGNUP_CONFIG ?? "config/signup.toml";
const token = process.env.OSDI_API_TOKEN ?? "";
const contentDir = process.env.SITE_CONTENT ?? "content";
/** Between two API requests: Action Network allows 4 a second. */
const PACE_MS = Number(process.env.SIGNERS_PACE_MS ?? 260);
const PATIENCE_MS = 10_000;
const config = JSON.parse(execFileSync("cargo", ["run", "--quiet", "-p", "campaign-core", "--features", "build", "--bin", "signup-config", "--", configFile], {
  stdio: ["ignore", "pipe", "inherit"],
}).toString());

/** What a listed signer has (campaign_core::signers::SHOWN), in this order. */
const SHOWN = config.shown;

rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const published = (slug) => `${(process.env.SITE_URL ?? config.origin).replace(/\/$/, "")}${(process.env.SITE_BASE ?? "").replace(/\/$/, "")}/act/${slug}/signers/list.json`;

for (const letter of config.letters) {
  const file = join(contentDir, "signers", `${letter.action}.csv`);
  let list = null;
  if (token && config.api_root) {
    try {
      list = await fromApi(config.api_root, letter);
      console.log(`signers: ${letter.action}: ${list.length} approved and listed, from the API`);
    } catch (e) {
      const last = await lastPublished(published(letter.action));
      console.warn(`signers: ${letter.action}: could not read the API (${e.message})${last ? `; kept the last list the site published (${last.signers.length}, read ${last.read_at})` : ""}.`);
      if (last) writeFileSync(join(out, `${letter.action}.json`), JSON.stringify(last) + "\n");
      continue;
    }
  } else if (existsSync(file)) {
    list = fromCsv(readFileSync(file, "utf8"), file);
    console.log(`signers: ${letter.action}: ${list.length} from ${file}`);
  } else {
    continue;
  }
  writeFileSync(join(out, `${letter.action}.json`), JSON.stringify({ signers: list, read_at: new Date().toISOString() }) + "\n");
}

/** The approved, listed signers of `letter`, read from the OSDI API at `root` with the key. */
async function fromApi(root, letter) {
  const tags = await collection(`${root}/tags`, "osdi:tags");
  const tag = tags.find((t) => t.name === letter.approval_tag);
  if (!tag) return [];
  const taggings = await collection(tag._links["osdi:taggings"].href, "osdi:taggings");
  const people = [];
  for (const t of taggings) {
    const href = t._links?.["osdi:person"]?.href;
    if (!href) continue;
    const person = await get(href);
    const custom = person.custom_fields ?? {};
    if (custom[letter.list_key] !== "yes") continue;
    const address = (person.postal_addresses ?? [])[0] ?? {};
    const country = address.country ?? "";
    people.push({
      title: custom.title ?? "",
      given_name: person.given_name ?? "",
      family_name: person.family_name ?? "",
      organization: custom.organization ?? "",
      city: address.locality ?? "",
      place: country === "US" && address.region ? `US-${address.region}` : country,
    });
  }
  return people;
}

/** Every item of an OSDI collection, following its pages (`_links.next`). */
async function collection(url, name) {
  const items = [];
  for (let next = url; next; ) {
    const page = await get(next);
    items.push(...(page._embedded?.[name] ?? []));
    next = page._links?.next?.href ?? null;
  }
  return items;
}

async function get(url) {
  await sleep(PACE_MS);
  const answer = await fetch(url, { headers: { Accept: "application/json", "OSDI-API-Token": token }, signal: AbortSignal.timeout(PATIENCE_MS) });
  if (!answer.ok) throw new Error(`HTTP ${answer.status} from ${url}${answer.status === 401 || answer.status === 403 ? ": the API key was refused" : ""}`);
  return answer.json();
}

/** The last list the site published, or null. */
async function lastPublished(url) {
  try {
    const answer = await fetch(url, { headers: { Accept: "application/json" }, signal: AbortSignal.timeout(PATIENCE_MS) });
    if (!answer.ok) return null;
    const body = await answer.json();
    return Array.isArray(body.signers) ? { signers: body.signers, read_at: body.read_at ?? null } : null;
  } catch {
    return null;
  }
}

/** A staff-exported CSV (RFC 4180: quoted fields may hold commas, quotes doubled, new lines),
 *  its header row naming the columns: each row a signer with the SHOWN columns it has. */
function fromCsv(text, file) {
  const rows = [];
  let row = [];
  let field = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (field += '"'), i++;
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") row.push(field), (field = "");
    else if (c === "\n" || c === "\r") {
      if (c === "\r" && text[i + 1] === "\n") i++;
      row.push(field), rows.push(row), (row = []), (field = "");
    } else field += c;
  }
  if (field || row.length) row.push(field), rows.push(row);
  const [header = [], ...body] = rows.filter((r) => r.some((f) => f.trim()));
  const names = header.map((h) => h.trim().replace(/^\uFEFF/, ""));
  const cell = (r, name) => (names.includes(name) ? (r[names.indexOf(name)] ?? "").trim() : "");
  // A place as the list has it (US-NY, or a country's code), or a state and a country apart.
  const place = (r) => {
    const [state, country] = [cell(r, "state").toUpperCase(), cell(r, "country").toUpperCase()];
    return cell(r, "place") || (state && (country === "US" || !country) ? `US-${state}` : country);
  };
  const missing = SHOWN.filter((s) => !names.includes(s) && !(s === "place" && names.includes("country")));
  if (missing.length) console.warn(`signers: ${file} has no column ${missing.join(", ")}: those are left empty.`);
  return body.map((r) => Object.fromEntries(SHOWN.map((s) => [s, s === "place" ? place(r) : cell(r, s)])));
}
