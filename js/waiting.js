// What a page does about what was left for it: a signature an earlier visit could not send yet,
// a link that fills the forms in, a tablet in event mode. Each brings in the signer (or the
// outbox alone) for a `lazySigner` (lazy-signer.js). The site runs this once its page is painted
// (after-paint.js), the embed once it is on the host's page (embed.js): none of it is needed to
// show a page.
import { C, has } from "./contract.js";
import { wasm } from "./lazy-signer.js";

const FORMS = has(C.attr.sign);

/** The labels of the forms a signature waiting on this device was made on: the outbox's hint
 *  (js/outbox.js), nothing personal. */
function waitingLabels() {
  try {
    const labels = JSON.parse(localStorage.getItem(C.outboxKey) ?? "[]");
    return Array.isArray(labels) ? labels : [];
  } catch {
    // Storage is blocked (nothing can be waiting), or an earlier version's hint.
    return [];
  }
}

/** Brings in the signer where a form in `root` is one that a signature waiting on this device
 *  was made on (the outbox's hint lists their labels, nothing personal): it says where that
 *  signature stands. Called for the page, and for each page or embed body shown later. */
export function wake(signer, root) {
  if (!wasm) return false;
  if (signer.coming()) return true;
  // What waits on the device, and what this page sent before a form for it was here.
  const waiting = [...waitingLabels(), ...signer.untold()];
  const here = [...root.querySelectorAll(FORMS)].some((form) => waiting.includes(form.getAttribute(C.attr.label)));
  if (here) signer.load().catch(() => {});
  return here;
}

/** A signature an earlier visit could not send yet: send it now, without the signer (the outbox
 *  needs none), and bring in the signer where a form on the page may be showing it. A link that
 *  fills the forms in (`?email=…`): the signer fills them and takes the details out of the
 *  address. A link that starts event mode (`?event=…`): see below. */
export function resume(signer) {
  if (!wasm) return;
  const params = new URLSearchParams(location.search);
  if (C.prefill.some((key) => params.has(key))) signer.load().catch(() => {});
  // Event mode (campaign_core::petition::event): a link starts it for this tab (a new event, with
  // a passphrase of its own), and it holds through reloads until staff leave it. Its side runs at
  // once (js/event-mode.js: the staff set the passphrase, then the signer runs the room), so the
  // form is ready for the first person before the tablet is handed over; the link's parameter
  // leaves the address.
  const event = params.get(C.event.param);
  try {
    if (event !== null) {
      if (event.trim() && event.trim() !== sessionStorage.getItem(C.event.key)) {
        sessionStorage.setItem(C.event.key, event.trim());
        sessionStorage.removeItem(C.event.vaultKey);
      }
      params.delete(C.event.param);
      const query = params.toString();
      history.replaceState(history.state, "", `${location.pathname}${query ? `?${query}` : ""}${location.hash}`);
    }
    if (sessionStorage.getItem(C.event.key)) signer.events().catch(() => {});
  } catch {
    // Storage is blocked: no event mode, and the form works as it always does.
  }
  // With no form here for what waits, the outbox sends it without the signer.
  if (!wake(signer, document) && waitingLabels().length) signer.outbox().then((o) => o.start(), () => {});
}
