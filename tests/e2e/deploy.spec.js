// A deploy while a visitor has the site open (js/sw.js): the open page keeps the code it was
// given and still signs; the next load gets the new build; the old build's files are removed
// once no page uses them. The site is served here from a copy of dist/ of this test's own,
// under the site's usual address (this worker's browser maps it to the copy's server), and a
// "deploy" changes the copy as a host's deploy does: the signer under a new hashed name (its
// old files gone), every page naming it, and so a new service worker.
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { cpSync, readFileSync, readdirSync, renameSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { RECEIVER, SITE_PORT, launchOptions } from "./playwright.config.js";
import { heading, petitionForm as form, ready, receiverAt, signPetition } from "./helpers.js";

const worker = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
const COPY_PORT = 4200 + worker;
const copy = `target/e2e/deploy-${worker}`;
test.use({
  serviceWorkers: "allow",
  launchOptions: launchOptions({ [`127.0.0.1:${SITE_PORT}`]: `127.0.0.1:${COPY_PORT}` }),
});

const ACTION = "/act/guantanamo/";
const TITLE = "Tell President Trump: Don’t Send Migrants to Guantánamo!";
const received = receiverAt(RECEIVER);

let server;
test.beforeAll(async () => {
  rmSync(copy, { recursive: true, force: true });
  cpSync("dist", copy, { recursive: true });
  server = spawn("node", ["tests/support/static-server.mjs", "--dir", copy, "--port", String(COPY_PORT), "--headers"], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => server.stdout.once("data", resolve));
});
test.afterAll(() => {
  server?.kill();
  rmSync(copy, { recursive: true, force: true });
});

/** Every file under `dir`. */
function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** Deploys a changed build over the copy: the signer changed (a new hashed name, the old files
 *  gone), the pages and the worker naming it, and each page marked with the deploy. */
function deployChangedSigner() {
  const js = readdirSync(copy).find((f) => /^signer-[0-9a-f]{16}\.js$/.test(f));
  const old = js.slice("signer-".length, -".js".length);
  const next = [...old].reverse().join("");
  for (const dir of [copy, join(copy, "es")]) {
    writeFileSync(join(dir, `signer-${next}.js`), `${readFileSync(join(dir, js), "utf8")}\n// deploy 2\n`);
    renameSync(join(dir, `signer-${old}_bg.wasm`), join(dir, `signer-${next}_bg.wasm`));
    rmSync(join(dir, js));
  }
  for (const file of files(copy).filter((f) => /\.(html|js)$/.test(f))) {
    const text = readFileSync(file, "utf8");
    if (!text.includes(old)) continue;
    writeFileSync(file, text.replaceAll(old, next).replace("<meta charset=utf-8>", '<meta charset=utf-8><meta name="deploy" content="2">'));
  }
  // The worker names its build by a hash of every file it keeps (scripts/service-worker.mjs):
  // this deploy's differs.
  const sw = join(copy, "sw.js");
  const build = readFileSync(sw, "utf8").match(/version:"([0-9a-f]{16})"/)[1];
  writeFileSync(sw, readFileSync(sw, "utf8").replaceAll(build, [...build].reverse().join("")));
  return { old, next };
}

/** Signs, and waits for the thank-you. */
async function sign(page, given, email) {
  await signPetition(page, { given, email });
  await expect(form(page).getByText(`Thank you, ${given}.`)).toBeVisible({ timeout: 15_000 });
}

/** The service worker's registration: its active and waiting workers' builds, and the site's
 *  caches. */
function registration(page) {
  return page.evaluate(async () => {
    const r = await navigator.serviceWorker.getRegistration();
    return { waiting: Boolean(r?.waiting), files: (await caches.keys()).filter((k) => k.includes(" files ")) };
  });
}

test("a deploy while the page is open: the open form still signs with the code it was given, the next load gets the new build, and the old files go once no page uses them", async ({ page, context }) => {
  test.setTimeout(60_000);
  await received("/__reset", {});
  // Every signer the page fetches, from its first load on (it comes once the page is idle).
  const signerRequests = [];
  page.on("request", (r) => r.url().includes("/signer-") && signerRequests.push(r.url()));
  await page.goto(ACTION);
  await heading(page, TITLE);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  const before = await registration(page);
  expect(before.files).toHaveLength(1);
  // A page seen by a link shown in place, before the deploy: it must still open with no signal
  // after it.
  await ready(page);
  await page.getByRole("main").getByRole("link", { name: "Immigration Justice" }).click();
  await heading(page, "Immigration Justice");
  await page.goBack();
  await heading(page, TITLE);

  const { old, next } = deployChangedSigner();
  // The open page signs with the signer it was built with (which the host no longer has),
  // never the new one.
  await sign(page, "Miriam", "miriam@example.org");
  expect(signerRequests.length).toBeGreaterThan(0);
  expect(signerRequests.every((u) => u.includes(old))).toBe(true);
  await expect.poll(async () => (await received("/__signatures")).length).toBe(1);

  // The next load is the new build, page and files: the old worker, still in charge (no
  // skipWaiting under an open page), fetches the page afresh and the new files it names.
  await page.reload();
  await heading(page, TITLE);
  await expect(page.locator('meta[name="deploy"]')).toHaveCount(1);
  signerRequests.length = 0;
  await sign(page, "Ana", "ana@example.org");
  expect(signerRequests.every((u) => u.includes(next))).toBe(true);
  await expect.poll(async () => (await received("/__signatures")).length).toBe(2);
  await expect.poll(async () => (await registration(page)).waiting, { message: "the new worker waits for the open page to go" }).toBe(true);
  expect((await registration(page)).files, "the old build's files stay while a page uses them").toContain(before.files[0]);

  // No page of the site open: the new worker takes over (DevTools, from a blank tab, watches
  // the workers), and the old build's files go.
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  const versions = new Map();
  cdp.on("ServiceWorker.workerVersionUpdated", ({ versions: updated }) => {
    for (const v of updated) versions.set(v.versionId, v.status);
  });
  await cdp.send("ServiceWorker.enable");
  await page.close();
  await expect.poll(() => [...versions.values()].filter((status) => status !== "redundant"), { timeout: 20_000 }).toEqual(["activated"]);
  const later = await context.newPage();
  await later.goto("/partners/");
  await heading(later, "Coalition partners");
  await expect.poll(async () => (await registration(later)).files.includes(before.files[0])).toBe(false);
  expect((await registration(later)).files, "the new build's files, kept from the start").toHaveLength(1);
  // What was seen before the deploy, by a link shown in place, is still there with no signal.
  await context.setOffline(true);
  await later.goto("/issues/immigration-justice/");
  await heading(later, "Immigration Justice");
});
