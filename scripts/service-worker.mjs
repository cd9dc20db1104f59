// Writes the service worker (js/sw.js) into a built site, once every language is built (it
// serves them all, from the site's root):
//
//   node scripts/service-worker.mjs <dist> <contract.json> [--release]
//
// What it keeps on the device from the start is listed from the build itself: each language's
// offline.json (the prerenderer's: each open action's page and the offline page), and, read
// from those pages, what they load to sign there (boot.js and its after-paint.js, outbox.js and count.js, the
// signer's script and wasm, the icon). The site's own wasm is left out: a kept page works
// without it, its links loading the kept pages. The list and a version made from every byte in
// it go into the worker, so a deploy that changes any of them is a new worker, and one that
// changes none is not. A page's bytes count as they are without its count (the prerenderer's
// digest of it): the scheduled build that only refreshes the counts makes the same sw.js, byte
// for byte, and visitors' devices fetch nothing again for it.
import * as esbuild from "esbuild";
import { createHash } from "node:crypto";
import { existsSync } from "node:fs";
import { readFile, writeFile } from "node:fs/promises";
import { join, posix } from "node:path";
import { contractFor, pathsRead } from "./contract-subset.mjs";

const [dist, contractFile] = process.argv.slice(2);
const release = process.argv.includes("--release");
if (!dist || !contractFile) {
  console.error("usage: node scripts/service-worker.mjs <dist> <contract.json> [--release]");
  process.exit(1);
}
const whole = JSON.parse(await readFile(contractFile, "utf8"));
const base = whole.basePath; // "/", "/campaigns/immigration/"

/** A path on the host as a path relative to the site's root. */
function relative(path) {
  if (!path.startsWith(base)) throw new Error(`service worker: ${path} is not under ${base}`);
  return path.slice(base.length);
}

/** An attribute of the first tag of this name carrying it, in a page's HTML. */
function attribute(html, tag, name) {
  for (const m of html.matchAll(new RegExp(`<${tag}\\b[^>]*>`, "g"))) {
    const a = m[0].match(new RegExp(`\\s${name}="?([^"\\s>]+)"?`));
    if (a) return a[1];
  }
  return null;
}

const hash = createHash("sha256");
const languages = {};
for (const folder of Object.values(whole.langs)) {
  const manifest = join(dist, folder, "offline.json");
  if (!existsSync(manifest)) throw new Error(`service worker: ${manifest} is missing; build every language first (scripts/build.sh)`);
  const { pages, offline, digests } = JSON.parse(await readFile(manifest, "utf8"));
  const files = new Set();
  for (const page of pages) {
    const html = await readFile(join(dist, folder, page, "index.html"), "utf8");
    const boot = attribute(html, "script", "src");
    const js = attribute(html, "script", "data-js");
    const signer = attribute(html, "script", "data-signer");
    const signerWasm = attribute(html, "script", "data-signer-wasm");
    const icon = html.match(/<link\b[^>]*\brel="?icon[\s">][^>]*>/)?.[0].match(/\shref="?([^"\s>]+)/)?.[1];
    if (!boot || !js || !signer || !signerWasm) throw new Error(`service worker: ${folder}${page} has no boot script tag`);
    // The signer's names are relative to the site's wasm's folder; the rest sit beside boot.js.
    const [bootDir, jsDir] = [posix.dirname(boot), posix.dirname(js)];
    const near = (dir, names) => names.map((name) => posix.join(dir, name));
    for (const path of [boot, ...near(bootDir, ["outbox.js", "count.js", "after-paint.js"]), ...near(jsDir, [signer, signerWasm]), icon].filter(Boolean)) {
      files.add(relative(path));
    }
  }
  const list = { files: [...files].sort(), pages: pages.map((p) => folder + p), offline: folder + offline };
  for (const path of list.files) hash.update(path).update(await readFile(join(dist, path)));
  for (const page of pages) {
    if (!digests?.[page]) throw new Error(`service worker: ${folder}offline.json has no digest of ${page}`);
    hash.update(folder + page).update(digests[page]);
  }
  languages[folder] = list;
}
hash.update(await readFile("js/sw.js")).update(await readFile("js/outbox.js")).update(await readFile("js/outbox-rules.js"));
const build = { version: hash.digest("hex").slice(0, 16), languages };

const entry = "js/sw.js";
await esbuild.build({
  entryPoints: [entry],
  outfile: join(dist, "sw.js"),
  bundle: true,
  format: "iife",
  target: "es2020",
  minify: release,
  legalComments: "none",
  logLevel: "warning",
  define: {
    __CONTRACT__: JSON.stringify(contractFor(whole, await pathsRead(entry))),
    __BUILD__: JSON.stringify(build),
  },
});
const count = Object.values(languages).reduce((n, l) => n + l.files.length + l.pages.length, 0);
console.log(`service worker: sw.js, version ${build.version}, ${count} files to keep from the start`);
