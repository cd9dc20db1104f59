// The scheduled count build (README, "The count"): a build in which only the counts changed
// leaves the service worker byte for byte as it was, so returning visitors install nothing new
// and fetch nothing again, while the pages and the counts read carry the new figure. dist/ is
// built without counts (`make dist`); this builds the same site again, as the hourly build does,
// with a count source answering 2,222, and compares.
//   node --test tests/deploy/        (make test runs it, after make dist)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFile } from "node:child_process";
import { once } from "node:events";
import { existsSync, readFileSync, rmSync } from "node:fs";
import { createServer } from "node:http";

const TWIN = "target/dist-counts";

test("two builds that differ only in counts make the same sw.js, and pages and count files that differ", { timeout: 10 * 60_000 }, async (t) => {
  // The count source config/signup.local.toml names (count_url), as it will answer this hour.
  const source = createServer((req, res) => {
    const known = req.url === "/count/guantanamo";
    res.writeHead(known ? 200 : 404, { "content-type": "application/json" });
    res.end(known ? JSON.stringify({ count: 2222 }) : "{}");
  });
  source.listen(8787, "127.0.0.1");
  await once(source, "listening");
  t.after(() => {
    source.close();
    rmSync(TWIN, { recursive: true, force: true });
  });
  rmSync(TWIN, { recursive: true, force: true });
  // As make dist builds dist/, but reading the counts.
  const env = { ...process.env, SIGNUP_CONFIG: "config/signup.local.toml", LOCAL_BUILD: "1" };
  delete env.NO_COUNTS;
  const build = await new Promise((resolve) => {
    execFile("scripts/build.sh", ["--dist", TWIN], { env, maxBuffer: 64 << 20 }, (error, stdout, stderr) => resolve({ error, out: stdout + stderr }));
  });
  assert.equal(build.error, null, build.out);
  assert.match(build.out, /counts: guantanamo: 2222/);

  assert.ok(readFileSync(`${TWIN}/sw.js`).equals(readFileSync("dist/sw.js")), "sw.js is the same, byte for byte");
  // What did change: the pages' count, and the count read.
  const page = (dir) => readFileSync(`${dir}/act/guantanamo/index.html`, "utf8");
  assert.match(page(TWIN), /2,222 signatures of 2,500/);
  // (The words with their blanks, data-count-many, are in both: only a figure is new.)
  assert.doesNotMatch(page("dist"), /\d signatures of/);
  assert.match(readFileSync(`${TWIN}/es/act/guantanamo/index.html`, "utf8"), /2\.?222 firmas de 2\.?500/);
  assert.equal(JSON.parse(readFileSync("target/counts/guantanamo.json", "utf8")).count, 2222, "the count file the build read");
  assert.ok(!existsSync("dist/counts"), "dist/ was built without counts");
});
