// Back online, a signature waiting in any open tab goes within seconds, every time. Now and then
// (once in about forty tries, the first time; here, once in 60 and once in 168 rounds), two tabs
// of the action page each holding a signature made offline left one saying "Saved on this
// device…" for more than 30 s after the device came online. What the device held then said why:
// that signature had one attempt, failed "online", due again 1.6 s after the device came back,
// and nothing tried it again. The attempt was made in the instant the device came back (the
// worker believed it online a moment before the network answered), and only a page's timer would
// try it again after its backoff, which a page armed only if it already believed itself online
// when it heard of the failure: it often did not yet. Now a page hands the worker what is due
// each time it sends and whenever the next one is due, at most once a second, while anything
// waits (js/outbox-page.js, `wakeWhenDue`); the worker takes a page's word that the device is
// online (js/outbox.js, `heardOnline`); and an attempt begun before the device came back never
// puts its signature off (js/outbox-rules.js, `failed`). This repeats the two-tab case enough
// times to catch a one-in-forty failure (120 rounds: a one-in-forty fault slips through all of
// them one time in twenty), and says what the device held if one round fails. The service worker
// is let in, and the build's endpoint goes to this worker's receiver that keeps every copy.
// A round fails when a signature is still waiting 24 s after the device came online (the stuck
// tab waited for a backoff timer nobody armed: 30 s and more). Rounds over 8 s are printed, not
// failed: alone a round takes about 100 ms (75 to 203 ms in 40), but with the other test worker
// busy beside it on this 2-core machine, one round took 8 s, and in another run 13 s, both times
// round 19, likely as the same heavy test ran beside it (Playwright hands the tests to its
// workers in the same order each run). Timings belong in benchmarks, not tests.
import { test, expect } from "@playwright/test";
import { NO_DEDUPE_RECEIVER, RECEIVER, launchOptions, receiverFor } from "./playwright.config.js";
import { heading, outbox, petitionForm as form, receiverAt } from "./helpers.js";

const host = (url) => new URL(url).host;
test.use({
  serviceWorkers: "allow",
  launchOptions: launchOptions({ [host(RECEIVER)]: host(receiverFor(NO_DEDUPE_RECEIVER)) }),
});

const ACTION = "/act/guantanamo/";
const TITLE = "Tell President Trump: Don’t Send Migrants to Guantánamo!";
const ROUNDS = Number(process.env.ONLINE_ROUNDS ?? 120);
/** "Within a few seconds" of the device coming online. */
const WITHIN_MS = 8_000;
const received = receiverAt(NO_DEDUPE_RECEIVER);

test("two tabs, each holding a signature made offline: back online, both go within seconds, each once, round after round", async ({ context }) => {
  test.setTimeout(ROUNDS * 8_000 + 60_000);
  await received("/__reset", {});
  const tabs = [await context.newPage(), await context.newPage()];
  for (const tab of tabs) {
    await tab.goto(ACTION);
    await heading(tab, TITLE);
    await tab.waitForFunction(() => navigator.serviceWorker.controller !== null, null, { timeout: 20_000 });
  }
  for (let round = 0; round < ROUNDS; round++) {
    // Each tab's form, fresh and filled in, with its signer, before the signal goes.
    for (const [i, tab] of tabs.entries()) {
      await tab.reload();
      const f = form(tab);
      await f.getByLabel("First name").fill("Ana");
      await f.getByLabel("Email").fill(`round${round}-tab${i}@example.org`);
      await f.getByLabel("ZIP code").fill("10001");
      await expect(tab.locator("[data-sign-ready][data-action=guantanamo]")).toHaveCount(1);
    }
    // Signed with no signal, in each tab. (The tab behind is clicked as it is, without waiting
    // for its frames to settle: a background tab paints none.)
    await context.setOffline(true);
    for (const tab of tabs) {
      const f = form(tab);
      await f.getByRole("button", { name: "Sign the petition" }).click({ force: true });
      await expect(f.getByText("Saved on this device.", { exact: false })).toBeVisible();
    }
    const back = Date.now();
    await context.setOffline(false);
    // Both arrive, each once, and both tabs say so, within seconds. (If not, what the device
    // holds says why: each signature's attempts, backoff and lease.)
    try {
      await expect.poll(async () => (await received("/__signatures")).length, { timeout: WITHIN_MS * 3, intervals: [50] }).toBe(2 * (round + 1));
    } catch (e) {
      const left = (await outbox(tabs[0]))?.entries.map(({ key, attempts, failures_online, not_before, leased_until, leased_at }) => ({ key, attempts, failures_online, not_before: not_before - back, leased_until: leased_until - back, leased_at: leased_at - back }));
      throw new Error(`round ${round}: still waiting ${Date.now() - back} ms after the device came online: ${JSON.stringify(left)}\n${e.message}`);
    }
    for (const tab of tabs) await expect(form(tab).getByText("Saved on this device.", { exact: false })).toBeHidden({ timeout: WITHIN_MS * 3 });
    const took = Date.now() - back;
    if (took > WITHIN_MS) console.log(`round ${round}: the last signature was shown sent ${took} ms after the device came online`);
    await expect.poll(() => outbox(tabs[0]), { intervals: [50] }).toBeNull();
  }
  const emails = (await received("/__signatures")).map((s) => s.body.person.email_addresses[0].address);
  expect(new Set(emails).size, "each once").toBe(2 * ROUNDS);
  expect(emails.length, "no copy twice").toBe(2 * ROUNDS);
});
