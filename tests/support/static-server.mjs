// A plain static file server that behaves like GitHub Pages: files are served as they are, a
// folder serves its index.html, and any unknown path gets 404.html with status 404. No
// rewrites, so a test passes here only if it would pass on a real static host.
// With --headers, it also sends what the site's `_headers` file says, as Netlify and
// Cloudflare Pages do (exact paths, and `/*`-style prefixes).
//
//   node tests/support/static-server.mjs --dir dist --port 8080 [--base /campaigns/immigration] [--headers]

import { createServer } from "node:http";
import { readFile, stat } from "node:fs/promises";
import { extname, join, normalize, resolve } from "node:path";

const args = Object.fromEntries(
  process.argv.slice(2).reduce((pairs, arg, i, all) => (arg.startsWith("--") ? [...pairs, [arg.slice(2), all[i + 1]]] : pairs), []),
);
const root = resolve(args.dir ?? "dist");
const port = Number(args.port ?? 8080);
const host = args.host ?? "127.0.0.1";
const base = (args.base ?? "").replace(/\/$/, "");
const useHeaders = "headers" in args;

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

function headersFor(rules, pathname) {
  const out = {};
  for (const rule of rules) {
    const match = rule.path.endsWith("*") ? pathname.startsWith(rule.path.slice(0, -1)) : pathname === rule.path;
    if (match) for (const [name, value] of rule.headers) out[name] = value;
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

createServer(async (req, res) => {
  const url = new URL(req.url, "http://localhost");
  let pathname;
  try {
    pathname = decodeURIComponent(url.pathname);
  } catch {
    pathname = "/";
  }
  let found = null;
  if (!base || pathname === base || pathname.startsWith(base + "/")) {
    const inner = normalize(pathname.slice(base.length) || "/");
    if (!inner.includes("\0")) found = await file(join(root, inner));
    if (found && !found.startsWith(root)) found = null;
    // A folder without its trailing slash is redirected, as static hosts do.
    if (found && found.endsWith("index.html") && !pathname.endsWith("/") && !pathname.endsWith("index.html")) {
      res.writeHead(301, { location: pathname + "/" + url.search });
      return res.end();
    }
  }
  const status = found ? 200 : 404;
  const path = found ?? join(root, "404.html");
  try {
    const body = await readFile(path);
    res.writeHead(status, {
      "content-type": types[extname(path)] ?? "application/octet-stream",
      "cache-control": "no-cache",
      ...headersFor(await headerRules(), pathname),
    });
    res.end(req.method === "HEAD" ? undefined : body);
  } catch {
    res.writeHead(404, { "content-type": "text/plain" });
    res.end("not found");
  }
}).listen(port, host, () => console.log(`serving ${root} at http://${host}:${port}${base}/`));
