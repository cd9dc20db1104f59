// WCAG 2.2 AA beyond axe-core: sizes, zoom, text spacing, motion and forced colours, on every
// page. (The keyboard-only journey, which signs, is in petition.spec.js.)
import { test, expect } from "@playwright/test";
import { ROUTES, heading, ready } from "./helpers.js";

/** Targets that fail WCAG 2.2's 2.5.8: smaller than 24 × 24 CSS px, and not spaced so that a
 *  24 px circle around each clears every other target (here: a 24 px square, a little stricter).
 *  Links inside a sentence are exempt, as the criterion says. */
async function smallTargets(page) {
  return page.evaluate(() => {
    const targets = [...document.querySelectorAll("a[href], button, input:not([type=hidden]), select, textarea, [tabindex]:not([tabindex='-1'])")]
      .filter((el) => !el.closest("[aria-hidden=true], [hidden]"))
      .map((el) => ({ el, r: el.getBoundingClientRect() }))
      .filter(({ r }) => r.width > 0 && r.height > 0);
    const inSentence = (el) => {
      const block = el.tagName === "A" ? el.parentElement.closest("p, li, figcaption, blockquote") : null;
      return block && block.textContent.trim() !== el.textContent.trim();
    };
    const overlaps = (a, b) => a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
    const failing = [];
    for (const { el, r } of targets) {
      if ((r.width >= 24 && r.height >= 24) || inSentence(el)) continue;
      const cx = r.left + r.width / 2, cy = r.top + r.height / 2;
      const zone = { left: cx - 12, right: cx + 12, top: cy - 12, bottom: cy + 12 };
      const crowded = targets.some((t) => t.el !== el && !t.el.contains(el) && !el.contains(t.el) && overlaps(zone, t.r));
      if (crowded) failing.push(`${el.outerHTML.slice(0, 80)} ${Math.round(r.width)}×${Math.round(r.height)}`);
    }
    return failing;
  });
}

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const route of ROUTES) {
  test(`${route.path}: targets are 24 px, 320 px needs no sideways scrolling, text spacing breaks nothing`, async ({ browser }) => {
    // Text spacing is a user style sheet; the site's CSP would refuse it as an inline style.
    const context = await browser.newContext({ viewport: { width: 320, height: 640 }, bypassCSP: true });
    const page = await context.newPage();
    await page.goto(route.path);
    await heading(page, route.heading);
    expect(await smallTargets(page), "targets under 24 × 24 px").toEqual([]);
    expect(await overflow(page), "sideways scrolling at 320 px").toBeLessThanOrEqual(0);
    // WCAG 1.4.12's spacing: line height 1.5, paragraphs 2em apart, letters 0.12em, words 0.16em.
    await page.addStyleTag({
      content: "* { line-height: 1.5 !important; letter-spacing: 0.12em !important; word-spacing: 0.16em !important; } p { margin-block-end: 2em !important; }",
    });
    expect(await overflow(page), "sideways scrolling with text spacing").toBeLessThanOrEqual(0);
    const clipped = await page.evaluate(() =>
      [...document.querySelectorAll("a, button, label, h1, h2, h3, p, li")]
        .filter((el) => !el.closest(".visually-hidden") && el.getBoundingClientRect().width > 0 && el.scrollWidth > el.clientWidth + 1 && getComputedStyle(el).overflow !== "visible")
        .map((el) => el.outerHTML.slice(0, 80)),
    );
    expect(clipped, "text cut off with text spacing").toEqual([]);
    await context.close();
  });
}

test("forced colours (Windows high contrast): the form keeps its borders, focus ring and current page mark", async ({ page }) => {
  await page.emulateMedia({ forcedColors: "active" });
  await page.setViewportSize({ width: 375, height: 800 });
  await page.goto("/act/guantanamo/");
  await ready(page);
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(form.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  const styles = await page.evaluate(() => {
    const pick = (sel) => getComputedStyle(document.querySelector(sel));
    return {
      button: pick("#petition-submit").borderStyle,
      input: pick("#petition-email").borderStyle,
      summary: pick("#petition-errors").outlineStyle,
    };
  });
  expect(styles.button).not.toBe("none");
  expect(styles.input).not.toBe("none");
  expect(styles.summary, "the focused error summary shows its ring").not.toBe("none");
  await form.getByLabel("Email").focus();
  expect(await page.evaluate(() => getComputedStyle(document.activeElement).outlineStyle)).not.toBe("none");
  // (No axe-core here: in forced colours the user's own colours apply, and axe's contrast check
  // reads the page's colours, not the ones on screen.)
  await page.screenshot({ path: "test-results/forced-colors-375.png", fullPage: true });
});

test("the target-size check itself catches crowded small targets", async ({ browser }) => {
  const context = await browser.newContext({ bypassCSP: true });
  const page = await context.newPage();
  await page.goto("/partners/");
  await heading(page, "Coalition partners");
  expect(await smallTargets(page)).toEqual([]);
  // Two 10 px buttons side by side: neither has room around it.
  await page.evaluate(() => {
    const d = document.createElement("div");
    for (const name of ["a", "b"]) {
      const b = document.createElement("button");
      b.textContent = name;
      b.style.cssText = "inline-size: 10px; block-size: 10px; padding: 0; min-block-size: 0; min-inline-size: 0";
      d.append(b);
    }
    document.querySelector("main").prepend(d);
  });
  expect(await smallTargets(page)).toHaveLength(2);
  await context.close();
});

test("reduced motion: no smooth scrolling, no transitions", async ({ page }) => {
  await page.emulateMedia({ reducedMotion: "reduce" });
  await page.goto("/issues/immigration-justice/");
  await heading(page, "Immigration Justice");
  const motion = await page.evaluate(() => {
    const moving = [...document.querySelectorAll("*")].filter((el) => {
      const s = getComputedStyle(el);
      return parseFloat(s.transitionDuration) > 0 || (s.animationName !== "none" && parseFloat(s.animationDuration) > 0);
    });
    return { scroll: getComputedStyle(document.documentElement).scrollBehavior, moving: moving.length };
  });
  expect(motion).toEqual({ scroll: "auto", moving: 0 });
});
