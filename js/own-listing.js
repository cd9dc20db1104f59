// A letter's signer's own name, on their own device, while it waits for staff's approval (README,
// "A letter and its signers"): the list page shows it to them alone (js/signers.js). Kept only
// when they asked to be listed, so only what they asked to publish; never in event mode, where
// the device is the room's; forgotten once the published list has it, after C.signers.ownMs,
// or when they say so. In localStorage, by letter: the list page reads it without the outbox.
import { C } from "./contract.js";

const S = C.signers;

function read() {
  try {
    const all = JSON.parse(localStorage.getItem(S.ownKey) ?? "{}");
    return all && typeof all === "object" ? all : {};
  } catch {
    return {};
  }
}

function write(all) {
  try {
    if (Object.keys(all).length) localStorage.setItem(S.ownKey, JSON.stringify(all));
    else localStorage.removeItem(S.ownKey);
  } catch {
    // Storage blocked: nothing is kept, and the list shows only what is published.
  }
}

/** Keeps the name of a letter's signer who asked to be listed, from a signature as the signer
 *  hands it over (its `signature` is the form body; handover::Queued). */
export function remember(record, now = Date.now()) {
  if (record.event) return;
  const body = new URLSearchParams(record.signature);
  if (!S.kinds.includes(body.get(S.kindKey)) || body.get(S.tick) !== "yes") return;
  const all = read();
  all[body.get(S.actionKey)] = { ...Object.fromEntries(S.shown.map((k) => [k, body.get(k) ?? ""])), at: now };
  write(all);
}

/** This device's own signer of the letter `action`, waiting for approval: their fields by name
 *  (C.signers.shown), or null. */
export function own(action, now = Date.now()) {
  const all = read();
  const mine = all[action];
  if (mine && now - mine.at < S.ownMs) return mine;
  if (mine) forget(action);
  return null;
}

/** Forgets this device's own signer of the letter `action`. */
export function forget(action) {
  const all = read();
  delete all[action];
  write(all);
}
