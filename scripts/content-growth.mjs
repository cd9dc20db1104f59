// The site's wasm does not grow with the content: the browser build carries no page of its own
// (src/browser/), so ten more actions and ten more issues must cost it at most 1 KB brotli.
//
//   node scripts/content-growth.mjs        (make test runs it, after the site is built)
//
// It builds the hydrating wasm twice, as Trunk does (cargo, wasm-bindgen, wasm-opt -Oz): once
// with content/, once with a copy of it (SITE_CONTENT) that has ten extra actions and ten extra
// issue pages, each with its text, a quote, partners, resources and a petition; then compares
// their brotli sizes.
import { execFileSync } from "node:child_process";
import { cpSync, mkdtempSync, readFileSync, writeFileSync, mkdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const LIMIT = 1024;
const work = mkdtempSync(join(tmpdir(), "content-growth-"));
const grown = join(work, "content");
cpSync("content", grown, { recursive: true });

const words = "Jewish texts, history, traditions, and values compel us to welcome immigrants with dignity and compassion.";
for (let i = 1; i <= 10; i++) {
  writeFileSync(join(grown, "issues", `extra-issue-${i}.md`), `+++
title = "Extra issue number ${i}"
summary = "A summary of extra issue ${i}, long enough to read like a real one. ${words}"
order = ${100 + i}
partners = ["hias", "interfaith-immigration-coalition"]
resources = ["immigration-midrash"]
actions = ["extra-action-${i}"]

[quote]
text = "Quote ${i}: you shall love the stranger as yourself.[^n]"
cite = "Leviticus 19:34"
+++
## Why extra issue ${i} matters

${words} ${words}

- A first point about issue ${i}.
- A second point, linking [our partners](/partners).
- A third point, linking [the action](/act/extra-action-${i}).

[^n]: A note on the quote of issue ${i}.
`);
  writeFileSync(join(grown, "actions", `extra-action-${i}.md`), `+++
title = "Extra action number ${i}: tell Congress to act"
summary = "What extra action ${i} asks, in a sentence or two. ${words}"
issue = "extra-issue-${i}"
cta = "Sign petition ${i}"
target = "Congress"
petition_text = "Extra action ${i}: act now."
goal = ${1000 * i}
order = ${100 + i}
+++
${words} This is the text of extra action ${i}, which says what is happening and why to act now.

${words}
`);
}

const env = { ...process.env, SIGNUP_CONFIG: "config/signup.local.toml", LOCAL_BUILD: "1", SITE_LANG: "en", SITE_BASE: "" };
const out = join(work, "wasm");

/** The hydrating wasm built with this content folder (or content/), brotli bytes. */
function wasmSize(content) {
  const buildEnv = content ? { ...env, SITE_CONTENT: content } : env;
  execFileSync("cargo", ["build", "--release", "--target", "wasm32-unknown-unknown", "--features", "hydrate", "--bin", "truah-campaign"], { env: buildEnv, stdio: ["ignore", "ignore", "inherit"] });
  rmSync(out, { recursive: true, force: true });
  mkdirSync(out, { recursive: true });
  execFileSync("wasm-bindgen", ["--target", "web", "--no-typescript", "--out-dir", out, "target/wasm32-unknown-unknown/release/truah-campaign.wasm"], { stdio: "inherit" });
  execFileSync("wasm-opt", ["-Oz", join(out, "truah-campaign_bg.wasm"), "-o", join(out, "opt.wasm")], { stdio: "inherit" });
  return brotliCompressSync(readFileSync(join(out, "opt.wasm")), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const normal = wasmSize(null);
const bigger = wasmSize(grown);
rmSync(work, { recursive: true, force: true });
const diff = bigger - normal;
console.log(`content growth: the site's wasm is ${(normal / 1024).toFixed(1)} KB brotli with content/, ${(bigger / 1024).toFixed(1)} KB with ten more actions and ten more issues: ${diff >= 0 ? "+" : ""}${diff} bytes (at most ${LIMIT}).`);
if (diff > LIMIT) {
  console.error("content growth: the site's wasm grows with the content. Something compiles content into the hydrating build (see src/browser/).");
  process.exit(1);
}
