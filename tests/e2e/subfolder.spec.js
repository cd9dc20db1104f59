// The site built for a subfolder (SITE_BASE=/campaigns/immigration, `make dist`), served under
// it: links, assets, canonical addresses and the router all keep the base path.
import { test, expect } from "@playwright/test";
import { SUBFOLDER } from "./playwright.config.js";
import { ROUTES, heading, ready, watch } from "./helpers.js";

test("every page is there under the subfolder, and links keep it", async ({ page, request }) => {
  for (const route of ROUTES) {
    const response = await request.get(SUBFOLDER + route.path);
    expect(response.status(), route.path).toBe(200);
    const html = await response.text();
    if (route.path === "/embed/") expect(html).toContain('<meta name="robots" content="noindex">');
    else expect(html).toContain(`<link href="https://act.truah.org${SUBFOLDER}${route.path}" rel="canonical">`);
    const links = [...html.matchAll(/<a href="(\/[^"]*)"/g)].map((m) => m[1]);
    expect(links.length).toBeGreaterThan(5);
    for (const href of links) expect(href.startsWith(`${SUBFOLDER}/`), href).toBe(true);
  }
  expect((await request.get(`${SUBFOLDER}/no-such-page`)).status()).toBe(404);
});

test("the subfolder build loads its assets, hydrates and routes in the page", async ({ page }) => {
  const seen = watch(page);
  const failed = [];
  page.on("response", (r) => { if (r.status() >= 400 && !r.url().endsWith("/no-such-page")) failed.push(`${r.status()} ${r.url()}`); });
  await page.goto(`${SUBFOLDER}/`);
  await heading(page, "Welcome immigrants with dignity and compassion");
  await ready(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Take action" }).click();
  await heading(page, "Take action");
  expect(new URL(page.url()).pathname).toBe(`${SUBFOLDER}/act/`);
  await page.getByRole("main").getByRole("link", { name: /Guantánamo/ }).click();
  await heading(page, "Tell President Trump: Don’t Send Migrants to Guantánamo!");
  expect(new URL(page.url()).pathname).toBe(`${SUBFOLDER}/act/guantanamo/`);
  await expect(nav.getByRole("link", { name: "Take action" })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  // The signer loads from the subfolder too: a submit with nothing filled in shows the errors.
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(form.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  expect(failed).toEqual([]);
  expect(seen.errors).toEqual([]);
});

// The service worker under a subfolder (as on GitHub Pages, where other sites share the origin):
// it serves only its own folder, names its caches by it, and leaves other sites' caches alone.
test.describe("offline under the subfolder", () => {
  test.use({ serviceWorkers: "allow" });

  test("the worker is the subfolder's: its pages open with no signal, and another site's caches on the origin are untouched", async ({ page, context }) => {
    // Another site on the same origin, with caches of its own (one named as ours would be, but
    // for its own folder).
    const elsewhere = "truah-campaign http://127.0.0.1:4175/elsewhere/ files 0123456789abcdef";
    await page.goto("/elsewhere/");
    await page.evaluate(async (names) => Promise.all(names.map((n) => caches.open(n))), ["another-site", elsewhere]);
    await page.goto(`${SUBFOLDER}/partners/`);
    await heading(page, "Coalition partners");
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
    const registration = await page.evaluate(async () => {
      const r = await navigator.serviceWorker.getRegistration();
      return { scope: r.scope, script: r.active.scriptURL };
    });
    expect(new URL(registration.scope).pathname).toBe(`${SUBFOLDER}/`);
    expect(new URL(registration.script).pathname).toBe(`${SUBFOLDER}/sw.js`);

    await context.setOffline(true);
    await page.goto(`${SUBFOLDER}/partners/`);
    await heading(page, "Coalition partners");
    await page.goto(`${SUBFOLDER}/act/guantanamo/`);
    await heading(page, "Tell President Trump: Don’t Send Migrants to Guantánamo!");
    await page.goto(`${SUBFOLDER}/resources/`);
    await heading(page, "You’re offline");
    const names = await page.evaluate(() => caches.keys());
    expect(names).toEqual(expect.arrayContaining(["another-site", elsewhere]));
    const ours = names.filter((n) => !["another-site", elsewhere].includes(n));
    expect(ours.length).toBeGreaterThan(0);
    for (const name of ours) expect(name.startsWith(`truah-campaign ${new URL(registration.scope).href}`), name).toBe(true);
  });
});
