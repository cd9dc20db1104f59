// On a phone (375 × 667), every action's first screen: its title starts at most 140 px from the
// top and what it asks, and of whom, is on that screen, under a header of two short rows whose
// navigation keeps "Take action" in view.
import { test, expect } from "@playwright/test";
import { heading } from "./helpers.js";

test.use({ viewport: { width: 375, height: 667 } });

for (const [path, title] of [
  ["/act/guantanamo/", "Tell President Trump: Don’t Send Migrants to Guantánamo!"],
  ["/act/clergy-letter/", "Rabbis and Cantors to Congress: Welcome the Stranger"],
  ["/es/act/guantanamo/", "Dile al presidente Trump: ¡no envíes a personas migrantes a Guantánamo!"],
  ["/es/act/clergy-letter/", "Rabinos y cantores al Congreso: acoger al extranjero"],
]) {
  test(`${path}: the title starts within 140 px and the ask is on the first screen`, async ({ page }) => {
    await page.goto(path);
    await heading(page, title);
    const top = await page.getByRole("heading", { level: 1 }).evaluate((h) => h.getBoundingClientRect().top);
    expect(top).toBeLessThanOrEqual(140);
    const ask = await page.locator(".ask__to").evaluate((p) => p.getBoundingClientRect().bottom);
    expect(ask, "whom it asks, on the first screen").toBeLessThanOrEqual(667);
    // The way to every other action stays in view in the navigation's one line.
    const nav = page.getByRole("navigation").first();
    const actions = nav.getByRole("link", { name: path.startsWith("/es/") ? "Actúa" : "Take action" });
    const [link, bar] = await Promise.all([actions.boundingBox(), nav.boundingBox()]);
    expect(link.x + link.width).toBeLessThanOrEqual(bar.x + bar.width + 1);
    expect(link.x + link.width).toBeLessThanOrEqual(375);
  });
}
