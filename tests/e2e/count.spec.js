// The petition's count and goal (src/components/count_bar.rs, js/count.js), read from the
// source the build names (config/signup.local.toml: the local receiver's /count/{petition}).
// Sources that answer slowly, fail, or answer other figures are stood in for by routing the
// page's request.
import { test, expect } from "@playwright/test";
import { RECEIVER, receiverFor } from "./playwright.config.js";
import { expectNoAxeViolations, heading, requests } from "./helpers.js";

const ACTION = "/act/guantanamo/";
const COUNT = `${RECEIVER}/count/guantanamo`;

function count(page) {
  return page.locator("main .count").first();
}

/** Answers the page's count requests with these figures in turn (the last one repeats). */
async function answer(page, ...figures) {
  const asked = [];
  await page.route(`${COUNT}*`, (route) => {
    const n = figures[Math.min(asked.length, figures.length - 1)];
    asked.push(n);
    return route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: JSON.stringify({ count: n }) });
  });
  return asked;
}

test("the count comes from the receiver, in words and in a labelled bar", async ({ page }) => {
  let said = null;
  await page.route(`${COUNT}*`, async (route) => {
    // Fetched here, in the test: from this worker's own receiver.
    const real = await route.fetch({ url: route.request().url().replace(RECEIVER, receiverFor(RECEIVER)) });
    said = (await real.json()).count;
    await route.fulfill({ response: real });
  });
  await page.goto(ACTION);
  await expect.poll(() => said).not.toBeNull();
  const goal = [100, 250, 500, 1000, 2500, 5000, 10000].find((g) => g > said);
  const words = `${said.toLocaleString("en-US")} ${said === 1 ? "signature" : "signatures"} of ${goal.toLocaleString("en-US")}`;
  await expect(count(page).getByText(words)).toBeVisible();
  const bar = page.getByRole("progressbar", { name: words });
  await expect(bar).toHaveAttribute("value", String(said));
  await expect(bar).toHaveAttribute("max", String(goal));
  // Not a live region: a refresh is not read out.
  await expect(count(page).locator("[aria-live], [role=status]").filter({ hasText: /./ })).toHaveCount(0);
  await expectNoAxeViolations(page);
});

test("numbers follow the page's language, and the goal steps up with the count", async ({ page }) => {
  await answer(page, 1234);
  await page.goto(ACTION);
  await expect(count(page)).toContainText("1,234 signatures of 2,500");
  await page.unroute(`${COUNT}*`);
  await answer(page, 12345);
  await page.goto(`/es${ACTION}`);
  await expect(count(page)).toContainText("12.345 firmas de 25.000");
  await expect(page.getByRole("progressbar", { name: "12.345 firmas de 25.000" })).toBeVisible();
  await expectNoAxeViolations(page);
});

test("a slow source shifts nothing and holds nothing up", async ({ page }) => {
  let release;
  const held = new Promise((r) => (release = r));
  await page.route(`${COUNT}*`, async (route) => {
    await held;
    await route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: '{"count": 42}' });
  });
  await page.addInitScript(() => {
    window.__shift = 0;
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) if (!e.hadRecentInput) window.__shift += e.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  await page.goto(ACTION);
  await heading(page, "Tell President Trump: Don’t Send Migrants to Guantánamo!");
  // The form works while the count is still on its way.
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByLabel("First name").fill("Ana");
  await expect(form.getByLabel("First name")).toHaveValue("Ana");
  // Where the count and the form sit in the document (not the viewport, which filling in the
  // form may scroll).
  const place = () => page.evaluate(() => {
    const at = (el) => { const r = el.getBoundingClientRect(); return { top: r.top + scrollY, height: r.height }; };
    return { count: at(document.querySelector("main .count")), form: at(document.querySelector("#sign")) };
  });
  const before = await place();
  await expect(count(page)).not.toBeVisible();
  release();
  await expect(count(page)).toContainText("42 signatures of 100");
  expect(await place()).toEqual(before);
  expect(await page.evaluate(() => window.__shift)).toBe(0);
});

for (const [what, reply] of [
  ["fails", (route) => route.fulfill({ status: 500, headers: { "access-control-allow-origin": "*" }, body: "down" })],
  ["answers nonsense", (route) => route.fulfill({ status: 200, contentType: "text/html", headers: { "access-control-allow-origin": "*" }, body: "<html>" })],
  ["cannot be reached", (route) => route.abort("connectionrefused")],
]) {
  test(`a source that ${what}: no bar, no number, no error`, async ({ page }) => {
    let asked = false;
    await page.route(`${COUNT}*`, (route) => {
      asked = true;
      return reply(route);
    });
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    const fetched = requests(page);
    await page.goto(ACTION);
    await expect.poll(() => asked).toBe(true);
    // The answer is in and read: nothing is in flight.
    await fetched.idle();
    await expect(count(page)).not.toBeVisible();
    await expect(count(page).locator("[data-count-part=text]")).not.toBeVisible();
    await expect(page.getByRole("progressbar")).toHaveCount(0);
    // What a visitor sees (innerText leaves out what is hidden).
    expect(await page.getByRole("main").innerText()).not.toMatch(/signatures of|error|could not|can’t/i);
    expect(errors).toEqual([]);
  });
}

test("after signing: +1 at once, said once; then the source's figure", async ({ page }) => {
  // The source says 41 before the signature, 57 afterwards (others signed too).
  const asked = await answer(page, 41, 57);
  await page.goto(ACTION);
  await expect(count(page)).toContainText("41 signatures of 100");
  const news = count(page).getByRole("status");
  await expect(news).toHaveText("");
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByLabel("First name").fill("Ana");
  await form.getByLabel("Email").fill(`count-${Date.now()}@example.org`);
  await form.getByLabel("ZIP code").fill("10001");
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: /Thank you/ })).toBeVisible();
  // Focus lands on the thank-you (in the frame after it shows), in a ring that does not read as
  // an error (the errors' red).
  await expect(page.locator("#petition-outcome")).toBeFocused();
  const ring = await page.evaluate(() => {
    const el = document.activeElement;
    const error = document.createElement("p");
    error.className = "field__error";
    document.body.append(error);
    const red = getComputedStyle(error).color;
    error.remove();
    return { id: el.id, outline: getComputedStyle(el).outlineColor, style: getComputedStyle(el).outlineStyle, red };
  });
  expect(ring.id).toBe("petition-outcome");
  expect(ring.style).toBe("solid");
  expect(ring.outline).not.toBe(ring.red);
  await expect(count(page).locator("[data-count-part=text]")).toHaveText(/^(42|57) signatures of 100$/);
  await expect(news).toHaveText(/^42 signatures of 100$/);
  await expect(count(page).locator("[data-count-part=text]")).toHaveText("57 signatures of 100", { timeout: 15_000 });
  expect(asked.length).toBe(2);
  // The refresh is not announced again.
  await expect(news).toHaveText("42 signatures of 100");
  await expectNoAxeViolations(page);
});

test("on a 375 px phone the title, the ask and the count share the first screen", async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 375, height: 667 }, isMobile: true, hasTouch: true });
  const page = await context.newPage();
  await answer(page, 1234);
  await page.goto(ACTION);
  await expect(count(page)).toContainText("1,234 signatures of 2,500");
  const header = await page.getByRole("banner").boundingBox();
  expect(header.height).toBeLessThan(150);
  for (const part of [page.getByRole("heading", { level: 1 }), page.locator("main .ask"), count(page)]) {
    const box = await part.boundingBox();
    expect(box.y + box.height).toBeLessThanOrEqual(667);
  }
  await context.close();
});
