// Every class a built page uses has a rule in the stylesheets (style/), or is named below as a
// hook that carries no look of its own. So a new piece of markup (a letter's text, a box among
// the fields) that nobody styled stops here, pointing at style/main.css, instead of shipping in
// the browser's default look.
//   node --test tests/html/        (make test runs it, after `make dist`)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";

// Classes that name a part for the scripts, the tests or a reader of the markup, and rightly
// have no rule: their look comes from the element or from a class beside them.
const HOOKS = new Set([
  "action", "builder-page", "builder__what", "issue", "offer", "outcome--done", "outcome__other", "outcome-statement__next",
  "quote--hero", "resource", "share", "sign__notice", "signers", "site-footer__signup", "ways-in",
]);

function files(dir, match) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path, match) : match(path) ? [path] : [];
  });
}

const styled = new Set(
  files("style", (p) => p.endsWith(".css")).flatMap((p) => [...readFileSync(p, "utf8").matchAll(/\.(-?[_a-zA-Z][\w-]*)/g)].map((m) => m[1])),
);

for (const dist of ["dist", "target/dist-subfolder"]) {
  test(`${dist}: every class a page uses is styled, or a hook named as such`, () => {
    const unstyled = new Map();
    for (const page of files(dist, (p) => p.endsWith(".html"))) {
      for (const [, list] of readFileSync(page, "utf8").matchAll(/\sclass="([^"]*)"/g)) {
        for (const name of list.split(/\s+/).filter(Boolean)) {
          if (!styled.has(name) && !HOOKS.has(name) && !unstyled.has(name)) unstyled.set(name, page);
        }
      }
    }
    assert.deepEqual([...unstyled].map(([name, page]) => `.${name} (${page}): add its rule to style/main.css, or name it in HOOKS if it has no look of its own`), []);
  });
}

test("every hook named above is still used, and still has no rule", () => {
  const used = new Set(["dist", "target/dist-subfolder"].flatMap((d) => files(d, (p) => p.endsWith(".html"))).flatMap((p) => [...readFileSync(p, "utf8").matchAll(/\sclass="([^"]*)"/g)].flatMap((m) => m[1].split(/\s+/))));
  assert.deepEqual([...HOOKS].filter((h) => !used.has(h) || styled.has(h)), []);
});
