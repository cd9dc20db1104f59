// Real endpoints: one that answers no CORS (the browser can never read it, so every attempt is a
// network error), and one that keeps every copy it is sent, as Action Network's blind helper
// does. Every signature reaches such an endpoint exactly once, or the visitor is told and
// offered another way to sign.
import { test, expect } from "@playwright/test";
import { NO_CORS_RECEIVER, NO_DEDUPE_RECEIVER } from "./playwright.config.js";
import { expectNoAxeViolations, heading, outbox, petitionForm as form, queuedEmails, receiverAt, requests, seeded, signPetition as sign } from "./helpers.js";

// Each worker has its own receivers (playwright.config.js), and runs one test at a time: tests
// that script a receiver's faults, or read what it received, run in parallel with each other.
test.use({ bypassCSP: true });

const ACTION = "/act/guantanamo/";
const TITLE = "Tell President Trump: Don’t Send Migrants to Guantánamo!";
const petitionAt = (base, id = "guantanamo") => `${base}/osdi/petitions/${id}/record_signature_helper`;
const noCors = receiverAt(NO_CORS_RECEIVER);
const noDedupe = receiverAt(NO_DEDUPE_RECEIVER);

/** The action page, its petition sending to `url`: the page names it on `<body>`
 *  (`data-signup-petition-url`, as a page author would) before any script of the site runs.
 *  These tests run with the page's Content Security Policy bypassed: the build's names only the
 *  local receiver, and would block these receivers before a byte was sent (that policy has
 *  tests of its own in petition.spec.js). */
async function openSendingTo(page, url) {
  await page.addInitScript((url) => {
    document.addEventListener("DOMContentLoaded", () => (document.body.dataset.signupPetitionUrl = url));
  }, url);
  await page.goto(ACTION);
  await heading(page, TITLE);
}



test("an endpoint that answers no CORS: told after three tries, another way offered, another person can sign, and after a week it is gone and the next visit says so", async ({ page }) => {
  test.setTimeout(90_000);
  await noCors("/__reset", {});
  await page.clock.install({ time: new Date("2026-12-01T10:00:00Z") });
  const console = [];
  page.on("console", (m) => console.push(m.text()));
  await openSendingTo(page, petitionAt(NO_CORS_RECEIVER));
  await sign(page);
  const f = form(page);
  await expect(f.getByText("Saved on this device.", { exact: false })).toBeVisible();
  // The retries, one after another (the backoff doubles from two seconds).
  for (let i = 0; i < 4; i++) await page.clock.runFor(10_000);
  await expect(f.getByText("The petition service can’t be reached right now. Your signature is saved on this device, and we’ll keep trying for up to a week.")).toBeVisible();
  // The other way: this build's plain-form fallback.
  await expect(f.getByRole("button", { name: "Send it another way now" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await noCors("/__signatures"), "the browser never got a post through").toHaveLength(0);
  expect(console.join("\n"), "each attempt failed for want of CORS, not for anything else").toMatch(/blocked by CORS policy/);

  // The form is never locked: the next person signs with an empty form.
  await f.getByRole("button", { name: "Sign for someone else" }).click();
  await expect(f.getByLabel("First name")).toHaveValue("");
  await expect(f.getByLabel("Email")).toHaveValue("");
  await expect(f.getByLabel("First name")).toBeFocused();
  await expect(f.getByRole("button", { name: "Sign the petition" })).toBeVisible();

  // A week of trying, then the signature and its personal data leave the device.
  expect(await queuedEmails(page)).toEqual(["miriam@example.org"]);
  await page.clock.fastForward(170 * 3600 * 1000);
  await page.clock.runFor(600_000);
  await expect.poll(() => queuedEmails(page)).toEqual([]);
  // The next visit says so, and the form is there to sign again.
  await page.goto(ACTION);
  await expect(form(page).getByText(/^A signature made on this device on .+ could not be sent to the petition service in a week of trying, and has been removed from this device\. Please sign again\.$/)).toBeVisible({ timeout: 15_000 });
  await expect(form(page).getByRole("button", { name: "Sign the petition" })).toBeVisible();
  await expectNoAxeViolations(page);
  // Said once: the notice goes with it, off the device.
  await expect.poll(async () => (await outbox(page))?.notices ?? []).toEqual([]);
  await page.reload();
  await heading(page, TITLE);
  await form(page).getByLabel("First name").click();
  await expect(page.locator("#sign [data-sign-ready]")).toHaveCount(1);
  await expect(form(page).getByText(/could not be sent/)).toHaveCount(0);
});

test("forget this signature: it leaves the device at once, and is never sent", async ({ page }) => {
  await noDedupe("/__reset", {});
  await noDedupe("/__control", { fail_next: 1000 });
  await openSendingTo(page, petitionAt(NO_DEDUPE_RECEIVER));
  await sign(page, { given: "Farid", email: "farid@example.org" });
  const f = form(page);
  await expect(f.getByText("Saved on this device.", { exact: false })).toBeVisible();
  await f.getByRole("button", { name: "Forget this signature" }).click();
  await expect(f.getByText("Removed from this device. It was not sent.")).toBeVisible();
  expect(await queuedEmails(page)).toEqual([]);
  await noDedupe("/__control", { fail_next: 0 });
  const sent = requests(page);
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await sent.idle();
  expect(await noDedupe("/__signatures")).toHaveLength(0);
});

test("an endpoint corrected between visits: the waiting signature goes to the new one", async ({ page }) => {
  await noDedupe("/__reset", {});
  await noDedupe("/__control", { fail_next: 1000 });
  await openSendingTo(page, petitionAt(NO_DEDUPE_RECEIVER, "old-petition"));
  await sign(page, { given: "Ruth", email: "ruth@example.org" });
  await expect(form(page).getByText("Saved on this device.", { exact: false })).toBeVisible();
  // The visitor leaves; the endpoint comes back; the next visit is to the site as redeployed
  // with the corrected endpoint.
  await page.goto("about:blank");
  await noDedupe("/__control", { fail_next: 0 });
  await openSendingTo(page, petitionAt(NO_DEDUPE_RECEIVER, "new-petition"));
  await expect(form(page).getByText("Signed. Thank you.")).toBeVisible({ timeout: 15_000 });
  const got = await noDedupe("/__signatures");
  expect(got.map((s) => s.endpoint)).toEqual(["/osdi/petitions/new-petition/record_signature_helper"]);
  expect(got[0].body.person.given_name).toBe("Ruth");
});

test("a device that stops keeping the outbox: what it held is cleared, so nothing confirmed is sent again", async ({ page }) => {
  await noDedupe("/__reset", {});
  await noDedupe("/__control", { fail_next: 1000 });
  await openSendingTo(page, petitionAt(NO_DEDUPE_RECEIVER));
  await sign(page, { given: "Dov", email: "dov@example.org" });
  await expect(form(page).getByText("Saved on this device.", { exact: false })).toBeVisible();
  await form(page).getByRole("button", { name: "Sign for someone else" }).click();
  await sign(page, { given: "Hadas", email: "hadas@example.org" });
  await expect(form(page).getByText("Saved on this device.", { exact: false })).toBeVisible();
  expect(await queuedEmails(page)).toEqual(["dov@example.org", "hadas@example.org"]);
  // The storage fills up (quota, a private window's limit): every write of the outbox fails.
  await page.evaluate(() => {
    IDBObjectStore.prototype.put = function () {
      throw new DOMException("full", "QuotaExceededError");
    };
  });
  await noDedupe("/__control", { fail_next: 0 });
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await expect.poll(async () => (await noDedupe("/__signatures")).length, { timeout: 20_000 }).toBe(2);
  // The stale copy is gone from the device: the next visit has nothing to send again.
  expect(await queuedEmails(page)).toEqual([]);
  await page.reload();
  await heading(page, TITLE);
  await form(page).getByLabel("First name").click();
  await expect(page.locator("#sign [data-sign-ready]")).toHaveCount(1);
  const sent = requests(page);
  await page.evaluate(() => dispatchEvent(new Event("online")));
  await sent.idle();
  expect(await queuedEmails(page)).toEqual([]);
  const got = await noDedupe("/__signatures");
  expect(got.map((s) => s.body.person.email_addresses[0].address).sort()).toEqual(["dov@example.org", "hadas@example.org"]);
});

// Two and three tabs, an endpoint that keeps every copy: the endpoint is down while one tab
// signs, comes back, and every tab hears `online` at a moment of its own. Ten times (with a
// seed of their own each run; online-again.spec.js repeats the two-tab case ninety times more).
test("a page without a service worker, closed while signatures wait their turn: they leave with the page (keepalive), each once, with no later visit", async ({ page, context }) => {
  await noDedupe("/__reset", {});
  // The endpoint is slow: the first signature is on its way while the next two wait their turn
  // (a page sends one at a time).
  await noDedupe("/__control", { delay_ms: 3000 });
  await page.addInitScript((url) => {
    document.addEventListener("DOMContentLoaded", () => (document.body.dataset.signupPetitionUrl = url));
  }, petitionAt(NO_DEDUPE_RECEIVER));
  // Three sign in a row with no signal (each "Sign for someone else"), then the signal is back:
  // the page sends one at a time.
  await page.goto(ACTION);
  await heading(page, TITLE);
  await form(page).getByLabel("First name").fill("ruth");
  await expect(page.locator("[data-sign-ready][data-action=guantanamo]")).toHaveCount(1);
  await context.setOffline(true);
  // Addresses no other test signs with, so that a copy arriving from elsewhere is told apart
  // from a second copy of one of these.
  const people = ["ruth", "dov", "hadas"];
  for (const given of people) {
    await sign(page, { given, email: `${given}.leaving@example.org` });
    await expect(form(page).getByText("Saved on this device.", { exact: false })).toBeVisible();
    await form(page).getByRole("button", { name: "Sign for someone else" }).click();
  }
  await expect.poll(async () => (await outbox(page))?.entries.length ?? 0).toBe(3);
  await context.setOffline(false);
  expect(await page.evaluate(() => navigator.serviceWorker?.controller ?? null)).toBeNull();
  // The tab is closed: no page of the site is left, and none is opened again.
  await page.close();
  await expect.poll(async () => (await noDedupe("/__signatures")).length, { timeout: 20_000 }).toBeGreaterThanOrEqual(3);
  // Each once: a second copy of one, or a copy from elsewhere, shows here with its key.
  const got = (await noDedupe("/__signatures")).map((s) => `${JSON.stringify(s).match(/([\w.]+)@example\.org/)[1]} ${s.idempotency_key} at ${s.received_at}`);
  expect(got.map((g) => g.split(".")[0]).sort(), got.join("; ")).toEqual([...people].sort());
  expect(got.every((g) => g.includes(".leaving ")), got.join("; ")).toBe(true);
});

test("two and three tabs reconnecting send one copy, every time", async ({ browser }, testInfo) => {
  test.setTimeout(240_000);
  // Each tab hears `online` after a jitter of its own, from a seed the log shows.
  const random = seeded(testInfo);
  for (let round = 0; round < 10; round++) {
    const tabs = round % 2 === 0 ? 2 : 3;
    const context = await browser.newContext({ bypassCSP: true });
    const errors = [];
    try {
      const pages = [];
      for (let i = 0; i < tabs; i++) {
        const page = await context.newPage();
        page.on("pageerror", (e) => errors.push(`tab ${i}: ${e}`));
        page.on("console", (m) => m.type() === "error" && !/Failed to load resource|503/.test(m.text()) && errors.push(`tab ${i}: ${m.text()}`));
        await openSendingTo(page, petitionAt(NO_DEDUPE_RECEIVER));
        // Every tab has its signer running (a visitor started on the form there).
        await form(page).getByLabel("First name").click();
        await expect(page.locator("#sign [data-sign-ready]")).toHaveCount(1);
        pages.push(page);
      }
      await noDedupe("/__reset", {});
      await noDedupe("/__control", { fail_next: 1000 });
      const email = `round-${round}@example.org`;
      await sign(pages[0], { given: `Round ${round}`, email });
      await expect(form(pages[0]).getByText("Saved on this device.", { exact: false })).toBeVisible();
      await noDedupe("/__control", { fail_next: 0 });
      const sent = pages.map(requests);
      await Promise.all(pages.map(async (page) => {
        await new Promise((r) => setTimeout(r, Math.floor(random() * 40)));
        await page.evaluate(() => dispatchEvent(new Event("online")));
      }));
      await expect.poll(async () => (await noDedupe("/__signatures")).length, { timeout: 20_000 }).toBeGreaterThan(0);
      // Until every tab is done with it: the outbox is empty everywhere, and no attempt is left
      // in flight in any tab.
      await expect.poll(() => queuedEmails(pages[0]), { timeout: 30_000 }).toEqual([]);
      for (const tab of sent) await tab.idle();
      const got = await noDedupe("/__signatures");
      expect(got.map((s) => s.body.person.email_addresses[0].address), `round ${round}, ${tabs} tabs`).toEqual([email]);
      expect(errors, `round ${round}: no tab failed`).toEqual([]);
    } finally {
      if (errors.length) console.log(errors.join("\n"));
      await context.close();
    }
  }
});
