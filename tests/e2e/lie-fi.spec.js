// A connection that answers slowly, or not at all ("lie-fi": a packed hall, a basement): a page
// kept on the device (js/sw.js) shows from the device once the network has not answered within
// 3 s, and is brought up to date when the answer comes. The site is served here by a server of
// this test's own over dist/, which holds every page's answer for as long as its hold file says,
// under the site's usual address (this worker's browser maps it to that server).
import { test, expect } from "@playwright/test";
import { spawn } from "node:child_process";
import { rmSync, writeFileSync } from "node:fs";
import { SITE_PORT, launchOptions } from "./playwright.config.js";
import { heading } from "./helpers.js";

const worker = Number(process.env.TEST_PARALLEL_INDEX ?? 0);
const PORT = 4210 + worker;
const HOLD = `target/e2e/lie-fi-hold-${worker}`;
test.use({
  serviceWorkers: "allow",
  launchOptions: launchOptions({ [`127.0.0.1:${SITE_PORT}`]: `127.0.0.1:${PORT}` }),
});

let server;
test.beforeAll(async () => {
  rmSync(HOLD, { force: true });
  server = spawn("node", ["tests/support/static-server.mjs", "--dir", "dist", "--port", String(PORT), "--headers", "--hold-pages", HOLD], { stdio: ["ignore", "pipe", "inherit"] });
  await new Promise((resolve) => server.stdout.once("data", resolve));
});
test.afterAll(() => {
  server?.kill();
  rmSync(HOLD, { force: true });
});

/** When the kept copy of `path` was fetched, as its answer's Date header says. */
const keptAt = (page, path) => page.evaluate(async (p) => (await caches.match(new URL(p, location.href).href))?.headers.get("date") ?? null, path);

test("a kept page shows within 3 s when the network holds its answer back 10 s, and is kept afresh once the answer comes", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/partners/");
  await heading(page, "Coalition partners");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await page.reload();
  await heading(page, "Coalition partners");
  const before = await keptAt(page, "/partners/");
  expect(before, "the page is kept").not.toBeNull();

  writeFileSync(HOLD, "10000");
  const asked = Date.now();
  await page.goto("/partners/", { waitUntil: "commit" });
  // The kept page, long before the held answer (the limit is 3 s; the check allows for a slow
  // machine, and still fails if the page waited for the network).
  await heading(page, "Coalition partners");
  expect(Date.now() - asked, "shown from the device, not after the held answer").toBeLessThan(8_000);
  // The held answer comes after 10 s, and is kept in place of the old copy.
  await expect.poll(() => keptAt(page, "/partners/"), { timeout: 20_000 }).not.toBe(before);
  rmSync(HOLD, { force: true });
});

test("a page that was never kept waits for the network however slow it is: there is nothing else to show", async ({ page }) => {
  test.setTimeout(60_000);
  await page.goto("/partners/");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  writeFileSync(HOLD, "4000");
  const asked = Date.now();
  await page.goto("/resources/");
  await heading(page, "Resources");
  expect(Date.now() - asked).toBeGreaterThanOrEqual(4_000);
  rmSync(HOLD, { force: true });
});
