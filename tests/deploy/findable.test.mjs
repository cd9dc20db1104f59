// What search engines read (campaign_core::findable): the built site's sitemap.xml lists every
// page that may be indexed, in both languages, each with its alternates, and nothing else (no
// page that says `noindex`: the /embed/ generator, the offline and thank-you pages, 404.html);
// robots.txt points at it and keeps crawlers out of the generator and the embeds' bodies. The
// same under a subfolder.
//   node --test tests/deploy/        (make test runs it, after make dist)
import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, readFileSync, readdirSync, statSync } from "node:fs";
import { join } from "node:path";

/** Every page of a built site: its path (with the base) and its HTML. */
function pages(dist, base) {
  const out = [];
  const walk = (dir, path) => {
    for (const name of readdirSync(dir)) {
      const file = join(dir, name);
      if (statSync(file).isDirectory()) walk(file, `${path}${name}/`);
      else if (name === "index.html") out.push({ path, html: readFileSync(file, "utf8") });
    }
  };
  walk(dist, `${base}/`);
  return out;
}

for (const [dist, base] of [["dist", ""], ["target/dist-subfolder", "/campaigns/immigration"]]) {
  test(`${dist}: the sitemap lists exactly the pages that may be indexed, in both languages, with their alternates`, () => {
    const site = `https://act.truah.org${base}`;
    const map = readFileSync(join(dist, "sitemap.xml"), "utf8");
    assert.match(map, /^<\?xml version="1\.0" encoding="UTF-8"\?>\n<urlset xmlns="http:\/\/www\.sitemaps\.org\/schemas\/sitemap\/0\.9" xmlns:xhtml="http:\/\/www\.w3\.org\/1999\/xhtml">\n/);
    const entries = [...map.matchAll(/<url>\n {4}<loc>([^<]+)<\/loc>\n((?: {4}<xhtml:link [^\n]+\n)+) {2}<\/url>/g)].map(([, loc, links]) => ({
      loc,
      alternates: Object.fromEntries([...links.matchAll(/hreflang="([^"]+)" href="([^"]+)"/g)].map(([, lang, href]) => [lang, href])),
    }));
    assert.equal(entries.length, map.match(/<url>/g).length, "every entry is well formed");
    const indexable = pages(dist, base).filter((p) => !p.html.includes('<meta name="robots" content="noindex">'));
    const locs = entries.map((e) => e.loc).sort();
    assert.deepEqual(locs, indexable.map((p) => `https://act.truah.org${p.path}`).sort());
    for (const never of ["/embed/", "/offline/", "/thanks/", "/es/offline/", "/es/thanks/"]) assert.ok(!map.includes(`${site}${never}`), never);
    for (const { loc, alternates } of entries) {
      const page = loc.slice(site.length).replace(/^\/es\//, "/");
      assert.deepEqual(alternates, { en: `${site}${page}`, es: `${site}/es${page}`, "x-default": `${site}${page}` }, loc);
    }
    // Both languages of every page.
    assert.equal(locs.filter((l) => l.startsWith(`${site}/es/`)).length * 2, locs.length);
  });

  test(`${dist}: robots.txt points at the sitemap and keeps crawlers out of the generator and the embeds' bodies`, () => {
    const robots = readFileSync(join(dist, "robots.txt"), "utf8");
    assert.match(robots, /\nUser-agent: \*\n/);
    assert.match(robots, new RegExp(`\\nDisallow: ${base}/embed/\\nDisallow: ${base}/es/embed/\\n`));
    assert.match(robots, new RegExp(`\\nSitemap: https://act\\.truah\\.org${base}/sitemap\\.xml\\n$`));
    assert.ok(!existsSync(join(dist, "es", "sitemap.xml")), "one sitemap, for both languages");
  });
}
