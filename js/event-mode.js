// Event mode's staff panel and the event's vault (campaign_core::petition::event): what staff
// use to keep a room's signatures on a device that can be lost. Its own file (scripts/bundle.mjs
// makes event.js of it), which js/lazy-signer.js loads only for a tab in event mode: nothing of
// it weighs on anyone else.
//
// - Starting: staff choose the event's passphrase (a weak one is refused, with the reason; a
//   strong one can be suggested, to write down). The event's vault is made (js/vault.js) and
//   kept in the outbox; then the page starts again in event mode, and the signer runs the room.
// - Every signature is sealed before it is stored (the outbox asks `seal`): the device keeps it
//   only sealed, and the event's private key only wrapped under the passphrase.
// - Locked (always, after a reload, and UNLOCKED_MS after the staff's last action), the panel
//   says how many signatures wait, sealed, when the last one went, and that staff must unlock to
//   send. Unlocked, the event's private key lives in this page's memory alone, and the outbox
//   sends, from this page (the service worker cannot open them, nor can Background Sync).
// - A wrong passphrase opens nothing and makes the next try wait longer (js/vault.js,
//   `waitAfter`); nothing is ever wiped by a wrong guess.
// - Staff can save the waiting signatures to a file (still sealed) and import such a file here
//   or on another device; each goes once (the outbox keeps its idempotency key, and the keys of
//   those sent or deleted: an import never brings one back).
// - A signature the endpoint refused is kept, with the endpoint's reason (without the signer's
//   details in it), to try again, or delete (with the passphrase).
// - Leaving event mode with signatures waiting needs the passphrase, and says how many wait:
//   they stay sealed on the device until staff unlock them in event mode again.
import { C, partId } from "./contract.js";
import * as rules from "./outbox-rules.js";
import * as vault from "./vault.js";

const E = C.event;

/** A template's gaps (`{}`) filled in order. */
const fill = (template, ...values) => values.reduce((text, v) => text.replace("{}", v), template);

/** An element, with attributes and children (text is set as text, never parsed). */
function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === false || v === null || v === undefined) continue;
    if (k === "text") el.textContent = v;
    else if (k === "on") for (const [type, f] of Object.entries(v)) el.addEventListener(type, f);
    else el.setAttribute(k, v === true ? "" : v);
  }
  el.append(...children.filter(Boolean));
  return el;
}

const session = {
  get: (k) => {
    try {
      return sessionStorage.getItem(k);
    } catch {
      return null;
    }
  },
  set: (k, v) => {
    try {
      sessionStorage.setItem(k, v);
    } catch {
      // Storage blocked: event mode cannot start (README: the device is not fit for a room).
    }
  },
  remove: (k) => {
    try {
      sessionStorage.removeItem(k);
    } catch {
      // As above.
    }
  },
};

/** The event this tab collects signatures at, once its vault is there (js/lazy-signer.js starts
 *  the signer in event mode only then). */
export function activeEvent() {
  return session.get(E.key) && session.get(E.vaultKey) ? session.get(E.key) : null;
}

let started = false;

/**
 * Starts event mode's side on the page: `outbox` is the outbox's side for it
 * (js/outbox-page.js, `forEventMode`), `load` starts the signer, `roots` gives the document and
 * the embeds' shadow roots where forms are.
 */
export async function start({ outbox, load, roots }) {
  if (started) return;
  started = true;
  const name = session.get(E.key);
  if (!name) return;
  const held = await outbox.peek();
  const own = (held.vaults ?? []).find((v) => v.id === session.get(E.vaultKey) && v.event === name);
  const room = new Room({ outbox, name, roots });
  if (!own) {
    session.remove(E.vaultKey);
    room.setup();
    return;
  }
  // Every signature made here from now on is sealed for this event before it is stored.
  outbox.useSealer((e) => vault.seal(own, JSON.stringify({ signature: e.signature, request: e.request, built: e.built, overrides: e.overrides }), e.key));
  room.vaultId = own.id;
  room.show();
  outbox.onNews(() => room.refresh());
  addEventListener("online", () => room.refresh());
  addEventListener("offline", () => room.refresh());
  await load();
  room.watch();
}

/** An event's name as part of a file's name: letters and digits, hyphens for the rest. (The
 *  source code its signatures carry is the signer's to make, campaign_core::petition::event::
 *  source_code: it writes it into the panel.) */
const fileSafe = (name) => name.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/[^\p{L}\p{N}]+/gu, "-").replace(/^-|-$/g, "") || "event";

class Room {
  constructor({ outbox, name, roots }) {
    this.outbox = outbox;
    this.name = name;
    this.roots = roots;
    this.vaultId = null;
    /** The unlocked vaults' private keys, by vault id: in this page's memory only. */
    this.keys = new Map();
    this.lockTimer = 0;
    this.lockAt = 0;
    this.panels = [];
  }

  /** The action forms' panel mounts on the page (and in embeds), each with its form's root. */
  mounts() {
    const out = [];
    for (const root of this.roots()) {
      for (const sign of root.querySelectorAll(`[${C.attr.sign}]`)) {
        const mount = sign.getRootNode().getElementById(partId(sign.getAttribute(C.attr.prefix), C.parts.event));
        if (mount) out.push({ sign, mount });
      }
    }
    return out;
  }

  /** The words of a mount's own language. */
  words(el) {
    const lang = (el.closest("[lang]")?.getAttribute("lang") ?? "").split("-")[0];
    return C.eventWords[lang] ?? C.eventWords[C.defaultLang];
  }

  /** The level of a form's own headings (as its thank-you's), for the panel's. */
  level(sign) {
    const thanks = sign.getRootNode().getElementById?.(partId(sign.getAttribute(C.attr.prefix), C.parts.thanks));
    return /^H[2-6]$/.test(thanks?.tagName ?? "") ? thanks.tagName.toLowerCase() : "h3";
  }

  /** Before the event's passphrase is chosen: the forms wait, hidden, and the panel asks for it. */
  setup() {
    for (const { sign, mount } of this.mounts()) {
      const w = this.words(mount);
      for (const child of sign.children) if (child !== mount) child.hidden = true;
      const id = (part) => `${mount.id}-${part}`;
      const error = h("p", { class: "field__error", id: id("error"), role: "alert" });
      const suggestion = h("p", { role: "status", id: id("suggested") });
      const first = h("input", { type: "password", id: id("passphrase"), autocomplete: "new-password", spellcheck: "false", "aria-describedby": id("error") });
      const again = h("input", { type: "password", id: id("again"), autocomplete: "new-password", spellcheck: "false", "aria-describedby": id("error") });
      const go = h("button", { type: "submit", class: "button", text: w.start });
      const form = h("form", { class: "event-panel__form", novalidate: true },
        h("p", { text: w.setup }),
        h("div", { class: "field" }, h("label", { for: id("passphrase"), text: w.passphrase }), first),
        h("div", { class: "field" }, h("label", { for: id("again"), text: w.passphrase_again }), again),
        error,
        h("div", { class: "outcome__actions" },
          go,
          h("button", { type: "button", class: "button button--secondary", text: w.suggest, on: { click: () => {
            const s = vault.suggestion();
            const [before, after] = w.suggested.split("{}");
            suggestion.replaceChildren(before, h("strong", { class: "event-panel__secret", text: s }), after, " ",
              h("button", { type: "button", class: "button button--secondary", text: w.use_suggested, on: { click: () => {
                first.value = s;
                again.value = s;
                go.focus();
              } } }));
          } } })),
        suggestion);
      form.addEventListener("submit", async (ev) => {
        ev.preventDefault();
        const weak = vault.weakness(first.value, this.name);
        const problem = weak ? w[weak] : first.value !== again.value ? w.differ : "";
        error.textContent = problem;
        if (problem) return first.focus();
        go.disabled = true;
        go.textContent = w.starting;
        const made = await vault.createVault(first.value, { event: this.name });
        first.value = "";
        again.value = "";
        await this.outbox.update((o) => {
          o.vaults = [...(o.vaults ?? []), made];
        });
        session.set(E.vaultKey, made.id);
        // Again, in event mode: the signer starts with the room, and every signature is sealed.
        location.reload();
      });
      mount.replaceChildren(this.heading(mount, sign, w, { code: false }), form);
      mount.hidden = false;
      first.focus();
    }
  }

  /** The panel's heading, which names it (a region of the page); in event mode, with the
   *  source code its signatures carry, which the signer writes in (it makes it). */
  heading(mount, sign, w, { code = true } = {}) {
    mount.setAttribute("role", "region");
    mount.setAttribute("aria-labelledby", `${mount.id}-heading`);
    return h("div", {},
      h(this.level(sign), { id: `${mount.id}-heading`, text: fill(w.heading, this.name) }),
      code && h("p", {}, fill(w.code, ""), h("code", { id: partId(sign.getAttribute(C.attr.prefix), C.parts.event_code) })));
  }

  /** In event mode: the panel in each action form that has none yet. */
  show() {
    this.panels = this.panels.filter((p) => p.mount.isConnected);
    for (const { sign, mount } of this.mounts().filter(({ mount }) => mount.hidden)) {
      const w = this.words(mount);
      const id = (part) => `${mount.id}-${part}`;
      const p = {
        w,
        mount,
        counts: h("ul", { class: "event-panel__counts" }),
        state: h("p", { role: "status", id: id("state") }),
        message: h("p", { role: "alert", class: "event-panel__message", id: id("message") }),
        refused: h("ul", { class: "event-panel__refused" }),
        unlock: h("input", { type: "password", id: id("passphrase"), autocomplete: "off", spellcheck: "false" }),
        unlocking: h("button", { type: "submit", class: "button", text: w.unlock }),
        confirm: null,
      };
      p.locked = h("form", { class: "event-panel__form", novalidate: true },
        h("div", { class: "field" }, h("label", { for: id("passphrase"), text: w.passphrase }), p.unlock),
        h("div", { class: "outcome__actions" }, p.unlocking));
      p.locked.addEventListener("submit", (ev) => {
        ev.preventDefault();
        this.unlock(p);
      });
      p.open = h("div", { class: "outcome__actions" },
        h("button", { type: "button", class: "button button--secondary", text: w.send_now, on: { click: () => this.acted() || this.outbox.send() } }),
        h("button", { type: "button", class: "button button--secondary", text: w.export, on: { click: () => this.export(p) } }),
        h("button", { type: "button", class: "button button--secondary", text: w.lock, on: { click: () => this.lock() } }));
      const file = h("input", { type: "file", id: id("import"), accept: ".json,application/json", class: "event-panel__file" });
      file.addEventListener("change", () => this.import(p, file));
      p.leave = h("button", { type: "button", class: "button button--secondary", text: w.leave, on: { click: () => this.leave(p) } });
      p.dialog = h("div", { class: "event-panel__confirm" });
      // What the room sees: the counts and whether it is locked. The staff's controls fold away
      // (a disclosure), so the next person's start button is near the top of the screen.
      p.controls = h("details", {},
        h("summary", { text: w.controls }),
        p.locked,
        p.open,
        p.message,
        p.refused,
        h("div", { class: "field" }, h("label", { for: id("import"), text: w.import }), file),
        p.dialog,
        h("div", { class: "outcome__actions" }, p.leave));
      mount.replaceChildren(this.heading(mount, sign, w), p.counts, p.state, p.controls);
      mount.hidden = false;
      this.panels.push(p);
    }
    this.refresh();
  }

  /** Forms the site shows later (an embed's body, another page): their panels too. */
  watch() {
    const seen = () => this.mounts().filter(({ mount }) => mount.hidden).length;
    for (const root of this.roots()) {
      new MutationObserver(() => {
        if (seen()) this.show();
      }).observe(root, { childList: true, subtree: true });
    }
  }

  /** The panels as the device holds things now. */
  async refresh() {
    const held = await this.outbox.peek();
    const c = rules.eventCounts(held, this.name);
    const unlocked = this.keys.size > 0;
    for (const p of this.panels) {
      const { w } = p;
      const last = c.last_sent_at ? fill(w.last_sent, new Date(c.last_sent_at).toLocaleTimeString(this.lang(p), { hour: "numeric", minute: "2-digit" })) : w.none_sent;
      p.counts.replaceChildren(
        h("li", { text: fill(w.waiting, c.waiting) }),
        h("li", { text: fill(w.sent, c.sent) }),
        h("li", { text: fill(w.refused, c.refused) }),
        h("li", { text: last }));
      p.state.textContent = unlocked ? `${fill(w.unlocked, new Date(this.lockAt).toLocaleTimeString(this.lang(p), { hour: "numeric", minute: "2-digit" }))}${navigator.onLine ? "" : ` ${w.offline}`}` : w.locked;
      p.locked.hidden = unlocked;
      p.open.hidden = !unlocked;
      const refused = held.entries.filter((e) => e.event && e.refused);
      p.refused.replaceChildren(...refused.map((e) => h("li", {},
        h("span", { text: fill(w.refused_item, e.refused.reason) }), " ",
        h("button", { type: "button", class: "button button--secondary", text: w.try_again, on: { click: () => this.tryAgain(e.key) } }), " ",
        h("button", { type: "button", class: "button button--secondary", text: w.delete, on: { click: () => this.confirm(p, w.delete_confirm, (phrase) => this.remove(e, phrase)) } }))));
    }
  }

  lang(p) {
    return (p.mount.closest("[lang]")?.getAttribute("lang") ?? C.defaultLang).split("-")[0];
  }

  /** A staff action: the unlocked keys stay for UNLOCKED_MS more. */
  acted() {
    if (!this.keys.size) return;
    this.lockAt = Date.now() + E.unlockedMs;
    clearTimeout(this.lockTimer);
    this.lockTimer = setTimeout(() => this.lock(), E.unlockedMs);
    this.refresh();
  }

  /** The vaults a passphrase is tried against: the tab's own, and each that seals a signature
   *  waiting here (imported ones included). */
  async vaults() {
    const held = await this.outbox.peek();
    const needed = new Set([this.vaultId, ...held.entries.filter((e) => e.sealed).map((e) => e.sealed.vault)]);
    return (held.vaults ?? []).filter((v) => needed.has(v.id));
  }

  /** Tries `phrase` on `candidates`: `{ opened }`, the keys it opens by vault id; `{ wrong }`, the
   *  seconds before the next try after a wrong one; or `{ blocked }`, the seconds still to wait
   *  since the last wrong one (nothing was tried). Each wrong try makes the next wait longer (kept
   *  on the device, so a reload does not undo it); nothing is wiped. */
  async open(candidates, phrase) {
    const now = Date.now();
    const blocked = candidates.filter((v) => v.wait_until > now);
    if (blocked.length === candidates.length && candidates.length) {
      return { blocked: Math.ceil((Math.min(...blocked.map((v) => v.wait_until)) - now) / 1000) };
    }
    const opened = new Map();
    for (const v of candidates.filter((x) => x.wait_until <= now)) {
      const key = await vault.unlock(v, phrase);
      if (key) opened.set(v.id, key);
    }
    const ids = new Set(candidates.map((v) => v.id));
    let wait = 0;
    await this.outbox.update((o) => {
      for (const v of o.vaults ?? []) {
        if (!ids.has(v.id)) continue;
        if (opened.has(v.id)) {
          v.failed = 0;
          v.wait_until = 0;
        } else if (!opened.size && v.wait_until <= now) {
          v.failed += 1;
          v.wait_until = Date.now() + vault.waitAfter(v.failed);
          wait = Math.max(wait, vault.waitAfter(v.failed));
        }
      }
    });
    return opened.size ? { opened } : { wrong: Math.ceil(wait / 1000) };
  }

  /** What the panel says of a passphrase that opened nothing (`open`'s answer). */
  refusal(w, result) {
    return result.blocked ? fill(w.wait, result.blocked) : fill(w.wrong, result.wrong || 1);
  }

  async unlock(p) {
    const { w } = p;
    const phrase = p.unlock.value;
    p.unlock.value = "";
    p.unlocking.disabled = true;
    p.unlocking.textContent = w.unlocking;
    const result = await this.open(await this.vaults(), phrase);
    p.unlocking.disabled = false;
    p.unlocking.textContent = w.unlock;
    if (!result.opened) {
      p.message.textContent = this.refusal(w, result);
      return p.unlock.focus();
    }
    p.message.textContent = "";
    for (const [id, key] of result.opened) this.keys.set(id, key);
    this.outbox.useOpener((e) => this.openRecord(e));
    this.acted();
    this.outbox.send();
  }

  /** A sealed signature, opened to be sent: its request (built again for today's endpoint when it
   *  was kept since another deploy), and how to take its signer's details out of a reason. */
  async openRecord(e) {
    const key = this.keys.get(e.sealed.vault);
    if (!key) return null;
    const record = JSON.parse(await vault.open(key, e.sealed, e.key));
    const fresh = record.built === C.outbox.version ? { request: record.request } : this.outbox.rebuild(record.signature, record.overrides);
    // What the signer typed: every value of the signature but the form's own (its kind, key…).
    const own = new Set(["kind", "action", "idempotency_key", "language", "consent_version", "submitted_at", "email_opt_in", "source", "referrer", "url"]);
    const details = [...new URLSearchParams(record.signature)].filter(([k, v]) => !own.has(k) && !k.startsWith("utm_") && v.length > 1).map(([, v]) => v);
    const escape = (text) => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
    const redact = (reason) => details.reduce((text, d) => text.replace(new RegExp(escape(d), "gi"), "…"), reason);
    return { request: fresh.request, redact };
  }

  lock() {
    clearTimeout(this.lockTimer);
    this.keys.clear();
    this.outbox.useOpener(null);
    // Back to the room: the staff's controls fold away.
    for (const p of this.panels) p.controls.open = false;
    this.refresh();
  }

  async tryAgain(key) {
    this.acted();
    await this.outbox.update((o) => rules.tryAgain(o, key));
    this.outbox.send();
    this.refresh();
  }

  /** Asks for the passphrase in the panel, then `then(phrase)`. */
  confirm(p, question, then) {
    const { w } = p;
    const id = `${p.mount.id}-confirm`;
    const input = h("input", { type: "password", id, autocomplete: "off", spellcheck: "false" });
    const form = h("form", { class: "event-panel__form", novalidate: true },
      h("p", { text: question }),
      h("div", { class: "field" }, h("label", { for: id, text: w.passphrase }), input),
      h("div", { class: "outcome__actions" },
        h("button", { type: "submit", class: "button", text: w.confirm }),
        h("button", { type: "button", class: "button button--secondary", text: w.cancel, on: { click: () => p.dialog.replaceChildren() } })));
    form.addEventListener("submit", async (ev) => {
      ev.preventDefault();
      const phrase = input.value;
      input.value = "";
      await then(phrase);
    });
    p.dialog.replaceChildren(form);
    input.focus();
  }

  /** Deletes a refused signature, once the passphrase says staff want it. */
  async remove(e, phrase) {
    const p = this.panels[0];
    const result = await this.open((await this.outbox.peek()).vaults?.filter((v) => v.id === e.sealed?.vault) ?? [], phrase);
    if (!result.opened) {
      p.message.textContent = this.refusal(p.w, result);
      return;
    }
    this.acted();
    await this.outbox.forget(e.key);
    for (const q of this.panels) q.dialog.replaceChildren();
    p.message.textContent = "";
    this.refresh();
  }

  /** Leaves event mode: at once when nothing waits here; else with the passphrase, saying how
   *  many wait (they stay sealed on the device). */
  async leave(p) {
    const c = rules.eventCounts(await this.outbox.peek(), this.name);
    const held = c.waiting + c.refused;
    const go = async () => {
      this.lock();
      // A vault that seals nothing left here is of no more use.
      await this.outbox.update((o) => {
        if (o.vaults) o.vaults = o.vaults.filter((v) => o.entries.some((e) => e.sealed?.vault === v.id));
        if (!o.vaults?.length) delete o.vaults;
      });
      session.remove(E.key);
      session.remove(E.vaultKey);
      location.reload();
    };
    if (!held) return go();
    this.confirm(p, fill(p.w.leave_confirm, held), async (phrase) => {
      const result = await this.open(await this.vaults(), phrase);
      if (!result.opened) {
        p.message.textContent = this.refusal(p.w, result);
        return;
      }
      go();
    });
  }

  /** Saves what waits (sealed, as the device keeps it) to a file, while unlocked. */
  async export(p) {
    this.acted();
    const held = await this.outbox.peek();
    const entries = held.entries.filter((e) => e.sealed);
    if (!entries.length) {
      p.message.textContent = p.w.export_none;
      return;
    }
    const used = new Set(entries.map((e) => e.sealed.vault));
    const file = {
      format: E.exportFormat,
      version: E.exportVersion,
      site: C.outboxKey,
      exported_at: new Date().toISOString(),
      vaults: (held.vaults ?? []).filter((v) => used.has(v.id)).map((v) => ({ ...v, failed: 0, wait_until: 0 })),
      entries: entries.map(({ key, label, event, overrides, built, sealed, queued_at }) => ({ key, label, event, overrides, built, sealed, queued_at })),
    };
    const name = `${fileSafe(this.name)}-${new Date().toISOString().slice(0, 10)}-${entries.length}-signatures.sealed.json`;
    const url = URL.createObjectURL(new Blob([JSON.stringify(file)], { type: "application/json" }));
    const link = h("a", { href: url, download: name, hidden: true });
    p.mount.append(link);
    link.click();
    link.remove();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
    p.message.textContent = fill(p.w.exported, entries.length, name);
  }

  /** Imports a file of sealed signatures: each one not here, nor sent or deleted here before,
   *  waits to be sent (once unlocked). */
  async import(p, input) {
    const [chosen] = input.files;
    input.value = "";
    if (!chosen) return;
    let file;
    try {
      file = JSON.parse(await chosen.text());
    } catch {
      file = null;
    }
    const fits = file?.format === E.exportFormat && file.version === E.exportVersion && file.site === C.outboxKey && Array.isArray(file.entries) && Array.isArray(file.vaults);
    if (!fits) {
      p.message.textContent = p.w.import_failed;
      return;
    }
    let added = 0;
    let skipped = 0;
    await this.outbox.update((o) => {
      o.vaults ??= [];
      for (const v of file.vaults) if (rules.isVault(v) && !o.vaults.some((x) => x.id === v.id)) o.vaults.push(v);
      for (const x of file.entries) {
        const sealed = rules.readSealed(x.sealed);
        const ok = sealed && typeof x.key === "string" && typeof x.label === "string" && o.vaults.some((v) => v.id === sealed.vault);
        const e = ok && { ...rules.entry({ key: x.key, label: x.label, signature: null, overrides: typeof x.overrides === "string" ? x.overrides : "", built: typeof x.built === "string" ? x.built : "", event: typeof x.event === "string" && x.event ? x.event : this.name, sealed }, typeof x.queued_at === "number" ? x.queued_at : Date.now()) };
        if (e && rules.enqueue(o, e)) added++;
        else skipped++;
      }
    });
    p.message.textContent = fill(p.w.imported, added, skipped);
    this.acted();
    this.outbox.send();
    this.refresh();
  }
}
