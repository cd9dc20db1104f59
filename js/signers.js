// A letter's list of signers (src/pages/signers.rs), once the page is painted: a filter that
// answers as the visitor types, with no request (every line is on the page already, and is
// searched without accents or case), and the visitor's own name, on their own device only,
// while it waits for staff's approval (js/own-listing.js). Without this script the list is
// plain HTML, whole.
import { C, has } from "./contract.js";
import { forget, own } from "./own-listing.js";

const part = (root, name) => root.querySelector(`[${C.attr.signers_part}="${C.signers.parts[name]}"]`);
const parts = (root, name) => [...root.querySelectorAll(`[${C.attr.signers_part}="${C.signers.parts[name]}"]`)];

/** A part's words, with their gaps (`{}`), from the page's language. */
const words = (el) => el.getAttribute(C.attr.signers_words) ?? "";

/** Text as the filter compares it: without accents, case or repeated spaces. */
const plain = (text) => text.normalize("NFD").replace(/\p{M}/gu, "").toLowerCase().replace(/\s+/g, " ").trim();

/** A visitor's own line, as the list writes one (campaign_core::signers::line). */
function line(mine, titles) {
  const [title, given, family, organization, city] = C.signers.shown.map((k) => (mine[k] ?? "").trim());
  const name = [titles[title] ?? title, given, family].filter(Boolean).join(" ");
  return [name, organization, city].filter(Boolean).join(", ");
}

/** Brings the lists of signers on `doc` to life. */
export function signers(doc) {
  for (const root of doc.querySelectorAll(has(C.attr.signers))) {
    if (root.dataset.ready) continue;
    root.dataset.ready = "1";
    const action = root.getAttribute(C.attr.signers);
    const items = parts(root, "signer").map((li) => ({ li, text: plain(li.textContent), group: li.closest(`[${C.attr.signers_part}="${C.signers.parts.group}"]`) }));
    showOwn(root, action, items);
    const box = part(root, "filter");
    if (!box) continue;
    const input = box.querySelector("input");
    const shown = part(root, "shown");
    const noMatch = part(root, "no_match");
    box.classList.remove("signers__filter--waiting");
    const groups = parts(root, "group");
    const apply = () => {
      const words = plain(input.value).split(" ").filter(Boolean);
      let count = 0;
      const seen = new Set();
      for (const item of items) {
        const match = words.every((w) => item.text.includes(w));
        if (item.li.hidden === match) item.li.hidden = !match;
        if (match) {
          count += 1;
          seen.add(item.group);
        }
      }
      for (const g of groups) if (g.hidden === seen.has(g)) g.hidden = !seen.has(g);
      noMatch.hidden = count > 0;
      shown.textContent = words.length ? shownWords(root, count, items.length) : "";
    };
    input.addEventListener("input", apply);
    apply();
  }
}

/** "12 of 812 shown", in the page's words (the filter's status line says it once the visitor
 *  types). */
function shownWords(root, count, all) {
  const n = new Intl.NumberFormat(root.closest("[lang]")?.getAttribute("lang") || undefined);
  return words(part(root, "shown")).replace("{}", n.format(count)).replace("{}", n.format(all));
}

/** The visitor's own name, waiting for approval; forgotten here once the list has it. */
function showOwn(root, action, items) {
  const mine = own(action);
  const box = part(root, "own");
  if (!mine || !box) return;
  let titles = {};
  try {
    titles = JSON.parse(root.getAttribute(C.attr.signers_titles) ?? "{}");
  } catch {
    // No titles: the slug stands for its title.
  }
  const text = line(mine, titles);
  if (items.some((i) => i.text === plain(text))) {
    forget(action);
    return;
  }
  box.querySelector("p").textContent = words(box).replace("{}", text);
  box.hidden = false;
  part(root, "own_forget").addEventListener("click", () => {
    forget(action);
    box.hidden = true;
  });
}
