// The snippet generator on /embed/ (campaign_core::html::embed_page): staff choose what to
// embed, and how it looks and where it sends; the snippet follows, with a copy button and a
// live preview that runs the real embed.js. Loaded on that page only (src/pages/embed.rs); it
// finds the generator again whenever the site's router renders the page anew.

const script = new URL("embed.js", import.meta.url).href;
const DEFAULT_COLOR = "#0b4f5c";

/** Text for an attribute value, escaped as campaign_core::html::Html::text does. */
const escape = (s) => s.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;").replace(/"/g, "&quot;");

/** The mount element's attributes and theme for the choices in the form. */
function choices(form) {
  const data = new FormData(form);
  const value = (name) => String(data.get(name) ?? "").trim();
  const [kind, slug] = value("what").split(":");
  const attrs = [["data-truah-embed", kind]];
  if (kind === "petition") attrs.push(["data-action", slug]);
  if (kind === "issue") attrs.push(["data-issue", slug]);
  if (value("lang") && value("lang") !== "en") attrs.push(["data-lang", value("lang")]);
  if (value("source")) attrs.push(["data-source", value("source")]);
  if (value("adapter")) attrs.push(["data-signup-adapter", value("adapter")]);
  if (value("petition-url")) attrs.push(["data-signup-petition-url", value("petition-url")]);
  if (value("signup-url")) attrs.push(["data-signup-signup-url", value("signup-url")]);
  const theme = [];
  if (value("color") && value("color").toLowerCase() !== DEFAULT_COLOR) theme.push(["--truah-color-primary", value("color")]);
  if (value("font")) theme.push(["--truah-font", value("font")]);
  if (value("radius") !== "" && Number.isFinite(Number(value("radius")))) theme.push(["--truah-radius", `${Math.max(0, Number(value("radius")))}px`]);
  return { attrs, theme };
}

/** The snippet: the mount element, then the script (as campaign_core::embed::snippet writes it). */
function snippet({ attrs, theme }) {
  const all = [...attrs];
  if (theme.length) all.push(["style", theme.map(([k, v]) => `${k}: ${v}`).join("; ")]);
  const div = `<div ${all.map(([k, v]) => `${k}="${escape(v)}"`).join(" ")}></div>`;
  return `${div}\n<script type="module" src="${escape(script)}"></script>`;
}

function wire(form) {
  if (form.dataset.wired !== undefined) return;
  form.dataset.wired = "";
  const output = document.getElementById("embed-snippet");
  const preview = document.getElementById("embed-preview");
  const copy = document.getElementById("embed-copy");
  const status = document.getElementById("embed-copy-status");
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

function wireAll() {
  for (const form of document.querySelectorAll("[data-embed-builder]")) wire(form);
}
wireAll();
// The router renders the page again after visiting others: find the new generator.
new MutationObserver(wireAll).observe(document.body, { childList: true, subtree: true });
