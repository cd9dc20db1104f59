// The embed: the campaign inside another website's page (a WordPress Custom HTML block), from
// one snippet that staff paste (see README, "Embed it in another website", or /embed/):
//
//   <div data-truah-embed="petition" data-action="guantanamo" data-source="wordpress"></div>
//   <script type="module" src="https://act.truah.org/embed.js"></script>
//
// Each mount element gets a shadow root holding a body the build wrote as HTML
// (embed/act/guantanamo.html: src/embeds.rs) and the embed's stylesheet.
// The shadow root keeps the two pages' CSS apart both ways: the host's rules do not match
// anything inside it, and ours match nothing outside it. No Leptos runs here: the bodies are
// build-time HTML, and the forms' behaviour is the signer (lazy-signer.js), as on the site.
//
// As a guest on someone else's page, the embed:
// - never changes the page's address: links to other embeddable pages (an action, an issue)
//   open inside the embed, with a Back button; `#` links scroll inside it; every other link is
//   an ordinary link to the campaign site;
// - takes its colours, font and corners from CSS custom properties the host may set
//   (--truah-color-primary, --truah-font, --truah-radius…: style/embed.css);
// - tells the host what happened with DOM events on the mount element, for its analytics:
//   truah:ready, truah:signed, truah:signup (no personal data).
//
// Mount attributes: data-truah-embed ("petition" with data-action, "signup", or "issue" with
// data-issue), data-lang ("es" for Spanish), data-source, and the endpoint overrides data-signup-adapter,
// data-signup-petition-url, data-signup-signup-url (read by the signer).
import { C, has } from "./contract.js";
import { lazySigner, prepareForms } from "./lazy-signer.js";
import { resume, wake } from "./waiting.js";

// The hashed names of the stylesheet and the signer: scripts/bundle.mjs defines them.
// eslint-disable-next-line no-undef
const ASSETS = __EMBED_ASSETS__;
// Where the campaign site is deployed: this script's folder.
const site = new URL(".", import.meta.url);
const at = (path) => new URL(path, site).href;
const signer = lazySigner(at(ASSETS.signer), at(ASSETS.signerWasm), at("outbox.js"));

// Trusted Types. A host page that enforces them (`require-trusted-types-for 'script'` in its
// CSP) refuses a string assigned to innerHTML. The embed then passes its fragment through a
// policy of its own that leaves it as it is (see above why it is safe), which the host must
// allow by name: `trusted-types truah-embed` (keeping its own policies' names in the list).
// Without Trusted Types, or if the host does not allow the name, the string is used as it is;
// in the latter case the browser refuses it and the embed shows its "could not load" message.
let policy;
function trustedHtml(html) {
  try {
    policy ??= globalThis.trustedTypes?.createPolicy("truah-embed", { createHTML: (s) => s }) ?? null;
  } catch {
    policy = null;
  }
  return policy ? policy.createHTML(html) : html;
}
const MOUNTS = has(C.attr.truah_embed);
const mounted = new WeakSet();

// The languages the site is built in and where each one's pages are (scripts/build.sh), the
// kinds of embed and where each one's bodies are, and the embed's own few words (the rest
// comes with each body, in its language): all from campaign_core::contract. Nothing here knows
// one kind of embed from another.
const FOLDER = C.embed.folder;
const KINDS = Object.values(C.embed.kinds);
/** The sections whose pages are embeddable one by one: "act|issues". */
const SECTIONS = KINDS.filter((k) => "section" in k).map((k) => k.section).join("|");
/** The bodies that are one fragment each ("signup.html"), by the page they stand for. */
const SINGLE = KINDS.filter((k) => "fragment" in k).map((k) => k.fragment);

/** The language an embed asks for (`data-lang`), or the site's default. */
function langOf(el) {
  const code = (el.getAttribute(C.attr.lang) ?? "").trim().toLowerCase().split(/[-_]/)[0];
  return code in C.langs ? code : C.defaultLang;
}

/** The fragment a mount element asks for, relative to the site: its kind's one fragment, or
 *  the page its kind's attribute names in its kind's section. */
function fragmentOf(el) {
  const name = el.getAttribute(C.attr.truah_embed)?.trim();
  const kind = name && Object.prototype.hasOwnProperty.call(C.embed.kinds, name) ? C.embed.kinds[name] : null;
  const lang = C.langs[langOf(el)];
  if (!kind) return null;
  if ("fragment" in kind) return `${lang}${FOLDER}/${kind.fragment}`;
  const slug = el.getAttribute(kind.slug_attr)?.trim();
  return slug ? `${lang}${FOLDER}/${kind.section}/${encodeURIComponent(slug)}.html` : null;
}

/** The language folders, as the start of a path: "(?:es/)?". */
const LANG_FOLDERS = `(${Object.values(C.langs).filter(Boolean).map((f) => f.replace("/", "\\/")).join("|")})?`;

/** A site address that an embed can show itself (an action, an issue page): its fragment. */
function fragmentFor(url) {
  if (url.origin !== site.origin || !url.pathname.startsWith(site.pathname)) return null;
  const page = url.pathname.slice(site.pathname.length).replace(/\/$/, "");
  const m = page.match(new RegExp(`^${LANG_FOLDERS}((?:${SECTIONS})\\/[^/]+)$`));
  return m ? `${m[1] ?? ""}${FOLDER}/${m[2]}.html` : null;
}

/** The campaign site's own page for a fragment: es/embed/act/x.html → …/es/act/x/. */
function pageOf(fragment) {
  const [, lang = "", rest] = fragment.match(new RegExp(`^${LANG_FOLDERS}${FOLDER}\\/(.*)\\.html$`));
  return at(SINGLE.includes(`${rest}.html`) ? lang : `${lang}${rest}/`);
}

function mount(el) {
  if (mounted.has(el) || el.shadowRoot) return;
  mounted.add(el);
  const fragment = fragmentOf(el);
  const root = el.attachShadow({ mode: "open" });
  const style = document.createElement("link");
  style.rel = "stylesheet";
  style.href = at(ASSETS.css);
  const styled = new Promise((done) => {
    style.addEventListener("load", done, { once: true });
    style.addEventListener("error", done, { once: true });
  });
  // The frame says its language (`data-lang`, English by default): a host page in another
  // language must not make screen readers read it with the wrong voice. The signer reads it too.
  const frame = document.createElement("div");
  frame.className = "embed";
  frame.lang = langOf(el);
  frame.dir = "ltr";
  frame.setAttribute("part", "embed");
  frame.hidden = true;
  const back = document.createElement("button");
  back.type = "button";
  back.className = "embed__back";
  back.textContent = C.embedWords[langOf(el)].back;
  back.hidden = true;
  const body = document.createElement("div");
  body.className = "embed__body";
  frame.append(back, body);
  root.append(style, frame);

  const view = { el, root, frame, body, back, history: [], current: null };
  back.addEventListener("click", () => {
    const previous = view.history.pop();
    if (previous) show(view, previous, { focus: true });
  });
  root.addEventListener("click", (ev) => follow(view, ev));
  signer.listen(root);

  if (!fragment) {
    frame.hidden = false;
    const kinds = Object.entries(C.embed.kinds).map(([name, k]) => ("slug_attr" in k ? `${name} (with ${k.slug_attr})` : name));
    problem(view, `This embed does not say what to show: its ${C.attr.truah_embed} must be one of ${kinds.join(", ")}.`, at(""));
    return;
  }
  styled.then(() => show(view, fragment, { first: true }));
}

/** Shows a fragment in the embed. */
async function show(view, fragment, { focus = false, first = false, hash = "" } = {}) {
  let html;
  try {
    const response = await fetch(at(fragment), { mode: "cors", credentials: "omit" });
    if (!response.ok) throw new Error(`${response.status}`);
    html = await response.text();
  } catch {
    view.frame.hidden = false;
    problem(view, C.embedWords[view.frame.lang].failed, pageOf(fragment));
    return;
  }
  // The fragment is our own build's HTML (every text escaped when the prerenderer wrote it),
  // fetched from the campaign site, never a visitor's input: parsing it into an inert
  // <template> is as safe as the site's own pages. It runs no script (the build writes none,
  // and a template's content is not live), and its styles are the shadow root's alone.
  const template = document.createElement("template");
  template.innerHTML = trustedHtml(html);
  const content = template.content;
  for (const a of content.querySelectorAll("a[href]")) {
    const raw = a.getAttribute("href");
    if (raw.startsWith("#")) continue;
    const url = new URL(raw, site);
    a.href = url.href;
    const inside = fragmentFor(url);
    if (inside) a.dataset.embedTo = inside + url.hash;
  }
  for (const form of content.querySelectorAll("form[action]")) {
    if (form.getAttribute("action")) form.action = new URL(form.getAttribute("action"), site).href;
  }
  // Sharing after signing shares the campaign's page, not the page the embed sits in.
  for (const form of content.querySelectorAll(has(C.attr.sign))) form.setAttribute(C.attr.share_url, pageOf(fragment));
  prepareForms(content, view.el);
  view.body.replaceChildren(content);
  // A signature waiting on this device may have been made on this body's form.
  wake(signer, view.body);
  // A petition's count: count.js, from the campaign site, only for a body that has one.
  if (view.body.querySelector(has(C.attr.count_url))) {
    import(new URL("count.js", site).href).then((m) => m.counts(view.body, site), () => {});
  }
  view.current = fragment;
  view.back.hidden = view.history.length === 0;
  view.frame.hidden = false;
  const target = hash && view.root.getElementById(decodeURIComponent(hash.slice(1)));
  if (target) {
    target.scrollIntoView();
    target.focus({ preventScroll: true });
  } else if (focus) {
    const heading = view.body.querySelector("h2");
    heading?.scrollIntoView({ block: "nearest" });
    heading?.focus({ preventScroll: true });
  }
  if (first) view.el.dispatchEvent(new CustomEvent(C.embedReady, { bubbles: true, detail: { embed: view.el.getAttribute(C.attr.truah_embed) } }));
}

/** Something went wrong: say so, and link the campaign's own page. */
function problem(view, message, page) {
  const p = document.createElement("p");
  p.className = "embed__problem";
  p.setAttribute("role", "alert");
  p.append(message + " ");
  const a = document.createElement("a");
  a.href = page;
  a.textContent = C.embedWords[view.frame.lang].open;
  p.append(a, ".");
  view.body.replaceChildren(p);
}

/** A click on a link inside the embed. */
function follow(view, ev) {
  if (ev.defaultPrevented || ev.button !== 0 || ev.metaKey || ev.ctrlKey || ev.shiftKey || ev.altKey) return;
  const a = ev.target instanceof Element ? ev.target.closest("a[href]") : null;
  if (!a) return;
  const raw = a.getAttribute("href");
  if (raw.startsWith("#")) {
    // A note or a field in the embed: the host page's address keeps its own fragment.
    ev.preventDefault();
    const target = view.root.getElementById(decodeURIComponent(raw.slice(1)));
    target?.scrollIntoView();
    target?.focus({ preventScroll: true });
    return;
  }
  const to = a.dataset.embedTo;
  if (!to) return; // An ordinary link: to the campaign site, or elsewhere.
  ev.preventDefault();
  const [fragment, hash = ""] = to.split(/(?=#)/);
  if (fragment === view.current) {
    const target = hash && view.root.getElementById(decodeURIComponent(hash.slice(1)));
    target?.scrollIntoView();
    target?.focus({ preventScroll: true });
    return;
  }
  view.history.push(view.current);
  show(view, fragment, { focus: true, hash });
}

function mountAll() {
  for (const el of document.querySelectorAll(MOUNTS)) mount(el);
}

mountAll();
// Mount elements added later (page builders, lazy sections, the /embed/ preview).
new MutationObserver((records) => {
  if (records.some((r) => r.addedNodes.length)) mountAll();
}).observe(document.documentElement, { childList: true, subtree: true });
resume(signer);
