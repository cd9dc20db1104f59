// Full-page screenshots of every route at phone and desktop widths, to look at.
//   node tests/support/screenshots.mjs [base-url] [out-dir]
import { chromium } from "@playwright/test";

const base = process.argv[2] ?? "http://127.0.0.1:8080";
const out = process.argv[3] ?? "screenshots";
const routes = ["/", "/issues/", "/issues/immigration-justice/", "/partners/", "/resources/", "/act/", "/act/guantanamo/", "/thanks/", "/accessibility/", "/no-such-page"];
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
  args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update", "--disable-sync", "--disable-quic", "--no-first-run"],
});
for (const width of [375, 1280]) {
  const page = await browser.newPage({ viewport: { width, height: width < 600 ? 800 : 900 } });
  for (const route of routes) {
    await page.goto(base + route);
    await page.getByRole("heading", { level: 1 }).waitFor();
    const name = route === "/" ? "home" : route.slice(1).replace(/\/$/, "").replaceAll("/", "_");
    await page.screenshot({ path: `${out}/${name}-${width}.png`, fullPage: true });
  }
  await page.close();
}
await browser.close();
console.log(`screenshots in ${out}/`);
