// The petition and the updates signup, signed as a visitor would, against the local receiver.
import { test, expect } from "@playwright/test";
import { RECEIVER } from "./playwright.config.js";
import { ROUTES, expectNoAxeViolations, heading, keptOnDevice, outbox, queuedEmails, ready, receiverAt, requests, tabTo, watch } from "./helpers.js";

// Each worker has its own receivers (playwright.config.js), and runs one test at a time: tests
// that script a receiver's faults, or read what it received, run in parallel with each other.

const ACTION = "/act/guantanamo/";
const TITLE = "Tell President Trump: Don’t Send Migrants to Guantánamo!";

const receiver = receiverAt(RECEIVER);
const signatures = () => receiver("/__signatures");

test.beforeEach(async () => {
  await receiver("/__reset", {});
});

/** Opens the action page with the build's endpoint, or with another adapter's, set the way a
 *  page author (or an embed) overrides it: data attributes on <body>. */
async function open(page, { adapter, query = "" } = {}) {
  await page.goto(ACTION + query);
  await heading(page, TITLE);
  if (adapter) {
    await page.evaluate(([adapter, url]) => {
      document.body.dataset.signupAdapter = adapter;
      document.body.dataset.signupPetitionUrl = url;
      document.body.dataset.signupSignupUrl = url;
      document.body.dataset.signupCors = "true";
    }, [adapter, `${RECEIVER}/${adapter}`]);
  }
}

function petition(page) {
  return page.getByRole("region", { name: "Sign the petition" });
}

async function fill(page, { given = "Ana María", family = "García-O’Brien", email = "ana@example.org", zip = "10001" } = {}) {
  const form = petition(page);
  await form.getByLabel("First name").fill(given);
  await form.getByLabel("Last name (optional)").fill(family);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("ZIP code").fill(zip);
}

test("the form has visible labels, autocomplete and the right keyboards", async ({ page }) => {
  await open(page);
  const form = petition(page);
  const expectations = [
    ["First name", "given-name", null, "text"],
    ["Last name (optional)", "family-name", null, "text"],
    ["Email", "email", "email", "email"],
    ["ZIP code", "postal-code", "numeric", "text"],
  ];
  for (const [label, autocomplete, inputmode, type] of expectations) {
    const field = form.getByLabel(label);
    await expect(field).toBeVisible();
    await expect(field).toHaveAttribute("autocomplete", autocomplete);
    if (inputmode) await expect(field).toHaveAttribute("inputmode", inputmode);
    await expect(field).toHaveAttribute("type", type);
  }
  await expect(form.getByLabel("Country")).toHaveAttribute("autocomplete", "country");
  await expect(form.getByLabel("Country")).toHaveValue("US");
  const optIn = form.getByLabel("Send me updates and action alerts");
  await expect(optIn).not.toBeChecked();
  await form.getByLabel("Country").selectOption("CA");
  await expect(form.getByLabel("Postal code")).not.toHaveAttribute("inputmode", "numeric");
  await expectNoAxeViolations(page);
});

test("signing with the OSDI adapter reaches the receiver once, with consent as ticked", async ({ page }) => {
  const seen = watch(page);
  await open(page, { query: "?source=newsletter&utm_medium=email" });
  await fill(page);
  await petition(page).getByLabel("Send me updates and action alerts").check();
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Thank you, Ana María." })).toBeVisible();
  await expect(page.getByText("Your signature has been received by the petition service.")).toBeVisible();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].adapter).toBe("osdi");
  const body = got[0].body;
  expect(body.person.given_name).toBe("Ana María");
  expect(body.person.family_name).toBe("García-O’Brien");
  expect(body.person.email_addresses[0]).toEqual({ address: "ana@example.org", primary: true, status: "subscribed" });
  expect(body.person.postal_addresses[0]).toEqual({ primary: true, postal_code: "10001", country: "US" });
  expect(body.referrer_data.source).toBe("newsletter");
  // The page's address, never the rest of its query (which may carry personal data).
  expect(body.referrer_data.url).toBe("http://127.0.0.1:4173/act/guantanamo/");
  expect(body.add_tags).toContain("petition:guantanamo");
  // What the ticked box said, as a version of its words (the form renders it).
  const version = await petition(page).locator("input[name=consent_version]").inputValue();
  expect(version).toMatch(/^[0-9a-f]{8}$/);
  expect(body.add_tags).toContain(`consent:${version}`);
  await expectNoAxeViolations(page);
  // Nothing left in the outbox.
  expect(await outbox(page)).toBeNull();
  expect(seen.errors).toEqual([]);
});

test("without the box ticked nobody is subscribed, and the updates are offered", async ({ page }) => {
  await open(page);
  await fill(page, { given: "李", family: "", email: "li@example.cn" });
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("heading", { name: "Thank you, 李." })).toBeVisible();
  let got = await signatures();
  expect(got).toHaveLength(1);
  // No email status at all (never "unsubscribed", which would take an existing member off
  // every list), and a tag staff can filter on.
  expect(got[0].body.person.email_addresses[0].status).toBeUndefined();
  expect(got[0].body.add_tags).toContain("email-opt-in:no");
  // Nothing was agreed to, so no consent is recorded.
  expect(got[0].body.add_tags.filter((t) => t.startsWith("consent:"))).toEqual([]);
  expect(got[0].body.person.family_name).toBeUndefined();
  await page.getByRole("button", { name: "Yes, send me updates" }).click();
  await expect(page.getByText("You’re signed up for updates and action alerts.")).toBeVisible();
  got = await signatures();
  expect(got).toHaveLength(2);
  expect(got[1].endpoint).toContain("/osdi/forms/updates/record_submission_helper");
  expect(got[1].body.person.email_addresses[0].status).toBe("subscribed");
  // The offer's question is what was agreed to: its own version, not the box's.
  const boxVersion = await petition(page).locator("input[name=consent_version]").inputValue();
  const offered = got[1].body.add_tags.filter((t) => t.startsWith("consent:"));
  expect(offered).toHaveLength(1);
  expect(offered[0]).toMatch(/^consent:[0-9a-f]{8}$/);
  expect(offered[0]).not.toBe(`consent:${boxVersion}`);
});

for (const adapter of ["json", "form"]) {
  test(`signing with the ${adapter} adapter`, async ({ page }) => {
    await open(page, { adapter });
    await fill(page, { given: "Zoë", family: "Saint-Exupéry", email: "zoe@example.fr" });
    await petition(page).getByRole("button", { name: "Sign the petition" }).click();
    await expect(page.getByText("Signed. Thank you.")).toBeVisible();
    const got = await signatures();
    expect(got).toHaveLength(1);
    expect(got[0].adapter).toBe(adapter);
    expect(got[0].body.given_name).toBe("Zoë");
    expect(got[0].body.kind).toBe("petition");
    expect(got[0].body.action).toBe("guantanamo");
    expect([false, "no"]).toContain(got[0].body.email_opt_in);
    // The consent wording's version and the language, in their own fields.
    expect(got[0].body.consent_version).toBe(await petition(page).locator("input[name=consent_version]").inputValue());
    expect(got[0].body.consent_version).toMatch(/^[0-9a-f]{8}$/);
    expect(got[0].body.language).toBe("en");
  });
}

test("validation errors: a summary that takes focus and links to each field, usable by keyboard", async ({ page }) => {
  await open(page);
  await fill(page, { given: "", email: "not-an-email", zip: "123" });
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  const summary = petition(page).getByRole("heading", { name: "There is a problem" }).locator("..");
  await expect(summary).toBeFocused();
  await expect(summary.getByRole("link")).toHaveText([
    "Enter your first name.",
    "Enter your email address in the form name@example.com.",
    "Enter a 5-digit ZIP code, like 10001, or ZIP+4, like 10001-1234.",
  ]);
  const email = petition(page).getByLabel("Email");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  const describedBy = await email.getAttribute("aria-describedby");
  await expect(page.locator(`#${describedBy}`)).toHaveText("Error: Enter your email address in the form name@example.com.");
  await expectNoAxeViolations(page);

  // Keyboard only: Tab to the second link in the summary, Enter moves focus to the field.
  await page.keyboard.press("Tab");
  await page.keyboard.press("Tab");
  await expect(summary.getByRole("link", { name: /email address/ })).toBeFocused();
  await page.keyboard.press("Enter");
  await expect(email).toBeFocused();
  // Live validation on a field already marked wrong.
  await page.keyboard.type("x");
  await expect(email).toHaveAttribute("aria-invalid", "true");
  await email.fill("ana@example.org");
  await expect(email).not.toHaveAttribute("aria-invalid", "true");
  await expect(summary.getByRole("link")).toHaveCount(2);
  expect(await signatures()).toHaveLength(0);
});

test("the endpoint failing twice with 503, then recovering: delivered exactly once", async ({ page }) => {
  await receiver("/__control", { fail_next: 2 });
  await open(page);
  await fill(page);
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Saved on this device. We’ll send it as soon as we can reach the petition service.")).toBeVisible();
  await expect(page.getByRole("button", { name: "Try now" })).toBeVisible();
  // The backoff retries on its own; "Try now" does not wait for it.
  await page.getByRole("button", { name: "Try now" }).click();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible({ timeout: 20_000 });
  const got = await signatures();
  expect(got).toHaveLength(1);
});

test("network down, page reloaded, network back: delivered exactly once", async ({ page, context }) => {
  test.setTimeout(90_000);
  await open(page);
  await fill(page, { given: "Владимир", family: "Ёлкин", email: "v@example.ru" });
  await context.setOffline(true);
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Saved on this device.", { exact: false })).toBeVisible();
  // The "saved for later" state passes axe-core too (offline, it stays put while axe looks).
  await expectNoAxeViolations(page);
  expect(await signatures()).toHaveLength(0);
  expect(await queuedEmails(page)).toEqual(["v@example.ru"]);
  // Reload while still offline would fail to load the page at all; come back online and reload,
  // then visit another page too: the entry is sent once, never twice.
  await context.setOffline(false);
  await page.reload();
  await heading(page, TITLE);
  // If the reload cut short the attempt that coming back online started, that attempt's lease
  // (which keeps other tabs from sending the same entry at once, LEASE_MS: 20 s) runs out first:
  // the entry is then sent, confirmed and removed, never sent twice.
  await expect.poll(async () => (await signatures()).length, { timeout: 35_000 }).toBe(1);
  await expect.poll(() => outbox(page), { timeout: 30_000 }).toBeNull();
  // The next page: with nothing left on the device, and nothing in flight, nothing more is sent.
  const sent = requests(page);
  await page.goto("/partners");
  await heading(page, "Coalition partners");
  await sent.idle();
  expect(await outbox(page)).toBeNull();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body.person.given_name).toBe("Владимир");
});

test("a signature left waiting is sent from the next page visited, and the petition says so when the visitor opens it", async ({ page }) => {
  await open(page);
  await fill(page, { given: "Nguyễn", family: "Thị Minh Khai", email: "minh@example.vn" });
  await page.route(`${RECEIVER}/**`, (route) => route.abort("internetdisconnected"));
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(petition(page).getByRole("button", { name: "Try now" })).toBeVisible();
  await page.unroute(`${RECEIVER}/**`);
  // The next visit starts on a page with no petition: the signature goes from there, before
  // any form that could say so is on the page.
  await page.goto("/act/");
  await heading(page, "Take action");
  await ready(page);
  await expect.poll(async () => (await signatures()).length, { timeout: 15_000 }).toBe(1);
  await page.getByRole("main").getByRole("link", { name: TITLE }).click();
  await heading(page, TITLE);
  await expect(petition(page).getByText("Your signature has been received by the petition service.")).toBeVisible();
  // Said once: after a reload the form is ready for the next person.
  await page.reload();
  await heading(page, TITLE);
  await ready(page);
  await expect(petition(page).getByRole("button", { name: "Sign the petition" })).toBeVisible();
  await expect(petition(page).getByText("Your signature has been received by the petition service.")).toBeHidden();
  expect((await signatures()).map((s) => s.body.person.given_name)).toEqual(["Nguyễn"]);
});

test("a refusal is shown with its reason, and not retried", async ({ page }) => {
  await open(page, { adapter: "json" });
  // A JSON body sent to the receiver's form endpoint: it answers 415 with a reason.
  await page.evaluate((url) => (document.body.dataset.signupPetitionUrl = url), `${RECEIVER}/form`);
  await fill(page);
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("status").filter({ hasText: "The petition service refused this: " })).toContainText("content-type");
  // The form stays, so the visitor can act on it; nothing is left to retry.
  await expect(petition(page).getByRole("button", { name: "Sign the petition" })).toBeVisible();
  expect(await outbox(page)).toBeNull();
  expect(await signatures()).toHaveLength(0);
  await expectNoAxeViolations(page);
});

test("XSS payloads in every field and query parameter never execute", async ({ page }) => {
  const payload = `"><img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>`;
  const q = encodeURIComponent(payload);
  await open(page, { query: `?first_name=${q}&email=${q}&source=${q}&utm_campaign=${q}` });
  const form = petition(page);
  await expect(form.getByLabel("First name")).toHaveValue(payload.trim());
  await form.getByLabel("Last name (optional)").fill(payload);
  await form.getByLabel("ZIP code").fill(payload);
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(form.getByRole("link", { name: "Remove the < or > from your first name." })).toBeVisible();
  await form.getByLabel("First name").fill("Ana");
  await form.getByLabel("Last name (optional)").fill("O'Brien");
  await form.getByLabel("Email").fill("ana@example.org");
  await form.getByLabel("ZIP code").fill("10001");
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  const got = await signatures();
  expect(got[0].body.referrer_data.source).toBe(payload);
  expect(await page.evaluate(() => window.__pwned)).toBeUndefined();
  expect(await page.locator("img[src=x]").count()).toBe(0);
});

test("the honeypot filled: a normal thank-you, and nothing sent", async ({ page }) => {
  await open(page);
  await fill(page);
  await page.locator('input[name="leave_this_empty"]').first().fill("http://spam.example");
  const sent = requests(page);
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  // Nothing queued (every signature is kept before it is sent), nothing in flight.
  await sent.idle();
  expect(await queuedEmails(page)).toEqual([]);
  expect(await signatures()).toHaveLength(0);
});

test("the time trap: a script submitting at once with no human input sends nothing", async ({ page }) => {
  await open(page);
  const sent = requests(page);
  await page.evaluate(() => {
    const f = document.querySelector("#sign form");
    const set = (name, v) => { const el = f.querySelector(`[name=${name}]`); el.value = v; el.dispatchEvent(new Event("input", { bubbles: true })); };
    set("given_name", "Bot"); set("email", "bot@example.org"); set("postal_code", "10001");
    f.requestSubmit();
  });
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  await sent.idle();
  expect(await queuedEmails(page)).toEqual([]);
  expect(await signatures()).toHaveLength(0);
});

test("a fast human using autofill is never caught", async ({ page }) => {
  await open(page);
  // Autofill fills everything at once, then the person presses Enter right away.
  await page.evaluate(() => {
    const f = document.querySelector("#sign form");
    for (const [name, v] of [["given_name", "Ana"], ["email", "ana@example.org"], ["postal_code", "10001"]]) {
      const el = f.querySelector(`[name=${name}]`);
      el.value = v;
      el.dispatchEvent(new Event("input", { bubbles: true }));
    }
  });
  await petition(page).getByLabel("ZIP code").press("Enter");
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  await expect.poll(async () => (await signatures()).length).toBe(1);
});

test("the updates signup in the footer", async ({ page }) => {
  await page.goto("/partners");
  const footer = page.getByRole("contentinfo");
  await footer.getByLabel("Email").fill("bad");
  await footer.getByRole("button", { name: "Sign up" }).click();
  await expect(footer.getByRole("heading", { name: "There is a problem" })).toBeVisible();
  await expectNoAxeViolations(page);
  await footer.getByLabel("Email").fill("रवि@example.in".replace("रवि", "ravi"));
  await footer.getByLabel("First name (optional)").fill("रवि");
  await footer.getByRole("button", { name: "Sign up" }).click();
  await expect(footer.getByText("You’re signed up for updates and action alerts.")).toBeVisible();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].endpoint).toContain("/osdi/forms/updates/record_submission_helper");
  expect(got[0].body.person.given_name).toBe("रवि");
  expect(got[0].body.person.email_addresses[0].status).toBe("subscribed");
  await expectNoAxeViolations(page);
});

test("double submit: the button does nothing while sending, and one signature arrives", async ({ page }) => {
  await receiver("/__control", { delay_ms: 3000 });
  await open(page);
  const sent = requests(page);
  await fill(page);
  const button = petition(page).getByRole("button", { name: "Sign the petition" });
  await button.click();
  await expect(button).toHaveAttribute("aria-disabled", "true");
  await expect(button).toBeFocused();
  await expect(page.getByRole("status").filter({ hasText: "Sending…" })).toBeVisible();
  // Playwright treats aria-disabled as disabled; a person can still click it.
  await button.click({ force: true });
  await button.press("Enter");
  await expectNoAxeViolations(page);
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  // Whatever the clicks queued has been sent and taken off the device.
  await expect.poll(() => queuedEmails(page)).toEqual([]);
  await sent.idle();
  expect(await signatures()).toHaveLength(1);
});

test("sharing falls back to a link to copy, tagged source=share", async ({ page }) => {
  await page.addInitScript(() => { delete Navigator.prototype.share; });
  await open(page);
  await fill(page);
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await page.getByRole("button", { name: "Share the petition" }).click();
  await expect(page.getByLabel("Link to the petition")).toHaveValue(/\/act\/guantanamo\/\?source=share$/);
  await expectNoAxeViolations(page);
});

test("the updates signup on the issue page needs only an email", async ({ page }) => {
  await page.goto("/issues/immigration-justice");
  await heading(page, "Immigration Justice");
  const section = page.getByRole("region", { name: "Sign up for updates and action alerts" }).first();
  await section.getByLabel("Email").fill("only-email@example.org");
  await section.getByRole("button", { name: "Sign up" }).click();
  await expect(section.getByText("You’re signed up for updates and action alerts.")).toBeVisible();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body.person.given_name, "no name is sent when none was given").toBeUndefined();
  expect(got[0].body.person.email_addresses[0]).toEqual({ address: "only-email@example.org", primary: true, status: "subscribed" });
  await expectNoAxeViolations(page);
});

// The forms' behaviour (the signer) is a second wasm module that no first view pays for: on a
// page with an action's form it comes once the page has loaded and is idle, so that a browser
// that fills the form at once and a visitor who taps at once wait for no download.
test("the first view loads no signer; it comes after the load event for the action's form, once, for every form", async ({ page }) => {
  const signer = [];
  let loaded = null;
  page.on("request", (r) => { if (/\/signer-[0-9a-f]+(_bg\.wasm|\.js)$/.test(r.url())) signer.push(r.url()); });
  page.on("load", () => (loaded = signer.length));
  const fetched = requests(page);
  await open(page);
  expect(loaded, "nothing of the signer before the load event").toBe(0);
  await expect.poll(() => signer.length).toBe(2);
  await expect(page.locator("#sign [data-sign][data-sign-ready]")).toHaveCount(1);
  await fill(page);
  await page.getByRole("contentinfo").getByLabel("Email").click();
  await expect(page.getByRole("contentinfo").locator("[data-sign-ready]")).toHaveCount(1);
  await fetched.idle();
  expect(signer, "loaded once for every form on the page").toHaveLength(2);
});

test("a signer that fails to load is fetched again on submit, and the signature goes once", async ({ page }) => {
  // A flaky connection: the first fetch of the signer's wasm is cut off.
  let first = true;
  await page.route(/\/signer-[0-9a-f]+_bg\.wasm$/, async (route) => {
    if (first) {
      first = false;
      await route.abort("connectionreset");
    } else {
      await route.continue();
    }
  });
  await open(page);
  const sent = requests(page);
  await fill(page);
  await expect.poll(() => first, { message: "the first fetch was made, and failed" }).toBe(false);
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  await expect.poll(async () => (await signatures()).length).toBe(1);
  // Nothing left to send, nothing in flight: one it stays.
  await expect.poll(() => queuedEmails(page)).toEqual([]);
  await sent.idle();
  expect(await signatures()).toHaveLength(1);
});

test("a submit before the signer has arrived waits for it, then signs once", async ({ page }) => {
  // A slow connection: the signer takes two seconds to arrive.
  await page.route(/\/signer-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 2_000));
    await route.continue();
  });
  await open(page);
  const sent = requests(page);
  await fill(page);
  await expect(page.locator("#sign [data-sign-ready]"), "the signer has not arrived yet").toHaveCount(0);
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  await expect.poll(async () => (await signatures()).length).toBe(1);
  // Nothing left to send, nothing in flight: one it stays.
  await expect.poll(() => queuedEmails(page)).toEqual([]);
  await sent.idle();
  expect(await signatures()).toHaveLength(1);
});

// Static first: signing under the strict CSP, and without WebAssembly or JavaScript.

/** Counts Content Security Policy violations from the first script on. */
async function countViolations(page) {
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__violations.push(`${e.violatedDirective}: ${e.blockedURI}`));
  });
  return () => page.evaluate(() => window.__violations);
}

test("zero CSP violations under the strict policy: every page, client routing, and signing", async ({ page }) => {
  const violations = await countViolations(page);
  const response = await page.goto("/");
  const policy = response.headers()["content-security-policy"];
  expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval'");
  // Styles from the site, and the one inline stylesheet every page carries, by its hash.
  expect(policy).toMatch(/style-src 'self' 'sha256-[A-Za-z0-9+/]+=*';/);
  expect(policy).not.toContain("unsafe-inline");
  expect(policy).toContain("frame-ancestors 'none'");
  await ready(page);
  for (const route of ROUTES) {
    await page.goto(route.path);
    await heading(page, route.heading);
  }
  await ready(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Issues" }).click();
  await heading(page, "Issues");
  await receiver("/__reset", {});
  await page.goto(ACTION);
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByLabel("First name").fill("Ana");
  await form.getByLabel("Email").fill("ana@example.org");
  await form.getByLabel("ZIP code").fill("10001");
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  expect(await violations()).toEqual([]);
});

test("with WebAssembly removed (Lockdown Mode): readable, navigable, and the petition posts as a plain form", async ({ page }) => {
  await page.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  const seen = watch(page);
  await receiver("/__reset", {});
  await page.goto("/");
  await heading(page, "Welcome immigrants with dignity and compassion");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Take action" }).click();
  await heading(page, "Take action");
  await page.getByRole("main").getByRole("link", { name: /Guantánamo/ }).click();
  await heading(page, "Tell President Trump: Don’t Send Migrants to Guantánamo!");
  await expect(page.getByText("This move is both cruel and threatens to violate U.S. law.")).toBeVisible();
  await expectNoAxeViolations(page);
  const form = page.getByRole("region", { name: "Sign the petition" });
  await form.getByLabel("First name").fill("Zoë");
  await form.getByLabel("Last name (optional)").fill("Saint-Exupéry");
  await form.getByLabel("Email").fill("zoe@example.fr");
  await form.getByLabel("ZIP code").fill("10001");
  await form.getByLabel("Send me updates and action alerts").check();
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await heading(page, "Thank you");
  expect(new URL(page.url()).pathname).toBe("/thanks/");
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].adapter).toBe("form");
  expect(got[0].body).toMatchObject({ kind: "petition", action: "guantanamo", given_name: "Zoë", family_name: "Saint-Exupéry", email: "zoe@example.fr", email_opt_in: "yes" });
  expect(page.url()).not.toContain("wasm");
  expect(seen.errors.filter((e) => !e.includes("WebAssembly"))).toEqual([]);
});

test("with JavaScript off: every page reads, links work, and the footer signup posts", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await receiver("/__reset", {});
  for (const route of ROUTES) {
    await page.goto(route.path);
    await heading(page, route.heading);
    await expect(page.getByText(route.text).first()).toBeVisible();
  }
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Partners" }).click();
  await heading(page, "Coalition partners");
  const footer = page.getByRole("contentinfo");
  await footer.getByLabel("Email").fill("ravi@example.in");
  await footer.getByRole("button", { name: "Sign up" }).click();
  await heading(page, "Thank you");
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body).toMatchObject({ kind: "signup", email: "ravi@example.in" });
  await context.close();
});

// WCAG 2.2 AA: the whole journey with the keyboard alone.
// The same journey's words in each language.
const JOURNEY = {
  en: {
    home: "/", homeHeading: "Welcome immigrants with dignity and compassion", issue: "Immigration Justice", action: TITLE,
    given: "First name", country: "Country", optIn: "Send me updates and action alerts", sign: "Sign the petition",
    signed: "Signed. Thank you.", thanks: "Thank you, Łucja.", share: "Share the petition", link: "Link to the petition", path: "/act/guantanamo/",
  },
  es: {
    home: "/es/", homeHeading: "Recibamos a las personas inmigrantes con dignidad y compasión", issue: "Justicia migratoria",
    action: "Dile al presidente Trump: ¡no envíes a personas migrantes a Guantánamo!", given: "Nombre", country: "País",
    optIn: "Quiero recibir novedades y alertas de acción", sign: "Firma la petición", signed: "Firmado. Gracias.",
    thanks: "Gracias, Łucja.", share: "Compartir la petición", link: "Enlace a la petición", path: "/es/act/guantanamo/",
  },
};

for (const [lang, w] of Object.entries(JOURNEY)) {
  test(`keyboard only (${lang}): home → issue → action → sign → share, focus always visible, never trapped`, async ({ page }) => {
    await page.goto(w.home);
    await heading(page, w.homeHeading);
    await ready(page);
    const main = page.getByRole("main");
    await tabTo(page, main.getByRole("link", { name: w.issue, exact: true }));
    await page.keyboard.press("Enter");
    await heading(page, w.issue);
    await tabTo(page, main.getByRole("link", { name: w.action }), { max: 80 });
    await page.keyboard.press("Enter");
    await heading(page, w.action);
    const form = page.getByRole("region", { name: w.sign });
    await tabTo(page, form.getByLabel(w.given, { exact: true }));
    await page.keyboard.type("Łucja");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Nowak-Wójcik");
    await page.keyboard.press("Tab");
    await page.keyboard.type("lucja@example.pl");
    await page.keyboard.press("Tab");
    await expect(form.getByLabel(w.country)).toBeFocused();
    await page.keyboard.press("Tab");
    await page.keyboard.type("10001");
    await page.keyboard.press("Tab");
    await expect(form.getByLabel(w.optIn)).toBeFocused();
    await page.keyboard.press("Space");
    await tabTo(page, form.getByRole("button", { name: w.sign }), { max: 3 });
    await page.keyboard.press("Enter");
    await expect(page.getByText(w.signed)).toBeVisible();
    await expect(form.getByRole("heading", { name: w.thanks }).locator("..")).toBeFocused();
    await tabTo(page, form.getByRole("button", { name: w.share }), { max: 3 });
    await page.evaluate(() => { delete Navigator.prototype.share; });
    await page.keyboard.press("Enter");
    await tabTo(page, form.getByLabel(w.link), { max: 3 });
    await expect(form.getByLabel(w.link)).toHaveValue(new RegExp(`${w.path.replaceAll("/", "\\/")}\\?source=share$`));
    const got = await signatures();
    expect(got).toHaveLength(1);
    expect(got[0].body.person.given_name).toBe("Łucja");
    expect(got[0].body.person.email_addresses[0].status).toBe("subscribed");
    expect(got[0].body.add_tags).toContain(`lang:${lang}`);
  });
}


// Spanish: the same petition, with every word the visitor meets in Spanish, and the signature
// carrying its language.
test("en español: errors, statuses and the thank-you are Spanish, and the signature says `es`", async ({ page }) => {
  const seen = watch(page);
  await page.goto("/es/act/guantanamo/");
  await heading(page, "Dile al presidente Trump: ¡no envíes a personas migrantes a Guantánamo!");
  const form = page.getByRole("region", { name: "Firma la petición" });
  await form.getByRole("button", { name: "Firma la petición" }).click();
  const summary = form.getByRole("heading", { name: "Hay un problema" });
  await expect(summary).toBeVisible();
  for (const message of ["Escribe tu nombre.", "Escribe tu correo electrónico.", "Escribe tu código postal."]) {
    await expect(form.getByRole("link", { name: message })).toBeVisible();
  }
  await expect(form.getByText("Error: Escribe tu nombre.")).toBeAttached();
  await expectNoAxeViolations(page);

  // Saved while the network is down, in Spanish; then sent, in Spanish.
  await page.context().setOffline(true);
  await form.getByLabel("Nombre", { exact: true }).fill("José Ángel");
  await form.getByLabel("Apellidos (opcional)").fill("Muñoz-Peña");
  await form.getByLabel("Correo electrónico").fill("jose@example.mx");
  await form.getByLabel("País").selectOption("MX");
  await expect(form.getByLabel("Código postal", { exact: true })).toBeVisible();
  await form.getByLabel("Código postal", { exact: true }).fill("06700");
  await form.getByLabel("Quiero recibir novedades y alertas de acción").check();
  await form.getByRole("button", { name: "Firma la petición" }).click();
  await expect(form.getByText("Guardado en este dispositivo. Lo enviaremos en cuanto podamos conectar con el servicio de peticiones.")).toBeVisible();
  await expect(form.getByRole("button", { name: "Intentar ahora" })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await signatures()).toHaveLength(0);
  // Back online, the outbox sends it by itself.
  await page.context().setOffline(false);
  await expect(form.getByRole("heading", { name: "Gracias, José Ángel." })).toBeVisible({ timeout: 20_000 });
  await expect(form.getByText("El servicio de peticiones recibió tu firma.")).toBeVisible();
  await expect(form.getByText("Te enviaremos novedades y alertas de acción.")).toBeVisible();
  await expectNoAxeViolations(page);

  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body.person.given_name).toBe("José Ángel");
  expect(got[0].body.person.postal_addresses[0]).toEqual({ primary: true, postal_code: "06700", country: "MX" });
  expect(got[0].body.add_tags).toContain("lang:es");
  expect(got[0].body.referrer_data.url).toContain("/es/act/guantanamo/");
  expect(seen.errors.filter((e) => !e.includes("ERR_INTERNET_DISCONNECTED"))).toEqual([]);
});

test("en español, without JavaScript: the plain form says `es` and lands on the Spanish thank-you", async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto("/es/partners/");
  await heading(page, "Aliados de la coalición");
  const footer = page.getByRole("contentinfo");
  await footer.getByLabel("Correo electrónico").fill("lucia@example.co");
  await footer.getByRole("button", { name: "Suscribirme" }).click();
  await heading(page, "Gracias");
  expect(new URL(page.url()).pathname).toBe("/es/thanks/");
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body).toMatchObject({ kind: "signup", email: "lucia@example.co", language: "es" });
  await context.close();
});

// The signer cannot load: a dropped connection, files a deploy removed, or a host page whose
// policy forbids compiling wasm. A submit says "Sending…" at once, and soon what went wrong,
// with a retry and another way to sign.
test("a signer that cannot load: sending at once, then a message, a retry and another way to sign", async ({ page }) => {
  await page.route(/\/signer-[0-9a-f]+(_bg\.wasm|\.js)$/, (route) => route.abort("connectionrefused"));
  await open(page);
  await fill(page, { given: "Noor", email: "noor@example.org" });
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  const form = petition(page);
  await expect(form.getByText("This form could not get ready to send your signature. Check your connection, then try again.")).toBeVisible();
  await expect(form.getByText("This form could not get ready", { exact: false }).locator(".."), "focus goes to what went wrong").toBeFocused();
  await expectNoAxeViolations(page);
  // Trying again, still cut off: told again, nothing sent.
  await form.getByRole("button", { name: "Try again" }).click();
  await expect(form.getByText("This form could not get ready", { exact: false })).toBeVisible();
  expect(await signatures()).toHaveLength(0);
  // The other way: the form as a plain HTML form, to the plain-post target.
  await form.getByRole("button", { name: "Send it another way now" }).click();
  await heading(page, "Thank you");
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body).toMatchObject({ kind: "petition", given_name: "Noor", email: "noor@example.org" });
});

test("a signer that does not arrive within ten seconds: told so, then sent once it comes", async ({ page }) => {
  test.setTimeout(60_000);
  let release;
  const arrived = new Promise((r) => (release = r));
  await page.route(/\/signer-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await arrived;
    await route.continue();
  });
  await open(page);
  await fill(page, { given: "Tova", email: "tova@example.org" });
  const started = Date.now();
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByRole("status").filter({ hasText: "Sending…" })).toBeVisible();
  await expect(petition(page).getByText("This form could not get ready", { exact: false })).toBeVisible({ timeout: 15_000 });
  expect(Date.now() - started, "within ten seconds and a little").toBeLessThan(12_000);
  release();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  await expect(petition(page).getByText("This form could not get ready", { exact: false })).toBeHidden();
  await expect.poll(async () => (await signatures()).length).toBe(1);
});

// A link in an email: `?first_name=…&email=…`. The signer fills the form in (it loads at once
// for such an address), never over what the visitor typed, never the consent box; the details
// leave the address bar, and nothing personal is in what the signature says about its page.
test("a link that fills the form in: filled, typing kept, consent not ticked, the address cleaned", async ({ page }) => {
  await page.route(/\/signer-[0-9a-f]+_bg\.wasm$/, async (route) => {
    await new Promise((r) => setTimeout(r, 1_500));
    await route.continue();
  });
  await page.goto(`${ACTION}?source=email&first_name=Zo%C3%AB&last_name=Ortiz&email=zoe%40example.org&zip=10001&email_opt_in=yes`);
  await heading(page, TITLE);
  const form = petition(page);
  // Typed before the signer arrived.
  await form.getByLabel("First name").fill("Zoey");
  await expect(form.getByLabel("Email")).toHaveValue("zoe@example.org");
  await expect(form.getByLabel("Last name (optional)")).toHaveValue("Ortiz");
  await expect(form.getByLabel("ZIP code")).toHaveValue("10001");
  await expect(form.getByLabel("First name"), "what the visitor typed stays").toHaveValue("Zoey");
  await expect(form.getByLabel("Send me updates and action alerts")).not.toBeChecked();
  expect(new URL(page.url()).search, "the personal details left the address bar").toBe("?source=email");
  await expectNoAxeViolations(page);
  await form.getByRole("button", { name: "Sign the petition" }).click();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body.person.given_name).toBe("Zoey");
  expect(got[0].body.referrer_data).toMatchObject({ source: "email", url: `http://127.0.0.1:4173${ACTION}` });
  expect(JSON.stringify(got[0].body.referrer_data)).not.toContain("zoe");
  // Confirmed: nothing personal is left on the device, nor in the address.
  const kept = await keptOnDevice(page);
  expect(kept).not.toContain("zoe");
  expect(kept).not.toContain("Zoey");
});

test("a page that sends its signatures elsewhere names that host in its privacy lines, before the signer loads", async ({ page }) => {
  // As a page author would, in the page's HTML: the override on <body>, before any script of the
  // site runs (the document turns interactive before its module scripts run).
  await page.addInitScript(() => document.addEventListener("readystatechange", () => {
    if (document.readyState !== "interactive") return;
    document.body.dataset.signupPetitionUrl = "https://actionnetwork.org/api/v2/petitions/guantanamo/signatures";
    document.body.dataset.signupSignupUrl = "https://forms.example.net/truah/signup";
  }));
  // The signer, which would come once the page is idle, is held back: what is said here is the
  // page's own doing.
  await page.route(/\/signer-[0-9a-f]+(_bg\.wasm|\.js)$/, () => new Promise(() => {}));
  const wasm = [];
  page.on("requestfinished", (r) => r.url().endsWith(".wasm") && wasm.push(r.url()));
  await page.goto(ACTION);
  await heading(page, TITLE);
  await expect(petition(page).getByText(/your details go to/)).toHaveText(/^When you send this, your details go to actionnetwork\.org\. Until they are sent/);
  const updates = page.getByRole("region", { name: "Sign up for updates and action alerts" }).first();
  await expect(updates.getByText(/your details go to/)).toContainText("your details go to forms.example.net.");
  expect(wasm, "said by the page itself, not by the signer").toEqual([]);
});

test("with Save-Data on (no site wasm), a link still fills the form in and cleans the address", async ({ page }) => {
  // What boot.js reads to skip hydration on a slow or metered connection.
  await page.addInitScript(() => Object.defineProperty(Navigator.prototype, "connection", { get: () => ({ saveData: true, effectiveType: "4g" }) }));
  const wasm = [];
  page.on("request", (r) => r.url().endsWith(".wasm") && wasm.push(new URL(r.url()).pathname));
  await page.goto(`${ACTION}?first_name=Zo%C3%AB&email=zoe%40example.org`);
  await heading(page, TITLE);
  const form = petition(page);
  await expect(form.getByLabel("Email")).toHaveValue("zoe@example.org");
  await expect(form.getByLabel("First name")).toHaveValue("Zoë");
  expect(new URL(page.url()).search).toBe("");
  // Only the signer came: the site's wasm stayed away, even with a pointer over a link.
  const fetched = requests(page);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Issues", exact: true }).hover();
  await fetched.idle();
  expect(wasm.every((p) => p.includes("/signer-")), wasm.join(" ")).toBe(true);
  expect(await page.evaluate(() => document.documentElement.dataset.app)).toBeUndefined();
});
