// A new field or a new kind of form does not compile until every place that must say what it
// does with it does (campaign_core::field, campaign_core::kind): each `match` on one is
// exhaustive, and everything else (the components, the signer, the embeds, the JavaScript)
// derives from them. This adds one of each to a copy of the core and checks that the compiler
// stops at exactly the places listed here: a `_ =>` arm that swallows one, or a place that
// stopped being one, fails the test.
//   node --test tests/build/        (make test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { cpSync, mkdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";

const work = "target/exhaustive";
// One target folder for both cases (and kept between runs): the second only checks the core.
// Plain rustc: what is under test is the compiler's own errors, not lints (make test compiles
// with clippy-driver, which would also refuse the unused variant).
const { RUSTC_WORKSPACE_WRAPPER, CLIPPY_ARGS, ...plain } = process.env;
const env = { ...plain, CARGO_TARGET_DIR: join(process.cwd(), work, "target") };

/** A copy of the core crate (with `also`, the other crates asked for), in a workspace of its
 *  own, with `variant` added after `opening` in `file`: the list the macro `list` makes the enum
 *  of, or an enum's own opening. */
function coreWith(name, file, list, variant, { opening = `${list}! {\n`, also = [] } = {}) {
  const dir = join(work, name);
  rmSync(dir, { recursive: true, force: true });
  // The core, and what its tests read from the rest of the repository; the signer's build
  // reads the content and the configuration.
  const folders = ["core", "js", "docs", ...(also.length ? ["content", "config", ...also] : [])];
  const files = execFileSync("git", ["ls-files", ...folders]).toString().trim().split("\n");
  for (const f of files) {
    mkdirSync(join(dir, dirname(f)), { recursive: true });
    cpSync(f, join(dir, f));
  }
  cpSync("Cargo.lock", join(dir, "Cargo.lock"));
  writeFileSync(join(dir, "Cargo.toml"), `[workspace]\nmembers = [${["core", ...also].map((m) => `"${m}"`).join(", ")}]\nresolver = "2"\n`);
  const path = join(dir, file);
  const source = readFileSync(path, "utf8");
  assert.ok(source.includes(opening), `${file} has ${opening.trim()}`);
  writeFileSync(path, source.replace(opening, `${opening}    ${variant},\n`));
  return dir;
}

/** Where the compiler stops: each error's file and the function it is in, `file: fn`. `crate`:
 *  the crate to check (the core, with its tests). */
function stops(dir, crate = ["-p", "campaign-core", "--features", "build", "--tests"]) {
  let out = "";
  try {
    execFileSync("cargo", ["check", "--quiet", ...crate, "--message-format=json"], { cwd: dir, env, maxBuffer: 64 << 20 });
    return [];
  } catch (e) {
    out = e.stdout.toString();
  }
  const places = new Set();
  for (const line of out.split("\n")) {
    if (!line.startsWith("{")) continue;
    const m = JSON.parse(line);
    if (m.reason !== "compiler-message" || m.message.level !== "error") continue;
    const span = m.message.spans.find((s) => s.is_primary);
    if (!span) continue;
    const lines = readFileSync(join(dir, span.file_name), "utf8").split("\n").slice(0, span.line_start);
    const fn = lines.reverse().map((l) => l.match(/\bfn (\w+)/)?.[1]).find(Boolean);
    places.add(`${span.file_name}: ${fn}`);
  }
  return [...places].sort();
}

test("a new field stops the build at every place that must handle it, and nowhere else", { timeout: 10 * 60_000 }, () => {
  const dir = coreWith("field", "core/src/field.rs", "fields", "Phone");
  assert.deepEqual(stops(dir), [
    "core/src/field.rs: control",
    "core/src/field.rs: name",
    "core/src/field.rs: prefill_params",
    "core/src/field.rs: words",
    "core/src/kind.rs: requires",
    "core/src/petition/query.rs: prefill",
    "core/src/petition/validate.rs: checked",
    "core/src/petition/validate.rs: get",
    "core/src/petition/validate.rs: set",
  ]);
});

test("a new kind of form stops the build at every place that must handle it, and nowhere else", { timeout: 10 * 60_000 }, () => {
  // Its name and its endpoint override's attribute are written with it (`kinds!`); its address
  // is data keyed by kind (`[addresses]`), so nothing else names one.
  const dir = coreWith("kind", "core/src/kind.rs", "kinds", 'Pledge = "pledge"');
  assert.deepEqual(stops(dir), [
    "core/src/contract/mod.rs: kind_field_words",
    "core/src/embed.rs: body",
    "core/src/embed.rs: label",
    "core/src/kind.rs: consent",
    "core/src/kind.rs: event",
    "core/src/kind.rs: fields",
    "core/src/kind.rs: of_action",
    "core/src/kind.rs: page_words",
    "core/src/kind.rs: requires",
    "core/src/kind.rs: signer_words",
    "core/src/kind.rs: text",
    "core/src/petition/payload.rs: osdi_kind",
  ]);
});

test("a new control stops the build where a field is drawn, read and written, and nowhere else: in the signer it cannot compile and then read as empty", { timeout: 10 * 60_000 }, () => {
  const dir = coreWith("control", "core/src/field.rs", null, "Stars", { opening: "pub enum Control {\n", also: ["signer"] });
  assert.deepEqual(stops(dir), ["core/src/field.rs: is_chosen"]);
  // The core given a word for it, the signer stops where it reads and writes each field.
  const field = join(dir, "core/src/field.rs");
  writeFileSync(field, readFileSync(field, "utf8").replace("Control::Input { .. } => false,", "Control::Input { .. } | Control::Stars => false,"));
  assert.deepEqual(stops(dir, ["-p", "campaign-signer"]), ["signer/src/form/fields.rs: control"]);
});
