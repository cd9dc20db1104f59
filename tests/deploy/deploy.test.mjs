// The deploy recipes in deploy/, run against stand-ins: a fake `aws` that records what it was
// asked to upload (over a fake build of its own), and the CloudFront function called as
// CloudFront calls it. The last test reads the real build's dist/_headers.
//   node --test tests/deploy/
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync, spawn, spawnSync } from "node:child_process";
import { once } from "node:events";
import { createServer } from "node:http";
import { mkdtempSync, mkdirSync, writeFileSync, readFileSync, chmodSync, existsSync } from "node:fs";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { runInNewContext } from "node:vm";

/** The content-hashed files of the build: Trunk's hashes have 10 to 16 hex digits. */
const hashedFiles = () => execFileSync("ls", ["dist"]).toString().split("\n").filter((f) => /-[0-9a-f]{10,16}(_bg)?\.\w+$/.test(f));

// A build as scripts/build.sh writes it, with a few bytes in each file: English at the root,
// Spanish in es/, each with its own hashed files.
const FAKE_DIST = {
  "index.html": "<h1>home</h1>",
  "partners/index.html": "<h1>partners</h1>",
  "embed/index.html": "<h1>embed</h1>",
  "embed/signup.html": "<form></form>",
  "404.html": "<h1>not found</h1>",
  "_headers": "/*\n  X-Content-Type-Options: nosniff\n",
  "boot.js": "",
  "embed.js": "",
  "embed-generator.js": "",
  "share.png": "",
  "truah-campaign-df6d34d686d13a3.js": "",
  "truah-campaign-df6d34d686d13a3_bg.wasm": "",
  "signer-d3de6dff3390cfdb.js": "",
  "signer-d3de6dff3390cfdb_bg.wasm": "",
  "main-7f0221378dd8c8c7.css": "",
  "embed-0123456789abcdef.css": "",
  "favicon-89abcdef0123.svg": "",
  "es/index.html": "<h1>inicio</h1>",
  "es/embed/signup.html": "<form></form>",
  "es/truah-campaign-aaaaaaaaaaaa.js": "",
  "es/truah-campaign-aaaaaaaaaaaa_bg.wasm": "",
  "es/signer-bbbbbbbbbbbbbbbb_bg.wasm": "",
};
const isHashed = (path) => /-[0-9a-f]{10,16}(_bg)?\.[a-z0-9]+$/.test(path.split("/").pop());
const FAKE_HASHED = Object.keys(FAKE_DIST).filter(isHashed).sort();

/**
 * Runs deploy/s3-upload.sh on a fake build, with a stand-in `aws` that records its calls and
 * plays the bucket: `previous` is the deploy-manifest.txt already there (none if undefined),
 * `bucket` the keys it lists. Returns the calls, the manifest uploaded, and how the script ended.
 */
function s3Deploy({ previous, bucket = [], extra = {} } = {}) {
  const dir = mkdtempSync(join(tmpdir(), "s3-"));
  const dist = join(dir, "dist");
  for (const [path, text] of Object.entries({ ...FAKE_DIST, ...extra })) {
    mkdirSync(dirname(join(dist, path)), { recursive: true });
    writeFileSync(join(dist, path), text);
  }
  const bin = join(dir, "bin");
  mkdirSync(bin);
  if (previous !== undefined) writeFileSync(join(dir, "manifest"), previous);
  writeFileSync(join(dir, "listing"), bucket.length ? bucket.join("\n") + "\n" : "None\n");
  writeFileSync(
    join(bin, "aws"),
    `#!/bin/sh
printf '%s\\n' "$*" >> "${dir}/calls"
case "$*" in
  "s3 cp s3://my-bucket/deploy-manifest.txt -")
    [ -f "${dir}/manifest" ] || { echo 'fatal error: An error occurred (404) when calling the HeadObject operation: Key "deploy-manifest.txt" does not exist' >&2; exit 1; }
    cat "${dir}/manifest" ;;
  "s3 cp - s3://my-bucket/deploy-manifest.txt "*) cat > "${dir}/uploaded-manifest" ;;
  "s3api list-objects-v2 "*) cat "${dir}/listing" ;;
esac
`,
  );
  chmodSync(join(bin, "aws"), 0o755);
  const run = spawnSync("bash", ["deploy/s3-upload.sh", "my-bucket", dist], { env: { ...process.env, PATH: `${bin}:${process.env.PATH}` }, encoding: "utf8" });
  const read = (f) => (existsSync(join(dir, f)) ? readFileSync(join(dir, f), "utf8") : undefined);
  return { dist, status: run.status, stderr: run.stderr, calls: (read("calls") ?? "").trim().split("\n"), manifest: read("uploaded-manifest") };
}

/** The `--exclude` globs of an `aws s3 sync` call, as the CLI matches them (fnmatch: `*` matches
 *  any characters, `/` too). */
function syncExcludes(call) {
  const globs = [...call.matchAll(/--exclude (\S+)/g)].map((m) => m[1]);
  const regexes = globs.map((g) => new RegExp(`^${g.replace(/[.+^${}()|\\]/g, "\\$&").replaceAll("*", ".*").replaceAll("?", ".")}$`));
  return (path) => regexes.some((r) => r.test(path));
}

test("s3-upload.sh lets embeds read the bucket, gives hashed files a year, wasm its type, and pages no-cache", () => {
  const { dist, status, stderr, calls, manifest } = s3Deploy({ previous: "" });
  assert.equal(status, 0, stderr);
  assert.equal(calls[0], "s3api put-bucket-cors --bucket my-bucket --cors-configuration file://deploy/s3-cors.json");
  const cors = JSON.parse(readFileSync("deploy/s3-cors.json", "utf8")).CORSRules[0];
  assert.deepEqual([cors.AllowedOrigins, cors.AllowedMethods], [["*"], ["GET", "HEAD"]]);
  // English and Spanish: the site's JS and wasm, the signer's, the CSS and the icon.
  assert.equal(FAKE_HASHED.length, 10);
  for (const f of FAKE_HASHED) {
    const call = calls.find((c) => c.startsWith(`s3 cp ${dist}/${f} s3://my-bucket/${f} `));
    assert.ok(call, f);
    assert.match(call, /--cache-control public, max-age=31536000, immutable/);
    assert.equal(call.includes("--content-type application/wasm"), f.endsWith(".wasm"), f);
  }
  const syncs = calls.filter((c) => c.startsWith("s3 sync "));
  assert.equal(syncs.length, 1);
  const [sync] = syncs;
  assert.ok(sync.startsWith(`s3 sync ${dist}/ s3://my-bucket/ `), sync);
  assert.match(sync, /--cache-control no-cache --delete$/);
  // What the sync uploads (and, in the bucket, may delete): every file but the hashed ones,
  // _headers and the manifest, whatever the deploy the hashed files came from.
  const excluded = syncExcludes(sync);
  for (const f of Object.keys(FAKE_DIST)) assert.equal(excluded(f), isHashed(f) || f === "_headers", f);
  for (const old of ["truah-campaign-0000000000.js", "es/signer-ffffffffffffffff_bg.wasm", "main-0123456789abcd.css", "deploy-manifest.txt"]) assert.ok(excluded(old), old);
  // This deploy's manifest, written after the pages, checked on every visit.
  assert.equal(manifest, FAKE_HASHED.join("\n") + "\n");
  const write = calls.findIndex((c) => c.startsWith("s3 cp - s3://my-bucket/deploy-manifest.txt "));
  assert.ok(write > calls.indexOf(sync), "after the sync");
  assert.match(calls[write], /--cache-control no-cache/);
});

test("s3-upload.sh keeps the previous deploy's hashed files and deletes only older ones", () => {
  const previous = ["truah-campaign-1111111111111.js", "truah-campaign-1111111111111_bg.wasm", "signer-2222222222222222_bg.wasm", "main-7f0221378dd8c8c7.css", "es/signer-3333333333333333_bg.wasm"];
  const older = ["truah-campaign-0000000000aaaa.js", "signer-cccccccccccccccc_bg.wasm", "es/truah-campaign-0000000000bbbb_bg.wasm"];
  const others = ["index.html", "gone/index.html", "deploy-manifest.txt", "share.png"];
  const { status, stderr, calls, manifest } = s3Deploy({ previous: previous.join("\n") + "\n", bucket: [...FAKE_HASHED, ...previous, ...older, ...others].sort() });
  assert.equal(status, 0, stderr);
  // The manifest is read before anything is uploaded.
  assert.equal(calls[1], "s3 cp s3://my-bucket/deploy-manifest.txt -");
  const removed = calls.filter((c) => c.startsWith("s3 rm ")).map((c) => c.replace("s3 rm s3://my-bucket/", ""));
  assert.deepEqual(removed.sort(), [...older].sort());
  // Deleted last: after this deploy's files, its pages and its manifest are in place.
  const firstRemoval = calls.findIndex((c) => c.startsWith("s3 rm "));
  assert.ok(firstRemoval > calls.findIndex((c) => c.includes("deploy-manifest.txt --cache-control")));
  assert.equal(manifest, FAKE_HASHED.join("\n") + "\n", "this deploy's names only");
});

test("s3-upload.sh deletes no hashed file when there is no previous manifest", () => {
  const { status, stderr, calls, manifest } = s3Deploy({ bucket: ["truah-campaign-0000000000aaaa.js", "index.html"] });
  assert.equal(status, 0, stderr);
  assert.match(stderr, /no previous deploy-manifest.txt/);
  assert.deepEqual(calls.filter((c) => c.startsWith("s3 rm ")), []);
  assert.equal(manifest, FAKE_HASHED.join("\n") + "\n", "the first manifest");
});

test("s3-upload.sh stops if the sync would leave out a file that is not hashed", () => {
  // `*-<10 hex>.*` also matches this name, which is not a hashed file's.
  const { status, stderr, calls } = s3Deploy({ previous: "", extra: { "notes-0123456789.tar.gz": "" } });
  assert.equal(status, 1);
  assert.match(stderr, /notes-0123456789\.tar\.gz/);
  assert.ok(!calls.some((c) => c.startsWith("s3 sync ") || c.startsWith("s3 cp /")), "nothing uploaded");
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
  assert.match(headers, /^\/\*\n  Content-Security-Policy: default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; worker-src 'self'; style-src 'self'( 'sha256-[A-Za-z0-9+\/=]+')+; /m);
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

/* ---- The count files, and the scheduled count refresh on every host ---- */

test("s3-upload.sh gives the count files the site serves itself a short life, not no-cache and not a year", () => {
  const { dist, status, stderr, calls } = s3Deploy({ previous: "", extra: { "counts/p-1.json": '{"count":3}' } });
  assert.equal(status, 0, stderr);
  const sync = calls.find((c) => c.startsWith("s3 sync "));
  assert.ok(syncExcludes(sync)("counts/p-1.json"), sync);
  assert.ok(calls.includes(`s3 cp ${dist}/counts s3://my-bucket/counts --recursive --cache-control public, max-age=300 --content-type application/json`), calls.join("\n"));
});

/** A server that records the requests it gets, until the test ends; its address. */
async function hookServer(t) {
  const got = [];
  const server = createServer((req, res) => {
    got.push(`${req.method} ${req.url}`);
    res.writeHead(200);
    res.end("{}");
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  t.after(() => server.close());
  return { url: `http://127.0.0.1:${server.address().port}/hook/abc`, got };
}

test("GitHub Pages rebuilds every hour with the API key, which only the build sees", () => {
  const workflow = readFileSync("deploy/github-pages.yml", "utf8");
  assert.match(workflow, /\n {2}schedule:\n {4}- cron: "17 \* \* \* \*"\n/);
  assert.match(workflow, /\n {6}OSDI_API_TOKEN: \$\{\{ secrets\.OSDI_API_TOKEN \}\}\n/);
  assert.match(workflow, /\n {6}- run: PATH="\$PWD\/node_modules\/\.bin:\$PATH" scripts\/build\.sh\n/);
});

test("Netlify's scheduled function starts a build every hour through the build hook", async (t) => {
  const hook = await hookServer(t);
  const fn = await import(`../../deploy/netlify/refresh-counts.mjs?${Date.now()}`);
  assert.equal(fn.config.schedule, "17 * * * *");
  process.env.COUNTS_BUILD_HOOK = hook.url;
  try {
    const answer = await fn.default(new Request("http://localhost/"), {});
    assert.equal(answer.status, 204);
  } finally {
    delete process.env.COUNTS_BUILD_HOOK;
  }
  assert.deepEqual(hook.got, ["POST /hook/abc"]);
  // Without a hook it says so, and starts nothing.
  assert.equal((await fn.default(new Request("http://localhost/"), {})).status, 500);
  assert.deepEqual(hook.got, ["POST /hook/abc"]);
});

test("Cloudflare's cron worker starts a Pages build every hour through the deploy hook", async (t) => {
  const hook = await hookServer(t);
  const worker = (await import("../../deploy/cloudflare-refresh-counts.js")).default;
  const waited = [];
  await worker.scheduled({ cron: "17 * * * *" }, { COUNTS_DEPLOY_HOOK: hook.url }, { waitUntil: (p) => waited.push(p) });
  await Promise.all(waited);
  assert.deepEqual(hook.got, ["POST /hook/abc"]);
});

test("the S3 refresh reads the counts with the API key and uploads the count files alone", { timeout: 120_000 }, async (t) => {
  // A count source that answers as Action Network does, with the key: the local receiver.
  const token = "refresh-test-token-0123456789";
  const dir = mkdtempSync(join(tmpdir(), "refresh-"));
  const child = spawn("target/debug/signup-receiver", ["--addr", "127.0.0.1:0", "--data", join(dir, "s.jsonl"), "--api-token", token, "--rate-limit", "0"], { stdio: ["ignore", "pipe", "ignore"] });
  t.after(() => child.kill());
  const [line] = await once(child.stdout, "data");
  const base = line.toString().match(/http:\/\/[0-9.:]+/)[0];
  const body = { person: { given_name: "Ana", email_addresses: [{ address: "ana@example.org", primary: true }] }, identifiers: ["truah_campaign:00000000-0000-4000-8000-000000000001"], add_tags: [] };
  assert.ok((await fetch(`${base}/osdi/petitions/p-1/record_signature_helper`, { method: "POST", headers: { "content-type": "application/json" }, body: JSON.stringify(body) })).ok);
  const config = join(dir, "signup.toml");
  writeFileSync(config, `adapter = "osdi"
signup_form = "updates"
count_url = "counts/{petition}.json"
count_api_url = "${base}/osdi/petitions/{petition}"
[addresses]
petition = "${base}/osdi/petitions/{petition}/record_signature_helper"
signup = "${base}/osdi/forms/{form}/record_submission_helper"
[petitions]
guantanamo = "p-1"
`);
  const bin = join(dir, "bin");
  mkdirSync(bin);
  writeFileSync(join(bin, "aws"), `#!/bin/sh\nprintf '%s\\n' "$*" >> "${dir}/calls"\ncase "$3" in */counts) cp "$3/p-1.json" "${dir}/uploaded.json" ;; esac\n`);
  chmodSync(join(bin, "aws"), 0o755);
  const run = spawnSync("bash", ["deploy/s3-refresh-counts.sh", "my-bucket"], {
    env: { ...process.env, PATH: `${bin}:${process.env.PATH}`, SIGNUP_CONFIG: config, OSDI_API_TOKEN: token, SITE_URL: "http://127.0.0.1:9" },
    encoding: "utf8",
  });
  assert.equal(run.status, 0, run.stderr + run.stdout);
  const calls = readFileSync(join(dir, "calls"), "utf8").trim().split("\n");
  assert.equal(calls.length, 1, calls.join("\n"));
  assert.match(calls[0], /^s3 cp \S+\/counts s3:\/\/my-bucket\/counts --recursive --cache-control public, max-age=300 --content-type application\/json$/);
  assert.equal(JSON.parse(readFileSync(join(dir, "uploaded.json"), "utf8")).count, 1);
  assert.ok(!readFileSync(join(dir, "uploaded.json"), "utf8").includes(token), "the key is used, never written");
});
