// An action's last day, judged in the visitor's browser. A page built while an action was open
// carries its last day (`ends`, on what shows it: campaign_core::contract::attr::ENDS); once that
// day has passed, the page shows the action closed and takes no signature, whether or not the
// site was built again since (a build after that day closes it itself). The day ends at
// midnight UTC, as the build judges it, by the visitor's clock: a clock that is wrong by hours
// moves it by hours (a day's grace either way is what staff can expect; README, "Editing the
// content"). A signature made before then and still waiting on the device is sent as any other.
import { C, has } from "./contract.js";

const DAY_MS = 86_400_000;

/** Whether an action whose last day is `ends` (YYYY-MM-DD) has closed at `now` (ms since the
 *  epoch): from midnight UTC after that day. A date that cannot be read never closes anything. */
export function ended(ends, now) {
  const start = Date.parse(`${ends}T00:00:00Z`);
  return Number.isFinite(start) && now >= start + DAY_MS;
}

/** Shows every action in `root` (the document, or an embed's body) whose last day has passed as
 *  closed: what shows only while it is open is hidden, what shows once it has closed is shown. */
export function closeEnded(root, now = Date.now()) {
  for (const el of root.querySelectorAll(has(C.attr.ends))) {
    if (el.hasAttribute(C.attr.closed) || !ended(el.getAttribute(C.attr.ends), now)) continue;
    el.setAttribute(C.attr.closed, "");
    for (const part of el.querySelectorAll(has(C.attr.while_open))) part.hidden = true;
    for (const part of el.querySelectorAll(has(C.attr.once_closed))) part.hidden = false;
  }
}

/** A form submitted on a page left open past the action's last day sends nothing: the page shows
 *  the action closed instead. Listens in `target` (the document, or an embed's shadow root)
 *  before anything else there does, so neither the signer nor a plain post sees the submit. */
export function refuseAfterTheEnd(target) {
  target.addEventListener("submit", (ev) => {
    const action = ev.target instanceof Element ? ev.target.closest(has(C.attr.ends)) : null;
    if (!action || !ended(action.getAttribute(C.attr.ends), Date.now())) return;
    ev.preventDefault();
    ev.stopImmediatePropagation();
    closeEnded(action.parentNode ?? target);
    // What the page says instead of the form, for the keyboard and screen readers.
    action.querySelector(`${has(C.attr.once_closed)}[tabindex]`)?.focus();
  }, true);
}
