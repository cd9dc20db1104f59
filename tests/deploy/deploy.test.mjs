// The deploy recipes in deploy/, run against stand-ins: a fake `aws` that records what it was
// asked to upload, and the CloudFront function called as CloudFront calls it.
//   node --test tests/deploy/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, chmodSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { runInNewContext } from "node:vm";

/** The content-hashed files of the build: Trunk's hashes have 10 to 16 hex digits. */
const hashedFiles = () => execFileSync("ls", ["dist"]).toString().split("\n").filter((f) => /-[0-9a-f]{10,16}(_bg)?\.\w+$/.test(f));

test("s3-upload.sh lets embeds read the bucket, gives hashed files a year, wasm its type, and pages no-cache", () => {
  const dir = mkdtempSync(join(tmpdir(), "s3-"));
  const bin = join(dir, "bin");
  mkdirSync(bin);
  const log = join(dir, "calls");
  writeFileSync(join(bin, "aws"), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${log}"\n`);
  chmodSync(join(bin, "aws"), 0o755);
  execFileSync("bash", ["deploy/s3-upload.sh", "my-bucket", "dist"], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` } });
  const calls = readFileSync(log, "utf8").trim().split("\n");
  const hashed = hashedFiles();
  assert.equal(calls.length, hashed.length + 2);
  assert.equal(calls[0], "s3api put-bucket-cors --bucket my-bucket --cors-configuration file://deploy/s3-cors.json");
  const cors = JSON.parse(readFileSync("deploy/s3-cors.json", "utf8")).CORSRules[0];
  assert.deepEqual([cors.AllowedOrigins, cors.AllowedMethods], [["*"], ["GET", "HEAD"]]);
  for (const f of hashed) {
    const call = calls.find((c) => c.startsWith(`s3 cp dist/${f} s3://my-bucket/${f} `));
    assert.ok(call, f);
    assert.match(call, /--cache-control public, max-age=31536000, immutable/);
    if (f.endsWith(".wasm")) assert.match(call, /--content-type application\/wasm/);
  }
  const sync = calls.at(-1);
  assert.match(sync, /^s3 sync dist\/ s3:\/\/my-bucket\/ --exclude _headers /);
  for (const f of hashed) assert.ok(sync.includes(`--exclude ${f}`), f);
  assert.match(sync, /--cache-control no-cache --delete$/);
});

test("the CloudFront function serves folders' index.html and adds the slash", () => {
  // As CloudFront runs it: the file's code, alone, then its handler.
  const handler = runInNewContext(`${readFileSync("deploy/cloudfront-index.js", "utf8")}; handler`);
  assert.equal(handler({ request: { uri: "/partners/", querystring: {} } }).uri, "/partners/index.html");
  assert.equal(handler({ request: { uri: "/", querystring: {} } }).uri, "/index.html");
  assert.equal(handler({ request: { uri: "/boot.js", querystring: {} } }).uri, "/boot.js");
  const redirect = handler({ request: { uri: "/act/guantanamo", querystring: { source: { value: "email" } } } });
  assert.equal(redirect.statusCode, 301);
  assert.equal(redirect.headers.location.value, "/act/guantanamo/?source=email");
});

test("the CloudFront function never sends a visitor to another site", () => {
  const handler = runInNewContext(`${readFileSync("deploy/cloudfront-index.js", "utf8")}; handler`);
  const site = "https://site.example/";
  const hostile = [
    "//evil.example/x", "///evil.example/x", "/\\evil.example/x", "/\\/evil.example/x", "\\\\evil.example/x", "//\\evil.example/x",
    "/\t/evil.example/x", "/\n/evil.example/x",
    // As the viewer sent them: CloudFront passes the path encoded.
    "/%2F%2Fevil.example/x", "/%2Fevil.example/x", "/%5Cevil.example/x", "/%2F%5Cevil.example/x",
    // And decoded, in case it ever does.
    decodeURIComponent("/%2F%2Fevil.example/x"), decodeURIComponent("/%5Cevil.example/x"),
  ];
  for (const uri of hostile) {
    const out = handler({ request: { uri, querystring: { a: { value: "1" } } } });
    assert.equal(out.statusCode, 301, JSON.stringify(uri));
    const location = out.headers.location.value;
    assert.match(location, /^\/[^/\\\t\n\r]/, JSON.stringify(uri));
    assert.equal(new URL(location, site).origin, "https://site.example", `${JSON.stringify(uri)} → ${location}`);
    assert.ok(location.endsWith("/?a=1"), location);
  }
  // The slashes collapse to one, and the path keeps its meaning on this site.
  assert.equal(handler({ request: { uri: "//evil.example/x", querystring: {} } }).headers.location.value, "/evil.example/x/");
  assert.equal(handler({ request: { uri: "//partners", querystring: {} } }).headers.location.value, "/partners/");
  assert.equal(handler({ request: { uri: "///partners/", querystring: {} } }).uri, "/partners/index.html");
  assert.equal(handler({ request: { uri: "/\\boot.js", querystring: {} } }).uri, "/boot.js");
  assert.equal(handler({ request: { uri: "//", querystring: {} } }).uri, "/index.html");
  // A last segment with a dot is a file: passed on to S3, as a path on this site.
  assert.equal(handler({ request: { uri: "//\\evil.example", querystring: {} } }).uri, "/evil.example");
});

test("the built _headers file covers every page, every hashed file and the wasm type", () => {
  const headers = readFileSync("dist/_headers", "utf8");
  assert.match(headers, /^\/\*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self';/m);
  assert.match(headers, /frame-ancestors 'none'/);
  assert.match(headers, /^\/\*\n(  .+\n)*  Access-Control-Allow-Origin: \*\n/m);
  for (const page of ["/", "/partners/", "/act/guantanamo/", "/404.html", "/boot.js", "/embed.js", "/embed/", "/embed/act/guantanamo.html", "/embed/signup.html", "/es/", "/es/partners/", "/es/act/guantanamo/", "/es/embed/act/guantanamo.html"]) {
    assert.ok(headers.includes(`\n${page}\n  Cache-Control: no-cache\n`), page);
  }
  // One policy for the whole site: the Spanish build adds only its own paths.
  assert.equal(headers.match(/^\/\*$/gm).length, 1);
  const spanish = execFileSync("ls", ["dist/es"]).toString().split("\n").filter((f) => /-[0-9a-f]{10,16}(_bg)?\.\w+$/.test(f));
  assert.ok(spanish.some((f) => f.endsWith("_bg.wasm")), spanish.join(" "));
  for (const f of spanish) assert.ok(headers.includes(`\n/es/${f}\n  Cache-Control: public, max-age=31536000, immutable\n`), `es/${f}`);
  const files = hashedFiles();
  // The site's JS and wasm, the signer's, the CSS and the icon.
  assert.ok(files.length >= 6, files.join(" "));
  for (const f of files) {
    assert.ok(headers.includes(`\n/${f}\n  Cache-Control: public, max-age=31536000, immutable\n`), f);
    if (f.endsWith(".wasm")) assert.ok(headers.includes(`\n/${f}\n  Cache-Control: public, max-age=31536000, immutable\n  Content-Type: application/wasm\n`), f);
  }

  // Framing: every page refuses it, and the embed's files (which other websites load into their
  // own pages) carry neither framing header, from any rule (core/src/deploy.rs, `headers_file`).
  const framing = (path) => headersFor(headers, path).filter(([name, value]) => name === "x-frame-options" || value.includes("frame-ancestors"));
  for (const page of ["/", "/partners/", "/act/guantanamo/", "/embed/", "/404.html", "/es/", "/es/partners/", "/es/act/guantanamo/", "/es/404.html"]) {
    const h = headersFor(headers, page);
    assert.deepEqual(h.filter(([n]) => n === "x-frame-options"), [["x-frame-options", "DENY"]], page);
    assert.ok(h.some(([n, v]) => n === "content-security-policy" && v.endsWith("; frame-ancestors 'none'")), page);
  }
  const spanishEmbeds = spanish.filter((f) => /^(embed|signer)-/.test(f)).map((f) => `/es/${f}`);
  const embeds = [...files.filter((f) => /^(embed|signer)-/.test(f)).map((f) => `/${f}`), ...spanishEmbeds];
  // The stylesheet, and the signer's JS and wasm, in both languages.
  assert.equal(embeds.length, 6, embeds.join(" "));
  for (const path of [...embeds, "/embed.js", "/es/embed.js", "/embed/act/guantanamo.html", "/embed/signup.html", "/es/embed/act/guantanamo.html"]) {
    assert.deepEqual(framing(path), [], path);
    assert.ok(headersFor(headers, path).some(([n, v]) => n === "content-security-policy" && v.startsWith("default-src 'self';")), path);
  }
});

/** What a path gets from a `_headers` file when every matching rule applies (Netlify,
 *  Cloudflare Pages): `[name, value]` pairs, in the file's order. */
function headersFor(file, path) {
  const out = [];
  let matching = false;
  for (const line of file.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) matching = line.endsWith("*") ? path.startsWith(line.slice(0, -1)) : line === path;
    else if (matching) {
      const at = line.indexOf(":");
      out.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
    }
  }
  return out;
}
