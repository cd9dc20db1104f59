// Builds read the checkout they are in: a checkout that was copied or moved with its target/
// (or that shares a target folder with another) must read its own content/ and config/, not the
// folder its build scripts were first compiled in (build.rs, signer/build.rs).
//   node --test tests/build/        (make test runs it)
//
// It copies the checkout's files, builds, moves the copy with its target/, edits a content file
// and the signup configuration, builds again, and reads what the build scripts wrote.
//
// What is under test is the two build scripts and how cargo re-runs them, so the copy's two
// crates keep their real build scripts and build-dependencies and nothing else: their code and
// their other dependencies (Leptos, web-sys), which have no part in it, would only make a cold
// build of a few minutes of a check of a few seconds.
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const work = "target/relocate";
// Plain rustc: what is under test is how cargo re-runs the build scripts (make test compiles with
// clippy-driver, which this probe's empty libraries have nothing for).
const { RUSTC_WORKSPACE_WRAPPER, CLIPPY_ARGS, ...plain } = process.env;
const env = { ...plain, SIGNUP_CONFIG: "config/signup.local.toml", LOCAL_BUILD: "1", CARGO_TARGET_DIR: "target" };

/** A crate's manifest with only its package, its build-dependencies and an empty library. */
function buildScriptOnly(manifest) {
  const text = readFileSync(manifest, "utf8");
  const section = (name) => text.match(new RegExp(`^\\[${name}\\]\\n(?:(?!^\\[).*\\n?)*`, "m"))?.[0] ?? "";
  const pkg = section("package").replace(/^(?:edition|publish|description)\b.*\n/gm, "");
  const workspace = section("workspace");
  const build = section("build-dependencies");
  assert.ok(pkg && build, `${manifest} has a package and build-dependencies`);
  // Nothing but the library: none of the crate's own binaries and tests.
  const only = "autobins = false\nautotests = false\nautoexamples = false\nautobenches = false\n";
  return `${workspace}\n${pkg}edition = "2021"\n${only}\n[lib]\npath = "probe.rs"\n\n${build}`;
}

/** `cargo check` of the two crates with build scripts, in `dir`. */
function check(dir) {
  execFileSync("cargo", ["check", "--quiet", "-p", "truah-campaign", "-p", "campaign-signer"], { cwd: dir, env, stdio: "inherit" });
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

test("a checkout moved with its target/ builds from its own files", { timeout: 10 * 60_000 }, () => {
  rmSync(work, { recursive: true, force: true });
  const first = join(work, "first");
  const files = execFileSync("git", ["ls-files"]).toString().trim().split("\n");
  for (const file of files) {
    mkdirSync(join(first, dirname(file)), { recursive: true });
    cpSync(file, join(first, file));
  }
  for (const crate of [".", "signer"]) {
    const manifest = join(first, crate, "Cargo.toml");
    writeFileSync(manifest, buildScriptOnly(manifest));
    writeFileSync(join(first, crate, "probe.rs"), "");
  }
  // The receiver is not part of this build: the workspace lists what the probe keeps.
  const root = join(first, "Cargo.toml");
  writeFileSync(root, readFileSync(root, "utf8").replace(/members = \[.*\]/, 'members = [".", "core", "signer"]'));
  cpSync("Cargo.lock", join(first, "Cargo.lock"));
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
