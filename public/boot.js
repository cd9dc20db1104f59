// Starts the site. Trunk writes the hashed file names into this script tag's data attributes,
// so no inline script is needed (see Trunk.toml, pattern_script).
//
// Every page arrives prerendered: readable, with working links and forms, before any of this
// runs. Two wasm modules then bring it to life, neither of them on the first view's path:
// - the site (the Leptos app) hydrates the page once it has loaded, when the browser is idle,
//   for in-browser routing; with Save-Data on, or on a 2G connection, it is skipped, and links
//   load pages as usual;
// - the signer (signer/), the forms' behaviour, is loaded when a visitor starts filling in a
//   form (focus, a tap, a key), or when an earlier visit left a signature waiting to be sent.
//   A submit that comes before it waits for it, then goes ahead.
const tag = document.querySelector("script[data-wasm]");
const here = new URL(tag.dataset.js, location.href);
const OUTBOX = "truah-campaign.outbox.v1";
const FORMS = "[data-sign]";
const wasm = typeof WebAssembly === "object";

let signer = null;
let running = false;
function loadSigner() {
  signer ??= import(new URL(tag.dataset.signer, here).href)
    .then(async (m) => {
      await m.default({ module_or_path: new URL(tag.dataset.signerWasm, here) });
      m.run();
      running = true;
    })
    .catch((e) => {
      // A dropped connection: the next focus, tap or submit tries again.
      signer = null;
      throw e;
    });
  return signer;
}

function formOf(ev) {
  return ev.target instanceof Element ? ev.target.closest(FORMS) : null;
}

// A visitor starts filling in a form: fetch the signer. Keys and taps are noted on the form, so
// the signer's bot check knows a person was there before it arrived.
for (const type of ["focusin", "pointerdown", "keydown", "input"]) {
  document.addEventListener(type, (ev) => {
    const root = formOf(ev);
    if (!root || running || !wasm) return;
    if (ev.isTrusted && (type === "pointerdown" || type === "keydown")) root.dataset.human = "";
    loadSigner().catch(() => {});
  }, { capture: true, passive: true });
}

// A submit before the signer is running waits for it. Without WebAssembly (Lockdown Mode), or if
// it cannot be loaded, the browser posts the form itself to its plain-form fallback.
document.addEventListener("submit", (ev) => {
  const root = formOf(ev);
  if (!root || running || !wasm) return;
  ev.preventDefault();
  const form = ev.target;
  loadSigner().then(() => form.requestSubmit(), () => { if (form.getAttribute("action")) form.submit(); });
}, true);

// Without WebAssembly the forms post as plain HTML forms; where there is nowhere to post them,
// each says so and how else to sign (see the site's sign_form.rs).
for (const el of document.querySelectorAll("[data-needs-wasm]")) el.hidden = wasm;
if (wasm) {
  for (const el of document.querySelectorAll("fieldset[data-needs-wasm-to-enable]")) el.disabled = false;
}

// A signature an earlier visit could not send yet: send it now.
try {
  if (wasm && localStorage.getItem(OUTBOX)) loadSigner();
} catch {
  // Storage is blocked: nothing can be waiting.
}

async function startSite() {
  const { default: init } = await import(tag.dataset.js);
  await init({ module_or_path: tag.dataset.wasm });
  document.documentElement.dataset.app = "ready";
}

function whenIdle(f) {
  const go = () => ("requestIdleCallback" in window ? requestIdleCallback(f, { timeout: 3000 }) : setTimeout(f, 0));
  if (document.readyState === "complete") go();
  else addEventListener("load", go, { once: true });
}

// On a slow or metered connection the pages work as they are, and every link loads a small
// prerendered page: hydrating would cost more than it saves.
const connection = navigator.connection;
const thrifty = connection?.saveData || ["slow-2g", "2g"].includes(connection?.effectiveType);
if (wasm && !thrifty) whenIdle(startSite);
