// Static first: every page prerendered, hydrated without a flash, safe under a strict CSP, and
// usable with WebAssembly or JavaScript off.
import { test, expect } from "@playwright/test";
import { createHash } from "node:crypto";
import { ALL_ROUTES, heading, ready, requests, watch } from "./helpers.js";

const ACTION = "/act/guantanamo/";
// The tests that sign (under the CSP, without WebAssembly, without JavaScript) are in
// petition.spec.js, which has the receiver to itself.

for (const route of ALL_ROUTES) {
  test(`${route.path} is a real page before any script runs`, async ({ request }) => {
    const response = await request.get(route.path);
    expect(response.status()).toBe(200);
    const html = await response.text();
    const tag = (re) => html.match(re)?.[1];
    expect(html.replace(/<[^>]+>/g, "")).toContain(route.text);
    expect(tag(/<h1[^>]*>([^<]*)</)).toBe(route.heading.replaceAll("&", "&amp;"));
    expect(tag(/<html[^>]* lang="?([a-z-]+)/)).toBe(route.lang);
    // The same page in every language, for search engines; English for everyone else.
    if (route.path !== "/embed/") {
      const page = route.path.replace(/^\/es\//, "/");
      const alternate = (lang) => tag(new RegExp(`<link href="([^"]+)" hreflang="?${lang}"? rel="?alternate`));
      expect(alternate("en")).toBe(`https://act.truah.org${page}`);
      expect(alternate("es")).toBe(`https://act.truah.org/es${page}`);
      expect(alternate("x-default")).toBe(`https://act.truah.org${page}`);
    }
    expect(tag(/<title>([^<]*)<\/title>/)).toMatch(/ · T’ruah$/);
    expect(html.match(/<title>/g)).toHaveLength(1);
    expect(html.match(/<meta name="description"/g)).toHaveLength(1);
    // The staff's generator is never in search results (nor in the sitemap); every other page
    // names its canonical address.
    if (route.path === "/embed/") {
      expect(html).toContain('<meta name="robots" content="noindex">');
      expect(tag(/<link href="([^"]+)" rel="canonical">/)).toBeUndefined();
    } else {
      expect(tag(/<link href="([^"]+)" rel="canonical">/)).toBe(`https://act.truah.org${route.path}`);
    }
    expect(tag(/<meta property="og:url" content="([^"]+)">/)).toBe(`https://act.truah.org${route.path}`);
    for (const property of ["og:title", "og:description", "og:image", "og:type"]) {
      expect(html, property).toContain(`<meta property="${property}" content="`);
    }
    expect(html).toContain('<meta name="twitter:card" content="summary_large_image">');
    expect(html).toMatch(/<meta http-equiv="Content-Security-Policy" content="default-src 'self'/);
    // No inline code: every script is a file, and no element carries a style attribute. The
    // page's stylesheet is inline (no round trip before the first paint), allowed by its hash
    // alone.
    expect(html).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
    expect(html).not.toMatch(/\sstyle=/);
    const styles = [...html.matchAll(/<style>([\s\S]*?)<\/style>/g)].map((m) => m[1]);
    expect(styles).toHaveLength(1);
    const hash = createHash("sha256").update(styles[0]).digest("base64");
    expect(tag(/<meta http-equiv="Content-Security-Policy" content="([^"]+)"/)).toContain(`style-src 'self' 'sha256-${hash}';`);
  });
}

test("unknown addresses get 404.html with status 404, and the share image is there", async ({ request }) => {
  const missing = await request.get("/no/such/page");
  expect(missing.status()).toBe(404);
  const html = await missing.text();
  expect(html).toContain("Page not found");
  expect(html).toContain('<meta name="robots" content="noindex">');
  const image = await request.get("/share.png");
  expect(image.status()).toBe(200);
  expect(image.headers()["content-type"]).toBe("image/png");
});

test("the site hydrates the page it was given: nothing moves, nothing is duplicated", async ({ page }) => {
  await page.addInitScript(() => {
    window.__shifts = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (!entry.hadRecentInput) window.__shifts += entry.value;
    }).observe({ type: "layout-shift", buffered: true });
  });
  const seen = watch(page);
  // The count is written in after load by js/count.js, and the form by the signer, not by
  // hydration (count.spec.js and petition.spec.js test them): the count's source and the
  // signer are held back here, so all that could change is what hydration changes.
  await page.route(/\/signer-[0-9a-f]+(_bg\.wasm|\.js)$/, () => new Promise(() => {}));
  await page.route("http://127.0.0.1:8787/count/**", () => new Promise(() => {}));
  await page.goto(ACTION);
  await ready(page);
  // The page as the server sent it, parsed, against the page once the site has hydrated it.
  const served = await page.evaluate(async (url) => {
    const doc = new DOMParser().parseFromString(await (await fetch(url)).text(), "text/html");
    return { main: doc.querySelector("main").innerHTML, elements: doc.body.querySelectorAll("*").length };
  }, ACTION);
  const live = await page.evaluate(() => ({ main: document.querySelector("main").innerHTML, elements: document.body.querySelectorAll("*").length }));
  expect(live.elements).toBe(served.elements);
  expect(live.main).toBe(served.main);
  for (const role of ["banner", "main", "contentinfo"]) await expect(page.getByRole(role)).toHaveCount(1);
  await expect(page.getByRole("heading", { level: 1 })).toHaveCount(1);
  expect(await page.evaluate(() => window.__shifts)).toBe(0);
  // And from here on, the router takes the links.
  await page.evaluate(() => (window.__sameDocument = true));
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await heading(page, "Coalition partners");
  expect(await page.evaluate(() => window.__sameDocument)).toBe(true);
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", "https://act.truah.org/partners/");
  await expect(page.locator('link[rel="canonical"]')).toHaveCount(1);
  expect(seen.errors).toEqual([]);
});

test("an untouched visit fetches no wasm before the load event: the signer comes once the page is idle where an action's form is open, the site's wasm with the first pointer over a link; a page without one fetches none", async ({ page }) => {
  const order = [];
  page.on("request", (r) => order.push(r.url()));
  let loaded = null;
  page.on("load", () => (loaded = order.length));
  const fetched = requests(page);
  await page.goto(ACTION);
  // Painted, its count read, nothing in flight: the page is done with what it fetches by itself.
  await expect.poll(() => order.some((u) => u.endsWith("/count/guantanamo"))).toBe(true);
  await fetched.idle();
  const idle = order.map((u, i) => [u, i]).filter(([u]) => u.endsWith(".wasm"));
  expect(idle.map(([u]) => u), "only the signer, for the petition's form").toEqual([expect.stringMatching(/\/signer-[0-9a-f]+_bg\.wasm$/)]);
  expect(idle[0][1], "requested after the load event").toBeGreaterThanOrEqual(loaded);
  await ready(page);
  const site = order.map((u, i) => [u, i]).filter(([u]) => /\/truah-campaign-[0-9a-f]+_bg\.wasm$/.test(u));
  expect(site, "the site's wasm, once the visitor points at a link").toHaveLength(1);
  expect(site[0][1]).toBeGreaterThanOrEqual(loaded);
  // A page whose only form is the footer's updates signup fetches no wasm untouched.
  const other = await page.context().newPage();
  const seen = [];
  other.on("request", (r) => seen.push(r.url()));
  await other.goto("/partners/");
  await other.waitForLoadState("networkidle");
  await other.waitForTimeout(500);
  expect(seen.filter((u) => u.endsWith(".wasm"))).toEqual([]);
});

test("nothing for later competes with the first paint: the site's code, what runs after paint, the count's code, the count and the signer come after it", async ({ page }) => {
  await page.goto(ACTION);
  await ready(page);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType("resource").some((e) => e.name.endsWith("/count/guantanamo")))).toBe(true);
  // The signer comes early on an action's page (once it is loaded, painted and idle).
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType("resource").some((e) => /\/signer-[0-9a-f]+_bg\.wasm$/.test(e.name)))).toBe(true);
  const { paint, fetched } = await page.evaluate(() => ({
    paint: performance.getEntriesByName("first-contentful-paint")[0].startTime,
    fetched: performance.getEntriesByType("resource").map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
  }));
  const later = fetched.filter((r) => /^\/((truah-campaign|signer)-.*\.(js|wasm)|outbox\.js|after-paint\.js|count\.js|count\/guantanamo)$/.test(r.path));
  expect(later.map((r) => r.path.replace(/-[0-9a-f]+(_bg)?\./, "$1.")).sort()).toEqual(["/after-paint.js", "/count.js", "/count/guantanamo", "/outbox.js", "/signer.js", "/signer_bg.wasm", "/truah-campaign.js", "/truah-campaign_bg.wasm"]);
  for (const r of later) expect(r.start, `${r.path} starts after the first paint`).toBeGreaterThanOrEqual(paint);
});

// On a slow phone the first paint can come seconds after the load event, and Lighthouse counts
// whatever a page fetches before it. Here the paint is never reported (as in a hidden tab), so the
// page takes itself as painted only PAINT_PATIENCE_MS (3 s) after the load event: nothing for
// later, the signer included, may start before then.
test("when the first paint comes late, the signer waits for it with everything else for later", async ({ page }) => {
  await page.addInitScript(() => {
    const observe = PerformanceObserver.prototype.observe;
    PerformanceObserver.prototype.observe = function (options) {
      if (options?.type !== "paint") return observe.call(this, options);
    };
  });
  await page.goto(ACTION);
  await expect.poll(() => page.evaluate(() => performance.getEntriesByType("resource").some((e) => /\/signer-[0-9a-f]+_bg\.wasm$/.test(e.name))), { timeout: 15_000 }).toBe(true);
  const { load, fetched } = await page.evaluate(() => ({
    load: performance.getEntriesByType("navigation")[0].loadEventStart,
    fetched: performance.getEntriesByType("resource").map((e) => ({ path: new URL(e.name).pathname, start: e.startTime })),
  }));
  const later = fetched.filter((r) => /^\/(signer-.*\.(js|wasm)|outbox\.js|after-paint\.js|count\.js)$/.test(r.path));
  expect(later.length).toBeGreaterThanOrEqual(5);
  for (const r of later) expect(r.start, `${r.path} waits for the page to count as painted`).toBeGreaterThanOrEqual(load + 2_900);
});

// In-page routing is all the site's wasm adds to a prerendered page, and hydrating is the one
// long task it costs the main thread. So js/boot.js fetches, compiles and starts it only when the
// visitor first points at, touches or focuses a link; the app then fetches that link's page at once.
const fetchedPaths = (page) => page.evaluate(() => performance.getEntriesByType("resource").filter((e) => e.responseEnd > 0).map((e) => new URL(e.name).pathname));

test("the site's wasm starts when a pointer is first over a link, not before, and fetches that link's page", async ({ page }) => {
  const fetched = requests(page);
  await page.goto(ACTION);
  await expect.poll(() => fetchedPaths(page)).toContain("/count/guantanamo");
  // Reading, scrolling and using the form neither fetch nor start it (the form's start fetches
  // the signer: once that is in, nothing else is in flight).
  await page.mouse.wheel(0, 300);
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByLabel("First name").click();
  await page.keyboard.type("Zoë");
  await expect(form.locator("[data-sign-ready]")).toHaveCount(1);
  await fetched.idle();
  await expect(page.locator("html")).not.toHaveAttribute("data-app", "ready");
  expect(await fetchedPaths(page)).not.toContain("/issues/");
  expect(await fetchedPaths(page)).not.toContainEqual(expect.stringMatching(/^\/truah-campaign-[0-9a-f]+_bg\.wasm$/));

  const issues = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Issues", exact: true });
  await issues.hover();
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready");
  await expect.poll(() => fetchedPaths(page)).toContain("/issues/");
  // And from then on, links route in the page: what the page keeps survives the click.
  await page.evaluate(() => { window.stayed = true; });
  await issues.click();
  await heading(page, "Issues");
  expect(await page.evaluate(() => window.stayed)).toBe(true);
});

test("the site's wasm starts when the keyboard first focuses a link, and fetches that link's page", async ({ page }) => {
  const fetched = requests(page);
  await page.goto(ACTION);
  await expect.poll(() => fetchedPaths(page)).toContain("/count/guantanamo");
  await fetched.idle();
  await expect(page.locator("html")).not.toHaveAttribute("data-app", "ready");
  expect(await fetchedPaths(page)).not.toContainEqual(expect.stringMatching(/^\/truah-campaign-[0-9a-f]+_bg\.wasm$/));
  const home = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Home", exact: true });
  await home.focus();
  await expect(page.locator("html")).toHaveAttribute("data-app", "ready");
  await expect.poll(() => fetchedPaths(page)).toContain("/");
});

// A build whose endpoint takes no plain form post prerenders its forms disabled, saying how else
// to sign; js/lazy-signer.js (the one code that readies forms, on the site and in embeds) enables
// them where WebAssembly runs. Such a page, as that build would write it:
test("where WebAssembly runs, a form with nowhere to post is enabled and its notice hidden", async ({ page }) => {
  await page.route(ACTION, async (route) => {
    const response = await route.fetch();
    const html = (await response.text())
      .replace('<fieldset class="sign-form__body">', '<fieldset disabled data-needs-wasm-to-enable="" class="sign-form__body">')
      .replace('<fieldset class="sign-form__body"', '<fieldset disabled data-needs-wasm-to-enable="" class="sign-form__body"')
      .replace('<div class="fields fields--grid">', '<p data-needs-wasm="" class="sign__nowasm">This form needs WebAssembly.</p><div class="fields fields--grid">');
    await route.fulfill({ response, body: html, headers: { ...response.headers(), "content-encoding": "identity" } });
  });
  const raw = await (await page.request.get(ACTION)).text();
  expect(raw, "the page as the build wrote it").not.toContain("data-needs-wasm");
  await page.goto(ACTION);
  const form = page.getByRole("region", { name: "Sign the petition" });
  await expect(form.getByLabel("Email")).toBeEnabled();
  await expect(form.getByText("This form needs WebAssembly.")).toBeHidden();
});
