// WCAG 2.2 AA beyond axe-core: sizes, zoom, text spacing, motion and forced colours, on every
// page. (The keyboard-only journey, which signs, is in petition.spec.js.)
import { test, expect } from "@playwright/test";
import { ALL_ROUTES, heading, ready } from "./helpers.js";

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

for (const route of ALL_ROUTES) {
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

// Right-to-left readiness, before any right-to-left language ships: a test-only pseudo-locale
// turns the page right to left (`dir="rtl"`, as a Hebrew or Arabic locale would) and the layout,
// written in logical properties, must mirror: the header, the form, its error summary and the
// footer. The same page left to right is the reference.
test("right to left (a pseudo-locale): header, form, error summary and footer mirror, nothing overlaps or overflows", async ({ page }, testInfo) => {
  const measure = () =>
    page.evaluate(() => {
      const box = (selector) => {
        const r = document.querySelector(selector).getBoundingClientRect();
        return { left: Math.round(r.left), right: Math.round(r.right), top: Math.round(r.top) };
      };
      const parts = {
        brand: ".brand",
        nav: ".nav",
        label: "label[for='petition-email']",
        input: "#petition-email",
        submit: "#petition-submit",
        summary: "#petition-errors",
        summaryList: "#petition-errors-list a",
        checkbox: "#petition-email_opt_in",
        footerHeading: "#footer-signup-heading",
        footerInput: "#footer-signup-email",
      };
      const boxes = Object.fromEntries(Object.entries(parts).map(([k, s]) => [k, box(s)]));
      const invalid = getComputedStyle(document.querySelector("#petition-email"));
      // Every visible field and label: none may overlap another.
      const rects = [...document.querySelectorAll(".sign-form label, .sign-form input:not([type=hidden]):not(.hp input), .sign-form select, .sign-form button")]
        .filter((el) => !el.closest(".hp") && el.getClientRects().length)
        .map((el) => ({ id: el.id || el.htmlFor || el.tagName, r: el.getBoundingClientRect() }));
      const overlapping = [];
      for (let i = 0; i < rects.length; i++)
        for (let j = i + 1; j < rects.length; j++) {
          const [a, b] = [rects[i].r, rects[j].r];
          if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlapping.push(`${rects[i].id} × ${rects[j].id}`);
        }
      return {
        width: document.documentElement.clientWidth,
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        boxes,
        thickBorder: { left: invalid.borderLeftWidth, right: invalid.borderRightWidth },
        overlapping,
      };
    });

  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto("/act/guantanamo/");
    await ready(page);
    // The error summary and an invalid field, shown.
    const form = page.getByRole("region", { name: "Sign the petition" });
    await form.getByLabel("Email").fill("not an email");
    await form.getByRole("button", { name: "Sign the petition" }).click();
    await expect(form.getByRole("heading", { name: "There is a problem" })).toBeVisible();
    const ltr = await measure();
    await page.evaluate(() => {
      document.documentElement.dir = "rtl";
      document.documentElement.lang = "he";
    });
    const rtl = await measure();
    await testInfo.attach(`rtl-${width}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });

    expect(rtl.overflow, `${width}: sideways scrolling`).toBeLessThanOrEqual(0);
    expect(rtl.overlapping, `${width}: overlapping fields`).toEqual([]);
    expect(ltr.thickBorder.left).toBe("6px");
    expect(rtl.thickBorder, `${width}: the invalid field's thick edge moves to the right`).toEqual({ left: "2px", right: "6px" });
    // Each part sits where its mirror image would: its right edge where its left edge was.
    for (const [part, l] of Object.entries(ltr.boxes)) {
      const r = rtl.boxes[part];
      expect(Math.abs(r.right - (ltr.width - l.left)), `${width}: ${part} mirrors (ltr ${l.left}–${l.right}, rtl ${r.left}–${r.right})`).toBeLessThanOrEqual(2);
    }
  }
});
