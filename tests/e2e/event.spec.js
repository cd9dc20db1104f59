// Event mode (campaign_core::petition::event, signer/src/form/event.rs): staff hand one tablet
// round a room. A link starts it; after each signature the form is the next person's, with
// nothing of the last one on screen, in the fields' values or names, in the address or the
// history; signatures made with no signal all evening go once the device is online, each once,
// in the order they were made, each with the time it was made and the event as its source.
// The build's endpoint goes to this worker's receiver that keeps every copy it gets, so a
// second copy would show; the service worker is let in, as on a real tablet.
import { test, expect } from "@playwright/test";
import { NO_DEDUPE_RECEIVER, RECEIVER, launchOptions, receiverFor } from "./playwright.config.js";
import { expectNoAxeViolations, heading, keptOnDevice, petitionForm as form, receiverAt } from "./helpers.js";

const host = (url) => new URL(url).host;
test.use({
  serviceWorkers: "allow",
  launchOptions: launchOptions({ [host(RECEIVER)]: host(receiverFor(NO_DEDUPE_RECEIVER)) }),
});

const ACTION = "/act/guantanamo/";
const TITLE = "Tell President Trump: Don’t Send Migrants to Guantánamo!";
const EVENT = "Shabbat rally";
// What staff filter on: the event's name as a source code (campaign_core::petition::event).
const EVENT_CODE = "event-shabbat-rally";
const received = receiverAt(NO_DEDUPE_RECEIVER);
const panel = (page) => page.getByRole("region", { name: `Event mode: ${EVENT}` });
// Real names, of every shape a room brings.
const NAMES = ["Ana María", "Nguyễn Thị Minh", "Seán O’Brien", "Zoë", "李小龍", "Miriam", "José-Luis", "Aaliyah", "Ólafur", "Dvorah"];

/** The form's fields as the browser's autofill sees them: their names and autocomplete. */
function fieldNames(page) {
  const fields = ["given_name", "family_name", "email", "country", "postal_code"].map((f) => `#petition-${f}`).join(", ");
  return page.locator(fields).evaluateAll((els) => els.map((e) => `${e.name}:${e.autocomplete}`));
}

test.beforeEach(async () => {
  await received("/__reset", {});
});

test("a room's fifty signatures, made with no signal: each person gets an empty form with nothing of the last, and once online all fifty arrive, each once, in order", async ({ page, context }) => {
  test.setTimeout(180_000);
  await page.goto(`${ACTION}?event=${encodeURIComponent(EVENT)}`);
  await heading(page, TITLE);
  await expect(panel(page)).toBeVisible();
  await expect(panel(page).getByText(`Source code of its signatures: ${EVENT_CODE}`)).toBeVisible();
  // The link's parameter leaves the address; the tab stays in event mode.
  await expect.poll(() => new URL(page.url()).search).toBe("");
  await expect(form(page).locator("form")).toHaveAttribute("autocomplete", "off");
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  await expectNoAxeViolations(page);
  const historyLength = await page.evaluate(() => history.length);

  await context.setOffline(true);
  const f = form(page);
  const madeBy = [];
  let names = await fieldNames(page);
  expect(names).toHaveLength(5);
  for (let i = 1; i <= 50; i++) {
    const given = NAMES[i % NAMES.length];
    const email = `person${i}@example.org`;
    await f.getByLabel("First name").fill(given);
    await f.getByLabel("Email").fill(email);
    await f.getByLabel("ZIP code").fill(String(10000 + i));
    if (i % 2) await f.getByRole("checkbox").check();
    await f.getByRole("button", { name: "Sign the petition" }).click();
    madeBy.push({ email, at: Date.now() });
    // The next person's form, at once: empty, the box unticked, first field ready.
    await expect(f.getByText("Signed. Thank you! The form is ready for the next person.")).toBeVisible();
    await expect(f.getByLabel("First name")).toHaveValue("");
    await expect(f.getByLabel("Email")).toHaveValue("");
    await expect(f.getByLabel("ZIP code")).toHaveValue("");
    await expect(f.getByRole("checkbox")).not.toBeChecked();
    // Nothing of this person anywhere on the page, its fields' values included …
    const html = await page.content();
    const values = await page.locator("input, select, textarea").evaluateAll((els) => els.map((e) => e.value).join("\n"));
    for (const text of [given, email]) {
      expect(html.includes(text), `${text} left in the page`).toBe(false);
      expect(values.includes(text), `${text} left in a field`).toBe(false);
    }
    // … nor in the address, the history or the tab's storage (the signature itself waits in
    // the outbox, which nothing shows) …
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    const kept = await page.evaluate(() => location.href + JSON.stringify(history.state) + JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }));
    expect(kept.includes(email) || kept.includes(given)).toBe(false);
    // … and the fields have names no earlier person's had, with autofill off: the browser's
    // autofill keys on a field's name, so it has nothing of this person to offer the next.
    const next = await fieldNames(page);
    for (const [k, name] of next.entries()) {
      expect(name.endsWith(":off"), name).toBe(true);
      expect(name, "a fresh name for each person").not.toBe(names[k]);
    }
    names = next;
  }
  await expect(panel(page).getByText("Waiting on this device: 50")).toBeVisible();
  await expect(panel(page).getByText("Sent: 0")).toBeVisible();
  expect(await received("/__signatures")).toHaveLength(0);
  await expectNoAxeViolations(page);

  // Online later: all fifty go, each once, in the order they were made.
  const online = Date.now();
  await context.setOffline(false);
  await expect(panel(page).getByText("Sent: 50")).toBeVisible({ timeout: 60_000 });
  await expect(panel(page).getByText("Waiting on this device: 0")).toBeVisible();
  const arrived = await received("/__signatures");
  expect(arrived).toHaveLength(50);
  expect(arrived.map((s) => s.body.person.email_addresses[0].address)).toEqual(madeBy.map((m) => m.email));
  for (const [i, { body }] of arrived.entries()) {
    // The event's source code as the source, and the time it was made, not the time it was sent.
    expect(body.referrer_data.source).toBe(EVENT_CODE);
    const made = Date.parse(body.action_date);
    expect(made, "made offline, before the device was online").toBeLessThan(online);
    expect(made).toBeGreaterThanOrEqual(madeBy[i].at - 5_000);
    expect(made).toBeLessThanOrEqual(madeBy[i].at);
  }
  // Nothing personal left on the device.
  const device = await keptOnDevice(page);
  for (const { email } of madeBy) expect(device.includes(email), email).toBe(false);
});

test("a half-typed form left for two minutes is cleared for the next person; each input starts the two minutes again; staff leave event mode", async ({ page }) => {
  await page.clock.install();
  await page.goto(`${ACTION}?event=${encodeURIComponent(EVENT)}`);
  await heading(page, TITLE);
  await expect(panel(page)).toBeVisible();
  const f = form(page);
  await f.getByLabel("First name").fill("Dvorah");
  await page.clock.runFor(110_000);
  await f.getByLabel("Email").fill("dvorah@exam");
  await page.clock.runFor(110_000);
  await expect(f.getByLabel("First name"), "an input less than two minutes ago").toHaveValue("Dvorah");
  await page.clock.runFor(11_000);
  await expect(f.getByText("The form was cleared after two minutes without input.")).toBeVisible();
  await expect(f.getByLabel("First name")).toHaveValue("");
  await expect(f.getByLabel("Email")).toHaveValue("");
  expect(await page.content()).not.toContain("Dvorah");
  await expectNoAxeViolations(page);
  // An untouched form is left as it is.
  await page.clock.runFor(130_000);
  await expect(f.getByText("The form was cleared after two minutes without input.")).toBeVisible();

  // Leaving: the page as any visitor has it, its fields with their own names again.
  await panel(page).getByRole("button", { name: "Leave event mode" }).click();
  await heading(page, TITLE);
  await expect(page.getByRole("region", { name: /^Event mode/ })).toBeHidden();
  await expect(f.getByLabel("Email")).toHaveAttribute("name", "email");
  expect(await page.evaluate(() => JSON.stringify({ ...sessionStorage }))).not.toContain(EVENT);
  await page.reload();
  await expect(page.getByRole("region", { name: /^Event mode/ })).toBeHidden();
});
