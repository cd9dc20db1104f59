// Actions that no longer take signatures, from content files (tests/content-states/, built into
// the subfolder build by `make dist`, whose home page features the won one): their pages say
// what happened instead of showing the form and point to the open actions; the lists show
// each action's status; the home page never offers one as the current action; the embeds say
// the same.
import { test, expect } from "@playwright/test";
import { SUBFOLDER } from "./playwright.config.js";
import { expectNoAxeViolations, heading } from "./helpers.js";

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

test("the list shows each action's status; the home page offers only an open action", async ({ page }) => {
  await page.goto(`${SUBFOLDER}/act/`);
  await heading(page, "Take action");
  const card = (name) => page.getByRole("listitem").filter({ has: page.getByRole("link", { name }) });
  await expect(card(GUANTANAMO)).toContainText("Open");
  await expect(card("Example closed petition: keep families together")).toContainText("Closed");
  await expect(card("Example won petition: end the detention contract")).toContainText("Won");
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
