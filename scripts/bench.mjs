// Size benchmark: every file in dist/ with raw, gzip and brotli sizes, the bytes a first visit
// to each page downloads, and what each crate costs in the wasm (twiggy).
//
//   make bench            (builds the release site first)
//   node scripts/bench.mjs [dist]
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";

const dist = process.argv[2] ?? "dist";
const BUDGET = 130 * 1024;
const AIM = 100 * 1024;

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const table = files(dist)
  .map((path) => ({ file: relative(dist, path), ...sizes(readFileSync(path)) }))
  .sort((a, b) => b.br - a.br);

console.log(`\nFiles in ${dist}/ (KB)`);
console.log(`${"file".padEnd(48)}${"raw".padStart(8)}${"gzip".padStart(8)}${"brotli".padStart(8)}`);
for (const r of table) console.log(`${r.file.padEnd(48)}${kb(r.raw)}${kb(r.gzip)}${kb(r.br)}`);

// What the browser fetches for a first view of a page: the HTML, and every asset it names.
function firstView(htmlFile) {
  const html = readFileSync(join(dist, htmlFile), "utf8");
  const refs = new Set([htmlFile]);
  for (const m of html.matchAll(/(?:href|src|data-js|data-wasm)=(?:"([^"]+)"|([^\s>"]+))/g)) {
    const url = m[1] ?? m[2];
    if (/^(https?:)?\/\//.test(url) || url.startsWith("#") || url.startsWith("data:")) continue;
    const path = url.replace(/^\//, "").split(/[?#]/)[0];
    if (existsSync(join(dist, path)) && statSync(join(dist, path)).isFile()) refs.add(path);
  }
  const rows = [...refs].map((f) => table.find((r) => r.file === f)).filter(Boolean);
  return { rows, br: rows.reduce((s, r) => s + r.br, 0), raw: rows.reduce((s, r) => s + r.raw, 0) };
}

const first = firstView("index.html");
console.log(`\nFirst visit to / downloads (KB):`);
for (const r of first.rows) console.log(`  ${r.file.padEnd(46)}${kb(r.br)} brotli`);
const verdict = first.br <= AIM ? "within the 100 KB aim" : first.br <= BUDGET ? "within the 130 KB budget, over the 100 KB aim" : "OVER the 130 KB budget";
console.log(`  ${"total".padEnd(46)}${kb(first.br)} brotli (${kb(first.raw).trim()} raw): ${verdict}`);

// The signer: the forms' behaviour, fetched when a visitor starts filling in a form (or an
// earlier visit left a signature waiting), never as part of a first view.
const shell = readFileSync(join(dist, "index.html"), "utf8");
const signerFiles = [...shell.matchAll(/data-signer(?:-wasm)?=(?:"([^"]+)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2]);
const signerRows = signerFiles.map((f) => table.find((r) => r.file === f)).filter(Boolean);
console.log(`\nStarting to fill in a form then loads the signer (KB):`);
for (const r of signerRows) console.log(`  ${r.file.padEnd(46)}${kb(r.br)} brotli`);
console.log(`  ${"total".padEnd(46)}${kb(signerRows.reduce((s, r) => s + r.br, 0))} brotli`);

// Crate by crate: twiggy on each wasm as wasm-bindgen leaves it, with its names kept (the shipped
// file is the same code after wasm-opt, which strips the names).
let twiggy = true;
try {
  execFileSync("twiggy", ["--version"], { stdio: "ignore" });
} catch {
  twiggy = false;
  console.log("\n(twiggy is needed for the per-crate tables: `cargo install twiggy`)");
}
function crates(title, raw, named) {
  if (!twiggy || !existsSync(raw)) return;
  execFileSync("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-dir", "target/bench", raw], { stdio: "ignore" });
  const items = JSON.parse(execFileSync("twiggy", ["top", "-n", "100000", "-f", "json", named], { maxBuffer: 1 << 28 }).toString());
  const byCrate = new Map();
  for (const item of items) {
    // Custom sections (names, wasm-bindgen's metadata) are not shipped: wasm-opt drops them.
    if (/^custom section|subsection$/.test(item.name)) continue;
    // The first crate path in the name: `<char as core::fmt::Debug>::fmt` is core's,
    // `<T as tachys::view::Render>::build` is tachys'.
    const m = item.name.match(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    const crate = m ? m[1] : /^data segment|^data\[/.test(item.name) ? "(data: strings, tables)" : "(glue, unnamed)";
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + item.shallow_size);
  }
  const total = [...byCrate.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${title}: what each crate costs before wasm-opt (twiggy, shallow bytes of ${named}):`);
  for (const [crate, bytes] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${crate.padEnd(32)}${kb(bytes)} KB ${((100 * bytes) / total).toFixed(1).padStart(5)}%`);
  }
}
crates("The site", "target/wasm32-unknown-unknown/release/truah-campaign.wasm", "target/bench/truah-campaign_bg.wasm");
crates("The signer", "target/wasm32-unknown-unknown/release/campaign_signer.wasm", "target/bench/campaign_signer_bg.wasm");
