// The embed, as staff paste it into another website and as that site's visitors use it. The host
// pages (tests/e2e/host/) stand in for a WordPress theme at its most hostile and are served
// from another origin (4180) than the campaign site (4173). Their embeds send to a receiver of
// their own (8788, set with the embed's endpoint attributes), so these tests never touch
// petition.spec.js's receiver.
import { test, expect } from "@playwright/test";
import { EMBED_RECEIVER, HOST } from "./playwright.config.js";
import { expectNoAxeViolations, keptOnDevice, queuedEmails, ready, receiverAt, requests, watch } from "./helpers.js";

// Each worker has its own receivers (playwright.config.js), and runs one test at a time: tests
// that script a receiver's faults, or read what it received, run in parallel with each other.

const SITE = "http://127.0.0.1:4173";
const TITLE = "Tell President Trump: Don’t Send Migrants to Guantánamo!";

const receiver = receiverAt(EMBED_RECEIVER);
const signatures = () => receiver("/__signatures");

test.beforeEach(async () => {
  await receiver("/__reset", {});
});

/** Opens a host page and waits for its embeds to show their bodies. */
async function openHost(page, path = "/") {
  await page.goto(HOST + path);
  for (const el of await page.locator("[data-truah-embed]").all()) {
    await expect(el.locator(".embed__body h2").first()).toBeVisible();
  }
}

/** Records the embed's events on the host page, as its analytics would. */
async function recordEvents(page) {
  await page.addInitScript(() => {
    window.__events = [];
    for (const type of ["truah:ready", "truah:signed", "truah:signup"]) {
      document.addEventListener(type, (ev) => window.__events.push({ type, target: ev.target.id, detail: ev.detail }));
    }
  });
}

const petition = (page) => page.locator("#petition-embed");
const signup = (page) => page.locator("#signup-embed");

async function fillPetition(page, { given = "Ana María", family = "García-O’Brien", email = "ana@example.org", zip = "10001" } = {}) {
  const form = petition(page);
  await form.getByLabel("First name").fill(given);
  await form.getByLabel("Last name (optional)").fill(family);
  await form.getByLabel("Email").fill(email);
  await form.getByLabel("ZIP code").fill(zip);
}

test("a petition embedded in another website signs through the receiver once, tagged with its source", async ({ page }) => {
  const seen = watch(page);
  await recordEvents(page);
  await openHost(page);
  await expect(petition(page).getByRole("heading", { level: 2, name: TITLE })).toBeVisible();
  await fillPetition(page);
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(petition(page).getByRole("heading", { name: "Thank you, Ana María." })).toBeVisible();
  await expect(petition(page).getByText("Your signature has been received by the petition service.")).toBeVisible();

  const got = await signatures();
  expect(got).toHaveLength(1);
  const body = got[0].body;
  expect(body.person.given_name).toBe("Ana María");
  expect(body.person.family_name).toBe("García-O’Brien");
  expect(body.referrer_data.source).toBe("wordpress-test");
  expect(body.referrer_data.url).toBe(`${HOST}/`);
  expect(body.add_tags).toContain("petition:guantanamo");

  // The host hears of it, without anything personal.
  const events = await page.evaluate(() => window.__events);
  expect(events.filter((e) => e.type === "truah:ready").map((e) => e.target).sort()).toEqual(["petition-embed", "signup-embed"]);
  const signed = events.filter((e) => e.type === "truah:signed");
  expect(signed).toEqual([{ type: "truah:signed", target: "petition-embed", detail: { kind: "petition", action: "guantanamo" } }]);
  expect(JSON.stringify(events)).not.toMatch(/Ana María|García|ana@example|10001/);

  // Sharing shares the campaign's page, not the host's.
  await page.evaluate(() => { delete Navigator.prototype.share; });
  await petition(page).getByRole("button", { name: "Share the petition" }).click();
  await expect(petition(page).getByLabel("Link to the petition")).toHaveValue(`${SITE}/act/guantanamo/?source=share`);

  expect(page.url()).toBe(`${HOST}/`);
  await expectNoAxeViolations(page);
  expect(seen.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test("the embedded petition says whom it asks and what people sign, with its count and where signatures go", async ({ page }) => {
  await page.route("http://127.0.0.1:8787/count/guantanamo*", (route) =>
    route.fulfill({ status: 200, contentType: "application/json", headers: { "access-control-allow-origin": "*" }, body: '{"count": 1234}' }));
  await openHost(page);
  const embed = petition(page);
  await expect(embed.locator(".ask__to")).toHaveText("To: President Trump");
  await expect(embed.locator("blockquote")).toHaveText("Don’t send migrants to Guantánamo!");
  // The count is read from the campaign's source, from the host page.
  await expect(embed.getByRole("progressbar", { name: "1,234 signatures of 2,500" })).toBeVisible();
  await expect(embed.getByText(/^When you send this, your details go to 127\.0\.0\.1\./)).toBeVisible();
  await expectNoAxeViolations(page);
});

test("two embeds on one page work independently", async ({ page }) => {
  await recordEvents(page);
  await openHost(page);
  // The sidebar's signup first, then the petition: each keeps its own state.
  await signup(page).getByLabel("First name (optional)").fill("Đức");
  await signup(page).getByLabel("Email").fill("duc@example.vn");
  await signup(page).getByRole("button", { name: "Sign up" }).click();
  await expect(signup(page).getByText("You’re signed up for updates and action alerts.")).toBeVisible();
  await expect(petition(page).getByLabel("First name")).toBeVisible();
  await expect(petition(page).getByRole("heading", { name: /Thank you/ })).toHaveCount(0);
  await expect(petition(page).getByRole("button", { name: "Sign the petition" })).toBeVisible();

  await fillPetition(page, { given: "Seán", family: "Ó Briain", email: "sean@example.ie", zip: "02139" });
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(petition(page).getByRole("heading", { name: "Thank you, Seán." })).toBeVisible();

  const got = await signatures();
  expect(got.map((s) => s.endpoint.includes("record_submission_helper") ? "signup" : "petition")).toEqual(["signup", "petition"]);
  expect(got[0].body.person.given_name).toBe("Đức");
  expect(got[1].body.person.given_name).toBe("Seán");
  expect(got[1].body.referrer_data.source).toBe("wordpress-test");
  const events = await page.evaluate(() => window.__events.filter((e) => e.type !== "truah:ready"));
  expect(events).toEqual([
    { type: "truah:signup", target: "signup-embed", detail: { kind: "signup" } },
    { type: "truah:signed", target: "petition-embed", detail: { kind: "petition", action: "guantanamo" } },
  ]);
});

test("a mistake is shown in the embed, and its summary's links move focus without touching the host's address", async ({ page }) => {
  await openHost(page);
  const history = await page.evaluate(() => history.length);
  const form = petition(page);
  await form.getByLabel("Email").fill("not an email");
  await form.getByRole("button", { name: "Sign the petition" }).click();
  const summary = form.getByRole("heading", { name: "There is a problem" });
  await expect(summary).toBeVisible();
  await expectNoAxeViolations(page);
  await form.getByRole("link", { name: /email address/i }).click();
  await expect(form.getByLabel("Email")).toBeFocused();
  expect(page.url()).toBe(`${HOST}/`);
  expect(await page.evaluate(() => history.length)).toBe(history);
  expect(await signatures()).toHaveLength(0);
});

test("a signature made while the endpoint is unreachable is kept, and sent once after a reload", async ({ page }) => {
  await openHost(page);
  await page.route(`${EMBED_RECEIVER}/**`, (route) => route.abort("internetdisconnected"));
  await fillPetition(page, { given: "Chidi", family: "Okafor-Nwosu", email: "chidi@example.ng" });
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(petition(page).getByRole("button", { name: "Try now" })).toBeVisible();
  expect(await signatures()).toHaveLength(0);
  await page.unroute(`${EMBED_RECEIVER}/**`);
  const sent = requests(page);
  await page.reload();
  await expect.poll(async () => (await signatures()).length, { timeout: 15_000 }).toBe(1);
  await expect(petition(page).getByText("Your signature has been received by the petition service.")).toBeVisible();
  // Nothing left on the host page's device, nothing in flight: one it stays.
  await expect.poll(() => queuedEmails(page)).toEqual([]);
  await sent.idle();
  expect((await signatures()).map((s) => s.body.person.given_name)).toEqual(["Chidi"]);
});

test("the host page's hostile theme leaves the embed as it is: labels, sizes, colours and the focus ring", async ({ page }, testInfo) => {
  await openHost(page);
  const measure = () =>
    page.evaluate(() => {
      const root = document.querySelector("#petition-embed").shadowRoot;
      const box = (el) => {
        const r = el.getBoundingClientRect();
        const s = getComputedStyle(el);
        // Heights of controls only: text wraps to the host's column, which the theme changes.
        const control = ["INPUT", "SELECT", "BUTTON"].includes(el.tagName);
        return { height: control ? Math.round(r.height) : null, lineHeight: s.lineHeight, letterSpacing: s.letterSpacing, textAlign: s.textAlign, fontWeight: s.fontWeight, display: s.display, fontSize: s.fontSize, fontFamily: s.fontFamily, color: s.color, background: s.backgroundColor, border: s.borderTopWidth + " " + s.borderTopStyle, padding: s.paddingTop, transform: s.textTransform };
      };
      const out = {};
      for (const id of ["petition-given_name", "petition-email", "petition-country", "petition-email_opt_in", "petition-submit"]) out[id] = box(root.getElementById(id));
      for (const label of root.querySelectorAll("label[for='petition-given_name'], label[for='petition-email']")) out["label " + label.htmlFor] = box(label);
      out.heading = box(root.querySelector("h2"));
      out.text = box(root.querySelector(".prose p"));
      out.link = box(root.querySelector(".eyebrow a"));
      return out;
    });
  const themed = await measure();
  // The same page without the theme's stylesheet: the embed must look the same.
  await page.evaluate(() => { document.querySelector('link[rel="stylesheet"]').disabled = true; });
  const plain = await measure();
  expect(themed).toEqual(plain);

  // And as designed, whatever the theme says.
  await page.evaluate(() => { document.querySelector('link[rel="stylesheet"]').disabled = false; });
  expect(themed["petition-submit"].background).toBe("rgb(11, 79, 92)");
  expect(themed["petition-submit"].transform).toBe("none");
  expect(themed["petition-given_name"].height).toBeGreaterThanOrEqual(44);
  expect(themed["petition-email_opt_in"].height).toBeGreaterThanOrEqual(24);
  expect(themed["label petition-email"].display).toBe("block");
  expect(themed.text.color).toBe("rgb(28, 33, 38)");
  expect(parseFloat(themed.text.fontSize)).toBeCloseTo(17, 0);

  // A keyboard user sees where they are, though the theme removes every outline.
  await petition(page).getByLabel("First name").focus();
  await page.keyboard.press("Tab");
  const ring = await page.evaluate(() => {
    const el = document.querySelector("#petition-embed").shadowRoot.activeElement;
    const s = getComputedStyle(el);
    return { id: el.id, style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });
  expect(ring).toEqual({ id: "petition-family_name", style: "solid", width: 3 });

  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await testInfo.attach(`host-${width}`, { body: await page.screenshot({ fullPage: true }), contentType: "image/png" });
  }
});

test("the embed changes none of the host page's own styles", async ({ page }) => {
  const elements = ["body", "h1", "#intro", "#host-link", "#host-list", "#host-list li", "label[for='host-q']", "#host-q", "#host-button", "aside h2", ".site-title a"];
  const styles = () =>
    page.evaluate((selectors) => {
      // Sizes that follow the page's length (a taller page) are not styles the embed could set.
      const layout = new Set(["width", "height", "inline-size", "block-size", "perspective-origin", "transform-origin"]);
      const out = {};
      for (const selector of selectors) {
        const s = getComputedStyle(document.querySelector(selector));
        out[selector] = Object.fromEntries([...s].filter((p) => !layout.has(p)).map((p) => [p, s.getPropertyValue(p)]));
      }
      return out;
    }, elements);
  // Without the embed: its script never arrives.
  await page.route(`${SITE}/embed.js`, (route) => route.abort());
  await page.goto(HOST + "/");
  await expect(page.locator("#petition-embed")).toBeEmpty();
  const without = await styles();
  await page.unroute(`${SITE}/embed.js`);
  await openHost(page);
  const withEmbed = await styles();
  expect(Object.keys(without["body"]).length).toBeGreaterThan(200);
  expect(withEmbed).toEqual(without);
});

test("inside an issue page's embed, links stay in the embed and the host's address never changes", async ({ page }) => {
  const seen = watch(page);
  await openHost(page, "/issue.html");
  const embed = page.locator("#issue-embed");
  const start = await page.evaluate(() => history.length);
  await expect(embed.getByRole("heading", { level: 2, name: "Immigration Justice" })).toBeVisible();

  // A footnote: scrolls within the embed.
  await embed.getByRole("link", { name: "Note *" }).first().click();
  await expect(embed.locator("#note-ger")).toBeFocused();

  // The action: opens in the embed, with a way back.
  await embed.getByRole("link", { name: TITLE }).click();
  await expect(embed.getByRole("heading", { level: 2, name: TITLE })).toBeFocused();
  await expect(embed.getByLabel("First name")).toBeVisible();
  await expectNoAxeViolations(page);
  await embed.getByRole("button", { name: "Back" }).click();
  await expect(embed.getByRole("heading", { level: 2, name: "Immigration Justice" })).toBeFocused();
  await expect(embed.getByRole("button", { name: "Back" })).toBeHidden();

  // Pages an embed does not show are ordinary links to the campaign site.
  await expect(embed.getByRole("link", { name: "our approach to working in coalition" })).toHaveAttribute("href", /^https?:\/\//);
  await expect(embed.getByRole("link", { name: "Visit HIAS’s website" })).toHaveAttribute("href", "https://hias.org/");

  expect(page.url()).toBe(`${HOST}/issue.html`);
  expect(await page.evaluate(() => history.length)).toBe(start);
  await expectNoAxeViolations(page);
  expect(seen.errors.filter((e) => !e.includes("favicon"))).toEqual([]);
});

test("the embed fits a 300 px column and a 320 px phone without sideways scrolling", async ({ page }) => {
  for (const width of [320, 375, 1280]) {
    await page.setViewportSize({ width, height: 800 });
    await openHost(page);
    const fit = await page.evaluate(() => ({
      page: document.documentElement.scrollWidth <= innerWidth,
      embeds: [...document.querySelectorAll("[data-truah-embed]")].map((el) => {
        const edge = el.getBoundingClientRect().right + 0.5;
        const over = [...el.shadowRoot.querySelectorAll("*")].filter((x) => x.getBoundingClientRect().right > edge && !x.closest(".hp, .visually-hidden"));
        return { id: el.id, width: Math.round(el.getBoundingClientRect().width), over: over.map((x) => x.id || x.className) };
      }),
    }));
    expect(fit.page, `${width}: the page scrolls sideways`).toBe(true);
    for (const e of fit.embeds) expect(e.over, `${width}: ${e.id} (${e.width} px) overflows`).toEqual([]);
    if (width === 1280) expect(fit.embeds.find((e) => e.id === "signup-embed").width).toBe(300);
  }
});

/** Pastes `html` (a snippet) into the host's blank page, as a WordPress Custom HTML block would:
 *  its script runs, as a pasted script does. */
async function paste(page, html) {
  await page.goto(`${HOST}/blank.html`);
  await page.evaluate((html) => {
    const t = document.createElement("template");
    t.innerHTML = html;
    for (const node of [...t.content.childNodes]) {
      if (node.nodeName !== "SCRIPT") document.querySelector("#paste-here").append(node);
      else {
        const s = document.createElement("script");
        for (const a of node.attributes) s.setAttribute(a.name, a.value);
        document.querySelector("#paste-here").append(s);
      }
    }
  }, html);
}

test("an embed that sends elsewhere names that host in its privacy line; one that does not names the campaign's", async ({ page }) => {
  await paste(page,
    `<div id="elsewhere" data-truah-embed="petition" data-action="guantanamo" data-signup-adapter="osdi" data-signup-petition-url="https://actionnetwork.org/api/v2/petitions/{petition}/signatures"></div>\n` +
    `<div id="updates" data-truah-embed="signup" data-signup-adapter="json" data-signup-signup-url="https://forms.example.net/truah/signup"></div>\n` +
    `<div id="as-built" data-truah-embed="petition" data-action="guantanamo"></div>\n` +
    `<script type="module" src="${SITE}/embed.js"></script>`);
  const line = (id) => page.locator(`#${id}`).locator(".sign-form__privacy");
  await expect(line("elsewhere")).toContainText("When you send this, your details go to actionnetwork.org. Until they are sent");
  await expect(line("updates")).toContainText("your details go to forms.example.net.");
  // The campaign's own endpoint, as built (the local receiver in this test build).
  await expect(line("as-built")).toContainText("your details go to 127.0.0.1.");
  await expectNoAxeViolations(page);
});

test("the /embed/ generator's snippet, pasted into another website, works as chosen", async ({ page, context }) => {
  await context.grantPermissions(["clipboard-read", "clipboard-write"], { origin: SITE });
  // Staff find it in every page's footer. It is a static page: the link loads it whole.
  await page.goto(`${SITE}/`);
  await ready(page);
  await page.getByRole("contentinfo").getByRole("link", { name: "Embed on your website" }).click();
  await expect(page.getByRole("heading", { level: 1, name: "Embed this campaign on your website" })).toBeVisible();
  expect(page.url()).toBe(`${SITE}/embed/`);
  await expect(page.locator("html")).not.toHaveAttribute("data-app", "ready");
  // Before any choice, the preview shows the first one: the petition.
  await expect(page.locator("#embed-preview [data-truah-embed]").getByRole("heading", { level: 2, name: TITLE })).toBeVisible();

  await page.getByLabel("Updates and action alerts signup").check();
  await page.getByLabel("Source code (optional)").fill("newsletter-sidebar");
  await page.getByText("Colours, font and corners").click();
  await page.getByLabel("Corner radius in pixels (optional)").fill("0");
  await page.getByText("Where signatures go (optional)").click();
  await page.getByLabel("Kind of endpoint").selectOption("json");
  await page.getByLabel("Signup address (optional)").fill(`${EMBED_RECEIVER}/json`);
  const snippet = page.getByLabel("Snippet to paste");
  const expected =
    `<div data-truah-embed="signup" data-source="newsletter-sidebar" data-signup-adapter="json" data-signup-signup-url="${EMBED_RECEIVER}/json" style="--truah-radius: 0px"></div>\n` +
    `<script type="module" src="${SITE}/embed.js"></script>`;
  await expect(snippet).toHaveValue(expected);
  await page.getByRole("button", { name: "Copy the snippet" }).click();
  await expect(page.getByText("Copied. Paste it into your page.")).toBeVisible();
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(expected);
  // The preview follows the choices.
  const preview = page.locator("#embed-preview [data-truah-embed]");
  await expect(preview.getByRole("heading", { level: 2, name: "Sign up for updates and action alerts" })).toBeVisible();
  expect(await preview.evaluate((el) => getComputedStyle(el.shadowRoot.querySelector(".button")).borderTopLeftRadius)).toBe("0px");
  await expectNoAxeViolations(page);

  // Pasted into a page on another website, as a Custom HTML block would.
  await paste(page, expected);
  const pasted = page.locator("#paste-here [data-truah-embed]");
  await pasted.getByLabel("Email").fill("amara@example.org");
  await pasted.getByRole("button", { name: "Sign up" }).click();
  await expect(pasted.getByText("You’re signed up for updates and action alerts.")).toBeVisible();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].adapter).toBe("json");
  expect(got[0].body.kind).toBe("signup");
  expect(got[0].body.source).toBe("newsletter-sidebar");
  expect(got[0].body.email).toBe("amara@example.org");
});

test("the embed's files load from another origin: CORS, types and caching", async ({ request }) => {
  const script = await request.get(`${SITE}/embed.js`, { headers: { origin: HOST } });
  expect(script.headers()["access-control-allow-origin"]).toBe("*");
  expect(script.headers()["content-type"]).toMatch(/^text\/javascript/);
  expect(script.headers()["cache-control"]).toBe("no-cache");
  const text = await script.text();
  const name = (re) => text.match(re)?.[0];
  const [css, signer, wasm] = [/embed-[0-9a-f]{16}\.css/, /signer-[0-9a-f]{16}\.js/, /signer-[0-9a-f]{16}_bg\.wasm/].map(name);
  for (const [file, type] of [[css, "text/css"], [signer, "text/javascript"], [wasm, "application/wasm"], ["embed/act/guantanamo.html", "text/html"]]) {
    const r = await request.get(`${SITE}/${file}`, { headers: { origin: HOST } });
    expect(r.status(), file).toBe(200);
    expect(r.headers()["access-control-allow-origin"], file).toBe("*");
    expect(r.headers()["content-type"], file).toContain(type);
    if (!file.endsWith(".html")) expect(r.headers()["cache-control"], file).toContain("immutable");
  }
});

test("an embed in Spanish (data-lang=\"es\") speaks Spanish, and its signatures say so", async ({ page }) => {
  await recordEvents(page);
  await openHost(page, "/es.html");
  const embed = petition(page);
  await expect(embed.locator(".embed")).toHaveAttribute("lang", "es");
  await expect(embed.getByRole("heading", { level: 2, name: "Dile al presidente Trump: ¡no envíes a personas migrantes a Guantánamo!" })).toBeVisible();
  await embed.getByRole("button", { name: "Firma la petición" }).click();
  await expect(embed.getByRole("heading", { name: "Hay un problema" })).toBeVisible();
  await expect(embed.getByRole("link", { name: "Escribe tu nombre." })).toBeVisible();
  await embed.getByLabel("Nombre", { exact: true }).fill("Ñusta");
  await embed.getByLabel("Correo electrónico").fill("nusta@example.pe");
  await embed.getByLabel("Código postal (ZIP)").fill("10001");
  await embed.getByRole("button", { name: "Firma la petición" }).click();
  await expect(embed.getByRole("heading", { name: "Gracias, Ñusta." })).toBeVisible();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body.add_tags).toContain("lang:es");
  expect(got[0].body.referrer_data.source).toBe("wordpress-es");
  // Links inside go to the Spanish pages.
  await expect(embed.getByRole("link", { name: "Justicia migratoria" })).toHaveAttribute("href", `${SITE}/es/issues/immigration-justice/`);
  await expectNoAxeViolations(page);
});

test("a link to the host page that fills the form in fills the embed's forms, and cleans the host's address", async ({ page }) => {
  await page.goto(`${HOST}/?first_name=Rivka&email=rivka%40example.org&zip=10001&utm_source=newsletter`);
  await expect(petition(page).locator(".embed__body h2").first()).toBeVisible();
  await expect(petition(page).getByLabel("Email")).toHaveValue("rivka@example.org");
  await expect(petition(page).getByLabel("First name")).toHaveValue("Rivka");
  await expect(petition(page).getByLabel("ZIP code")).toHaveValue("10001");
  await expect(signup(page).getByLabel("Email")).toHaveValue("rivka@example.org");
  expect(new URL(page.url()).search, "the host page's address keeps only what is not personal").toBe("?utm_source=newsletter");
  await petition(page).getByRole("button", { name: "Sign the petition" }).click();
  await expect(petition(page).getByRole("heading", { name: "Thank you, Rivka." })).toBeVisible();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body.referrer_data.url).toBe(`${HOST}/`);
  await expect.poll(() => keptOnDevice(page), { message: "nothing personal stays in the host page's storage" }).not.toContain("rivka");
});

test("the letter, embedded from the generator's snippet (data-truah-embed=\"letter\"), signs with every field through the receiver the snippet names", async ({ page }) => {
  await page.goto(`${SITE}/embed/`);
  await page.getByLabel("Letter: Rabbis and Cantors to Congress: Welcome the Stranger").check();
  await page.getByText("Where signatures go (optional)").click();
  await page.getByLabel("Letter address (optional)").fill(`${EMBED_RECEIVER}/osdi/petitions/clergy-letter/record_signature_helper`);
  const snippet = await page.getByLabel("Snippet to paste").inputValue();
  expect(snippet).toContain('data-truah-embed="letter" data-action="clergy-letter"');
  await paste(page, snippet);
  const letter = page.locator("#paste-here [data-truah-embed]");
  await expect(letter.getByRole("heading", { level: 2, name: "Rabbis and Cantors to Congress: Welcome the Stranger" })).toBeVisible();
  await letter.getByLabel("Title", { exact: true }).selectOption({ label: "Cantor" });
  await letter.getByLabel("First name").fill("Rivka");
  await letter.getByLabel("Email", { exact: true }).fill("rivka@example.org");
  await letter.getByLabel("State or country").selectOption({ label: "Israel" });
  await letter.getByLabel("List my name with the letter, with my title, congregation and city").check();
  await letter.getByRole("button", { name: "Add your name" }).click();
  await expect(letter.getByText("Your name has been added to the letter.")).toBeVisible();
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body.person).toMatchObject({ given_name: "Rivka", postal_addresses: [{ country: "IL" }], custom_fields: { title: "cantor", list_name_clergy_letter: "yes" } });
  await expectNoAxeViolations(page);
});
