// Shared helpers for the end-to-end tests.
import { expect } from "@playwright/test";
import AxeBuilder from "@axe-core/playwright";
import { receiverFor } from "./playwright.config.js";

/** Every route of the site in English, with a text that only that page shows. */
export const ROUTES = [
  { path: "/", heading: "Welcome immigrants with dignity and compassion", text: "Therefore, love the ger" },
  { path: "/issues/", heading: "Issues", text: "Worker justice" },
  { path: "/issues/immigration-justice/", heading: "Immigration Justice", text: "Organizing clergy through our BIMA Campaign" },
  { path: "/partners/", heading: "Coalition partners", text: "Interfaith Immigration Coalition" },
  { path: "/resources/", heading: "Resources", text: "during Magid" },
  { path: "/act/", heading: "Take action", text: "Tell President Trump: Don’t Send Migrants to Guantánamo!" },
  { path: "/act/guantanamo/", heading: "Tell President Trump: Don’t Send Migrants to Guantánamo!", text: "This move is both cruel and threatens to violate U.S. law." },
  { path: "/act/clergy-letter/", heading: "Rabbis and Cantors to Congress: Welcome the Stranger", text: "Dear Members of Congress," },
  { path: "/act/clergy-letter/signers/", heading: "Who signed: Rabbis and Cantors to Congress: Welcome the Stranger", text: "appear here once staff have checked them" },
  { path: "/embed/", heading: "Embed this campaign on your website", text: "Your snippet" },
  { path: "/accessibility/", heading: "Accessibility", text: "Tell us about a barrier" },
].map((r) => ({ ...r, lang: "en" }));

/** The same pages in Spanish, under /es/ (the staff-only /embed/ generator is English only). */
export const ES_ROUTES = [
  { path: "/es/", heading: "Recibamos a las personas inmigrantes con dignidad y compasión", text: "Amarán, pues, al" },
  { path: "/es/issues/", heading: "Temas", text: "Justicia laboral" },
  { path: "/es/issues/immigration-justice/", heading: "Justicia migratoria", text: "Organizar a rabinos, rabinas y jazanes" },
  { path: "/es/partners/", heading: "Aliados de la coalición", text: "Interfaith Immigration Coalition" },
  { path: "/es/resources/", heading: "Recursos", text: "durante el Maguid" },
  { path: "/es/act/", heading: "Actúa", text: "Dile al presidente Trump: ¡no envíes a personas migrantes a Guantánamo!" },
  { path: "/es/act/guantanamo/", heading: "Dile al presidente Trump: ¡no envíes a personas migrantes a Guantánamo!", text: "amenaza con violar las leyes de Estados Unidos" },
  { path: "/es/act/clergy-letter/", heading: "Rabinos y cantores al Congreso: acoger al extranjero", text: "Estimados miembros del Congreso:" },
  { path: "/es/accessibility/", heading: "Accesibilidad", text: "Avísanos de una barrera" },
].map((r) => ({ ...r, lang: "es" }));

/** Every page in every language. */
export const ALL_ROUTES = [...ROUTES, ...ES_ROUTES];

/** The chrome's names in each language: the main navigation and the footer's call. */
export const CHROME = {
  en: { nav: "Main", signup: "Sign up for updates and action alerts" },
  es: { nav: "Principal", signup: "Suscríbete para recibir novedades y alertas de acción" },
};

/** A local signup receiver's test controls: `call("/__signatures")`, `call("/__reset", {})`, each
 *  with the run's control token (playwright.config.js starts the receivers with it). `base` is
 *  the address the pages send to; the calls go to this worker's own receiver for it. */
export function receiverAt(pageBase) {
  const base = receiverFor(pageBase);
  return async (path, body) => {
    const headers = { "x-receiver-token": process.env.RECEIVER_TOKEN };
    const init = body === undefined ? { headers } : { method: "POST", headers: { ...headers, "content-type": "application/json" }, body: JSON.stringify(body) };
    return (await fetch(base + path, init)).json();
  };
}

/** The outbox as this page's device holds it (IndexedDB `truah-campaign`, one record per
 *  deployment, named by campaign_core::contract::outbox_key): its entries and notices, or null
 *  when there is none. Reads without creating the database when the page has none yet. */
export async function outbox(page) {
  return page.evaluate(async () => {
    if (!(await indexedDB.databases()).some((d) => d.name === "truah-campaign")) return null;
    const db = await new Promise((resolve, reject) => {
      const open = indexedDB.open("truah-campaign");
      open.onsuccess = () => resolve(open.result);
      open.onerror = () => reject(open.error);
    });
    try {
      if (!db.objectStoreNames.contains("outbox")) return null;
      const store = db.transaction("outbox").objectStore("outbox");
      const [keys, values] = await Promise.all(["getAllKeys", "getAll"].map((m) => new Promise((resolve) => {
        const r = store[m]();
        r.onsuccess = () => resolve(r.result);
      })));
      const i = keys.findIndex((k) => String(k).startsWith("truah-campaign.outbox."));
      return i < 0 ? null : JSON.parse(values[i]);
    } finally {
      db.close();
    }
  });
}

/** Everything the page's device keeps for its origin, as text: local and session storage, the
 *  outbox, the address and the history entry. For checking that nothing personal stays. */
export async function keptOnDevice(page) {
  const box = await outbox(page);
  const rest = await page.evaluate(() => JSON.stringify({ ...localStorage }) + JSON.stringify({ ...sessionStorage }) + location.href + JSON.stringify(history.state));
  return JSON.stringify(box) + rest;
}

/** The emails of the signatures waiting in this page's outbox (each entry keeps its signature
 *  as the form body it will send). */
export async function queuedEmails(page) {
  const box = await outbox(page);
  return (box?.entries ?? []).map((e) => new URLSearchParams(e.signature).get("email"));
}

/** Follows a page's requests, so that a test can wait until none is in flight (`idle()`):
 *  with its outbox empty too, the page has nothing left to send, and whatever it sent has
 *  arrived. Where a test must show that something does not happen, this is what it waits for. */
export function requests(page) {
  const pending = new Set();
  page.on("request", (r) => pending.add(r));
  page.on("requestfinished", (r) => pending.delete(r));
  page.on("requestfailed", (r) => pending.delete(r));
  return { idle: () => expect.poll(() => pending.size, { message: "requests in flight" }).toBe(0) };
}

/** A seeded random number generator (mulberry32) for tests that vary their timing: the seed is
 *  logged, so a failing round can be run again (SEED=… npm run e2e). */
export function seeded(testInfo) {
  let seed = Number(process.env.SEED ?? Math.floor(Math.random() * 2 ** 32)) >>> 0;
  testInfo.annotations.push({ type: "seed", description: String(seed) });
  console.log(`${testInfo.title}: SEED=${seed}`);
  return () => {
    seed = (seed + 0x6d2b79f5) >>> 0;
    let t = seed;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  };
}

/** Fails the test on any WCAG 2.2 A/AA violation axe-core finds on the page as it is now. */
export async function expectNoAxeViolations(page) {
  const results = await new AxeBuilder({ page })
    .withTags(["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"])
    .analyze();
  const summary = results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(" ")).join(", ")})`);
  expect(summary, "axe-core violations").toEqual([]);
}

/** Records page errors, console errors and requests to anything but this machine. */
export function watch(page) {
  const seen = { errors: [], foreign: [] };
  page.on("pageerror", (e) => seen.errors.push(String(e)));
  page.on("console", (m) => {
    if (m.type() !== "error") return;
    // An unknown address is answered by 404.html with status 404, which the browser logs.
    const shell = m.text().includes("status of 404") && m.location().url === page.url();
    if (!shell) seen.errors.push(m.text());
  });
  page.on("request", (r) => {
    const url = new URL(r.url());
    if (!["127.0.0.1", "localhost"].includes(url.hostname) && url.protocol !== "data:") seen.foreign.push(r.url());
  });
  return seen;
}

/** Waits for the app to have rendered the page's heading. */
export async function heading(page, name) {
  await expect(page.getByRole("heading", { level: 1, name })).toBeVisible();
}

/** The petition's form on an action page (its region, named by its heading). */
export const petitionForm = (page) => page.getByRole("region", { name: "Sign the petition" });

/** Signs the petition as a visitor does, by label, and submits it (what follows is the test's). */
export async function signPetition(page, { given = "Miriam", email = "miriam@example.org" } = {}) {
  const f = petitionForm(page);
  await f.getByLabel("First name").fill(given);
  await f.getByLabel("Email").fill(email);
  await f.getByLabel("ZIP code").fill("10001");
  await f.getByRole("button", { name: "Sign the petition" }).click();
}

/** Starts the site's wasm as a visitor does, by pointing at a link (js/boot.js starts it on the
 *  first sign that the visitor may follow one), and waits for it to have taken over the
 *  prerendered page (boot.js marks it): from then on, links route in the page. Before, they
 *  load pages as any site's do. The event is dispatched, so the mouse and the scroll position
 *  stay where the test left them. */
export async function ready(page) {
  const app = page.locator("html");
  await expect(async () => {
    await page.locator("a[href]").first().dispatchEvent("pointerover");
    await expect(app).toHaveAttribute("data-app", "ready", { timeout: 2000 });
  }).toPass();
}

/** Presses Tab until `target` has focus, checking at every stop that focus is visible (a ring
 *  of at least 2 px) and that it never stays put (a trap). Fails after `max` presses. */
export async function tabTo(page, target, { max = 60, key = "Tab" } = {}) {
  let last = null;
  for (let i = 0; i < max; i++) {
    await page.keyboard.press(key);
    const stop = await page.evaluate(() => {
      const el = document.activeElement;
      if (!el || el === document.body) return { id: "body", visible: true };
      const s = getComputedStyle(el);
      const ring = s.outlineStyle !== "none" && parseFloat(s.outlineWidth) >= 2;
      return { id: el.outerHTML.slice(0, 120), visible: ring };
    });
    expect(stop.visible, `focus is visible on ${stop.id}`).toBe(true);
    expect(stop.id === last && stop.id !== "body", `focus is stuck on ${stop.id}`).toBe(false);
    last = stop.id;
    if (await target.evaluate((el) => el === document.activeElement)) return;
  }
  throw new Error(`${max} presses of ${key} did not reach ${target}`);
}

/** Everything the browser keeps for the page's site, as the issue of a lost tablet lists it: every
 *  IndexedDB database and store (keys and values), Cache Storage (every cached response's body),
 *  localStorage, sessionStorage, and the service workers' registrations and scripts. Text as it
 *  is kept (JS strings), and every byte body as base64, for searching in any encoding. */
export async function everythingKept(page) {
  return page.evaluate(async () => {
    const toBase64 = (buffer) => {
      let s = "";
      for (const b of new Uint8Array(buffer)) s += String.fromCharCode(b);
      return btoa(s);
    };
    const texts = [JSON.stringify({ ...localStorage }), JSON.stringify({ ...sessionStorage })];
    const bodies = [];
    for (const { name } of await indexedDB.databases()) {
      const db = await new Promise((resolve, reject) => {
        const open = indexedDB.open(name);
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (const store of db.objectStoreNames) {
        const s = db.transaction(store).objectStore(store);
        for (const method of ["getAllKeys", "getAll"]) {
          const got = await new Promise((resolve) => {
            const r = s[method]();
            r.onsuccess = () => resolve(r.result);
          });
          texts.push(JSON.stringify(got));
        }
      }
      db.close();
    }
    for (const name of await caches.keys()) {
      const cache = await caches.open(name);
      for (const request of await cache.keys()) {
        texts.push(request.url);
        bodies.push(toBase64(await (await cache.match(request)).arrayBuffer()));
      }
    }
    for (const r of await navigator.serviceWorker.getRegistrations()) {
      const script = (r.active ?? r.waiting ?? r.installing)?.scriptURL;
      texts.push(r.scope, script ?? "");
      if (script) bodies.push(toBase64(await (await fetch(script)).arrayBuffer()));
    }
    return { text: texts.join("\n"), bodies };
  });
}

/** The ways `secret` could be written down: as typed, lower- and upper-cased, URL- and
 *  form-encoded, JSON-escaped, hex of its UTF-8 (either case), and base64 and base64url of its
 *  UTF-8 at each of the three byte alignments (so it is found inside a longer base64 text too). */
export function encodings(secret) {
  const utf8 = Buffer.from(secret, "utf8");
  const ways = [
    ["as typed", secret],
    ["lower case", secret.toLowerCase()],
    ["upper case", secret.toUpperCase()],
    ["URL-encoded", encodeURIComponent(secret)],
    ["form-encoded", new URLSearchParams({ x: secret }).toString().slice(2)],
    ["JSON-escaped", JSON.stringify(secret).slice(1, -1).replace(/[\u0080-\uffff]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, "0")}`)],
    ["hex", utf8.toString("hex")],
    ["HEX", utf8.toString("hex").toUpperCase()],
  ];
  for (let pad = 0; pad < 3; pad++) {
    const b64 = Buffer.concat([Buffer.alloc(pad), utf8]).toString("base64");
    // The characters that depend on the secret's bytes alone: whole groups of three. At least
    // eight of them (six of the secret's bytes): four characters stand for three bytes, which a
    // store full of base64 ciphertext holds by chance (CI once found "MyA4", a postcode's middle
    // three bytes, in the sealed records). A short secret is still looked for at the alignments
    // that give eight.
    const from = pad === 0 ? 0 : 4;
    const to = 4 * Math.floor((pad + utf8.length) / 3);
    if (to - from >= 8) {
      const part = b64.slice(from, to);
      ways.push([`base64 (+${pad})`, part], [`base64url (+${pad})`, part.replace(/\+/g, "-").replace(/\//g, "_")]);
    }
  }
  return [...new Map(ways.map(([how, text]) => [text, how])).entries()].map(([text, how]) => [how, text]);
}

/** Where `secret` is in what the browser keeps (`everythingKept`): in its text, or in any body as
 *  UTF-8 or UTF-16 (either byte order), in each of its `encodings`. Empty when it is nowhere. */
export function foundIn(kept, secret) {
  const found = [];
  for (const [how, text] of encodings(secret)) {
    if (kept.text.includes(text)) found.push(`text (${how})`);
    const needles = [["UTF-8", Buffer.from(text, "utf8")], ["UTF-16LE", Buffer.from(text, "utf16le")], ["UTF-16BE", Buffer.from(text, "utf16le").swap16()]];
    for (const [i, body] of kept.bodies.entries()) {
      const bytes = Buffer.from(body, "base64");
      for (const [as, needle] of needles) if (bytes.includes(needle)) found.push(`body ${i} (${how}, ${as})`);
    }
  }
  return found;
}

/** Event mode's staff panel on an action page. */
export const eventPanel = (page, event) => page.getByRole("region", { name: `Event mode: ${event}` });

/** Starts event mode for `event` on the action page `path`, as staff do: the link, then the
 *  event's passphrase, twice; the page starts again in event mode, the room's first screen up. */
export async function startEvent(page, path, event, passphrase) {
  await page.goto(`${path}?event=${encodeURIComponent(event)}`);
  const panel = eventPanel(page, event);
  await panel.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await panel.getByLabel("The passphrase again").fill(passphrase);
  await panel.getByRole("button", { name: "Start event mode" }).click();
  await expect(panel.getByText("Locked. The signatures are sealed on this device.")).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole("button", { name: "Add your name" })).toBeVisible();
  return panel;
}

/** Opens the panel's staff controls (a disclosure, folded away for the room). */
export async function staff(panel) {
  const controls = panel.locator("details");
  if (!(await controls.evaluate((d) => d.open))) await panel.getByText("Staff: unlock, send, save to a file, leave").click();
}

/** Unlocks the event's signatures in the panel. */
export async function unlockEvent(panel, passphrase) {
  await staff(panel);
  await panel.getByLabel("Passphrase", { exact: true }).fill(passphrase);
  await panel.getByRole("button", { name: "Unlock" }).click();
}
