// Draws public/share.png, the 1200 × 630 picture that link previews show when someone shares a
// page of the site, from the campaign's name and the organization's. Run it after changing them:
//   node scripts/share-image.mjs
import { chromium } from "@playwright/test";
import { readFileSync } from "node:fs";

const site = readFileSync("content/site.toml", "utf8");
const setting = (name) => site.match(new RegExp(`^${name}\\s*=\\s*"([^"]*)"`, "m"))[1];
const escape = (s) => s.replace(/[&<>"]/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;" })[c]);

const html = `<!doctype html><meta charset="utf-8"><style>
  body { margin: 0; width: 1200px; height: 630px; display: flex; flex-direction: column; justify-content: center;
         padding: 0 96px; box-sizing: border-box; background: #0b4f5c; color: #fff;
         font-family: Georgia, "Noto Serif", "Times New Roman", serif; }
  .org { font: 600 40px system-ui, "Noto Sans", Arial, sans-serif; letter-spacing: 0.02em; }
  .tagline { font: 28px system-ui, "Noto Sans", Arial, sans-serif; opacity: 0.9; margin-top: 8px; }
  h1 { font-size: 104px; line-height: 1.05; margin: 48px 0 0; }
  .bar { width: 160px; height: 12px; background: #f4c25b; margin-top: 40px; }
</style>
<div class="org">${escape(setting("org_name"))}</div>
<div class="tagline">${escape(setting("org_tagline"))}</div>
<h1>${escape(setting("campaign_name"))}</h1>
<div class="bar"></div>`;

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
});
const page = await browser.newPage({ viewport: { width: 1200, height: 630 } });
await page.setContent(html);
await page.screenshot({ path: "public/share.png" });
await browser.close();
console.log("wrote public/share.png");
