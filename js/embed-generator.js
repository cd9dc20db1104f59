// The snippet generator on /embed/ (src/pages/embed_builder.rs): staff choose what to embed,
// and how it looks and where it sends; the snippet follows, with a copy button and a live
// preview that runs the real embed.js. Loaded on that page only. This is the one place that
// writes a snippet: the page prerenders an empty box, which this fills in at once.
import { C, has } from "./contract.js";

const script = new URL("embed.js", import.meta.url).href;
const F = C.builder.fields;

/** Text for an attribute value: what HTML needs escaped inside double quotes. */
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The mount element's attributes and theme for the choices in the form. */
function choices(form) {
  const data = new FormData(form);
  const value = (name) => String(data.get(name) ?? "").trim();
  // The chosen embed's own mount attributes, as the page wrote them (a query string).
  const attrs = [...new URLSearchParams(value(F.what))];
  if (value(F.lang) && value(F.lang) !== C.defaultLang) attrs.push([C.attr.lang, value(F.lang)]);
  if (value(F.source)) attrs.push([C.attr.source, value(F.source)]);
  if (value(F.adapter)) attrs.push([C.attr.signup_adapter, value(F.adapter)]);
  // Each kind's own address, where one is given.
  for (const [kind, field] of Object.entries(C.builder.kindFields)) {
    if (value(field)) attrs.push([C.signupUrlAttrs[kind], value(field)]);
  }
  const theme = [];
  // The colour as the page offers it first is the site's own: only another one is written.
  const color = form.elements.namedItem(F.color);
  if (value(F.color) && value(F.color).toLowerCase() !== color?.defaultValue.toLowerCase()) theme.push(["--truah-color-primary", value(F.color)]);
  if (value(F.font)) theme.push(["--truah-font", value(F.font)]);
  if (value(F.radius) !== "" && Number.isFinite(Number(value(F.radius)))) theme.push(["--truah-radius", `${Math.max(0, Number(value(F.radius)))}px`]);
  return { attrs, theme };
}

/** The snippet: the mount element, then the script. */
function snippet({ attrs, theme }) {
  const all = [...attrs];
  if (theme.length) all.push(["style", theme.map(([k, v]) => `${k}: ${v}`).join("; ")]);
  const div = `<div ${all.map(([k, v]) => `${k}="${escape(v)}"`).join(" ")}></div>`;
  return `${div}\n<script type="module" src="${escape(script)}"></script>`;
}

function wire(form) {
  if (form.dataset.wired !== undefined) return;
  form.dataset.wired = "";
  const part = (id) => document.getElementById(id);
  const output = part(C.builder.ids.embed_snippet);
  const preview = part(C.builder.ids.embed_preview);
  const copy = part(C.builder.ids.embed_copy);
  const status = part(C.builder.ids.embed_copy_status);
  let timer = 0;

  function update() {
    const chosen = choices(form);
    output.value = snippet(chosen);
    status.textContent = "";
    clearTimeout(timer);
    timer = setTimeout(() => {
      // A fresh mount element each time: embed.js mounts it as it would on the host page. The
      // theme goes on through the CSSOM (this site's policy allows no inline styles).
      const el = document.createElement("div");
      for (const [k, v] of chosen.attrs) el.setAttribute(k, v);
      for (const [k, v] of chosen.theme) el.style.setProperty(k, v);
      preview.replaceChildren(el);
    }, 250);
  }

  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (ev) => ev.preventDefault());
  copy.addEventListener("click", async () => {
    output.select();
    try {
      await navigator.clipboard.writeText(output.value);
      status.textContent = "Copied. Paste it into your page.";
    } catch {
      status.textContent = "The snippet is selected: press Ctrl+C (⌘C on a Mac) to copy it.";
    }
  });
  update();
  import(script);
}

// The page is static (never hydrated): its generator is there once, from the start.
for (const form of document.querySelectorAll(has(C.attr.embed_builder))) wire(form);
