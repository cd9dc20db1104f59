// What a count source answers, read the same way by the browser (js/count.js) and by the build
// (scripts/counts.mjs): `{"count": N}`, or an OSDI petition's `total_signatures` (Action
// Network's API). campaign_core::count::parse_answer is the same rule for the prerenderer.
// No contract here: scripts/counts.mjs runs in Node, without the bundler's `define`.

/** The count in a source's parsed JSON answer: a whole number of at least 0, or null. */
export function countIn(body) {
  const n = body?.count ?? body?.total_signatures;
  return Number.isSafeInteger(n) && n >= 0 ? n : null;
}
