// Builds read the checkout they are in: a checkout that was copied or moved with its target/
// (or that shares a target folder with another) must read its own content/ and config/, not the
// folder its build scripts were first compiled in (build.rs, signer/build.rs).
//   node --test tests/build/        (make test runs it)
//
// It copies the checkout's files, builds (cargo check), moves the copy with its target/, edits
// a content file and the signup configuration, builds again, and reads what the build scripts
// wrote.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const work = "target/relocate";
const env = { ...process.env, SIGNUP_CONFIG: "config/signup.local.toml", LOCAL_BUILD: "1", CARGO_TARGET_DIR: "target" };

/** `cargo check` of the site's library and of the signer, in `dir`. */
function check(dir) {
  execFileSync("cargo", ["check", "--quiet", "-p", "truah-campaign", "--lib"], { cwd: dir, env, stdio: "inherit" });
  execFileSync("cargo", ["check", "--quiet", "-p", "campaign-signer", "--target", "wasm32-unknown-unknown"], { cwd: dir, env, stdio: "inherit" });
}

/** What the build scripts wrote, as files of that name, under `dir`'s target/ since `since`. */
function written(dir, name, since) {
  const found = [];
  const walk = (d) => {
    for (const entry of readdirSync(d)) {
      const path = join(d, entry);
      if (statSync(path).isDirectory()) walk(path);
      else if (entry === name && statSync(path).mtimeMs >= since) found.push(readFileSync(path, "utf8"));
    }
  };
  walk(join(dir, "target"));
  return found;
}

test("a checkout moved with its target/ builds from its own files", { timeout: 30 * 60_000 }, () => {
  rmSync(work, { recursive: true, force: true });
  const first = join(work, "first");
  const files = execFileSync("git", ["ls-files"]).toString().trim().split("\n");
  for (const file of files) {
    mkdirSync(join(first, dirname(file)), { recursive: true });
    cpSync(file, join(first, file));
  }
  check(first);

  const moved = join(work, "moved");
  renameSync(first, moved);
  const action = join(moved, "content/actions/guantanamo.md");
  writeFileSync(action, readFileSync(action, "utf8").replace(/^title = ".*"$/m, 'title = "A title written after the move"'));
  const config = join(moved, "config/signup.local.toml");
  writeFileSync(config, readFileSync(config, "utf8").replace('"local-test"', '"local-test", "edited-after-the-move"'));
  const edited = Date.now() - 1000;
  check(moved);

  const contents = written(moved, "content.rs", edited);
  assert.equal(contents.length, 1, "the site's build script ran again");
  assert.match(contents[0], /A title written after the move/, "the site read the moved checkout's content/");
  const endpoints = written(moved, "endpoint.rs", edited);
  assert.equal(endpoints.length, 2, "the site's and the signer's build scripts ran again");
  for (const e of endpoints) assert.match(e, /edited-after-the-move/, "each read the moved checkout's config/");
  rmSync(work, { recursive: true, force: true });
});
