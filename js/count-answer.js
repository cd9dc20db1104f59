// What a count source answers, read the same way by the browser (js/count.js) and by the build
// (scripts/counts.mjs): the first of `count` (a source of the site's own) and `total_signatures`
// (an OSDI petition, Action Network's API) that holds a whole number from 0 up. The prerenderer's
// campaign_core::count::parse_answer is the same rule; both are tested on one table of answers
// (core/tests/fixtures/count-answers.json, tests/js/count-answer.test.mjs).
// No contract here: scripts/counts.mjs runs in Node, without the bundler's `define`.

/** Where an answer may carry its count, in the order they are read (campaign_core::count::ANSWER_KEYS). */
const KEYS = ["count", "total_signatures"];

/** The count in a source's parsed JSON answer: a whole number of at least 0, or null. */
export function countIn(body) {
  for (const key of KEYS) {
    const n = body?.[key];
    if (Number.isSafeInteger(n) && n >= 0) return n;
  }
  return null;
}
