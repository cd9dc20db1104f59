// The signer (signer/): the forms' behaviour, a small wasm module of its own. Nothing loads it
// on the first view. It is fetched when a visitor starts filling in a form (focus, a tap, a
// key), or when an earlier visit left a signature waiting to be sent; a submit that comes
// before it waits for it, then goes ahead. Shared by the site (boot.js) and the embed
// (embed.js); scripts/bundle.mjs bundles it into each.
import { C, has } from "./contract.js";

const FORMS = has("sign");
export const wasm = typeof WebAssembly === "object";

/**
 * Readies the forms in `root` (the document, or an embed's body): the one place that does.
 * Without WebAssembly the forms post as plain HTML forms; where there is nowhere to post
 * them, each says so and how else to sign (src/components/sign_form.rs). Where WebAssembly
 * runs, the signer will send them: the notice goes, and the form is enabled.
 */
export function prepareForms(root) {
  for (const el of root.querySelectorAll(has("needs_wasm"))) el.hidden = wasm;
  if (wasm) {
    for (const el of root.querySelectorAll(`fieldset${has("needs_wasm_to_enable")}`)) el.disabled = false;
  }
}

/** The signer at these addresses, loaded when it is first needed. */
export function lazySigner(jsUrl, wasmUrl) {
  let loading = null;
  let signer = null;
  // Embeds' shadow roots, whose forms the signer must be shown (it watches the document itself).
  const embeds = new Set();

  function load() {
    loading ??= import(jsUrl)
      .then(async (m) => {
        await m.default({ module_or_path: wasmUrl });
        m.run();
        for (const root of embeds) m.watchEmbed(root);
        signer = m;
      })
      .catch((e) => {
        // A dropped connection: the next focus, tap or submit tries again.
        loading = null;
        throw e;
      });
    return loading;
  }

  /** Listens in `target` (the document, or an embed's shadow root) for a visitor starting on a form. */
  function listen(target) {
    if (target !== document) {
      embeds.add(target);
      signer?.watchEmbed(target);
    }
    const formOf = (ev) => (ev.target instanceof Element ? ev.target.closest(FORMS) : null);
    // Keys and taps are noted on the form, so the signer's bot check knows a person was there
    // before it arrived.
    for (const type of ["focusin", "pointerdown", "keydown", "input"]) {
      target.addEventListener(type, (ev) => {
        const root = formOf(ev);
        if (!root || signer || !wasm) return;
        if (ev.isTrusted && (type === "pointerdown" || type === "keydown")) root.setAttribute(C.attr.human, "");
        load().catch(() => {});
      }, { capture: true, passive: true });
    }
    // A submit before the signer is running waits for it. Without WebAssembly (Lockdown Mode), or
    // if it cannot be loaded, the browser posts the form itself to its plain-form fallback.
    target.addEventListener("submit", (ev) => {
      if (!formOf(ev) || signer || !wasm) return;
      ev.preventDefault();
      const form = ev.target;
      load().then(() => form.requestSubmit(), () => { if (form.getAttribute("action")) form.submit(); });
    }, true);
  }

  /** A signature an earlier visit could not send yet: send it now. A link that fills the
   *  forms in (`?email=…`): the signer fills them and takes the details out of the address. */
  function resume() {
    if (!wasm) return;
    const params = new URLSearchParams(location.search);
    if (C.prefill.some((key) => params.has(key))) load().catch(() => {});
    try {
      if (localStorage.getItem(C.outboxKey)) load().catch(() => {});
    } catch {
      // Storage is blocked: nothing can be waiting.
    }
  }

  return { load, listen, resume };
}
