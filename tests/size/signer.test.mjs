// The signer (the forms' behaviour: its wasm and wasm-bindgen's JS) stays within 50 KB brotli,
// what a visitor on a slow phone downloads to sign (issue 25; README, "Size"). Sizes are the
// build's, not timings, so they are the same on every machine: a change that grows the signer
// past its budget stops here, and `make bench` with twiggy shows where the bytes went.
//   node --test tests/size/        (make test runs it, after `make dist`)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { brotliCompressSync, constants } from "node:zlib";

const BUDGET = 50 * 1024;
const brotli = (buf) => brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

test("the signer is at most 50 KB brotli, its wasm and its JS together", () => {
  const page = readFileSync(join("dist", "index.html"), "utf8");
  const files = [...page.matchAll(/data-signer(?:-wasm)?=(?:"([^"]+)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2]);
  assert.deepEqual(files.map((f) => f.split(".").pop()).sort(), ["js", "wasm"], `the page names the signer's two files: ${files}`);
  const sizes = files.map((f) => [f, brotli(readFileSync(join("dist", f)))]);
  const total = sizes.reduce((sum, [, n]) => sum + n, 0);
  const shown = sizes.map(([f, n]) => `${f} ${(n / 1024).toFixed(2)} KB`).join(", ");
  assert.ok(total <= BUDGET, `the signer is ${(total / 1024).toFixed(2)} KB brotli (${shown}), over its ${BUDGET / 1024} KB`);
});
