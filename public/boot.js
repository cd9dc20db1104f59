// Starts the site. Trunk writes the hashed file names into this script tag's data attributes,
// so no inline script is needed (see Trunk.toml, pattern_script).
//
// The forms' behaviour is a second, Leptos-free wasm module (the signer, signer/), which no
// page's first view pays for. It is loaded when a visitor starts filling in a form (focus, a
// tap, a key), when an earlier visit left a signature waiting to be sent, or at the latest when a
// form is submitted: that submit waits for it, then goes ahead.
const tag = document.querySelector("script[data-wasm]");
const here = new URL(tag.dataset.js, location.href);
const OUTBOX = "truah-campaign.outbox.v1";
const FORMS = "[data-sign]";

let signer = null;
let running = false;
function loadSigner() {
  signer ??= import(new URL(tag.dataset.signer, here).href).then(async (m) => {
    await m.default({ module_or_path: new URL(tag.dataset.signerWasm, here) });
    m.run();
    running = true;
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
    if (!root || running) return;
    if (ev.isTrusted && (type === "pointerdown" || type === "keydown")) root.dataset.human = "";
    loadSigner().catch(() => {});
  }, { capture: true, passive: true });
}

// A submit before the signer is running waits for it. Without WebAssembly (Lockdown Mode), or if
// it cannot be loaded, the browser posts the form itself to its plain-form fallback.
document.addEventListener("submit", (ev) => {
  const root = formOf(ev);
  if (!root || running || typeof WebAssembly !== "object") return;
  ev.preventDefault();
  const form = ev.target;
  loadSigner().then(() => form.requestSubmit(), () => { if (form.getAttribute("action")) form.submit(); });
}, true);

const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });

// A signature an earlier visit could not send yet: send it now.
try {
  if (localStorage.getItem(OUTBOX)) loadSigner();
} catch {
  // Storage is blocked: nothing can be waiting.
}
