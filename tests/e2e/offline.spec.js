// Offline first (js/sw.js, the service worker): the pages a visitor opened and each open action's
// page open with no signal, and a signature made offline is sent later without its page, once.
// Every other spec runs with service workers blocked, as Lockdown Mode has the site; this one
// lets the worker in. The build's endpoint goes to this worker's receiver that keeps every copy
// it gets (as Action Network's helper does), so a second copy would show.
import { test, expect } from "@playwright/test";
import { NO_DEDUPE_RECEIVER, RECEIVER, launchOptions, receiverFor } from "./playwright.config.js";
import { expectNoAxeViolations, heading, outbox, petitionForm as form, ready, receiverAt, requests, signPetition as sign } from "./helpers.js";

const host = (url) => new URL(url).host;
test.use({
  serviceWorkers: "allow",
  launchOptions: launchOptions({ [host(RECEIVER)]: host(receiverFor(NO_DEDUPE_RECEIVER)) }),
});

const ACTION = "/act/guantanamo/";
const TITLE = "Tell President Trump: Don’t Send Migrants to Guantánamo!";
const SYNC_TAG = "truah-campaign-outbox";
const received = receiverAt(NO_DEDUPE_RECEIVER);

/** Waits until the service worker has installed (kept what it keeps from the start) and
 *  controls the page. */
async function controlled(page) {
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
}


test.beforeEach(async () => {
  await received("/__reset", {});
});

test("with no signal, a page opened before and the open action's page open; a page never opened says it is offline, in words axe passes", async ({ page, context }) => {
  await page.goto("/partners/");
  await heading(page, "Coalition partners");
  await controlled(page);
  await context.setOffline(true);

  await page.goto("/partners/");
  await heading(page, "Coalition partners");
  // Never opened: the worker kept it from the start, with what signing there needs.
  await page.goto(ACTION);
  await heading(page, TITLE);
  await expect(form(page).getByRole("button", { name: "Sign the petition" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Never opened, and not an action: the offline page, which says what works.
  await page.goto("/resources/");
  await heading(page, "You’re offline");
  await expect(page.getByText("The pages you have opened here open without one, and so does the petition")).toBeVisible();
  await expectNoAxeViolations(page);
  // The address stays the one asked for: back online, a reload brings the page itself.
  expect(new URL(page.url()).pathname).toBe("/resources/");
  await context.setOffline(false);
  await page.reload();
  await heading(page, "Resources");
});

test("pages reached by links shown in place, then no signal: each opens and reloads with its own content, and back and forward still work", async ({ page, context }) => {
  await page.goto("/");
  await heading(page, "Welcome immigrants with dignity and compassion");
  await controlled(page);
  // Moved around as most visitors do: by links, which the site's wasm shows in place.
  await ready(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const nav = page.getByRole("navigation", { name: "Main" });
  await nav.getByRole("link", { name: "Partners" }).click();
  await heading(page, "Coalition partners");
  await nav.getByRole("link", { name: "Issues" }).click();
  await heading(page, "Issues");
  await page.getByRole("main").getByRole("link", { name: "Immigration Justice" }).click();
  await heading(page, "Immigration Justice");
  expect(await page.evaluate(() => window.__sameDocument), "every page was shown in place").toBe(true);

  await context.setOffline(true);
  // Each opens by its address, and reloads, with its own content: none is the offline page.
  for (const [path, title, text] of [
    ["/issues/immigration-justice/", "Immigration Justice", "Organizing clergy through our BIMA Campaign"],
    ["/partners/", "Coalition partners", "Interfaith Immigration Coalition"],
    ["/issues/", "Issues", "Worker justice"],
  ]) {
    await page.goto(path);
    await heading(page, title);
    await expect(page.getByText(text).first()).toBeVisible();
    await page.reload();
    await heading(page, title);
    await expect(page.getByRole("heading", { name: "You’re offline" })).toHaveCount(0);
  }
  // Back and forward, with no signal.
  await page.goBack();
  await heading(page, "Coalition partners");
  await page.goForward();
  await heading(page, "Issues");
});

test("signed with no signal, the page closed, then online: the next page of the site sends it, and it arrives once", async ({ page, context }) => {
  await page.goto(ACTION);
  await controlled(page);
  await context.setOffline(true);
  await page.reload();
  await heading(page, TITLE);
  await sign(page);
  await expect(form(page).getByText("Saved on this device.", { exact: false })).toBeVisible();
  expect((await outbox(page)).entries).toHaveLength(1);
  await page.close();

  await context.setOffline(false);
  const next = await context.newPage();
  const traffic = requests(next);
  await next.goto("/partners/");
  await heading(next, "Coalition partners");
  await expect.poll(async () => (await received("/__signatures")).length, { timeout: 15_000 }).toBe(1);
  // Nothing more goes: the outbox is empty, nothing is in flight, and still one copy.
  await expect.poll(() => outbox(next)).toBeNull();
  await traffic.idle();
  const [signature] = await received("/__signatures");
  expect(JSON.stringify(signature)).toContain("miriam@example.org");
  expect(await received("/__signatures")).toHaveLength(1);
});

test("Background Sync: signed with no signal and the tab closed, the worker sends it when the browser wakes it, with no page of the site open", async ({ page, context }) => {
  await page.goto(ACTION);
  await controlled(page);
  await context.setOffline(true);
  await sign(page);
  await expect(form(page).getByText("Saved on this device.", { exact: false })).toBeVisible();
  // The page asked the browser to wake the worker once it is online.
  await expect.poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).sync.getTags())).toContain(SYNC_TAG);
  await page.close();
  await context.setOffline(false);

  // Chromium wakes the worker itself when the network comes back; a test cannot make the
  // machine's network come back, so DevTools dispatches the same event, from a blank tab.
  const blank = await context.newPage();
  const cdp = await context.newCDPSession(blank);
  const registration = new Promise((resolve) => {
    cdp.on("ServiceWorker.workerRegistrationUpdated", ({ registrations }) => {
      const ours = registrations.find((r) => !r.isDeleted && new URL(r.scopeURL).pathname === "/");
      if (ours) resolve(ours);
    });
  });
  await cdp.send("ServiceWorker.enable");
  const { registrationId, scopeURL } = await registration;
  expect(context.pages().map((p) => p.url()), "no page of the site is open").toEqual(["about:blank"]);
  await cdp.send("ServiceWorker.dispatchSyncEvent", { origin: new URL(scopeURL).origin, registrationId, tag: SYNC_TAG, lastChance: false });
  await expect.poll(async () => (await received("/__signatures")).length, { timeout: 15_000 }).toBe(1);
  expect(context.pages().map((p) => p.url())).toEqual(["about:blank"]);

  // The next visit finds nothing left to send, and sends nothing again.
  const next = await context.newPage();
  const traffic = requests(next);
  await next.goto(ACTION);
  await heading(next, TITLE);
  await expect.poll(() => outbox(next)).toBeNull();
  await traffic.idle();
  expect(await received("/__signatures")).toHaveLength(1);
});
