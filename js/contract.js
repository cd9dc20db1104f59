// The names the site's JavaScript shares with the Rust code: campaign_core::contract, written
// by the build (`prerender --contract`) and defined here by the bundler (scripts/bundle.mjs).
// Nothing in js/ spells one of these names itself; a host test checks that.
// eslint-disable-next-line no-undef
export const C = __CONTRACT__;

/** The CSS selector for elements carrying a contract attribute: `has("sign")` → `[data-sign]`. */
export const has = (key) => `[${C.attr[key]}]`;
