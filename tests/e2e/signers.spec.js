// A letter's list of signers, as published: 1,000 approved signers who asked to be listed (the
// subfolder build reads them from a file staff export, tests/support/make-signers.mjs), on a
// page of their own, grouped by US state then country; filtered on the page as a visitor
// types, with no request; whole and readable with JavaScript off.
import { test, expect } from "@playwright/test";
import { SUBFOLDER } from "./playwright.config.js";
import { expectNoAxeViolations, heading, watch } from "./helpers.js";

const LETTER = `${SUBFOLDER}/act/clergy-letter/`;
const TITLE = "Rabbis and Cantors to Congress: Welcome the Stranger";
const LIST = `Who signed: ${TITLE}`;
const STATES = ["California", "District of Columbia", "Florida", "Illinois", "Massachusetts", "New York", "Pennsylvania", "Texas", "Washington"];
const COUNTRIES = ["Argentina", "Canada", "Germany", "Israel", "Mexico", "United Kingdom"];

test("the letter links its 1,000 listed signers; they are grouped by state, then country, and the filter finds a name as it is typed, accents or not, without a request", async ({ page }) => {
  const seen = watch(page);
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(LETTER);
  await heading(page, TITLE);
  await page.getByRole("link", { name: "Read the 1,000 names listed with the letter" }).click();
  await heading(page, LIST);
  const main = page.getByRole("main");
  const groups = main.getByRole("region");
  expect(await main.getByRole("heading", { level: 2 }).allTextContents()).toEqual([...STATES, ...COUNTRIES]);
  const names = main.getByRole("listitem");
  await expect(names).toHaveCount(1000);
  // A line: title, name, congregation, city; sorted by family name within its place.
  const newYork = groups.filter({ has: page.getByRole("heading", { name: "New York" }) }).getByRole("listitem");
  const first = await newYork.first().textContent();
  expect(first).toMatch(/^(Rabbi|Cantor|Rabbinical student|Cantorial student|Chaplain|Other clergy) \S/);
  const families = await newYork.evaluateAll((items) => items.map((li) => li.textContent));
  expect(families.length).toBeGreaterThan(10);
  await expectNoAxeViolations(page);

  // Once the page has settled (its script, its count), typing asks nothing of the network.
  await page.waitForLoadState("networkidle");
  const requestsBefore = requests.length;
  const filter = page.getByRole("searchbox", { name: "Find a name, a congregation or a place" });
  await filter.pressSequentially("garcia lopez");
  const shown = page.getByRole("status").filter({ hasText: /of 1,000 shown/ });
  await expect(shown).toHaveText(/^\d+ of 1,000 shown$/);
  const found = main.getByRole("listitem");
  const count = await found.count();
  expect(count).toBeGreaterThan(0);
  expect(count).toBeLessThan(1000);
  await expect(shown).toHaveText(`${count} of 1,000 shown`);
  for (const text of await found.allTextContents()) expect(text).toContain("García-López");
  // Places without a match are hidden with their heading.
  expect(await main.getByRole("heading", { level: 2 }).count()).toBeLessThanOrEqual(STATES.length + COUNTRIES.length);
  // A congregation, and a place's name, find theirs too.
  await filter.fill("toronto");
  for (const text of await found.allTextContents()) expect(text).toContain("Toronto");
  await filter.fill("nobody like this");
  await expect(main.getByText("No listed signer matches that.")).toBeVisible();
  await expect(main.getByRole("listitem")).toHaveCount(0);
  await expectNoAxeViolations(page);
  await filter.fill("");
  await expect(main.getByRole("listitem")).toHaveCount(1000);
  await expect(main.getByText("No listed signer matches that.")).toBeHidden();
  expect(requests.slice(requestsBefore), "the filter asks nothing of the network").toEqual([]);
  expect(seen.errors).toEqual([]);
});

test("with JavaScript off, the whole list reads as plain HTML, with no filter to mislead", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto(LETTER);
  await page.getByRole("link", { name: "Read the 1,000 names listed with the letter" }).click();
  await heading(page, LIST);
  await expect(page.getByRole("main").getByRole("listitem")).toHaveCount(1000);
  await expect(page.getByRole("searchbox")).toHaveCount(0);
  await context.close();
});
