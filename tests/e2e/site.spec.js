// The whole site, as a visitor uses it.
import { test, expect } from "@playwright/test";
import { ALL_ROUTES, CHROME, ROUTES, expectNoAxeViolations, heading, ready, watch } from "./helpers.js";

for (const route of ALL_ROUTES) {
  test(`${route.path} shows its content, passes axe-core and fits 360 px`, async ({ page }) => {
    const seen = watch(page);
    await page.setViewportSize({ width: 360, height: 740 });
    await page.goto(route.path);
    await heading(page, route.heading);
    await expect(page.getByText(route.text).first()).toBeVisible();
    await expect(page).toHaveTitle(/· T’ruah$/);
    const description = await page.locator('meta[name="description"]').last().getAttribute("content");
    expect(description?.length ?? 0).toBeGreaterThan(20);
    // Chrome: a skip link, a header with navigation, main, and the footer's signup call.
    await expect(page.locator("html")).toHaveAttribute("lang", route.lang);
    await expect(page.getByRole("navigation", { name: CHROME[route.lang].nav })).toBeVisible();
    await expect(page.getByRole("main")).toBeVisible();
    await expect(page.getByRole("contentinfo").getByRole("heading", { name: CHROME[route.lang].signup })).toBeVisible();
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);
    expect(overflow, "horizontal scrolling at 360 px").toBeLessThanOrEqual(0);
    // Before axe-core runs: on a page with a shadow root (the /embed/ preview) it injects a
    // <style> element, which the site's CSP rightly refuses.
    const errors = [...seen.errors];
    await expectNoAxeViolations(page);
    expect(errors).toEqual([]);
    expect(seen.foreign, "requests to other hosts").toEqual([]);
  });
}

test("the issue page carries all of the seed's text", async ({ page }) => {
  await page.goto("/issues/immigration-justice");
  const main = page.getByRole("main");
  await expect(main.getByRole("blockquote")).toContainText("Therefore, love the ger*: for you were gerim in the land of Egypt.");
  await expect(main.getByText("Deuteronomy 10:19")).toBeVisible();
  for (const text of [
    "Most immigrants to the U.S. come seeking safety",
    "But our country’s policies towards immigrants remain far from our shared vision.",
    "The U.S. must follow both its own laws and international human rights law",
    "Pursuing immigration justice is deeply connected to all of the issues we advance at T’ruah",
    "In the fight for true immigrant justice and relief, we need all hands on deck.",
    "In the Torah, the word “ger” refers to a person who came from elsewhere",
    "Read more about our approach to working in coalition",
    "Come and Learn: A Modern Immigration Midrash",
  ]) {
    await expect(main.getByText(text).first()).toBeVisible();
  }
  await expect(main.getByRole("heading", { name: "Our work includes:" })).toBeVisible();
  const work = main.getByRole("list").filter({ hasText: "BIMA Campaign" }).getByRole("listitem");
  await expect(work).toHaveCount(5);
  await expect(main.getByRole("heading", { name: "Partners" })).toBeVisible();
  for (const name of ["HIAS", "Interfaith Immigration Coalition", "All In For Registry"]) {
    await expect(main.getByRole("heading", { name, exact: true })).toBeVisible();
  }
  await expect(main.getByRole("link", { name: "Tell President Trump: Don’t Send Migrants to Guantánamo!" })).toBeVisible();
  await expect(main.getByRole("heading", { name: "Sign up for updates and action alerts" })).toBeVisible();
});

test("the footnote on ger is linked from the asterisk and back", async ({ page }) => {
  await page.goto("/issues/immigration-justice");
  await page.getByRole("link", { name: "Note *" }).click();
  await expect(page).toHaveURL(/#note-ger$/);
  const note = page.locator("#note-ger");
  await expect(note).toBeInViewport();
  await note.getByRole("link", { name: "Back to text" }).click();
  await expect(page).toHaveURL(/#ref-ger$/);
  await expect(page.locator("#ref-ger")).toBeInViewport();
});

test("the issues list links only issues that have a page", async ({ page }) => {
  await page.goto("/issues");
  await heading(page, "Issues");
  const main = page.getByRole("main");
  await expect(main.getByRole("link", { name: "Immigration Justice" })).toBeVisible();
  for (const name of ["Democracy", "Mass incarceration", "Worker justice"]) {
    await expect(main.getByRole("heading", { name })).toBeVisible();
    await expect(main.getByRole("link", { name })).toHaveCount(0);
  }
});

test("partners and resources link out with rel=noopener", async ({ page }) => {
  await page.goto("/partners");
  await heading(page, "Coalition partners");
  const outbound = page.getByRole("main").locator('a[href^="http"]');
  expect(await outbound.count()).toBeGreaterThanOrEqual(4);
  for (const rel of await outbound.evaluateAll((as) => as.map((a) => a.rel))) expect(rel).toContain("noopener");
  await page.goto("/resources");
  await expect(page.getByText("Passover seder reading")).toBeVisible();
  await expect(page.getByText("Read at your seder table where your haggadah instructs you to read the midrash on “My Father Was A Wandering Aramean” during Magid.")).toBeVisible();
});

test("clicking through the site never reloads the page, marks the current page and moves focus", async ({ page }) => {
  const seen = watch(page);
  await page.goto("/");
  await heading(page, "Welcome immigrants with dignity and compassion");
  await ready(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const nav = page.getByRole("navigation", { name: "Main" });
  await expect(nav.getByRole("link", { name: "Home" })).toHaveAttribute("aria-current", "page");

  const steps = [
    ["Partners", "Coalition partners"],
    ["Resources", "Resources"],
    ["Issues", "Issues"],
    ["Take action", "Take action"],
  ];
  for (const [link, title] of steps) {
    await nav.getByRole("link", { name: link }).click();
    await heading(page, title);
    await expect(nav.getByRole("link", { name: link })).toHaveAttribute("aria-current", "page");
    await expect(nav.locator('[aria-current="page"]')).toHaveCount(1);
    await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
    await expect(page).toHaveTitle(new RegExp(`^${title}`));
  }
  await page.getByRole("main").getByRole("link", { name: /Guantánamo/ }).click();
  await heading(page, "Tell President Trump: Don’t Send Migrants to Guantánamo!");
  await expect(nav.getByRole("link", { name: "Take action" })).toHaveAttribute("aria-current", "page");
  await page.getByRole("main").getByRole("link", { name: "Immigration Justice" }).click();
  await heading(page, "Immigration Justice");
  await expect(nav.getByRole("link", { name: "Issues" })).toHaveAttribute("aria-current", "page");
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  expect(seen.errors).toEqual([]);
});

test("back and forward restore the page and its scroll position", async ({ page }) => {
  await page.setViewportSize({ width: 375, height: 600 });
  await page.goto("/issues/immigration-justice/");
  await heading(page, "Immigration Justice");
  await ready(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const link = page.getByRole("main").getByRole("link", { name: "Tell President Trump: Don’t Send Migrants to Guantánamo!" });
  await link.scrollIntoViewIfNeeded();
  const before = await page.evaluate(() => window.scrollY);
  expect(before).toBeGreaterThan(500);
  await link.click();
  await heading(page, "Tell President Trump: Don’t Send Migrants to Guantánamo!");
  await expect.poll(() => page.evaluate(() => window.scrollY), { message: "a new page starts at the top" }).toBe(0);

  await page.goBack();
  await heading(page, "Immigration Justice");
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBeGreaterThan(before - 5);
  expect(await page.evaluate(() => window.scrollY)).toBeLessThan(before + 5);

  await page.goForward();
  await heading(page, "Tell President Trump: Don’t Send Migrants to Guantánamo!");
  await expect.poll(() => page.evaluate(() => window.scrollY)).toBe(0);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
});

test("deep links load directly, with or without the trailing slash", async ({ page }) => {
  for (const path of ["/issues/immigration-justice", "/act/guantanamo/", "/partners", "/thanks/"]) {
    const response = await page.goto(path);
    expect(response.status()).toBe(200);
    await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
    await expect(page.getByRole("heading", { level: 1 })).not.toHaveText("Page not found");
  }
});

for (const path of ["/no-such-page", "/issues/democracy", "/act/no-such-action", "/issues/immigration-justice/extra"]) {
  test(`${path} shows the not-found page`, async ({ page }) => {
    const response = await page.goto(path);
    expect(response.status(), "a static host answers an unknown address with 404").toBe(404);
    await heading(page, "Page not found");
    await ready(page);
    await expect(page.getByRole("main")).toContainText(path);
    await expect(page).toHaveTitle(/^Page not found/);
    await page.getByRole("link", { name: "Go to the home page" }).click();
    await heading(page, "Welcome immigrants with dignity and compassion");
    await expectNoAxeViolations(page);
  });
}

test("the skip link takes keyboard users to the content", async ({ page }) => {
  await page.goto("/partners");
  await heading(page, "Coalition partners");
  await page.keyboard.press("Tab");
  const skip = page.getByRole("link", { name: "Skip to content" });
  await expect(skip).toBeFocused();
  await expect(skip).toBeInViewport();
  await page.keyboard.press("Enter");
  await expect(page.getByRole("main")).toBeFocused();
});

// The browser build carries no page: it fetches the prerendered page it is about to show
// (src/browser/), as soon as the visitor points at a link.
test("pointing at a link fetches its page before the click, so the click needs no network", async ({ page, context }) => {
  await page.goto("/");
  await ready(page);
  await page.evaluate(() => (window.__sameDocument = true));
  const fetched = [];
  page.on("request", (r) => { if (r.resourceType() === "fetch") fetched.push(new URL(r.url()).pathname); });
  const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" });
  await link.hover();
  await expect.poll(() => fetched).toContain("/partners/");
  await page.waitForLoadState("networkidle");
  // The page is here already: even offline, the click shows it at once.
  await context.setOffline(true);
  await link.click();
  await heading(page, "Coalition partners");
  await expect(page.getByRole("heading", { level: 1 })).toBeFocused();
  await context.setOffline(false);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  expect(fetched.filter((p) => p === "/partners/"), "fetched once").toHaveLength(1);
});

test("a page that cannot be fetched loads as any link's does: never a dead click", async ({ page }) => {
  await page.goto("/");
  await ready(page);
  await page.evaluate(() => (window.__sameDocument = true));
  await page.route("**/resources/", (route) => (route.request().resourceType() === "fetch" ? route.abort("connectionreset") : route.continue()));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Resources" }).click();
  await heading(page, "Resources");
  expect(new URL(page.url()).pathname).toBe("/resources/");
  expect(await page.evaluate(() => window.__sameDocument), "an ordinary page load").toBeUndefined();
  await page.goBack();
  await heading(page, "Welcome immigrants with dignity and compassion");
});

test("a link to an address without a page shows the not-found page in place, naming it", async ({ page }) => {
  const seen = watch(page);
  await page.goto("/act/");
  await ready(page);
  await page.evaluate(() => {
    window.__sameDocument = true;
    const a = document.createElement("a");
    a.href = "/act/no-such-action/";
    a.textContent = "A link that goes nowhere";
    document.querySelector("main").append(a);
  });
  await page.getByRole("link", { name: "A link that goes nowhere" }).click();
  await heading(page, "Page not found");
  await expect(page.getByRole("main")).toContainText("/act/no-such-action/");
  await expect(page).toHaveTitle(/^Page not found/);
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  expect(seen.errors.filter((e) => !e.includes("status of 404"))).toEqual([]);
});
