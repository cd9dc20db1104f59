// The signer (signer/): the forms' behaviour, a small wasm module of its own. Nothing loads it
// on the first view. It is fetched when a visitor starts filling in a form (focus, a tap, a
// key), when an earlier visit left a signature waiting to be sent, and, on a page with an
// action's open form, once the page is loaded and idle (`soon`: not with Save-Data, nor on 2G),
// so that a visitor whose browser fills the form at once and who taps at once waits for no
// download; a submit that comes before it waits for it, then goes ahead. Shared by the site (boot.js) and the embed
// (embed.js); scripts/bundle.mjs bundles it into each. What an earlier visit left waiting
// brings it in too (waiting.js).
import { closeEnded, refuseAfterTheEnd } from "./closing.js";
import { C, has, partId } from "./contract.js";

const FORMS = has(C.attr.sign);
export const wasm = typeof WebAssembly === "object";
/** How long a visitor who submitted waits for the signer before being told it is not coming. */
const PATIENCE_MS = 10_000;

/** A part (`C.parts.status`, campaign_core::contract::Part) of the form whose root is `root`, in
 *  its own page or shadow root. */
function part(root, name) {
  return root.getRootNode().getElementById(partId(root.getAttribute(C.attr.prefix), name));
}

/** The words of the form's own language (its nearest `lang`). */
function words(root) {
  const lang = (root.closest("[lang]")?.getAttribute("lang") ?? "").split("-")[0];
  return lang in C.formWords ? C.formWords[lang] : Object.values(C.formWords)[0];
}

/**
 * Readies the forms in `root` (the document, or an embed's body): the one place that does. An
 * action whose last day has passed since the page was built shows closed (closing.js).
 * Without WebAssembly the forms post as plain HTML forms; where there is nowhere to post
 * them, each says so and how else to sign (src/components/sign_form.rs). Where WebAssembly
 * runs, the signer will send them: the notice goes, and the form is enabled. `overrides` is
 * the element whose endpoint overrides hold for these forms: the page's `<body>`, or an
 * embed's mount element.
 */
export function prepareForms(root, overrides = document.body) {
  closeEnded(root);
  for (const el of root.querySelectorAll(has(C.attr.needs_wasm))) el.hidden = wasm;
  if (wasm) {
    for (const el of root.querySelectorAll(`fieldset${has(C.attr.needs_wasm_to_enable)}`)) el.disabled = false;
  }
  for (const form of root.querySelectorAll(FORMS)) nameTheEndpoint(form, overrides);
}

/**
 * The privacy line says where a form's details go: the build's endpoint's host, as the page was
 * built. A page (on its `<body>`) or an embed (on its mount element, `overrides`) that sends
 * them elsewhere says so with its endpoint override (signer/src/endpoint.rs), and the line
 * names that host instead, before anything is typed. The signer sends where the same
 * attribute says.
 */
function nameTheEndpoint(form, overrides) {
  const host = part(form, C.parts.privacy_host);
  // The override of the form's own kind (campaign_core::contract::signup_url_attr).
  const attribute = C.signupUrlAttrs[form.getAttribute(C.attr.sign)];
  const url = attribute && overrides?.getAttribute(attribute)?.trim();
  if (!host || !url) return;
  try {
    host.textContent = new URL(url).hostname;
  } catch {
    // Not an address: nothing can be sent there, and the signer says so on sending.
  }
}

/** The event this tab collects signatures at, once staff have set its passphrase
 *  (js/event-mode.js): the signer runs the forms in event mode. */
function activeEvent() {
  try {
    return sessionStorage.getItem(C.event.vaultKey) ? sessionStorage.getItem(C.event.key) : null;
  } catch {
    return null;
  }
}

/** The signer at these addresses, and the outbox (outbox.js, next to this script), each loaded
 *  when it is first needed; and, for a tab in event mode, event mode's side (event.js, beside
 *  it). */
export function lazySigner(jsUrl, wasmUrl, outboxUrl) {
  let loading = null;
  let signer = null;
  let outboxLoading = null;
  let outboxModule = null;
  const outbox = () => {
    outboxLoading ??= import(outboxUrl).then(
      (o) => (outboxModule = o),
      (e) => {
        outboxLoading = null;
        throw e;
      },
    );
    return outboxLoading;
  };
  // Embeds' shadow roots, whose forms the signer must be shown (it watches the document itself).
  const embeds = new Set();

  function load() {
    loading ??= Promise.all([import(jsUrl), outbox()])
      .then(async ([m, o]) => {
        await m.default({ module_or_path: wasmUrl });
        // The signer has the outbox start sending once its forms have taken up what waits for
        // them (and built it again for their endpoint overrides).
        m.run(o.forSigner, activeEvent());
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

  /** On a page (or an embed) with an action's form open to sign, the signer comes once the page
   *  is loaded (and, the site's own page, painted: after-paint.js) and the browser idle: it is then there for the tap, whoever fills the form and
   *  however fast. The service worker has kept it on the device from the first visit anyway.
   *  Not for the updates signup alone (every page's footer), nor where the visitor saves data. */
  function soon(target) {
    // In event mode the signer comes with event mode's side, once the staff panel is up
    // (`events`), which gives it the event.
    if (!wasm || signer || loading || activeEvent()) return;
    const connection = navigator.connection;
    if (connection?.saveData || /2g/.test(connection?.effectiveType ?? "")) return;
    const open = [...target.querySelectorAll(FORMS)].some((f) => f.getAttribute(C.attr.action) && !f.closest("[hidden]"));
    if (!open) return;
    const idle = globalThis.requestIdleCallback ?? ((f) => setTimeout(f, 200));
    const go = () => idle(() => load().catch(() => {}), { timeout: 2000 });
    if (document.readyState === "complete") go();
    else addEventListener("load", go, { once: true });
  }

  /** Listens in `target` (the document, or an embed's shadow root) for a visitor starting on a
   *  form. First of all, for a submit on a page left open past the action's last day. */
  function listen(target) {
    refuseAfterTheEnd(target);
    if (target !== document) {
      embeds.add(target);
      signer?.watchEmbed(target);
    }
    // The form a visitor is on: its root, where the event is inside the form itself (not in event
    // mode's staff panel, which sits in the same root, js/event-mode.js).
    const formOf = (ev) => {
      const root = ev.target instanceof Element ? ev.target.closest(FORMS) : null;
      return root && part(root, C.parts.form)?.contains(ev.target) ? root : null;
    };
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
    // A submit before the signer is running waits for it, saying so at once. If the signer
    // cannot be loaded (a dropped connection, files removed by a deploy, a host page's policy
    // without 'wasm-unsafe-eval'), or is not here within PATIENCE_MS, the visitor is told, with
    // a retry and the other ways to sign. Without WebAssembly (Lockdown Mode) none of this runs:
    // the browser posts the form itself to its plain-form fallback.
    target.addEventListener("submit", (ev) => {
      const root = formOf(ev);
      if (!root || signer || !wasm) return;
      ev.preventDefault();
      waitForSigner(root, ev.target);
    }, true);
    // "Send it another way" before the signer has brought the form to life: the form as a
    // plain HTML form, to its plain-post target. (Once it has, the signer does this itself,
    // after taking the copy it was keeping off the device.)
    target.addEventListener("click", (ev) => {
      const button = ev.target instanceof Element ? ev.target.closest(has(C.attr.send_plainly)) : null;
      const root = button?.closest(FORMS);
      const form = root?.querySelector("form");
      if (root?.hasAttribute(C.attr.sign_ready) || !form?.getAttribute("action")) return;
      HTMLFormElement.prototype.submit.call(form);
    });
    // An embed's signer comes once the host page has loaded. The site's own page asks for it
    // once the page has also been painted (after-paint.js): Lighthouse counts whatever a page
    // fetches before its first paint, which on a slow phone can come after the load event.
    if (target !== document) soon(target);
  }

  /** The visitor submitted before the signer arrived: "Sending…", then the signer, or a way out. */
  function waitForSigner(root, form) {
    const status = part(root, C.parts.status);
    const notReady = part(root, C.parts.not_ready);
    if (status) status.textContent = words(root).sending;
    if (notReady) notReady.hidden = true;
    const giveUp = setTimeout(() => showNotReady(root), PATIENCE_MS);
    load().then(
      () => {
        clearTimeout(giveUp);
        if (notReady) notReady.hidden = true;
        form.requestSubmit();
      },
      () => {
        clearTimeout(giveUp);
        showNotReady(root);
      },
    );
    const again = part(root, C.parts.try_again);
    if (again && !again.dataset.wired) {
      again.dataset.wired = "";
      again.addEventListener("click", () => waitForSigner(root, form));
    }
  }

  function showNotReady(root) {
    const status = part(root, C.parts.status);
    const notReady = part(root, C.parts.not_ready);
    if (status) status.textContent = "";
    if (!notReady) return;
    notReady.hidden = false;
    notReady.focus();
  }

  /** Event mode's side (the staff panel, the event's vault), which starts the signer once the
   *  event's passphrase is set. */
  let eventsLoading = null;
  function events() {
    eventsLoading ??= Promise.all([import(new URL("event.js", outboxUrl).href), outbox()])
      .then(([m, o]) => m.start({ outbox: o.forEventMode, load, roots: () => [document, ...embeds] }))
      .catch((e) => {
        eventsLoading = null;
        throw e;
      });
    return eventsLoading;
  }

  return {
    load,
    events,
    listen,
    soon,
    /** Whether the signer is here or on its way. */
    coming: () => Boolean(signer || loading),
    outbox,
    /** What this page sent before a form for it was here (js/outbox.js). */
    untold: () => outboxModule?.untold() ?? [],
  };
}
