// js/count-answer.js reads a count source's answer by the same rule as the prerenderer
// (campaign_core::count::parse_answer): both are tested on this one table.
//   node --test tests/js/        (make test runs it)
import { test } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { countIn } from "../../js/count-answer.js";

const table = JSON.parse(readFileSync(new URL("../../core/tests/fixtures/count-answers.json", import.meta.url), "utf8"));

test("every answer in the shared table reads as it says", () => {
  assert.ok(table.length >= 10);
  for (const { answer, count } of table) {
    // As count.js and counts.mjs read it: an answer that is not JSON has no count.
    let body;
    try {
      body = JSON.parse(answer);
    } catch {
      body = undefined;
    }
    assert.equal(countIn(body), count, answer);
  }
});
