// A petition's signature count (src/components/count_bar.rs). The page arrives with the count
// known at build time, if any; this reads the source again once the page has loaded, and once
// more after the visitor's own signature: +1 at once (said to screen readers, in the count's
// live line), then the source's figure a few seconds later. A source that is slow, refuses or
// answers nonsense changes nothing: the count stays as it was, or stays hidden, and no error
// is shown. Its own file (scripts/bundle.mjs), which boot.js and embed.js load after the page
// and only where there is a count, so it weighs on no first view.
//
// The goal's steps and the words come from the build (campaign_core::count, through the
// contract); numbers are grouped by the browser's Intl.NumberFormat, as the build groups them.
import { C, has } from "./contract.js";
import { countIn } from "./count-answer.js";

/** How long after a signature to read the source again, for the figure with it. */
const SETTLE_MS = 4000;
/** How long a count source may take before it is given up on. */
const PATIENCE_MS = 10_000;

/** A part of a count (`C.count.parts.bar`). */
const part = (el, name) => el.querySelector(`[${C.attr.count_part}="${name}"]`);

/** The goal: the action's own, or the first step (× a power of ten) above the count. */
function goalFor(count, own) {
  if (own > 0) return own;
  for (let scale = 1; ; scale *= 10) {
    for (const step of C.count.steps) if (step * scale > count) return step * scale;
  }
}

/** Writes `count` into the count `el`, and returns its words. */
function show(el, count) {
  const lang = (el.closest("[lang]")?.getAttribute("lang") ?? "").split("-")[0];
  const goal = goalFor(count, Number(el.getAttribute(C.attr.count_goal)));
  const n = new Intl.NumberFormat(lang || undefined);
  const template = el.getAttribute(count === 1 ? C.attr.count_one : C.attr.count_many) ?? "";
  const text = template.replace("{}", n.format(count)).replace("{}", n.format(goal));
  el.setAttribute(C.attr.count, String(count));
  part(el, C.count.parts.text).textContent = text;
  const bar = part(el, C.count.parts.bar);
  bar.max = goal;
  bar.value = count;
  el.classList.remove("count--pending");
  return text;
}

/** The source's count, or null. `base`: what a source on the campaign site is relative to. */
async function read(el, base) {
  try {
    const url = new URL(el.getAttribute(C.attr.count_url), base);
    const answer = await fetch(url, { credentials: "omit", cache: "no-cache", signal: AbortSignal.timeout(PATIENCE_MS) });
    if (!answer.ok) return null;
    return countIn(await answer.json());
  } catch {
    return null;
  }
}

const started = new WeakSet();

/**
 * Refreshes every count in `root` (the document, or an embed's body) not yet seen, and follows
 * the visitor's signatures there. `base` is the campaign site's address (the page's own, on the
 * site; the embed script's, on another site).
 */
export function counts(root, base) {
  for (const el of root.querySelectorAll(has(C.attr.count_url))) {
    if (started.has(el)) continue;
    started.add(el);
    // After the visitor's own signature, never show fewer than that: a source updated on a
    // schedule (counts/{petition}.json) may not have it yet.
    let floor = 0;
    const refresh = () => read(el, base).then((n) => {
      if (n !== null && el.isConnected) show(el, Math.max(n, floor));
    });
    refresh();
    const signed = (ev) => {
      if (ev.detail?.action !== el.getAttribute(C.attr.count_action)) return;
      const shown = Number(el.getAttribute(C.attr.count));
      if (!el.hasAttribute(C.attr.count) || !Number.isSafeInteger(shown)) return refresh();
      floor = shown + 1;
      const text = show(el, floor);
      const news = part(el, C.count.parts.news);
      if (news) news.textContent = text;
      setTimeout(refresh, SETTLE_MS);
    };
    // A signature of any kind of action the count is for (campaign_core::kind::Kind::event).
    for (const event of Object.values(C.kindEvents)) root.addEventListener(event, signed);
  }
}
