// A plain static file server that behaves like GitHub Pages: files are served as they are, a
// folder serves its index.html, and any unknown path gets 404.html with status 404. No
// rewrites, so a test passes here only if it would pass on a real static host.
// With --headers, it also sends what the site's `_headers` file says, as Netlify and
// Cloudflare Pages do (exact paths, and `/*`-style prefixes).
//
//   node tests/support/static-server.mjs --dir dist --port 8080 [--base /campaigns/immigration] [--headers]
//                                         [--hold-pages FILE]
//
// --hold-pages (tests only): while FILE exists, every page (HTML) is answered only after as many
// milliseconds as it holds, as a connection that answers slowly ("lie-fi") would.
// `--port 0` takes a free port, which the first line it prints names. Tested by
// tests/deploy/static-server.test.mjs.

import { createServer } from "node:http";
import { createHash } from "node:crypto";
import { brotliCompressSync, constants, gzipSync } from "node:zlib";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve, sep } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.dir ?? "dist");
const port = Number(args.port ?? 8080);
const host = args.host ?? "127.0.0.1";
const base = (args.base ?? "").replace(/\/$/, "");
const useHeaders = "headers" in args;
const holdPages = args["hold-pages"];

/** How long to hold a page's answer now (--hold-pages). */
async function hold() {
  if (!holdPages) return 0;
  try {
    return Number((await readFile(holdPages, "utf8")).trim()) || 0;
  } catch {
    return 0;
  }
}

/** The rules of `_headers`: a path line, then indented `Name: value` lines. */
async function headerRules() {
  if (!useHeaders) return [];
  const text = await readFile(join(root, "_headers"), "utf8");
  const rules = [];
  for (const line of text.split("\n")) {
    if (!line.trim() || line.trim().startsWith("#")) continue;
    if (!/^\s/.test(line)) rules.push({ path: line.trim(), headers: [] });
    else if (rules.length) {
      const at = line.indexOf(":");
      rules.at(-1).headers.push([line.slice(0, at).trim().toLowerCase(), line.slice(at + 1).trim()]);
    }
  }
  return rules;
}

/** The headers of every rule that matches `pathname`, as Netlify and Cloudflare Pages combine
 *  them: all matching rules apply, and a header that more than one of them names is sent with
 *  their values joined by commas, in the file's order (what Cloudflare documents; the site's own
 *  `_headers` is written to mean the same whether a host joins them or keeps the last:
 *  core/src/deploy.rs). */
function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    const match = rule.path.endsWith("*") ? pathname.startsWith(rule.path.slice(0, -1)) : pathname === rule.path;
    if (match) for (const [name, value] of rule.headers) out[name] = name in out ? `${out[name]}, ${value}` : value;
  }
  return out;
}

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".mjs": "text/javascript; charset=utf-8",
  ".css": "text/css; charset=utf-8",
  ".wasm": "application/wasm",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".txt": "text/plain; charset=utf-8",
  ".xml": "application/xml",
  ".webmanifest": "application/manifest+json",
};

async function file(path) {
  try {
    const s = await stat(path);
    if (s.isFile()) return path;
    if (s.isDirectory()) {
      const index = join(path, "index.html");
      if ((await stat(index)).isFile()) return index;
    }
  } catch {}
  return null;
}

/** A path as an address: each segment percent-encoded, so a header may carry it. */
const encodePath = (path) => path.split("/").map(encodeURIComponent).join("/");

function answer(res, status, text) {
  res.writeHead(status, { "content-type": "text/plain; charset=utf-8" });
  res.end(text);
}

async function handle(req, res) {
  // The request target as it came: `new URL` would read `//evil.example/x` (or `/\evil.example`)
  // as another host's address, and resolve dot segments before they are decoded.
  const query = req.url.indexOf("?");
  const search = query === -1 ? "" : req.url.slice(query);
  let pathname;
  try {
    pathname = decodeURIComponent(query === -1 ? req.url : req.url.slice(0, query));
  } catch {
    return answer(res, 400, "bad request: malformed escape");
  }
  // No file has a control character in its name, and a newline in a Location header would
  // throw (or, elsewhere, split the answer).
  if (/[\u0000-\u001f\u007f]/.test(pathname)) return answer(res, 400, "bad request: control character");
  // One leading slash, whatever came (`//evil.example`, `/%2F%2Fevil.example`, `/\evil`): the
  // redirect below must be a path on this site, never an address of another.
  pathname = "/" + pathname.replace(/^[\/\\]+/, "");
  let found = null;
  if (!base || pathname === base || pathname.startsWith(base + "/")) {
    const inner = normalize(pathname.slice(base.length) || "/");
    found = await file(join(root, inner));
    if (found && !found.startsWith(join(root, sep))) found = null;
    // A folder without its trailing slash is redirected, as static hosts do.
    if (found && found.endsWith("index.html") && !pathname.endsWith("/") && !pathname.endsWith("index.html")) {
      res.writeHead(301, { location: encodePath(pathname) + "/" + search });
      return res.end();
    }
  }
  const status = found ? 200 : 404;
  const path = found ?? join(root, "404.html");
  const rules = await headerRules();
  let body;
  try {
    body = await readFile(path);
  } catch {
    return answer(res, 404, "not found");
  }
  const type = types[extname(path)] ?? "application/octet-stream";
  if (type.startsWith("text/html")) {
    const ms = await hold();
    if (ms) await new Promise((resolve) => setTimeout(resolve, ms));
  }
  // Compressed as the hosts do (GitHub Pages gzip, Netlify and Cloudflare brotli): sizes and
  // timings measured against this server are then what visitors get.
  const encoding = compressible(type) ? preferred(req.headers["accept-encoding"]) : null;
  if (encoding) body = await compressed(path, body, encoding);
  res.writeHead(status, {
    "content-type": type,
    "cache-control": "no-cache",
    ...(encoding ? { "content-encoding": encoding, vary: "accept-encoding" } : {}),
    ...headersFor(rules, pathname),
  });
  res.end(req.method === "HEAD" ? undefined : body);
}

const compressible = (type) => /^(text\/|application\/(javascript|json|wasm|xml|manifest)|image\/svg)/.test(type);

/** `br` if the client takes it, else `gzip`, else nothing. */
function preferred(accept = "") {
  const takes = (name) => accept.split(",").some((part) => part.trim().split(";")[0] === name);
  return takes("br") ? "br" : takes("gzip") ? "gzip" : null;
}

/** Each version of each file compressed once (a rebuild while serving gives new contents). */
const cache = new Map();
async function compressed(path, body, encoding) {
  const key = `${encoding} ${path} ${createHash("sha1").update(body).digest("hex")}`;
  if (!cache.has(key)) {
    cache.set(key, encoding === "br"
      ? brotliCompressSync(body, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })
      : gzipSync(body, { level: 9 }));
  }
  return cache.get(key);
}

const server = createServer((req, res) => {
  // Whatever goes wrong answers this request, and the server goes on with the next.
  handle(req, res).catch((error) => {
    console.error(`${req.method} ${req.url}: ${error?.stack ?? error}`);
    if (!res.headersSent) answer(res, 500, "internal error");
    else res.destroy();
  });
});
server.listen(port, host, () => console.log(`serving ${root} at http://${host}:${server.address().port}${base}/`));
