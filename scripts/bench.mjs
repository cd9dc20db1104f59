// Size benchmark: every file in dist/ with raw, gzip and brotli sizes, the bytes a first visit
// to each page downloads, and what each crate costs in the wasm (twiggy).
//
//   make bench            (builds the release site first)
//   node scripts/bench.mjs [dist]
import { readFileSync, readdirSync, statSync, existsSync } from "node:fs";
import { join, relative } from "node:path";
import { gzipSync, brotliCompressSync, constants } from "node:zlib";
import { execFileSync } from "node:child_process";

const dist = process.argv.slice(2).find((a) => !a.startsWith("--")) ?? "dist";
const BUDGET = 130 * 1024;
const AIM = 100 * 1024;

const kb = (n) => (n / 1024).toFixed(1).padStart(8);
const sizes = (buf) => ({
  raw: buf.length,
  gzip: gzipSync(buf, { level: 9 }).length,
  br: brotliCompressSync(buf, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
});

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

const table = files(dist)
  .map((path) => ({ file: relative(dist, path), ...sizes(readFileSync(path)) }))
  .sort((a, b) => b.br - a.br);

console.log(`\nFiles in ${dist}/ (KB)`);
console.log(`${"file".padEnd(48)}${"raw".padStart(8)}${"gzip".padStart(8)}${"brotli".padStart(8)}`);
for (const r of table) console.log(`${r.file.padEnd(48)}${kb(r.raw)}${kb(r.gzip)}${kb(r.br)}`);

// What the browser fetches for a page. The first view is the prerendered HTML and what it
// loads to render (CSS, icon, boot.js). After the load event, boot.js fetches the site's JS and
// wasm, which hydrate the page for in-browser routing; the signer waits for a form to be used.
function refs(html, attrs) {
  const out = [];
  for (const m of html.matchAll(new RegExp(`\\s(?:${attrs})=(?:"([^"]+)"|([^\\s>"]+))`, "g"))) {
    const url = m[1] ?? m[2];
    if (/^(https?:)?\/\//.test(url) || url.startsWith("#") || url.startsWith("data:")) continue;
    const path = url.replace(/^\//, "").split(/[?#]/)[0];
    if (existsSync(join(dist, path)) && statSync(join(dist, path)).isFile()) out.push(path);
  }
  return out;
}
const rowsOf = (files) => [...new Set(files)].map((f) => table.find((r) => r.file === f)).filter(Boolean);
const total = (rows) => rows.reduce((s, r) => s + r.br, 0);

// The pages (the embeds' bodies in embed/*/ are measured with the embed, below).
const pages = table.filter((r) => r.file.endsWith(".html") && !/^(?:[a-z]{2}\/)?embed\/(?!index\.html)/.test(r.file)).map((r) => r.file).sort();
const shell = readFileSync(join(dist, "index.html"), "utf8");
const later = rowsOf(refs(shell, "data-js|data-wasm"));
console.log(`\nFirst view of each page, brotli KB (HTML and what it needs to render; the budget is 130, the aim 100):`);
const firstViews = new Map();
for (const page of pages) {
  const html = readFileSync(join(dist, page), "utf8");
  const rows = rowsOf([page, ...refs(html, "href|src")]);
  firstViews.set(page, total(rows));
  console.log(`  ${page.padEnd(46)}${kb(total(rows))}   (${rows.map((r) => `${r.file.replace(/-[0-9a-f]{10,16}/, "")} ${(r.br / 1024).toFixed(1)}`).join(", ")})`);
}
// The first view of every page a visitor reads stays under 10 KB (the staff's /embed/ generator,
// with its own script and styles, aside); a letter's page (the letter in full) and its list of
// signers (1,000 of them when `make bench` built it) under 15 KB.
const FIRST_VIEW_LIMIT = 10 * 1024;
const LETTER_LIMIT = 15 * 1024;
const letterPage = (p) => /^(?:[a-z]{2}\/)?act\/clergy-letter\//.test(p);
const [largest, largestBytes] = [...firstViews].filter(([p]) => !/^embed\//.test(p) && !letterPage(p)).sort((a, b) => b[1] - a[1])[0];
console.log(`  the largest a visitor gets: ${largest}, ${(largestBytes / 1024).toFixed(2)} KB, ` +
  `${largestBytes < FIRST_VIEW_LIMIT ? "under" : "OVER"} the 10 KB a first view stays under (/embed/, for staff, aside)`);
for (const [page, bytes] of [...firstViews].filter(([p]) => letterPage(p))) {
  console.log(`  a letter's: ${page}, ${(bytes / 1024).toFixed(2)} KB, ${bytes <= LETTER_LIMIT ? "within" : "OVER"} the 15 KB a letter's page and its list stay within`);
}

console.log(`\nWith the visitor's first pointer over, touch on or focus on a link, the site's wasm comes and hydrates the page (KB):`);
for (const r of later) console.log(`  ${r.file.padEnd(46)}${kb(r.br)} brotli`);
const action = firstViews.get("act/guantanamo/index.html") ?? 0;
const whole = action + total(later);
const verdict = whole <= AIM ? "within the 100 KB aim" : whole <= BUDGET ? "within the 130 KB budget" : "over the 130 KB budget";
console.log(`  ${"total".padEnd(46)}${kb(total(later))} brotli; the action page with it, once a visitor goes for a link: ${kb(whole).trim()} KB, ${verdict}`);

// Each other language is its own build with its own wasm (scripts/build.sh): a Spanish visit
// downloads the Spanish build only.
for (const lang of ["es"]) {
  const other = join(dist, lang, "index.html");
  if (!existsSync(other)) continue;
  const html = readFileSync(other, "utf8");
  const rows = refs(html, "data-js|data-wasm").map((f) => table.find((r) => r.file === f) ?? table.find((r) => r.file === join(lang, f))).filter(Boolean);
  const actionPage = firstViews.get(`${lang}/act/guantanamo/index.html`) ?? 0;
  console.log(`\nThe ${lang} build hydrates with its own wasm (KB):`);
  for (const r of rows) console.log(`  ${r.file.padEnd(46)}${kb(r.br)} brotli`);
  console.log(`  ${"total".padEnd(46)}${kb(total(rows))} brotli; its action page with it: ${kb(actionPage + total(rows)).trim()} KB`);
}

// The signer: the forms' behaviour, fetched when a visitor starts filling in a form (or an
// earlier visit left a signature waiting), never as part of a first view.
const signerFiles = [...shell.matchAll(/data-signer(?:-wasm)?=(?:"([^"]+)"|([^\s>"]+))/g)].map((m) => m[1] ?? m[2]);
const signerRows = signerFiles.map((f) => table.find((r) => r.file === f)).filter(Boolean);
console.log(`\nStarting to fill in a form then loads the signer (KB):`);
for (const r of signerRows) console.log(`  ${r.file.padEnd(46)}${kb(r.br)} brotli`);
console.log(`  ${"total".padEnd(46)}${kb(signerRows.reduce((s, r) => s + r.br, 0))} brotli`);

// The embed on another website's page: what the snippet adds to that page. Its first view is
// embed.js, the stylesheet and the body; the signer follows when a form is first used. The
// budget (130 KB, aim 100) counts everything, the signer included.
{
  const script = readFileSync(join(dist, "embed.js"), "utf8");
  const css = script.match(/embed-[0-9a-f]{16}\.css/)?.[0];
  const row = (file) => table.find((r) => r.file === file);
  console.log(`\nAn embed on another website's page adds (brotli KB; the budget is 130 for everything, the aim 100):`);
  for (const [what, fragment] of [["petition", "embed/act/guantanamo.html"], ["signup", "embed/signup.html"], ["issue page", "embed/issues/immigration-justice.html"]]) {
    const first = ["embed.js", css, fragment].map(row).filter(Boolean);
    const all = [...first, ...signerRows];
    const sum = total(all);
    const verdict = sum <= AIM ? "within the 100 KB aim" : sum <= BUDGET ? "within the 130 KB budget" : "OVER the 130 KB budget";
    console.log(`  ${what.padEnd(12)} first view ${kb(total(first)).trim()} (${first.map((r) => `${r.file.replace(/-[0-9a-f]{16}/, "")} ${(r.br / 1024).toFixed(1)}`).join(", ")}); with the signer ${kb(sum).trim()}, ${verdict}`);
  }
}

// Crate by crate: twiggy on each wasm as wasm-bindgen leaves it, with its names kept (the shipped
// file is the same code after wasm-opt, which strips the names).
let twiggy = true;
try {
  execFileSync("twiggy", ["--version"], { stdio: "ignore" });
} catch {
  twiggy = false;
  console.log("\n(twiggy is needed for the per-crate tables: `cargo install twiggy`)");
}
function crates(title, raw, named) {
  if (!twiggy || !existsSync(raw)) return;
  execFileSync("wasm-bindgen", ["--target", "web", "--keep-debug", "--out-dir", "target/bench", raw], { stdio: "ignore" });
  const items = JSON.parse(execFileSync("twiggy", ["top", "-n", "100000", "-f", "json", named], { maxBuffer: 1 << 28 }).toString());
  const byCrate = new Map();
  for (const item of items) {
    // Custom sections (names, wasm-bindgen's metadata) are not shipped: wasm-opt drops them.
    if (/^custom section|subsection$/.test(item.name)) continue;
    // The first crate path in the name: `<char as core::fmt::Debug>::fmt` is core's,
    // `<T as tachys::view::Render>::build` is tachys'.
    const m = item.name.match(/([a-z_][a-z0-9_]*)(?:\[[0-9a-f]+\])?::/);
    const crate = m ? m[1] : /^data segment|^data\[/.test(item.name) ? "(data: strings, tables)" : "(glue, unnamed)";
    byCrate.set(crate, (byCrate.get(crate) ?? 0) + item.shallow_size);
  }
  const total = [...byCrate.values()].reduce((a, b) => a + b, 0);
  console.log(`\n${title}: what each crate costs before wasm-opt (twiggy, shallow bytes of ${named}):`);
  for (const [crate, bytes] of [...byCrate].sort((a, b) => b[1] - a[1]).slice(0, 25)) {
    console.log(`  ${crate.padEnd(32)}${kb(bytes)} KB ${((100 * bytes) / total).toFixed(1).padStart(5)}%`);
  }
}
crates("The site", "target/wasm32-unknown-unknown/release/truah-campaign.wasm", "target/bench/truah-campaign_bg.wasm");
crates("The signer", "target/wasm32-unknown-unknown/release/campaign_signer.wasm", "target/bench/campaign_signer_bg.wasm");

// Timings need a browser. Skipped with --no-lighthouse (sizes only); --quick skips Lighthouse's
// own runs (minutes) and keeps the in-browser timings.
if (!process.argv.includes("--no-lighthouse")) {
  const { spawn } = await import("node:child_process");
  const { mkdirSync, writeFileSync } = await import("node:fs");
  const port = 4190;
  const plainPort = 4191;
  const flagList = ["--headless=new", "--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"];
  const chromium = process.env.CHROMIUM ?? "/usr/bin/chromium";
  const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
  const RECEIVER_TOKEN = "bench-receiver-token-0123456789";

  // A plain static page with the same text as the action page: the prerendered page without its
  // styles and scripts. The lower bound of what a page with this text can do.
  const plainDir = "target/bench/plain";
  mkdirSync(join(plainDir, "act/guantanamo"), { recursive: true });
  const plain = readFileSync(join(dist, "act/guantanamo/index.html"), "utf8")
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
    .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "")
    .replace(/<link\b[^>]*>/g, "")
    .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, "");
  writeFileSync(join(plainDir, "act/guantanamo/index.html"), plain);
  // The same for the letter's page, where there is one.
  const letterHtml = join(dist, "act/clergy-letter/index.html");
  if (existsSync(letterHtml)) {
    mkdirSync(join(plainDir, "act/clergy-letter"), { recursive: true });
    writeFileSync(join(plainDir, "act/clergy-letter/index.html"), readFileSync(letterHtml, "utf8")
      .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, "")
      .replace(/<style\b[^>]*>[\s\S]*?<\/style>/g, "")
      .replace(/<link\b[^>]*>/g, "")
      .replace(/<meta http-equiv="Content-Security-Policy"[^>]*>/, ""));
  }
  writeFileSync(join(plainDir, "404.html"), "not found");

  const server = spawn("node", ["tests/support/static-server.mjs", "--dir", dist, "--port", String(port), "--headers"], { stdio: "ignore" });
  const plainServer = spawn("node", ["tests/support/static-server.mjs", "--dir", plainDir, "--port", String(plainPort)], { stdio: "ignore" });
  // The local receiver the build points at (config/signup.local.toml): the pages' count source
  // answers, as a deployed one would, so no page is measured with a failing request.
  const receiver = spawn("target/debug/signup-receiver", ["--addr", "127.0.0.1:8787", "--site", `http://127.0.0.1:${port}`, "--data", "target/bench/signatures.jsonl", "--rate-limit", "0", "--control-token", RECEIVER_TOKEN], { stdio: "ignore" });
  await new Promise((r) => setTimeout(r, 500));
  try {
    // What a visit downloads before any interaction: the first view and, after its first paint,
    // what runs then (after-paint.js) and the count's code (the count itself, a few bytes, comes
    // from the endpoint's count source).
    // The site's wasm and JS wait for the first link intent, the signer for a form to be used.
    const plainBytes = sizes(Buffer.from(plain)).br;
    const countJs = rowsOf(["after-paint.js", "count.js"]);
    const untouched = action + total(countJs);
    console.log(`\nBefore any interaction, the action page downloads (brotli): ${kb(untouched).trim()} KB ` +
      `(first view ${kb(action).trim()} + after-paint.js and count.js ${kb(total(countJs)).trim()}); the plain page with the same text: ${kb(plainBytes).trim()} KB. ` +
      `The site's wasm, ${kb(total(later)).trim()} KB, comes with the first link intent.`);

    // A page change in the browser: from the click to the new page in the document, and to the
    // frame that paints it, after the visitor's pointer has been over the link (which fetches
    // the page). Desktop speed, no throttling; the median of 21.
    const { chromium: browserType } = await import("@playwright/test");
    const browser = await browserType.launch({ executablePath: chromium, args: flagList.slice(1) });
    const page = await browser.newPage();
    // First, what starting the site costs: from the first pointer over a link (js/boot.js
    // fetches, compiles and starts the site's wasm then, never before) to the page hydrated, on
    // a fresh visit (nothing cached) and on the next page (the wasm in the HTTP cache), over
    // loopback. An untouched visit never pays it. The median of 5 each.
    const starts = { fresh: [], cached: [] };
    const cdp = await page.context().newCDPSession(page);
    for (let i = 0; i < 10; i++) {
      const fresh = i % 2 === 0;
      if (fresh) await cdp.send("Network.clearBrowserCache");
      await page.goto(`http://127.0.0.1:${port}/`);
      await page.waitForFunction(() => performance.getEntriesByName("first-contentful-paint").length > 0);
      await page.waitForTimeout(300);
      starts[fresh ? "fresh" : "cached"].push(await page.evaluate(() => new Promise((resolve) => {
        const start = performance.now();
        new MutationObserver(() => resolve(performance.now() - start)).observe(document.documentElement, { attributeFilter: ["data-app"] });
        document.querySelector("nav a").dispatchEvent(new PointerEvent("pointerover", { bubbles: true }));
      })));
    }
    console.log(`\nStarting the site on the first pointer over a link (fetching, compiling and hydrating; median of 5, desktop speed, loopback): ` +
      `${median(starts.fresh).toFixed(1)} ms to the page hydrated on a first visit, ${median(starts.cached).toFixed(1)} ms with the wasm in the browser's cache.`);
    const names = ["Issues", "Partners", "Resources", "Take action", "Home"];
    const inDocument = [];
    const painted = [];
    for (let i = 0; i < 21; i++) {
      const name = names[i % names.length];
      const link = page.getByRole("navigation", { name: "Main" }).getByRole("link", { name, exact: true });
      await link.hover();
      const href = await link.getAttribute("href");
      await page.waitForFunction((h) => performance.getEntriesByType("resource").some((e) => new URL(e.name).pathname === h), href);
      const [dom, frame] = await page.evaluate((name) => new Promise((resolve) => {
        const link = [...document.querySelectorAll("nav a")].find((a) => a.textContent === name);
        const before = document.querySelector("main h1")?.textContent;
        const observer = new MutationObserver(() => {
          if (document.querySelector("main h1")?.textContent === before) return;
          observer.disconnect();
          const dom = performance.now() - start;
          requestAnimationFrame(() => resolve([dom, performance.now() - start]));
        });
        observer.observe(document.querySelector("main"), { childList: true, subtree: true, characterData: true });
        const start = performance.now();
        link.click();
      }), name);
      inDocument.push(dom);
      painted.push(frame);
      await page.mouse.move(0, 0);
    }
    console.log(`\nA page change in the browser (median of 21, after hovering the link): ${median(inDocument).toFixed(1)} ms to the new page in the document, ${median(painted).toFixed(1)} ms to the frame that paints it (at most 16 ms).`);
    await eventMode(browser);
    await signersList(browser);
    await tapToSent(browser);
    await browser.close();

    // Event mode (js/event-mode.js, js/vault.js) on a phone: the CPU slowed 4 times (Chrome's
    // DevTools throttling). From the tap on "Sign" to the form emptied for the next person, and to
    // the signature sealed and stored (the staff panel counting it); unlocking with the
    // passphrase (PBKDF2-SHA256, 600,000 rounds, then the key unwrapped) to the panel saying so.
    // And what event mode's script weighs, fetched only in event mode.
    async function eventMode(browser) {
      const eventJs = table.find((r) => r.file === "event.js");
      const context = await browser.newContext();
      const page = await context.newPage();
      const fetched = [];
      page.on("request", (r) => fetched.push(new URL(r.url()).pathname));
      // A visitor filling in the form outside event mode: the signer comes, event mode's script never.
      await page.goto(`http://127.0.0.1:${port}/act/guantanamo/`);
      const form = page.getByRole("region", { name: "Sign the petition" });
      await form.getByLabel("First name").fill("Miriam");
      await page.waitForFunction(() => performance.getEntriesByType("resource").some((e) => /\/signer-[0-9a-f]+_bg\.wasm$/.test(e.name)));
      await page.waitForTimeout(500);
      const outside = fetched.some((f) => f.endsWith("/event.js"));
      const phrase = "copper lantern meadow seventeen";
      await page.goto(`http://127.0.0.1:${port}/act/guantanamo/?event=bench`);
      const panel = page.getByRole("region", { name: "Event mode: bench" });
      await panel.getByLabel("Passphrase", { exact: true }).fill(phrase);
      await panel.getByLabel("The passphrase again").fill(phrase);
      await panel.getByRole("button", { name: "Start event mode" }).click();
      await panel.getByText("Locked. The signatures are sealed on this device.").waitFor({ timeout: 60_000 });
      const inside = fetched.some((f) => f.endsWith("/event.js"));
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
      const emptied = [];
      const sealed = [];
      await page.waitForTimeout(2_500); // past the form's time trap
      for (let i = 0; i < 8; i++) {
        await page.getByRole("button", { name: "Add your name" }).click();
        await form.getByLabel("First name").fill(`Signer ${i}`);
        await form.getByLabel("Email").fill(`signer${i}@example.org`);
        await form.getByLabel("ZIP code").fill("10001");
        const [empty, stored] = await page.evaluate(() => {
          const counts = document.querySelector(".event-panel__counts");
          const before = counts.textContent;
          const button = [...document.querySelectorAll("button")].find((b) => b.textContent.trim() === "Sign the petition");
          const start = performance.now();
          const stored = new Promise((resolve) => new MutationObserver((_, o) => {
            if (counts.textContent === before) return;
            o.disconnect();
            resolve(performance.now() - start);
          }).observe(counts, { childList: true, subtree: true, characterData: true }));
          button.click();
          // The form empties in the tap's own task; the time is to the frame that shows it.
          const emptied = document.getElementById("petition-given_name").value === ""
            ? new Promise((resolve) => requestAnimationFrame(() => resolve(performance.now() - start)))
            : NaN;
          return Promise.all([emptied, stored]);
        });
        if (i > 0) {
          emptied.push(empty);
          sealed.push(stored);
        }
      }
      const unlocks = [];
      for (let i = 0; i < 3; i++) {
        const controls = panel.locator("details");
        if (!(await controls.evaluate((d) => d.open))) await panel.getByText("Staff: unlock, send, save to a file, leave").click();
        await panel.getByLabel("Passphrase", { exact: true }).fill(phrase);
        const start = Date.now();
        await panel.getByRole("button", { name: "Unlock" }).click();
        await panel.getByText(/^Unlocked until/).waitFor({ timeout: 60_000 });
        unlocks.push(Date.now() - start);
        await panel.getByRole("button", { name: "Lock now" }).click();
        await panel.getByText("Locked. The signatures are sealed on this device.").waitFor();
      }
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await context.close();
      console.log(`\nEvent mode, CPU slowed 4x (median of 7 signatures, 3 unlocks): ${median(emptied).toFixed(1)} ms from the tap to the form emptied and painted for the next person, ` +
        `${median(sealed).toFixed(1)} ms to the signature sealed, stored and counted (sealing may add at most 50); unlocking ${median(unlocks)} ms (at most 1,500; ` +
        `the key derivation runs in the browser's own crypto threads, which the throttle does not slow: on a phone, count up to 4 times that). ` +
        `event.js ${kb(eventJs?.br ?? 0).trim()} KB brotli, fetched in event mode ${inside ? "only" : "(not seen!)"}${outside ? ", BUT ALSO OUTSIDE IT" : ""}.`);
    }

    // A letter's list of signers (its own page, tests/support/make-signers.mjs's 1,000 when
    // `make bench` built it): its first view, and how long the filter takes to answer a
    // keystroke on the main thread, its script and the style and layout it causes (at most a
    // frame, 16 ms), at desktop speed and with the CPU slowed 4x.
    async function signersList(browser) {
      const file = "act/clergy-letter/signers/index.html";
      if (!firstViews.has(file)) return;
      const context = await browser.newContext();
      const page = await context.newPage();
      const cdp = await context.newCDPSession(page);
      await page.goto(`http://127.0.0.1:${port}/act/clergy-letter/signers/`);
      const listed = await page.locator("main li").count();
      await page.getByRole("searchbox").waitFor();
      const timings = {};
      for (const rate of [1, 4]) {
        await cdp.send("Emulation.setCPUThrottlingRate", { rate });
        const times = [];
        for (const query of ["g", "ga", "gar", "garc", "garcia", "garcia l", "toronto", "rabbi", "x", ""]) {
          // The keystroke's whole work on the main thread: the filter's script, then the style
          // and layout of the list it changed (forced here, as the next frame would do them).
          times.push(await page.evaluate((q) => {
            const input = document.querySelector("main input[type=search]");
            const start = performance.now();
            input.value = q;
            input.dispatchEvent(new Event("input", { bubbles: true }));
            void document.querySelector("main").getBoundingClientRect().height;
            return performance.now() - start;
          }, query));
        }
        timings[rate] = median(times);
      }
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: 1 });
      await context.close();
      console.log(`\nA letter's list of ${listed} signers (${kb(firstViews.get(file)).trim()} KB brotli, its own page; the letter's page, ${kb(firstViews.get("act/clergy-letter/index.html") ?? 0).trim()} KB, links to it): ` +
        `filtering a keystroke takes ${timings[1].toFixed(1)} ms of the main thread (the filter, then the list's style and layout), ${timings[4].toFixed(1)} ms with the CPU slowed 4x (median of 10 keystrokes; a frame is 16).`);
    }

    // Signing on a slow phone: slow 4G (150 ms round trip, 1.6 Mbps down, 750 kbps up), the CPU
    // slowed 4x, a fresh device (a new browser profile each time: nothing cached, no service
    // worker). From the tap on the button to the page saying it was sent: our petition and our
    // letter, filled in at once (as a browser's autofill does) and tapped at once, once the page
    // has loaded and settled; the same tapped the moment the page has loaded; the petition typed
    // by hand; and a plain HTML form with the petition's fields, posting to the same receiver
    // (which answers with the thank-you page), to that page loaded. Five of each, in turn, so the
    // machine's noise falls on all; medians.
    async function tapToSent(browser) {
      const plainForm = join(plainDir, "plain-form");
      mkdirSync(plainForm, { recursive: true });
      writeFileSync(join(plainForm, "index.html"), `<!doctype html><html lang="en"><meta charset="utf-8"><meta name="viewport" content="width=device-width"><title>Sign</title>
<form method="post" action="http://127.0.0.1:8787/form"><input type="hidden" name="kind" value="petition"><input type="hidden" name="action" value="guantanamo"><input type="hidden" name="language" value="en">
<label>First name <input name="given_name" autocomplete="given-name"></label><label>Last name <input name="family_name"></label><label>Email <input name="email" type="email"></label>
<label>Country <select name="country"><option value="US" selected>United States</option></select></label><label>ZIP code <input name="postal_code"></label><button>Sign the petition</button></form></html>`);
      const slow4g = { offline: false, latency: 150, downloadThroughput: (1.6e6 / 8) * 0.9, uploadThroughput: (750e3 / 8) * 0.9 };
      const fresh = async () => {
        const context = await browser.newContext({ serviceWorkers: "block" });
        const page = await context.newPage();
        const cdp = await context.newCDPSession(page);
        await cdp.send("Network.enable");
        await cdp.send("Network.emulateNetworkConditions", slow4g);
        await cdp.send("Emulation.setCPUThrottlingRate", { rate: 4 });
        return { context, page };
      };
      let n = 0;
      const person = () => ({ given_name: "Tap", family_name: `Bench ${++n}`, email: `tap${n}-${Date.now()}@example.org`, postal_code: "10001" });
      // The browser's autofill: every field at once, with the events it fires.
      const autofill = (page, values) => page.evaluate((values) => {
        for (const [name, value] of Object.entries(values)) {
          const el = document.querySelector(`main form [name="${name}"]`);
          if (!el) continue;
          if (el.type === "checkbox") el.checked = value === "yes";
          else el.value = value;
          el.dispatchEvent(new Event("input", { bubbles: true }));
          el.dispatchEvent(new Event("change", { bubbles: true }));
        }
      }, values);
      const ours = async (path, button, values, { settle = true, typed = false } = {}) => {
        const { context, page } = await fresh();
        await page.goto(`http://127.0.0.1:${port}${path}`, { waitUntil: "load" });
        if (settle) await page.waitForLoadState("networkidle");
        if (typed) {
          for (const [name, value] of Object.entries(values)) {
            const el = page.locator(`main form [name="${name}"]`);
            if ((await el.evaluate((e) => e.tagName)) === "SELECT") await el.selectOption(value);
            else await el.pressSequentially(value);
          }
        } else {
          await autofill(page, values);
        }
        const start = Date.now();
        await page.locator("main form").getByRole("button", { name: button }).click();
        await page.locator("main [role=status]").filter({ hasText: /Signed|Sent/ }).first().waitFor({ timeout: 30_000 });
        const ms = Date.now() - start;
        await context.close();
        return ms;
      };
      const plainly = async () => {
        const { context, page } = await fresh();
        await page.goto(`http://127.0.0.1:${plainPort}/plain-form/`, { waitUntil: "load" });
        const values = person();
        for (const [name, value] of Object.entries(values)) await page.locator(`[name="${name}"]`).fill(value);
        const start = Date.now();
        await Promise.all([page.waitForURL(/\/thanks\//, { waitUntil: "load" }), page.getByRole("button", { name: "Sign the petition" }).click()]);
        const ms = Date.now() - start;
        await context.close();
        return ms;
      };
      const letter = () => ({ title: "rabbi", given_name: "Tap", family_name: `Bench ${++n}`, email: `letter${n}-${Date.now()}@example.org`, place: "US-NY", list_name: "yes" });
      const runs = { plain: [], petition: [], letter: [], atLoad: [], typed: [] };
      for (let i = 0; i < 5; i++) {
        runs.plain.push(await plainly());
        runs.petition.push(await ours("/act/guantanamo/", "Sign the petition", person()));
        runs.letter.push(await ours("/act/clergy-letter/", "Add your name", letter()));
        runs.atLoad.push(await ours("/act/guantanamo/", "Sign the petition", person(), { settle: false }));
        runs.typed.push(await ours("/act/guantanamo/", "Sign the petition", person(), { typed: true }));
      }
      const m = (xs) => Math.round(median(xs));
      // Each tap's signature arrived (none was taken for a bot's and quietly dropped).
      const got = await (await fetch("http://127.0.0.1:8787/__signatures", { headers: { "x-receiver-token": RECEIVER_TOKEN } })).json();
      const taps = Object.values(runs).flat().length;
      const arrived = got.filter((s) => /^(tap|letter)\d/.test(s.body.email ?? s.body.person?.email_addresses?.[0]?.address ?? "")).length;
      console.log(`\nSigning on a slow phone (slow 4G, CPU 4x, a fresh device; median of 5, from the tap to the page saying it was sent):\n` +
        `  a plain HTML form posting to the same receiver, to its thank-you page: ${m(runs.plain)} ms\n` +
        `  the petition, filled in at once and tapped at once, the page settled: ${m(runs.petition)} ms (${(m(runs.petition) / m(runs.plain)).toFixed(2)} times the plain form; at most 1.00)\n` +
        `  the letter, the same: ${m(runs.letter)} ms (${(m(runs.letter) / m(runs.plain)).toFixed(2)} times)\n` +
        `  the petition tapped the moment the page has loaded (the signer may still be on its way): ${m(runs.atLoad)} ms (${(m(runs.atLoad) / m(runs.plain)).toFixed(2)} times)\n` +
        `  the petition typed by hand: ${m(runs.typed)} ms (${(m(runs.typed) / m(runs.plain)).toFixed(2)} times; issue 26 measured 296 against the plain form's 437, 0.68, before the signer came early)\n` +
        `  ${arrived} of the ${taps} signatures arrived at the receiver${arrived === taps ? "" : ": SOME DID NOT"}.`);
    }

    // Lighthouse 12.2.3, mobile (its default: a mid-range phone on a throttled connection).
    const lighthouse = (url) => {
      try {
        return JSON.parse(execFileSync("lighthouse", [url, "--quiet", "--output=json", "--output-path=stdout",
          "--only-categories=performance,accessibility,best-practices,seo", `--chrome-flags=${flagList.join(" ")}`],
          { env: { ...process.env, CHROME_PATH: chromium }, maxBuffer: 1 << 28 }).toString());
      } catch (e) {
        console.log(`  ${url}: lighthouse failed: ${String(e.message).split("\n")[0]}`);
        return null;
      }
    };
    const audit = (r, id) => r?.audits[id]?.numericValue ?? NaN;

    if (!process.argv.includes("--quick")) {
      // The largest paint of the action page against the plain page, side by side: three runs
      // each, taken in turn, so the machine's noise falls on both.
      const ours = [];
      const theirs = [];
      for (let i = 0; i < 3; i++) {
        ours.push(audit(lighthouse(`http://127.0.0.1:${port}/act/guantanamo/`), "largest-contentful-paint"));
        theirs.push(audit(lighthouse(`http://127.0.0.1:${plainPort}/act/guantanamo/`), "largest-contentful-paint"));
      }
      console.log(`\nLargest contentful paint, Lighthouse mobile, median of 3 each: the action page ${Math.round(median(ours))} ms, ` +
        `the plain page with the same text ${Math.round(median(theirs))} ms: ${(median(ours) / median(theirs)).toFixed(2)} times (at most 1.10).`);
      if (existsSync(join(plainDir, "act/clergy-letter/index.html"))) {
        const [letter, letterPlain] = [[], []];
        for (let i = 0; i < 3; i++) {
          letter.push(audit(lighthouse(`http://127.0.0.1:${port}/act/clergy-letter/`), "largest-contentful-paint"));
          letterPlain.push(audit(lighthouse(`http://127.0.0.1:${plainPort}/act/clergy-letter/`), "largest-contentful-paint"));
        }
        console.log(`Largest contentful paint, the same for the letter's page: ${Math.round(median(letter))} ms, its plain page ${Math.round(median(letterPlain))} ms: ` +
          `${(median(letter) / median(letterPlain)).toFixed(2)} times (at most 1.10).`);
      }

      // Every page, side by side with its first view.
      const score = (r, k) => String(Math.round((r?.categories[k]?.score ?? 0) * 100)).padStart(6);
      console.log(`\nLighthouse 12.2.3, mobile, per page (scores out of 100; LCP and TBT in ms; the thank-you pages are noindex on purpose):`);
      console.log(`  ${"page".padEnd(38)}${"first".padStart(7)}${"perf".padStart(6)}${"a11y".padStart(6)}${"bp".padStart(6)}${"seo".padStart(6)}${"LCP".padStart(7)}${"TBT".padStart(6)}${"CLS".padStart(6)}`);
      for (const file of pages) {
        // Lighthouse refuses to measure a page answered with 404.
        if (file.endsWith("404.html")) continue;
        const path = "/" + file.replace(/index\.html$/, "");
        const r = lighthouse(`http://127.0.0.1:${port}${path}`);
        if (!r) continue;
        console.log(`  ${path.padEnd(38)}${kb(firstViews.get(file)).trim().padStart(7)}${score(r, "performance")}${score(r, "accessibility")}${score(r, "best-practices")}${score(r, "seo")}` +
          `${String(Math.round(audit(r, "largest-contentful-paint"))).padStart(7)}${String(Math.round(audit(r, "total-blocking-time"))).padStart(6)}${audit(r, "cumulative-layout-shift").toFixed(2).padStart(6)}`);
      }
    }
  } finally {
    server.kill();
    plainServer.kill();
    receiver.kill();
  }
}
