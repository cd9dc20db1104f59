// Shortens the names a wasm module and its wasm-bindgen glue share, in both.
//
//   node scripts/minify-wasm-names.mjs NAMES.json GLUE.js
//
// wasm-bindgen names each import after its function and a 16-hex-digit hash
// (`__wbg_setAttribute_0123456789abcdef`), and each closure shim export likewise: about 150
// names that brotli cannot pack, once in the wasm and once in the glue. Binaryen renames them
// in the wasm (`wasm-opt --minify-imports-and-exports-and-modules`, which prints the renaming
// as JSON: NAMES.json); this applies the same renaming to the glue: the import object's
// module name and keys, and the glue's `wasm.<export>` uses. It fails, leaving the glue as it
// was, if any old name is left in the glue afterwards or a new one was already there, so a
// wasm-bindgen that writes its glue differently stops the build instead of shipping a signer
// that cannot link. (scripts/post-build.sh runs it on the signer's release build; README,
// "Size".)
import { readFileSync, writeFileSync } from "node:fs";

const [namesFile, glueFile] = process.argv.slice(2);
if (!namesFile || !glueFile) {
  console.error("usage: node scripts/minify-wasm-names.mjs NAMES.json GLUE.js");
  process.exit(2);
}
const names = JSON.parse(readFileSync(namesFile, "utf8"));
let glue = readFileSync(glueFile, "utf8");
const fail = (why) => {
  console.error(`minify-wasm-names: ${why}`);
  process.exit(1);
};
const escape = (s) => s.replace(/[$.*+?^(){}|[\]\\]/g, "\\$&");
const identifier = /^[A-Za-z_$][\w$]*$/;

const replace = (pattern, to, what) => {
  const before = glue;
  glue = glue.replace(pattern, to);
  if (glue === before) fail(`${what} not found in ${glueFile}`);
};

// binaryen puts every import in one module, "a"; the glue's import object must name it so.
// The signer's glue has one module (its own `./signer_bg.js`); one with more (inline JS
// snippets) would need its import objects merged, which this does not do.
const modules = [...new Set(names.imports.map(([module]) => module))];
if (modules.length !== 1) fail(`imports from ${modules.length} modules, not 1: ${modules}`);
replace(
  new RegExp(`(["'])${escape(modules[0])}\\1\\s*:`),
  "a:",
  `the import object's module ${modules[0]}`,
);
for (const [, old, renamed] of names.imports) {
  if (!identifier.test(renamed)) fail(`import ${old} renamed to ${renamed}, not a name`);
  replace(new RegExp(`(^|[\\s{,])${escape(old)}(?=\\s*:)`, "gm"), `$1${renamed}`, `import ${old}`);
}
for (const [old, renamed] of names.exports) {
  if (!identifier.test(renamed)) fail(`export ${old} renamed to ${renamed}, not a name`);
  // Not every export is used by the glue (the runtime's own `__abort_handler`, say).
  glue = glue.replace(new RegExp(`\\bwasm\\.${escape(old)}\\b`, "g"), `wasm.${renamed}`);
}

// No old name may be left where the wasm is linked: an import's key, or a `wasm.` use of an
// export. (The glue's own functions may keep names like an export's: terser shortens those.)
const left = [
  ...names.imports.map(([, o]) => o).filter((o) => new RegExp(`\\b${escape(o)}\\s*:`).test(glue)),
  ...names.exports.map(([o]) => o).filter((o) => new RegExp(`\\bwasm\\.${escape(o)}\\b`).test(glue)),
];
if (left.length) fail(`left in ${glueFile}: ${left.slice(0, 5).join(", ")}`);
writeFileSync(glueFile, glue);
