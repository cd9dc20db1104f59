// The clergy sign-on letter, a second kind of action (campaign_core::kind::Kind::Letter), signed
// as a rabbi would sign it: by label, through the same outbox, receiver and consent record as the
// petition, in English and Spanish, and in event mode. Its list of 1,000 signers is
// signers.spec.js's (the subfolder build has them).
import { test, expect } from "@playwright/test";
import { RECEIVER } from "./playwright.config.js";
import { eventPanel, expectNoAxeViolations, heading, ready, receiverAt, startEvent, unlockEvent, watch } from "./helpers.js";

const LETTER = "/act/clergy-letter/";
const TITLE = "Rabbis and Cantors to Congress: Welcome the Stranger";

const receiver = receiverAt(RECEIVER);
const signatures = () => receiver("/__signatures");

test.beforeEach(async () => {
  await receiver("/__reset", {});
});

const letterForm = (page, name = "Add your name") => page.getByRole("region", { name });

/** Fills in the letter as a rabbi in Brooklyn does. */
async function fill(form, { title = "Rabbi", given = "Miriam", family = "Cohen-Ortiz", email = "miriam@example.org", list = true } = {}) {
  await form.getByLabel("Title", { exact: true }).selectOption({ label: title });
  await form.getByLabel("First name").fill(given);
  await form.getByLabel("Last name (optional)").fill(family);
  await form.getByLabel("Email", { exact: true }).fill(email);
  await form.getByLabel("Congregation or organization (optional)").fill("Congregation B’nai Israel");
  await form.getByLabel("City (optional)").fill("Brooklyn");
  await form.getByLabel("State or country").selectOption({ label: "New York" });
  if (list) await form.getByLabel("List my name with the letter, with my title, congregation and city").check();
}

test("a rabbi reads the letter, signs it by label with everything a letter asks, it arrives once with each field, and her name waits for approval on her own device only", async ({ page, browser }) => {
  const seen = watch(page);
  await page.goto("/act/");
  await ready(page);
  await page.getByRole("main").getByRole("link", { name: TITLE }).click();
  await heading(page, TITLE);
  // The letter, in full, to whom, and who may sign; then its signers' section.
  await expect(page.getByText("To: Members of the United States Congress")).toBeVisible();
  await expect(page.getByText("Dear Members of Congress,")).toBeVisible();
  await expect(page.getByText("Who may sign: Rabbis, cantors, and rabbinical and cantorial students")).toBeVisible();
  await expect(page.getByRole("heading", { name: "Who has signed" })).toBeVisible();
  await expectNoAxeViolations(page);

  const form = letterForm(page);
  // The titles: the usual ones, the content's own before "Other clergy".
  const titles = await form.getByLabel("Title", { exact: true }).locator("option").allTextContents();
  expect(titles).toEqual(["Choose…", "Rabbi", "Cantor", "Rabbinical student", "Cantorial student", "Chaplain", "Other clergy"]);
  await expect(form.getByLabel("Title", { exact: true })).toHaveAttribute("autocomplete", "honorific-prefix");
  await expect(form.getByLabel("Congregation or organization (optional)")).toHaveAttribute("autocomplete", "organization");
  await expect(form.getByLabel("City (optional)")).toHaveAttribute("autocomplete", "address-level2");
  // Both boxes start unticked: listing is its own consent, apart from the updates.
  await expect(form.getByLabel("List my name with the letter, with my title, congregation and city")).not.toBeChecked();
  await expect(form.getByLabel("Send me updates and action alerts")).not.toBeChecked();

  // Sent empty: each required field says what it needs, and the summary links to it.
  await form.getByRole("button", { name: "Add your name" }).click();
  const summary = form.getByRole("group", { name: "There is a problem" });
  await expect(summary).toBeFocused();
  for (const problem of ["Choose your title.", "Enter your first name.", "Enter your email address.", "Choose your state or country."]) {
    await expect(summary.getByRole("link", { name: problem })).toBeVisible();
  }
  await summary.getByRole("link", { name: "Choose your state or country." }).click();
  await expect(form.getByLabel("State or country")).toBeFocused();
  await expectNoAxeViolations(page);

  await fill(form);
  await form.getByRole("button", { name: "Add your name" }).click();
  await expect(form.getByText("Your name has been added to the letter.")).toBeVisible();
  await expect(page.getByText("Signed. Thank you.")).toBeVisible();
  await expectNoAxeViolations(page);
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].endpoint).toBe("/osdi/petitions/clergy-letter/record_signature_helper");
  const body = got[0].body;
  expect(body.person).toMatchObject({
    given_name: "Miriam",
    family_name: "Cohen-Ortiz",
    postal_addresses: [{ locality: "Brooklyn", region: "NY", country: "US" }],
    custom_fields: { title: "rabbi", organization: "Congregation B’nai Israel", list_name_clergy_letter: "yes" },
  });
  expect(body.add_tags).toEqual(expect.arrayContaining(["letter:clergy-letter", "title:rabbi", "email-opt-in:no"]));
  expect(body.person.email_addresses[0].status).toBeUndefined();

  // On the list's page, her own name, marked as waiting, on this device alone.
  await page.getByRole("link", { name: "The list of signers" }).click();
  await heading(page, `Who signed: ${TITLE}`);
  const own = page.getByText("You: Rabbi Miriam Cohen-Ortiz, Congregation B’nai Israel, Brooklyn, waiting for approval (only this device shows it)");
  await expect(own).toBeVisible();
  await expectNoAxeViolations(page);
  const other = await browser.newContext();
  const elsewhere = await other.newPage();
  await elsewhere.goto(`${LETTER}signers/`);
  await heading(elsewhere, `Who signed: ${TITLE}`);
  await expect(elsewhere.getByText(/waiting for approval/)).toBeHidden();
  await other.close();
  // She can take it off this device.
  await page.getByRole("button", { name: "Remove it from this device" }).click();
  await expect(own).toBeHidden();
  await page.reload();
  await heading(page, `Who signed: ${TITLE}`);
  await expect(page.getByText(/waiting for approval/)).toBeHidden();
  expect(seen.errors).toEqual([]);
  expect(seen.foreign).toEqual([]);
});

test("a signer who does not ask to be listed is sent as such, and nothing of them is kept on the device", async ({ page }) => {
  await page.goto(LETTER);
  const form = letterForm(page);
  await fill(form, { title: "Cantorial student", given: "Zoë", family: "", email: "zoe@example.org", list: false });
  await form.getByLabel("Send me updates and action alerts").check();
  await form.getByRole("button", { name: "Add your name" }).click();
  await expect(form.getByText("Your name has been added to the letter.")).toBeVisible();
  const [got] = await signatures();
  expect(got.body.person.custom_fields).toEqual({ title: "cantorial-student", organization: "Congregation B’nai Israel", list_name_clergy_letter: "no" });
  expect(got.body.person.email_addresses[0].status).toBe("subscribed");
  expect(got.body.add_tags).toEqual(expect.arrayContaining(["title:cantorial-student"]));
  const kept = await page.evaluate(() => JSON.stringify({ ...localStorage }));
  expect(kept).not.toContain("Zoë");
});

test("la carta en español: se firma por sus etiquetas, con los títulos en español, y llega en español", async ({ page }) => {
  await page.goto(`/es${LETTER}`);
  await heading(page, "Rabinos y cantores al Congreso: acoger al extranjero");
  const form = letterForm(page, "Suma tu nombre");
  await form.getByLabel("Título", { exact: true }).selectOption({ label: "Rabino/a" });
  await form.getByLabel("Nombre", { exact: true }).fill("José-Luis");
  await form.getByLabel("Correo electrónico").fill("jose@example.org");
  await form.getByLabel("Estado o país").selectOption({ label: "Argentina" });
  await form.getByLabel("Publicar mi nombre con la carta, con mi título, congregación y ciudad").check();
  await form.getByRole("button", { name: "Suma tu nombre" }).click();
  await expect(form.getByText("Tu nombre se ha sumado a la carta.")).toBeVisible();
  const [got] = await signatures();
  expect(got.body.person.postal_addresses).toEqual([{ primary: true, country: "AR" }]);
  expect(got.body.add_tags).toEqual(expect.arrayContaining(["lang:es", "title:rabbi"]));
  await expectNoAxeViolations(page);
});

test("at a rally, the letter in event mode: sealed as signed, sent once each after staff unlock", async ({ page }) => {
  const passphrase = "cedar harbor lantern ninety";
  const panel = await startEvent(page, LETTER, "Kallah 2027", passphrase);
  for (const [given, email] of [["Avi", "avi@example.org"], ["Tamar", "tamar@example.org"]]) {
    await page.getByRole("button", { name: "Add your name" }).first().click();
    const form = letterForm(page);
    await fill(form, { given, email, family: "Levi" });
    await form.getByRole("button", { name: "Add your name" }).click();
    await expect(page.getByText("Signed. Thank you! The form is ready for the next person.")).toBeVisible();
  }
  await expect(panel.getByText("Waiting on this device, sealed: 2")).toBeVisible();
  expect(await signatures()).toHaveLength(0);
  // In event mode nobody's name is kept for the list's page: the device is the room's.
  expect(await page.evaluate(() => JSON.stringify({ ...localStorage }))).not.toContain("Avi");
  await unlockEvent(panel, passphrase);
  await expect(panel.getByText("Sent: 2")).toBeVisible({ timeout: 30_000 });
  const got = await signatures();
  expect(got.map((s) => s.body.person.email_addresses[0].address)).toEqual(["avi@example.org", "tamar@example.org"]);
  expect(got.every((s) => s.body.referrer_data.source === "event-kallah-2027")).toBe(true);
  await expect(eventPanel(page, "Kallah 2027")).toBeVisible();
});

test("without WebAssembly (Lockdown Mode) the letter reads whole and posts as a plain form, with every field", async ({ page }) => {
  await page.addInitScript(() => {
    delete globalThis.WebAssembly;
  });
  await page.goto(LETTER);
  await heading(page, TITLE);
  await expect(page.getByText("Dear Members of Congress,")).toBeVisible();
  await expectNoAxeViolations(page);
  const form = letterForm(page);
  await fill(form, { given: "Chaim", email: "chaim@example.org" });
  await form.getByRole("button", { name: "Add your name" }).click();
  await heading(page, "Thank you");
  const [got] = await signatures();
  expect(got.adapter).toBe("form");
  expect(got.body).toMatchObject({ kind: "letter", action: "clergy-letter", title: "rabbi", given_name: "Chaim", organization: "Congregation B’nai Israel", city: "Brooklyn", place: "US-NY", list_name: "yes" });
});

/** The letter's form as drawn: each field's box, and each box to tick with its words. */
const drawn = (page) =>
  letterForm(page).evaluate((form) => {
    const r = (el) => el.getBoundingClientRect();
    const fields = [...form.querySelectorAll(".field")].filter((f) => f.getClientRects().length && !f.closest(".hp")).map((f) => ({ id: f.id || f.className, r: r(f) }));
    const overlapping = [];
    for (let i = 0; i < fields.length; i++)
      for (let j = i + 1; j < fields.length; j++) {
        const [a, b] = [fields[i].r, fields[j].r];
        if (a.left < b.right - 1 && b.left < a.right - 1 && a.top < b.bottom - 1 && b.top < a.bottom - 1) overlapping.push(`${fields[i].id} × ${fields[j].id}`);
      }
    const boxes = [...form.querySelectorAll("input[type=checkbox]")].filter((b) => b.getClientRects().length).map((b) => {
      const words = form.querySelector(`label[for="${b.id}"]`);
      return { width: r(b).width, wordsStart: r(words).left, boxEnd: r(b).right, wordsTop: r(words).top, boxBottom: r(b).bottom };
    });
    return { overlapping, boxes, formRight: r(form).right, widest: Math.max(...fields.map((f) => f.r.right)) };
  });

test("the letter's form as drawn, on a phone and a desktop: no field over another, each box to tick a box with its words beside it", async ({ page }) => {
  for (const width of [375, 1280]) {
    await page.setViewportSize({ width, height: 900 });
    await page.goto(LETTER);
    await heading(page, TITLE);
    const { overlapping, boxes, formRight, widest } = await drawn(page);
    expect(overlapping, `${width} px`).toEqual([]);
    expect(widest, `${width} px: every field inside the form`).toBeLessThanOrEqual(formRight + 1);
    expect(boxes.length, "the listing box and the updates box").toBe(2);
    for (const b of boxes) {
      expect(b.width, `${width} px: a box, not a field's width`).toBeLessThanOrEqual(32);
      expect(b.wordsStart, `${width} px: its words beside it`).toBeGreaterThanOrEqual(b.boxEnd - 1);
      expect(b.wordsTop, `${width} px: on its line`).toBeLessThan(b.boxBottom);
    }
  }
});

test("signed with no signal: saved on the device, then sent once when the device is online, with the consent version of the updates box; the privacy line names where it goes and links T'ruah's notice", async ({ page, context }) => {
  await page.goto(LETTER);
  await heading(page, TITLE);
  const form = letterForm(page);
  // Where it goes, and what T'ruah does with it, by the submit button, before anything is typed.
  await expect(form.getByText(/^When you send this, your details go to 127\.0\.0\.1\./)).toBeVisible();
  await expect(form.getByRole("link", { name: "T’ruah’s privacy policy" })).toHaveAttribute("href", "https://truah.org/privacy-policy/");
  await form.getByLabel("First name").click();
  await expect(form.locator("[data-sign-ready]")).toHaveCount(1);

  await context.setOffline(true);
  await fill(form, { given: "Avital", email: "avital@example.org" });
  await form.getByLabel("Send me updates and action alerts").check();
  await form.getByRole("button", { name: "Add your name" }).click();
  await expect(form.getByText("Saved on this device.", { exact: false })).toBeVisible();
  await expectNoAxeViolations(page);
  expect(await signatures()).toHaveLength(0);

  await context.setOffline(false);
  await expect(form.getByText("Your name has been added to the letter.")).toBeVisible({ timeout: 30_000 });
  const version = await form.locator("input[name=consent_version]").inputValue();
  expect(version).toMatch(/^[0-9a-f]{8}$/);
  const got = await signatures();
  expect(got).toHaveLength(1);
  expect(got[0].body.person.email_addresses[0].address).toBe("avital@example.org");
  expect(got[0].body.add_tags).toContain(`consent:${version}`);
  expect(got[0].body.add_tags).not.toContain("email-opt-in:no");
  // Once: nothing more comes.
  await page.waitForTimeout(2_000);
  expect(await signatures()).toHaveLength(1);
});
