// Event mode in Firefox and WebKit, by hand, over W3C WebDriver (Playwright drives only
// Chromium here): start an event with a passphrase, sign twice with trusted keys and clicks,
// check the device holds both sealed (no name or e-mail in IndexedDB), see that nothing goes
// while locked, unlock, and see both arrive once each. Not in `make test`: run it after
// `make dist`, with the site and the receiver served as below.
//
//   target/debug/signup-receiver --control-token probe-token-1234567890 --rate-limit 0 &
//   node tests/support/static-server.mjs --dir dist --port 8080 --headers &
//   geckodriver --port 4444 &                  # cargo install geckodriver --locked; apt firefox-esr
//   xvfb-run -a WebKitWebDriver --port=4445 &  # apt webkit2gtk-driver xvfb
//   node tests/engines/event-webdriver.mjs firefox http://127.0.0.1:4444 http://127.0.0.1:8080 http://127.0.0.1:8787 probe-token-1234567890
//   node tests/engines/event-webdriver.mjs webkit  http://127.0.0.1:4445 http://127.0.0.1:8080 http://127.0.0.1:8787 probe-token-1234567890
const [engine, driver, site, receiver, token] = process.argv.slice(2);
const caps = engine === "firefox"
  ? { browserName: "firefox", "moz:firefoxOptions": { binary: "/usr/bin/firefox-esr", args: ["-headless"] } }
  : { browserName: "MiniBrowser", "webkitgtk:browserOptions": { binary: "/usr/lib/x86_64-linux-gnu/webkit2gtk-4.1/MiniBrowser", args: ["--automation"] } };
const call = async (method, path, body) => {
  const r = await fetch(driver + path, { method, headers: { "content-type": "application/json" }, body: body && JSON.stringify(body) });
  const j = await r.json();
  if (j.value?.error) throw new Error(`${path}: ${j.value.error}: ${j.value.message}`);
  return j.value;
};
const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
const { sessionId } = await call("POST", "/session", { capabilities: { alwaysMatch: caps } });
const s = (p) => `/session/${sessionId}${p}`;
const ELEMENT = "element-6066-11e4-a52e-4f735466cecf";
const find = async (css) => {
  const found = await call("POST", s("/element"), { using: "css selector", value: css });
  if (!found?.[ELEMENT]) throw new Error(`${css}: ${JSON.stringify(found)}`);
  return found[ELEMENT];
};
const type = async (css, text) => call("POST", s(`/element/${await find(css)}/value`), { text });
// A trusted click. WebKitWebDriver neither scrolls an element into view nor sees a page's own
// scrollIntoView before it judges the element interactable, so the element is first scrolled to
// the middle of the window by hand, and the click is checked to have landed on it.
const click = async (css) => {
  await call("POST", s("/execute/sync"), { script: "const r = document.querySelector(arguments[0]).getBoundingClientRect(); window.scrollBy(0, r.top - innerHeight / 2)", args: [css] });
  await sleep(100);
  return call("POST", s(`/element/${await find(css)}/click`), {});
};
const run = (script, args = []) => call("POST", s("/execute/sync"), { script, args });
const runAsync = (script, args = []) => call("POST", s("/execute/async"), { script, args });
const waitText = async (text, ms = 30_000) => {
  const end = Date.now() + ms;
  while (Date.now() < end) {
    if (await run("return document.body.innerText.includes(arguments[0])", [text])) return;
    await sleep(250);
  }
  throw new Error(`no "${text}" within ${ms} ms: ${await run("return document.body.innerText.slice(0, 1500)")}`);
};
const report = [];
try {
  await fetch(`${receiver}/__reset`, { method: "POST", headers: { "x-receiver-token": token, "content-type": "application/json" }, body: "{}" });
  await call("POST", s("/url"), { url: `${site}/act/guantanamo/?event=Probe` });
  await waitText("Before you hand this device around");
  const phrase = "cedar harbor lantern ninety";
  await type("#petition-event-passphrase", phrase);
  await type("#petition-event-again", phrase);
  await run("[...document.querySelectorAll('#petition-event button')].find((b) => b.textContent === 'Start event mode').id = 'start'");
  await click("#start");
  await waitText("Locked. The signatures are sealed on this device.", 60_000);
  report.push("started, locked");
  for (let i = 0; i < 40 && !(await run("return !!document.querySelector('#petition-event-start')?.offsetParent")); i++) await sleep(250);
  report.push(`welcome shown: ${await run("return !!document.querySelector('#petition-event-start')?.offsetParent")}, signer ready: ${await run("return !!document.querySelector('[data-sign-ready]')")}, wasm: ${await run("return typeof WebAssembly")}`);
  for (const [given, email] of [["Dvorah", "dvorah@example.org"], ["Yonatan", "yonatan@example.org"]]) {
    await click("#petition-event-start");
    await type("#petition-given_name", given);
    await type("#petition-email", email);
    await type("#petition-postal_code", "10001");
    report.push(`typed: ${JSON.stringify(await run("return ['given_name','email','postal_code'].map((f) => document.getElementById('petition-' + f).value)"))}`);
    await sleep(2_100);
    await click("#petition-submit");
    await waitText("The form is ready for the next person");
  }
  await waitText("Waiting on this device, sealed: 2");
  const kept = await runAsync(`const done = arguments[arguments.length - 1];
    const open = indexedDB.open("truah-campaign");
    open.onsuccess = () => { const db = open.result; const tx = db.transaction(db.objectStoreNames[0]); const all = tx.objectStore(db.objectStoreNames[0]).getAll(); all.onsuccess = () => done(JSON.stringify(all.result)); };
    open.onerror = () => done("no database");`);
  const leaked = ["Dvorah", "dvorah@example.org", "Yonatan", "yonatan@example.org"].filter((t) => kept.includes(t));
  report.push(`IndexedDB holds ${kept.length} characters; ${leaked.length ? `LEAKS ${leaked.join(", ")}` : "no name or email in it"}; ${(kept.match(/sealed/g) ?? []).length} mentions of "sealed"`);
  let got = await (await fetch(`${receiver}/__signatures`, { headers: { "x-receiver-token": token } })).json();
  report.push(`before unlocking, the receiver has ${got.length}`);
  await run("document.querySelector('#petition-event details').open = true");
  await run("[...document.querySelectorAll('#petition-event input[type=password]')].find((i) => i.offsetParent).id = 'unlock-phrase'");
  await type("#unlock-phrase", phrase);
  await run("[...document.querySelectorAll('#petition-event button')].find((b) => b.textContent === 'Unlock').id = 'unlock'");
  await click("#unlock");
  await waitText("Sent: 2", 60_000);
  got = await (await fetch(`${receiver}/__signatures`, { headers: { "x-receiver-token": token } })).json();
  report.push(`after unlocking: ${got.length} arrived: ${got.map((g) => g.body.person.email_addresses[0].address).join(", ")}`);
  console.log(`${engine}: ${await run("return navigator.userAgent")}\n  ${report.join("\n  ")}`);
} catch (e) {
  console.log(`${engine}: FAILED after ${report.join("; ")}: ${e.message}`);
  process.exitCode = 1;
} finally {
  await call("DELETE", s(""));
}
