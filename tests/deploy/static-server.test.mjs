// The dev static server (tests/support/static-server.mjs), which the browser tests, the bench and
// `make serve` use as a stand-in for GitHub Pages, Netlify and Cloudflare Pages: started as they
// start it, over a small folder of its own, and asked with raw request lines.
//   node --test tests/deploy/
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import { mkdtempSync, mkdirSync, writeFileSync } from "node:fs";
import { request } from "node:http";
import { createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

const SERVER = "tests/support/static-server.mjs";

/** A site: a home page, folders with their index.html, a file, 404.html. */
function site() {
  const dir = mkdtempSync(join(tmpdir(), "static-server-"));
  writeFileSync(join(dir, "index.html"), "<h1>home</h1>");
  writeFileSync(join(dir, "404.html"), "<h1>not found page</h1>");
  writeFileSync(join(dir, "app-0123456789abcdef.js"), "export {}");
  for (const folder of ["partners", "evil.example", "中文"]) {
    mkdirSync(join(dir, folder));
    writeFileSync(join(dir, folder, "index.html"), `<h1>${folder}</h1>`);
  }
  mkdirSync(join(dir, "embed"));
  writeFileSync(join(dir, "embed", "signup.html"), "<form></form>");
  return dir;
}

/** A port nobody listens on. */
async function freePort() {
  const probe = createServer();
  await new Promise((done) => probe.listen(0, "127.0.0.1", done));
  const { port } = probe.address();
  await new Promise((done) => probe.close(done));
  return port;
}

/** Starts the server as `make serve` does; resolves once it listens. */
async function serve(dir, ...args) {
  const port = await freePort();
  const child = spawn(process.execPath, [SERVER, "--dir", dir, "--port", String(port), ...args], { stdio: ["ignore", "pipe", "pipe"] });
  let stderr = "";
  child.stderr.on("data", (d) => (stderr += d));
  await new Promise((done, fail) => {
    child.stdout.on("data", (d) => d.toString().includes("serving") && done());
    child.on("exit", (code) => fail(new Error(`the server exited (${code}): ${stderr}`)));
  });
  return { port, child, stderr: () => stderr, stop: () => child.kill() };
}

/** One request with the path exactly as given (no URL parsing on the way). */
function get(port, path, method = "GET") {
  return new Promise((done, fail) => {
    const req = request({ host: "127.0.0.1", port, path, method, agent: false }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (d) => (body += d));
      res.on("end", () => done({ status: res.statusCode, headers: res.headers, body }));
    });
    req.on("error", fail);
    req.end();
  });
}

let dir, plain;
before(async () => {
  dir = site();
  plain = await serve(dir);
});
after(() => plain.stop());

test("files, folders and unknown paths answer as on GitHub Pages", async () => {
  const home = await get(plain.port, "/");
  assert.deepEqual([home.status, home.body, home.headers["content-type"]], [200, "<h1>home</h1>", "text/html; charset=utf-8"]);
  assert.equal((await get(plain.port, "/index.html")).body, "<h1>home</h1>");
  const js = await get(plain.port, "/app-0123456789abcdef.js");
  assert.deepEqual([js.status, js.headers["content-type"], js.headers["cache-control"]], [200, "text/javascript; charset=utf-8", "no-cache"]);
  assert.equal((await get(plain.port, "/partners/")).body, "<h1>partners</h1>");
  // A folder without its slash: redirected, keeping the query.
  const folder = await get(plain.port, "/partners");
  assert.deepEqual([folder.status, folder.headers.location], [301, "/partners/"]);
  assert.equal((await get(plain.port, "/partners?source=email&x")).headers.location, "/partners/?source=email&x");
  assert.equal((await get(plain.port, "/partners/index.html")).status, 200, "the folder's file itself is not redirected");
  for (const path of ["/no/such/page", "/partners/nothing", "/../../etc/passwd", "/%2E%2E/%2E%2E/etc/passwd"]) {
    const missing = await get(plain.port, path);
    assert.deepEqual([missing.status, missing.body], [404, "<h1>not found page</h1>"], path);
  }
  const head = await get(plain.port, "/partners/", "HEAD");
  assert.deepEqual([head.status, head.body], [200, ""]);
});

test("a folder redirect never leaves the site, however the path is written", async () => {
  // Each of these names the folder `evil.example/` of this site; without its slash, it is
  // redirected, and the Location must be a path here, never `//evil.example/` or `/\evil.example/`
  // (which browsers read as another site's address).
  for (const path of ["/%2F%2Fevil.example", "/%2Fevil.example", "//evil.example", "///evil.example", "/\\evil.example", "/%5Cevil.example", "/%2F%5Cevil.example", "/%5C%5Cevil.example", "/%2F/evil.example"]) {
    const res = await get(plain.port, `${path}?a=1`);
    assert.equal(res.status, 301, path);
    assert.equal(res.headers.location, "/evil.example/?a=1", path);
    assert.equal(new URL(res.headers.location, "http://site.example/").host, "site.example", path);
  }
  // What the redirect leads to is the folder's page.
  assert.equal((await get(plain.port, "/evil.example/")).body, "<h1>evil.example</h1>");
  // A folder whose name is not ASCII: the Location is percent-encoded, as a header must be.
  const named = await get(plain.port, "/%E4%B8%AD%E6%96%87");
  assert.deepEqual([named.status, named.headers.location], [301, "/%E4%B8%AD%E6%96%87/"]);
});

test("control characters in a path get 400, and the server keeps serving", async () => {
  // Each decodes to a path with a newline (or another control character) that resolves to a
  // folder (`%2F..` is a `/..` once decoded), so it would be redirected with that character in
  // its Location.
  for (const path of ["/%0a%2F..", "/partners/%0d%2F..", "/partners%0A%2F..", "/%0d%0aSet-Cookie:%20x=1%2F..", "/%09%2F..", "/%0a/..", "/%00%2F..", "/partners/%7f%2F..", "/%1b"]) {
    const res = await get(plain.port, path);
    assert.equal(res.status, 400, path);
    assert.equal(res.headers.location, undefined, path);
    assert.equal(res.headers["set-cookie"], undefined, path);
  }
  assert.equal((await get(plain.port, "/")).status, 200, "still up");
  assert.equal((await get(plain.port, "/%E0%A4%A")).status, 400, "a malformed escape");
  assert.equal(plain.child.exitCode, null);
});

test("an unexpected error answers 500 and does not stop the server", async () => {
  // --headers without a _headers file: every answer fails while it is being made.
  const broken = await serve(site(), "--headers");
  try {
    for (let i = 0; i < 2; i++) assert.equal((await get(broken.port, "/partners/")).status, 500);
    assert.equal(broken.child.exitCode, null);
  } finally {
    broken.stop();
  }
});

test("--base serves the site in a subfolder and nothing outside it", async () => {
  const sub = await serve(dir, "--base", "/campaigns/immigration/");
  try {
    assert.equal((await get(sub.port, "/campaigns/immigration/")).body, "<h1>home</h1>");
    assert.equal((await get(sub.port, "/campaigns/immigration/partners/")).body, "<h1>partners</h1>");
    assert.equal((await get(sub.port, "/campaigns/immigration/partners?x=1")).headers.location, "/campaigns/immigration/partners/?x=1");
    assert.equal((await get(sub.port, "/campaigns/immigration")).headers.location, "/campaigns/immigration/");
    // Only the slashes in front matter: after the base path, they are a path on this site.
    assert.equal((await get(sub.port, "//campaigns/immigration/evil.example")).headers.location, "/campaigns/immigration/evil.example/");
    assert.equal((await get(sub.port, "/campaigns/immigration/%2F%2Fevil.example")).headers.location, "/campaigns/immigration///evil.example/");
    for (const path of ["/", "/partners/", "/campaigns/immigrationx/", "/campaigns/"]) {
      const res = await get(sub.port, path);
      assert.deepEqual([res.status, res.body], [404, "<h1>not found page</h1>"], path);
    }
  } finally {
    sub.stop();
  }
});

test("--headers sends what _headers says, every matching rule combined as Netlify and Cloudflare do", async () => {
  const withHeaders = site();
  writeFileSync(
    join(withHeaders, "_headers"),
    [
      "# a comment",
      "/*",
      "  Content-Security-Policy: default-src 'self'",
      "  Access-Control-Allow-Origin: *",
      "/partners/",
      "  Cache-Control: max-age=60",
      "  Content-Security-Policy: frame-ancestors 'none'",
      "  X-Frame-Options: DENY",
      "/embed/*",
      "  X-Embed: yes",
      "/app-0123456789abcdef.js",
      "  Cache-Control: public, max-age=31536000, immutable",
      "",
    ].join("\n"),
  );
  const h = await serve(withHeaders, "--headers");
  try {
    const page = await get(h.port, "/partners/");
    assert.equal(page.status, 200);
    assert.equal(page.headers["access-control-allow-origin"], "*");
    assert.equal(page.headers["x-frame-options"], "DENY");
    assert.equal(page.headers["cache-control"], "max-age=60", "a rule's Cache-Control replaces the server's own");
    // A header two matching rules name: both values, in the file's order.
    assert.equal(page.headers["content-security-policy"], "default-src 'self', frame-ancestors 'none'");
    const js = await get(h.port, "/app-0123456789abcdef.js");
    assert.deepEqual(
      [js.headers["cache-control"], js.headers["content-security-policy"], js.headers["x-frame-options"]],
      ["public, max-age=31536000, immutable", "default-src 'self'", undefined],
    );
    const fragment = await get(h.port, "/embed/signup.html");
    assert.deepEqual([fragment.headers["x-embed"], fragment.headers["x-frame-options"], fragment.headers["access-control-allow-origin"]], ["yes", undefined, "*"]);
    // Rules follow the address asked for: an unknown one gets `/*` only, with 404.html.
    const missing = await get(h.port, "/nothing/");
    assert.deepEqual([missing.status, missing.headers["content-security-policy"], missing.headers["x-frame-options"]], [404, "default-src 'self'", undefined]);
    // Without --headers, none of it.
    assert.equal((await get(plain.port, "/partners/")).headers["access-control-allow-origin"], undefined);
  } finally {
    h.stop();
  }
});
