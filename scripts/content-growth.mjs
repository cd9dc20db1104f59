// The site's wasm does not grow with the content: the browser build carries no page of its own
// (src/browser/), so ten more actions and ten more issues must cost it at most 1 KB brotli.
//
//   node scripts/content-growth.mjs --add-to DIR   writes ten more actions and ten more issues,
//                                                  each with its text, a quote, partners,
//                                                  resources and a petition, into the content
//                                                  folder DIR (make dist does, for the subfolder
//                                                  build)
//   node scripts/content-growth.mjs                compares the English wasm of dist/ (content/)
//                                                  with the subfolder build's (its content, with
//                                                  them): make test runs it, after make dist
//
// The two wasm files were built by the same Trunk pipeline (cargo, wasm-bindgen, wasm-opt -Oz),
// so nothing is built again here. Besides the content, they differ only in the base path the
// subfolder build compiles in, a few bytes.
import { readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const LIMIT = 1024;
const EXTRA = 10;

const words = "Jewish texts, history, traditions, and values compel us to welcome immigrants with dignity and compassion.";
/** Writes the extra actions and issues into the content folder `grown`. */
function addTo(grown) {
for (let i = 1; i <= EXTRA; i++) {
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
text = "Extra action ${i}: act now."
goal = ${1000 * i}
order = ${100 + i}
+++
${words} This is the text of extra action ${i}, which says what is happening and why to act now.

${words}
`);
}

}

/** The English site's wasm in a built site, brotli bytes. */
function wasmSize(dist) {
  const wasm = readdirSync(dist).filter((f) => /^truah-campaign-[0-9a-f]+_bg\.wasm$/.test(f));
  if (wasm.length !== 1) throw new Error(`content growth: ${dist} has ${wasm.length} site wasm files; build it first (make dist)`);
  return brotliCompressSync(readFileSync(join(dist, wasm[0])), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
}

const at = process.argv.indexOf("--add-to");
if (at >= 0) {
  addTo(process.argv[at + 1]);
  console.log(`content growth: ${EXTRA} more actions and ${EXTRA} more issues in ${process.argv[at + 1]}`);
} else {
  const grown = "target/dist-subfolder";
  const count = (section) => readdirSync(join(grown, section)).filter((d) => d.startsWith("extra-")).length;
  if (count("act") !== EXTRA || count("issues") !== EXTRA) {
    throw new Error(`content growth: ${grown} was not built with the extra actions and issues (make dist)`);
  }
  const normal = wasmSize("dist");
  const bigger = wasmSize(grown);
  const diff = bigger - normal;
  console.log(`content growth: the site's wasm is ${(normal / 1024).toFixed(1)} KB brotli with content/, ${(bigger / 1024).toFixed(1)} KB with ${EXTRA} more actions and ${EXTRA} more issues (and the subfolder's base path): ${diff >= 0 ? "+" : ""}${diff} bytes (at most ${LIMIT}).`);
  if (diff > LIMIT) {
    console.error("content growth: the site's wasm grows with the content. Something compiles content into the hydrating build (see src/browser/).");
    process.exit(1);
  }
}
