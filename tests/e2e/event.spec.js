// Event mode (campaign_core::petition::event, js/event-mode.js, signer/src/form/event.rs): staff
// hand one tablet round a room, and the tablet can be lost. A link starts it; staff choose the
// event's passphrase; each signature is sealed as it is made, so a copy of everything the browser
// keeps for the site holds none of the signers' details, in any encoding; staff unlock to send;
// a wrong passphrase opens nothing and makes the next try wait; a file of the sealed signatures
// moves them to another device, where each goes once; between people, a screen with nothing of
// the last; a half-filled form left alone counts down, then clears; leaving with signatures
// waiting needs the passphrase. The build's endpoint goes to this worker's receiver that keeps
// every copy it gets, so a second copy would show; the service worker is let in, as on a tablet.
import { test, expect } from "@playwright/test";
import { readFileSync } from "node:fs";
import { NO_DEDUPE_RECEIVER, RECEIVER, launchOptions, receiverFor } from "./playwright.config.js";
import { eventPanel, everythingKept, expectNoAxeViolations, foundIn, heading, outbox, petitionForm as form, receiverAt, staff, startEvent, unlockEvent } from "./helpers.js";

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
const PASSPHRASE = "violet tortoise under seven bridges";
const received = receiverAt(NO_DEDUPE_RECEIVER);
// Real names, of every shape a room brings.
const NAMES = ["Ana María", "Nguyễn Thị Minh", "Seán O’Brien", "Zoë", "李小龍", "Dvorah", "José-Luis", "Aaliyah", "Ólafur", "Mariam"];
/** The i-th person of a room: details that appear nowhere else, so finding one anywhere is a leak. */
const person = (i, room = "rally") => ({
  given: NAMES[i % NAMES.length],
  family: `Quelvar${i}${room}`,
  email: `person${i}.${room}@example.org`,
  postal: `ZQ${i} 8XW`,
});

/** The form's fields as the browser's autofill sees them: their names and autocomplete. */
function fieldNames(page) {
  const fields = ["given_name", "family_name", "email", "country", "postal_code"].map((f) => `#petition-${f}`).join(", ");
  return page.locator(fields).evaluateAll((els) => els.map((e) => `${e.name}:${e.autocomplete}`));
}

/** The next person signs, as they do: the start button, the form, the submit. */
async function signs(page, p, optIn = false) {
  await page.getByRole("button", { name: "Add your name" }).click();
  const f = form(page);
  await f.getByLabel("First name").fill(p.given);
  await f.getByLabel("Last name").fill(p.family);
  await f.getByLabel("Email").fill(p.email);
  await f.getByLabel("Country").selectOption("GB");
  await f.getByLabel("Postal code").fill(p.postal);
  if (optIn) await f.getByRole("checkbox").check();
  await f.getByRole("button", { name: "Sign the petition" }).click();
  await expect(f.getByText("Signed. Thank you! The form is ready for the next person.")).toBeVisible();
}

/** Waits until the service worker controls the page. */
const controlled = (page) => page.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });

test.beforeEach(async () => {
  await received("/__reset", {});
});

test("a room's fifty signatures, made with no signal, sealed as they are made: a copy of everything the browser keeps holds none of them; a wrong passphrase opens nothing; the right one sends all fifty, each once, in order", async ({ page, context }) => {
  test.setTimeout(240_000);
  // Starting: a weak passphrase is refused with its reason, and a strong one can be suggested.
  await page.goto(`${ACTION}?event=${encodeURIComponent(EVENT)}`);
  const panel = eventPanel(page, EVENT);
  await expect(panel).toBeVisible();
  await expect(page.locator("#petition-form")).toBeHidden();
  await panel.getByLabel("Passphrase", { exact: true }).fill("shabbat2026");
  await panel.getByLabel("The passphrase again").fill("shabbat2026");
  await panel.getByRole("button", { name: "Start event mode" }).click();
  await expect(panel.getByRole("alert")).toHaveText("Use at least 12 characters: four unrelated words work well, or the suggested one.");
  await panel.getByLabel("Passphrase", { exact: true }).fill("Shabbat rally, 2026!");
  await panel.getByLabel("The passphrase again").fill("Shabbat rally, 2026!");
  await panel.getByRole("button", { name: "Start event mode" }).click();
  await expect(panel.getByRole("alert")).toHaveText("It is too easy to guess: it is built on a common word or the event’s name. Add at least 10 more letters or digits, or use the suggested one.");
  await panel.getByRole("button", { name: "Suggest a strong one" }).click();
  await expect(panel.getByText(/^Suggested: [2-9A-HJKMNP-Z]{4}(-[2-9A-HJKMNP-Z]{4}){3}\. Write it down/)).toBeVisible();
  await expectNoAxeViolations(page);
  await startEvent(page, ACTION, EVENT, PASSPHRASE);
  await heading(page, TITLE);
  await expect(panel.getByText(`Source code of its signatures: ${EVENT_CODE}`)).toBeVisible();
  // The link's parameter leaves the address; the tab stays in event mode.
  await expect.poll(() => new URL(page.url()).search).toBe("");
  await expect(page.locator("#petition-form")).toHaveAttribute("autocomplete", "off");
  await controlled(page);
  await expectNoAxeViolations(page);
  const historyLength = await page.evaluate(() => history.length);

  await context.setOffline(true);
  let names = null;
  const madeAt = [];
  for (let i = 1; i <= 50; i++) {
    const p = person(i);
    await signs(page, p, i % 2 === 1);
    madeAt.push(Date.now());
    // Between people: the screen with nothing of the last one, on the page, in the fields …
    await expect(page.getByRole("button", { name: "Add your name" })).toBeFocused();
    const html = await page.content();
    const values = await page.locator("input, select, textarea").evaluateAll((els) => els.map((e) => e.value).join("\n"));
    for (const text of [p.given, p.family, p.email, p.postal]) {
      expect(html.includes(text), `${text} left in the page`).toBe(false);
      expect(values.includes(text), `${text} left in a field`).toBe(false);
    }
    expect(await page.evaluate(() => history.length)).toBe(historyLength);
    // … and fresh field names for each person, with autofill off.
    const next = await fieldNames(page);
    for (const [k, name] of next.entries()) {
      expect(name.endsWith(":off"), name).toBe(true);
      if (names) expect(name, "a fresh name for each person").not.toBe(names[k]);
    }
    names = next;
  }
  await expect(panel.getByText("Waiting on this device, sealed: 50")).toBeVisible();
  await expect(panel.getByText("None sent yet")).toBeVisible();
  await expect(panel.getByText("Locked. The signatures are sealed on this device. Unlock to send them.")).toBeVisible();
  expect(await received("/__signatures")).toHaveLength(0);
  await expectNoAxeViolations(page);

  // A copy of everything the browser keeps for the site: none of the fifty, in any encoding.
  // (Read with the signal back, to fetch the worker's script as it is; locked, nothing goes.)
  await context.setOffline(false);
  const kept = await everythingKept(page);
  expect(kept.bodies.length, "the cached pages and files were read").toBeGreaterThan(5);
  const leaks = [];
  for (let i = 1; i <= 50; i++) {
    const p = person(i);
    for (const secret of [p.family, p.email, p.postal, ...(i <= NAMES.length ? [p.given] : [])]) {
      const where = foundIn(kept, secret);
      if (where.length) leaks.push(`${secret}: ${where.join(", ")}`);
    }
  }
  expect(leaks).toEqual([]);
  // The signatures are there, each sealed.
  const box = await outbox(page);
  expect(box.entries).toHaveLength(50);
  for (const e of box.entries) {
    expect(e.sealed.v).toBe(1);
    expect(e.signature).toBeNull();
    expect(e.request).toBeNull();
  }

  expect(await received("/__signatures")).toHaveLength(0);
  // A wrong passphrase opens nothing, and the next try waits, the right one too.
  await unlockEvent(panel, "violet tortoise under six bridges");
  await expect(panel.getByText("That passphrase does not open them. Try again in 2 s.")).toBeVisible();
  await unlockEvent(panel, PASSPHRASE);
  await expect(panel.getByText(/^Wait [12] s before the next try\.$/)).toBeVisible();
  await page.waitForTimeout(2_100);
  expect(await received("/__signatures")).toHaveLength(0);

  // The right one, online: all fifty go, each once, in the order they were made.
  const online = Date.now();
  await unlockEvent(panel, PASSPHRASE);
  await expect(panel.getByText(/^Unlocked until /)).toBeVisible();
  await expect(panel.getByText("Waiting on this device, sealed: 0")).toBeVisible({ timeout: 60_000 });
  await expect(panel.getByText("Sent: 50")).toBeVisible();
  await expect(panel.getByText(/^Last sent at /)).toBeVisible();
  const arrived = await received("/__signatures");
  expect(arrived).toHaveLength(50);
  expect(arrived.map((s) => s.body.person.email_addresses[0].address)).toEqual(Array.from({ length: 50 }, (_, i) => person(i + 1).email));
  for (const [i, { body }] of arrived.entries()) {
    expect(body.referrer_data.source).toBe(EVENT_CODE);
    // The time it was made, not the time it was sent.
    const made = Date.parse(body.action_date);
    expect(made).toBeLessThan(online);
    expect(made).toBeGreaterThanOrEqual(madeAt[i] - 5_000);
    expect(made).toBeLessThanOrEqual(madeAt[i]);
  }
  // Locked by hand: nothing of them left on the device.
  await panel.getByRole("button", { name: "Lock now" }).click();
  await expect(panel.getByText("Locked. The signatures are sealed on this device. Unlock to send them.")).toBeVisible();
  const after = await everythingKept(page);
  for (let i = 1; i <= 50; i++) expect(foundIn(after, person(i).email)).toEqual([]);
});

test("a file of sealed signatures: saved on one browser, imported on another, unlocked there: each arrives once; the same file again, and two tablets' files together, still once", async ({ browser }) => {
  test.setTimeout(180_000);
  /** A tablet of the room: its `count` signatures made with no signal, saved to a file. */
  async function tablet(room, count) {
    const context = await browser.newContext({ serviceWorkers: "allow" });
    const page = await context.newPage();
    const panel = await startEvent(page, ACTION, EVENT, PASSPHRASE);
    await context.setOffline(true);
    for (let i = 1; i <= count; i++) await signs(page, person(i, room));
    await expect(panel.getByText(`Waiting on this device, sealed: ${count}`)).toBeVisible();
    // Saving needs the passphrase (unlocked), and nothing is sent with no signal.
    await unlockEvent(panel, PASSPHRASE);
    const [download] = await Promise.all([page.waitForEvent("download"), panel.getByRole("button", { name: "Save the waiting signatures to a file" }).click()]);
    await expect(panel.getByText(new RegExp(`^Signatures saved: ${count}, to shabbat-rally-\\d{4}-\\d\\d-\\d\\d-${count}-signatures\\.sealed\\.json\\.`))).toBeVisible();
    const path = `target/e2e/${room}-${Date.now()}.sealed.json`;
    await download.saveAs(path);
    const file = readFileSync(path, "utf8");
    for (let i = 1; i <= count; i++) expect(file.includes(person(i, room).email), "the file is sealed too").toBe(false);
    await context.close();
    return path;
  }
  const one = await tablet("north", 3);
  const two = await tablet("south", 2);
  expect(await received("/__signatures")).toHaveLength(0);

  // The laptop at the office: event mode, then both files.
  const context = await browser.newContext({ serviceWorkers: "allow" });
  const page = await context.newPage();
  const panel = await startEvent(page, ACTION, EVENT, PASSPHRASE);
  await staff(panel);
  const importFile = (path) => panel.getByLabel("Import a file of sealed signatures").setInputFiles(path);
  await importFile(one);
  await expect(panel.getByText("Signatures imported: 3; already here or sent: 0.")).toBeVisible();
  await importFile(two);
  await expect(panel.getByText("Signatures imported: 2; already here or sent: 0.")).toBeVisible();
  await importFile(one);
  await expect(panel.getByText("Signatures imported: 0; already here or sent: 3.")).toBeVisible();
  await expect(panel.getByText("Waiting on this device, sealed: 5")).toBeVisible();
  expect(await received("/__signatures")).toHaveLength(0, "locked: nothing goes");
  await unlockEvent(panel, PASSPHRASE);
  await expect(panel.getByText("Waiting on this device, sealed: 0")).toBeVisible({ timeout: 30_000 });
  await expect.poll(async () => (await received("/__signatures")).length).toBe(5);
  // Once sent, a file imported again brings nothing back.
  await importFile(one);
  await expect(panel.getByText("Signatures imported: 0; already here or sent: 3.")).toBeVisible();
  await importFile(two);
  await expect(panel.getByText("Signatures imported: 0; already here or sent: 2.")).toBeVisible();
  await panel.getByRole("button", { name: "Send now" }).click();
  const arrived = (await received("/__signatures")).map((s) => s.body.person.email_addresses[0].address).sort();
  expect(arrived).toEqual([1, 2, 3].map((i) => person(i, "north").email).concat([1, 2].map((i) => person(i, "south").email)).sort());
  await context.close();
});

test("the room: a countdown before a half-filled form is cleared, which any touch stops; none between people; leaving with signatures waiting needs the passphrase and says how many", async ({ page, context }) => {
  test.setTimeout(120_000);
  await page.clock.install();
  const panel = await startEvent(page, ACTION, EVENT, PASSPHRASE);
  await page.getByRole("button", { name: "Add your name" }).click();
  const f = form(page);
  await f.getByLabel("First name").fill("Dvorah");
  await page.clock.runFor(100_000);
  await expect(page.getByText(/^Still there\? Clearing in/)).toBeHidden();
  // 15 s before the two minutes are up.
  await page.clock.runFor(5_000);
  await expect(page.getByText("Still there? Clearing in 15 s")).toBeVisible();
  await expect(page.locator("#petition-status")).toHaveText("Still there? This form will be cleared in 15 seconds. Touch the screen or press a key to keep going.");
  await page.clock.runFor(5_000);
  await expect(page.getByText("Still there? Clearing in 10 s")).toBeVisible();
  await expectNoAxeViolations(page);
  // A touch: the countdown stops, and what was typed stays.
  await page.mouse.click(5, 5);
  await expect(page.getByText(/^Still there\? Clearing in/)).toBeHidden();
  await expect(f.getByLabel("First name")).toHaveValue("Dvorah");
  // Left again: counted down, then cleared, back to the screen between people.
  await page.clock.runFor(105_000);
  await expect(page.getByText("Still there? Clearing in 15 s")).toBeVisible();
  await page.clock.runFor(15_000);
  await expect(f.getByText("The form was cleared after two minutes without input.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Add your name" })).toBeVisible();
  expect(await page.content()).not.toContain("Dvorah");
  // Between people, however long: no countdown.
  await context.setOffline(true);
  await signs(page, person(1, "room"));
  await page.clock.runFor(300_000);
  await expect(page.getByText(/^Still there\? Clearing in/)).toBeHidden();

  // Leaving, with one signature waiting: the passphrase, and how many wait.
  await staff(panel);
  await panel.getByRole("button", { name: "Leave event mode" }).click();
  await expect(panel.getByText("Still waiting on this device, sealed: 1. Enter the passphrase to leave event mode")).toBeVisible();
  await panel.getByLabel("Passphrase", { exact: true }).last().fill("not the passphrase at all");
  await panel.getByRole("button", { name: "Confirm" }).click();
  await expect(panel.getByText("That passphrase does not open them. Try again in 2 s.")).toBeVisible();
  await expect(panel).toBeVisible();
  await page.clock.runFor(3_000);
  await panel.getByLabel("Passphrase", { exact: true }).last().fill(PASSPHRASE);
  await panel.getByRole("button", { name: "Confirm" }).click();
  // The page as any visitor has it, its fields with their own names; the sealed signature stays
  // on the device, shown to no form.
  await heading(page, TITLE);
  await expect(page.getByRole("region", { name: /^Event mode/ })).toHaveCount(0);
  await expect(f.getByLabel("Email")).toHaveAttribute("name", "email");
  await expect(f.getByLabel("Email")).toBeVisible();
  await expect(f.getByText("Saved on this device", { exact: false })).toHaveCount(0);
  expect((await outbox(page)).entries.map((e) => Boolean(e.sealed))).toEqual([true]);
});

test("a signature the endpoint refused: the reason, without the signer's details; tried again, it goes once; deleted, only with the passphrase", async ({ page, context }) => {
  const panel = await startEvent(page, ACTION, EVENT, PASSPHRASE);
  const [one, two] = [person(1, "refused"), person(2, "refused")];
  // The endpoint refuses every signature for now, naming the signer in its reason, as real
  // endpoints do ("… is already signed up").
  const cors = { "access-control-allow-origin": "*", "access-control-allow-headers": "content-type", "access-control-allow-methods": "POST" };
  let refusing = true;
  await context.route("**/record_signature_helper", async (route) => {
    if (!refusing) return route.fallback();
    if (route.request().method() === "OPTIONS") return route.fulfill({ status: 204, headers: cors });
    const email = JSON.parse(route.request().postData()).person.email_addresses[0].address;
    return route.fulfill({ status: 422, headers: { ...cors, "content-type": "application/json" }, body: JSON.stringify({ error: `${email} may not sign this twice` }) });
  });
  await signs(page, one);
  await signs(page, two);
  await unlockEvent(panel, PASSPHRASE);
  await expect(panel.getByText("Refused by the endpoint: 2")).toBeVisible({ timeout: 30_000 });
  const refusals = panel.getByRole("listitem").filter({ hasText: /^Refused: / });
  await expect(refusals).toHaveCount(2);
  for (const text of await refusals.allInnerTexts()) {
    expect(text).toContain("may not sign this twice");
    expect(text).not.toContain("refused@example.org");
  }
  // Kept sealed, the reason too without the signer in it.
  const kept = await everythingKept(page);
  for (const p of [one, two]) expect(foundIn(kept, p.email)).toEqual([]);
  await expectNoAxeViolations(page);
  expect(await received("/__signatures")).toHaveLength(0);

  // The endpoint is mended: tried again, the first goes, once.
  refusing = false;
  await refusals.first().getByRole("button", { name: "Try again" }).click();
  await expect.poll(async () => (await received("/__signatures")).map((s) => s.body.person.email_addresses[0].address)).toEqual([one.email]);
  await expect(refusals).toHaveCount(1);
  // Deleting the other asks for the passphrase; a wrong one deletes nothing.
  await refusals.first().getByRole("button", { name: "Delete" }).click();
  await expect(panel.getByText("Delete this signature for good? Enter the passphrase to confirm.")).toBeVisible();
  await panel.getByLabel("Passphrase", { exact: true }).last().fill("not the passphrase at all");
  await panel.getByRole("button", { name: "Confirm" }).click();
  await expect(panel.getByText("That passphrase does not open them. Try again in 2 s.")).toBeVisible();
  await expect(refusals).toHaveCount(1);
  await page.waitForTimeout(2_100);
  await panel.getByLabel("Passphrase", { exact: true }).last().fill(PASSPHRASE);
  await panel.getByRole("button", { name: "Confirm" }).click();
  await expect(refusals).toHaveCount(0);
  await expect(panel.getByText("Refused by the endpoint: 0")).toBeVisible();
  await expect(panel.getByText("Waiting on this device, sealed: 0")).toBeVisible();
  expect((await outbox(page)).entries).toEqual([]);
  // The deleted one never went.
  expect((await received("/__signatures")).map((s) => s.body.person.email_addresses[0].address)).toEqual([one.email]);
});
