// English and Spanish: the switcher, the remembered choice, and no guessing from the browser.
import { test, expect } from "@playwright/test";
import { heading, ready } from "./helpers.js";

test("the switcher goes to the same page in the other language, and back", async ({ page }) => {
  await page.goto("/partners/");
  await ready(page);
  const toSpanish = page.getByRole("banner").getByRole("link", { name: "Español" });
  await expect(toSpanish).toHaveAttribute("hreflang", "es");
  await expect(toSpanish).toHaveAttribute("lang", "es");
  await toSpanish.click();
  await heading(page, "Aliados de la coalición");
  expect(new URL(page.url()).pathname).toBe("/es/partners/");
  await expect(page.locator("html")).toHaveAttribute("lang", "es");
  await ready(page);
  // After routing inside the Spanish site, the switcher follows the page.
  await page.getByRole("navigation", { name: "Principal" }).getByRole("link", { name: "Actúa" }).click();
  await heading(page, "Actúa");
  const toEnglish = page.getByRole("banner").getByRole("link", { name: "English" });
  await expect(toEnglish).toHaveAttribute("href", "/act/");
  await toEnglish.click();
  await heading(page, "Take action");
  expect(new URL(page.url()).pathname).toBe("/act/");
});

test("the choice is remembered: a visitor who chose Spanish gets Spanish pages next time", async ({ page }) => {
  await page.goto("/");
  await page.getByRole("banner").getByRole("link", { name: "Español" }).click();
  await heading(page, "Recibamos a las personas inmigrantes con dignidad y compasión");
  // A link to an English page, from elsewhere: the Spanish version opens.
  await page.goto("/issues/immigration-justice/");
  await heading(page, "Justicia migratoria");
  expect(new URL(page.url()).pathname).toBe("/es/issues/immigration-justice/");
  // Choosing English again sticks too.
  await page.getByRole("banner").getByRole("link", { name: "English" }).click();
  await heading(page, "Immigration Justice");
  await page.goto("/es/act/");
  await heading(page, "Take action");
  expect(new URL(page.url()).pathname).toBe("/act/");
});

test("the site never guesses the language from the browser: a Spanish browser gets the page it asked for", async ({ browser }) => {
  const context = await browser.newContext({ locale: "es-MX", extraHTTPHeaders: { "Accept-Language": "es-MX,es;q=0.9" } });
  const page = await context.newPage();
  await page.goto("/act/guantanamo/");
  await heading(page, "Tell President Trump: Don’t Send Migrants to Guantánamo!");
  await ready(page);
  expect(new URL(page.url()).pathname).toBe("/act/guantanamo/");
  // It is offered, not imposed.
  await expect(page.getByRole("banner").getByRole("link", { name: "Español" })).toHaveAttribute("href", "/es/act/guantanamo/");
  await context.close();
});
