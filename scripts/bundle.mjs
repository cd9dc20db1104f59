// The site's own JavaScript and the embed's stylesheet, for the build (scripts/post-build.sh):
//
//   node scripts/bundle.mjs <staging dir> <signer js> <signer wasm> <contract.json> --lang <lang> [--release]
//
// - js/boot.js, js/after-paint.js, js/embed.js, js/embed-generator.js and js/count.js become
//   boot.js, after-paint.js (which boot.js loads once the page is painted), embed.js,
//   embed-generator.js and count.js (loaded once a page has a count), each one file (they share
//   js/lazy-signer.js, js/waiting.js and js/contract.js), minified for release.
//   `__CONTRACT__` is the contract.json the prerenderer wrote.
//   Their names never change (the snippet and the page shell name them); the files they load
//   are content-hashed.
// - embed-generator.css: style/builder.css, the /embed/ page's own styles.
// - embed-<hash>.css: style/main.css with every rem turned into em (inside another site's page,
//   sizes follow the embed's frame, not the host's root font size), then style/embed.css.
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { readFile, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { contractFor, pathsRead } from "./contract-subset.mjs";

const [staging, signer, signerWasm, contract] = process.argv.slice(2);
const release = process.argv.includes("--release");
// The build's language: the site's own pages are all in it (an embed, on another site, is in
// whichever its snippet says).
const lang = process.argv[process.argv.indexOf("--lang") + 1];
if (!staging || !signer || !signerWasm || !contract || !process.argv.includes("--lang")) {
  console.error("usage: node scripts/bundle.mjs <staging dir> <signer js> <signer wasm> <contract.json> --lang <lang> [--release]");
  process.exit(1);
}

/** main.css for the shadow root: rem → em. */
export function forEmbed(css) {
  return css.replace(/(\d*\.?\d+)rem\b/g, "$1em");
}

// The generator page's own styles (a fixed name: its page names it).
const builder = await esbuild.transform(await readFile("style/builder.css", "utf8"), { loader: "css", minify: release });
await writeFile(join(staging, "embed-generator.css"), builder.code);

const css = forEmbed(await readFile("style/main.css", "utf8")) + "\n" + (await readFile("style/embed.css", "utf8"));
const { code } = await esbuild.transform(css, { loader: "css", minify: release });
const hash = createHash("sha256").update(code).digest("hex").slice(0, 16);
const cssName = `embed-${hash}.css`;
await writeFile(join(staging, cssName), code);

// The names shared with the Rust code (campaign_core::contract), as the prerenderer wrote them.
// Each bundle gets only the names its own code reads (scripts/contract-subset.mjs): boot.js is on
// every first view, and the embed's words, the generator's ids and the count's steps would only
// weigh it down. boot.js takes only its build's language's words: the site's own pages are all
// in it (an embed, on another site, is in whichever language its snippet says).
const whole = JSON.parse(await readFile(contract, "utf8"));

// Each bundle by the name it is written under, with its entry in js/. outbox.js is the outbox
// as a page uses it, loaded only when a form is used or something waits to be sent.
const bundles = {
  boot: { lang },
  embed: {},
  "embed-generator": {},
  count: {},
  // A letter's list of signers: its filter, and the visitor's own name (js/own-listing.js).
  signers: {},
  "after-paint": {},
  outbox: { entry: "js/outbox-page.js" },
  // Event mode's side (the staff panel, the event's vault): loaded for a tab in event mode only.
  event: { entry: "js/event-mode.js" },
};
for (const [name, { entry = `js/${name}.js`, ...options }] of Object.entries(bundles)) {
  const names = contractFor(whole, await pathsRead(entry), options);
  await esbuild.build({
    entryPoints: { [name]: entry },
    outdir: staging,
    bundle: true,
    format: "esm",
    target: "es2020",
    minify: release,
    legalComments: "none",
    logLevel: "warning",
    define: {
      __EMBED_ASSETS__: JSON.stringify({ css: cssName, signer, signerWasm }),
      __CONTRACT__: JSON.stringify(names),
    },
  });
}
console.log(`bundle: ${Object.keys(bundles).map((b) => `${b}.js`).join(", ")}, embed-generator.css and ${cssName}`);
