// Starts the app. Trunk writes the hashed file names into this script tag's data attributes,
// so no inline script is needed (see Trunk.toml, pattern_script).
const tag = document.querySelector("script[data-wasm]");
const { default: init } = await import(tag.dataset.js);
await init({ module_or_path: tag.dataset.wasm });
