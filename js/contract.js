// The names the site's JavaScript shares with the Rust code: campaign_core::contract, written
// by the build (`prerender --contract`) and defined here by the bundler (scripts/bundle.mjs),
// which gives each bundle the names its code reads. Nothing in js/ spells one of these names
// itself; a host test checks that.

/** A name the contract does not have is a mistake in this code: say so at once, rather than
 *  look for `[undefined]` on the page. */
function strict(value, path) {
  if (typeof value !== "object" || value === null) return value;
  return new Proxy(value, {
    get(target, key) {
      if (typeof key === "symbol" || key in target) return strict(target[key], `${path}.${String(key)}`);
      throw new Error(`The contract has no ${path}.${key} (campaign_core::contract)`);
    },
  });
}

// eslint-disable-next-line no-undef
export const C = strict(__CONTRACT__, "C");

/** The CSS selector for elements carrying an attribute: `has(C.attr.sign)` → `[data-sign]`. */
export const has = (attribute) => `[${attribute}]`;

/** A form part's id: `partId("petition", C.parts.status)` → `petition-status` (C.partId). */
export const partId = (prefix, part) => C.partId.replace("{prefix}", prefix).replace("{part}", part);
