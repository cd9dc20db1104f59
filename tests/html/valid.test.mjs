// Every page the build writes is valid HTML, by the Nu HTML Checker (vnu-jar from npm, run with
// the machine's Java): every page in both languages, the subfolder build, the thank-you pages
// and 404.html; and the embeds' bodies, which are fragments, each checked inside a minimal page.
//   node --test tests/html/        (make test runs it, after `make dist`)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";

// The checker itself: vnu.jar from npm's vnu-jar, run with the machine's Java (its own installer,
// which downloads a Java, never runs: npm's install-script policy skips it).
const vnu = "node_modules/vnu-jar/build/dist/vnu.jar";

/** Every file under `dir` whose name matches. */
function files(dir, match) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, match) : match(path) ? [path] : [];
  });
}

// The checker's CSS validator predates container queries (CSS Containment Module Level 3, in
// every current browser), which the form's grid uses inside the page's inline stylesheet. Only
// those two messages are set aside; every other message is an error.
const UNKNOWN_TO_THE_CHECKER = ".*(“container-type”: Property “container-type” doesn't exist|Unrecognized at-rule “@container”).*";

/** vnu's errors for these files, as `file:line: message`. */
function errors(paths) {
  let out;
  try {
    const args = ["-jar", vnu, "--errors-only", "--format", "json", "--filterpattern", UNKNOWN_TO_THE_CHECKER, ...paths];
    out = execFileSync("java", args, { maxBuffer: 1 << 28, stdio: ["ignore", "pipe", "pipe"] });
  } catch (e) {
    // vnu exits with 1 when it found errors; its report is on stderr.
    out = e.stderr?.length ? e.stderr : e.stdout;
  }
  const report = JSON.parse(out.toString() || "{\"messages\":[]}");
  return report.messages.map((m) => `${relative(process.cwd(), new URL(m.url).pathname)}:${m.lastLine ?? "?"}: ${m.message}`);
}

const isPage = (path) => path.endsWith(".html") && !/\/embed\/(?!index\.html$)[^/]+\.html$|\/embed\/(act|issues)\//.test(path);

for (const [name, dir] of [["the site", "dist"], ["the subfolder build", "target/dist-subfolder"]]) {
  test(`every page of ${name} is valid HTML, in both languages`, () => {
    const pages = files(dir, isPage);
    // Both languages, the thank-you pages and the not-found pages are among them.
    for (const page of ["index.html", "404.html", "thanks/index.html", "es/index.html", "es/404.html", "es/thanks/index.html", "act/guantanamo/index.html"]) {
      assert.ok(pages.includes(join(dir, page)), `${dir}/${page} is checked`);
    }
    assert.deepEqual(errors(pages), []);
  });
}

test("every embed's body is valid HTML where it goes: inside a page", () => {
  const fragments = files("dist", (path) => /\/embed\/.+\.html$/.test(path) && !path.endsWith("/embed/index.html"));
  assert.ok(fragments.length >= 6, `both languages' embeds: ${fragments.join(" ")}`);
  const work = mkdtempSync(join(tmpdir(), "fragments-"));
  const wrapped = fragments.map((fragment, i) => {
    const path = join(work, `${i}-${relative("dist", fragment).replaceAll("/", "_")}`);
    // As js/embed.js puts it in the host page: inside an element of the page's body.
    writeFileSync(path, `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Host page</title></head><body><h1>Host page</h1><div>${readFileSync(fragment, "utf8")}</div></body></html>`);
    return path;
  });
  assert.deepEqual(errors(wrapped), []);
});
