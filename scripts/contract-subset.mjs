// The part of the contract (campaign_core::contract, as the prerenderer wrote it) a bundle's
// code reads, for scripts/bundle.mjs and scripts/service-worker.mjs: each bundle gets only the
// names its own code reads, found in its source files as esbuild resolves them, by what follows
// each `C.` there (`C.attr.sign` takes that attribute; `C.kinds` whole, or `C.kinds[…]`, takes
// every kind). A name the code reads that the contract lacks stops the build; one read in a way
// this misses throws at once in the browser (js/contract.js), where the tests see it.
import * as esbuild from "esbuild";
import { readFile } from "node:fs/promises";

/** The paths into the contract that a bundle's sources read: ["attr", "sign"], ["kinds"]… */
export async function pathsRead(entry) {
  const { metafile } = await esbuild.build({ entryPoints: [entry], bundle: true, write: false, metafile: true, format: "esm", logLevel: "silent", define: { __CONTRACT__: "{}", __EMBED_ASSETS__: "{}" } });
  const paths = [];
  // The bundle's own files (esbuild also lists what `define` stands in for, as `<define:…>`).
  for (const input of Object.keys(metafile.inputs).filter((i) => !i.startsWith("<"))) {
    const code = (await readFile(input, "utf8")).replace(/\/\*[\s\S]*?\*\//g, "").replace(/(^|[^:])\/\/.*$/gm, "$1");
    for (const m of code.matchAll(/\bC((?:\.[A-Za-z_]\w*)+)/g)) paths.push(m[1].slice(1).split("."));
  }
  return paths;
}

/** The part of the contract at these paths (each with all that is under it; a path that goes
 *  on past a name's value, as `C.partId.replace` or `C.prefill.some`, stops at the value: a
 *  string, a number or a list). */
export function contractFor(whole, paths, { lang } = {}) {
  const out = {};
  for (const path of paths) {
    let [from, to] = [whole, out];
    for (const [i, key] of path.entries()) {
      if (from === null || typeof from !== "object" || !Object.hasOwn(from, key)) {
        throw new Error(`bundle.mjs: the contract has no ${path.slice(0, i + 1).join(".")} (campaign_core::contract)`);
      }
      const value = from[key];
      if (i === path.length - 1 || value === null || typeof value !== "object" || Array.isArray(value)) {
        to[key] = value;
        break;
      }
      // Already there whole.
      if (to[key] === value) break;
      to[key] ??= {};
      [from, to] = [value, to[key]];
    }
  }
  if (lang && out.formWords) out.formWords = { [lang]: whole.formWords[lang] };
  return out;
}

