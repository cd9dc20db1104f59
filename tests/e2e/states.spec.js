// Actions that no longer take signatures, from content files (tests/content-states/, built into
// the subfolder build by `make dist`, whose home page features the won one): their pages say
// what happened instead of showing the form and point to the open actions; the lists show
// each action's status; the home page never offers one as the current action; the embeds say
// the same.
import { test, expect } from "@playwright/test";
import { RECEIVER, SUBFOLDER } from "./playwright.config.js";
import { expectNoAxeViolations, heading, receiverAt } from "./helpers.js";

const GUANTANAMO = "Tell President Trump: Don’t Send Migrants to Guantánamo!";

for (const [slug, title, said, text, extra] of [
  ["closed-example", "Example closed petition: keep families together", "This petition has closed", "It no longer takes signatures.", "Closed on June 30, 2025."],
  ["won-example", "Example won petition: end the detention contract", "We won", "What this petition asked for has happened", null],
]) {
  test(`a ${slug.split("-")[0]} action's page says so in place of its form, and points to the open actions`, async ({ page }) => {
    await page.goto(`${SUBFOLDER}/act/${slug}/`);
    await heading(page, title);
    const main = page.getByRole("main");
    // Whom it addressed and what people signed stay.
    await expect(main.getByText("To:", { exact: true })).toBeVisible();
    await expect(main.locator("blockquote")).toHaveText(slug === "won-example" ? "End the detention contract." : "Keep families together.");
    const section = page.getByRole("region", { name: said });
    await expect(section).toContainText(text);
    if (extra) await expect(section).toContainText(extra);
    // No form, no field, no way to sign it.
    await expect(main.getByRole("textbox")).toHaveCount(0);
    await expect(main.getByRole("button")).toHaveCount(0);
    await expect(main.locator("form")).toHaveCount(0);
    // The open action, linked.
    await section.getByRole("link", { name: GUANTANAMO }).click();
    await heading(page, GUANTANAMO);
    await page.goBack();
    await heading(page, title);
    await expectNoAxeViolations(page);
  });
}

test("a won letter's page says so in place of its form, keeps the letter as sent, and points to the open actions", async ({ page }) => {
  const title = "Example won letter: let asylum seekers stay";
  await page.goto(`${SUBFOLDER}/act/won-letter/`);
  await heading(page, title);
  const main = page.getByRole("main");
  await expect(main.getByText("To:", { exact: true })).toBeVisible();
  await expect(main.getByText("We write as rabbis and cantors to ask that asylum seekers be allowed to stay.")).toBeVisible();
  const section = page.getByRole("region", { name: "We won" });
  await expect(section).toContainText("What this letter asked for has happened");
  await expect(main.getByRole("textbox")).toHaveCount(0);
  await expect(main.getByRole("combobox")).toHaveCount(0);
  await expect(main.locator("form")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await section.getByRole("link", { name: "Rabbis and Cantors to Congress: Welcome the Stranger" }).click();
  await heading(page, "Rabbis and Cantors to Congress: Welcome the Stranger");
  await expect(page.getByRole("region", { name: "Add your name" })).toBeVisible();
});

test("the list shows each action's status; the home page offers only an open action", async ({ page }) => {
  await page.goto(`${SUBFOLDER}/act/`);
  await heading(page, "Take action");
  const card = (name) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
  await expect(card(GUANTANAMO)).toContainText("Open");
  await expect(card("Example closed petition: keep families together")).toContainText("Closed");
  await expect(card("Example won petition: end the detention contract")).toContainText("Won");
  await expect(card(PASSED)).toContainText("Closed");
  await expect(card(LATER)).toContainText("Open");
  await expectNoAxeViolations(page);

  // home.md features the won action: the page offers the open one instead.
  await page.goto(`${SUBFOLDER}/`);
  const now = page.getByRole("region", { name: GUANTANAMO });
  await expect(now).toBeVisible();
  await expect(now.getByRole("link", { name: "Sign the petition" })).toBeVisible();
  await expect(page.getByText("Example won petition")).toHaveCount(0);
});

test("the embed of a closed action says the same, and of the open one shows its ask", async ({ request }) => {
  const closed = await (await request.get(`${SUBFOLDER}/embed/act/closed-example.html`)).text();
  expect(closed).toContain("This petition has closed");
  expect(closed).toContain("Keep families together.");
  expect(closed).not.toContain("<form");
  const open = await (await request.get(`${SUBFOLDER}/embed/act/guantanamo.html`)).text();
  expect(open).toContain("President Trump");
  expect(open).toContain("Don’t send migrants to Guantánamo!");
  expect(open).toContain("<form");
});

/* ---- An action's last day (`ends`) ---- */

const PASSED = "Example petition past its last day: protect asylum seekers";
const LATER = "Example petition with a last day: release the families";
const LATER_PAGE = `${SUBFOLDER}/act/ends-later/`;
const received = receiverAt(RECEIVER);
/** The signatures of the petition with a last day that reached the endpoint. */
const laterSignatures = async () => (await received("/__signatures")).filter((s) => JSON.stringify(s.body).includes("ends-later"));

test("an open petition whose last day was yesterday is closed by the build, which went on: its page says so, with no form", async ({ page }) => {
  await page.goto(`${SUBFOLDER}/act/ends-passed/`);
  await heading(page, PASSED);
  const main = page.getByRole("main");
  await expect(page.getByRole("region", { name: "This petition has closed" })).toContainText(/Closed on \w+ \d+, \d{4}\./);
  await expect(main.locator("form")).toHaveCount(0);
  await expect(main.getByText(/^Closes on/)).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("a page built open, visited once its last day has passed by the browser's clock, shows it closed and takes no signature", async ({ page }) => {
  // The last hour of its last day (UTC): open.
  await page.clock.install({ time: new Date("2031-01-31T23:00:00Z") });
  await page.goto(LATER_PAGE);
  await heading(page, LATER);
  const form = page.getByRole("region", { name: "Sign the petition with a last day" });
  await expect(form).toBeVisible();
  await expect(page.getByText("Closes on January 31, 2031.")).toBeVisible();
  await form.getByLabel("First name").fill("Ana");
  await form.getByLabel("Email").fill("ana.later@example.org");
  await form.getByLabel("ZIP code").fill("10001");
  // The page stays open past midnight UTC: the submit sends nothing, and the page says it closed.
  await page.clock.setSystemTime(new Date("2031-02-01T00:00:05Z"));
  await form.getByRole("button", { name: "Sign the petition with a last day" }).click();
  const closed = page.getByRole("region", { name: "This petition has closed" });
  await expect(closed).toBeVisible();
  await expect(closed).toBeFocused();
  await expect(closed).toContainText("Closed on January 31, 2031.");
  await expect(form).toBeHidden();
  await expect(page.getByText("Closes on January 31, 2031.")).toBeHidden();
  await expectNoAxeViolations(page);
  // Loaded again after that day: closed from the start, in the lists too.
  await page.reload();
  await heading(page, LATER);
  await expect(closed).toBeVisible();
  await expect(page.getByRole("main").getByRole("textbox")).toHaveCount(0);
  await page.goto(`${SUBFOLDER}/act/`);
  const card = page.getByRole("listitem").filter({ has: page.getByRole("link", { name: LATER }) });
  await expect(card.getByText("Closed", { exact: true })).toBeVisible();
  await expect(card.getByText("Open", { exact: true })).toBeHidden();
  expect((await laterSignatures()).filter((s) => JSON.stringify(s.body).includes("ana.later@example.org"))).toHaveLength(0);
});

test("a signature made before the last day, still waiting when it passes, is sent once the device is online", async ({ page, context }) => {
  await page.clock.install({ time: new Date("2031-01-31T22:00:00Z") });
  await page.goto(LATER_PAGE);
  const form = page.getByRole("region", { name: "Sign the petition with a last day" });
  await form.getByLabel("First name").fill("Miriam");
  await form.getByLabel("Email").fill("miriam.later@example.org");
  await form.getByLabel("ZIP code").fill("10001");
  // The signer came with the first field; then the signal goes.
  await expect(page.locator("[data-sign-ready][data-action=ends-later]")).toHaveCount(1);
  await context.setOffline(true);
  await form.getByRole("button", { name: "Sign the petition with a last day" }).click();
  await expect(form.getByText("Saved on this device.", { exact: false })).toBeVisible();
  // The day passes; the device comes back online, and the page is opened again.
  await page.clock.setSystemTime(new Date("2031-02-01T01:00:00Z"));
  await context.setOffline(false);
  await page.reload();
  await expect(page.getByRole("region", { name: "This petition has closed" })).toBeVisible();
  // The page's own attempt on coming online may have been cut short by the reload: the signature
  // then waits out that attempt's 20 s lease (as in petition.spec.js's reload test), so 35 s.
  await expect.poll(async () => (await laterSignatures()).map((s) => s.body.person.email_addresses[0].address), { timeout: 35_000 }).toEqual(["miriam.later@example.org"]);
});
