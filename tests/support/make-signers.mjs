// Writes a letter's file of approved signers, as staff would export it (scripts/signers.mjs
// reads it), with `count` people: names from many languages and scripts, with and without a
// title of the content's own, a congregation and a city, spread over US states and countries.
// The same file every time (no randomness), so the tests can name who is on it.
//   node tests/support/make-signers.mjs FILE [COUNT]
import { mkdirSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

const [file, count = "1000"] = process.argv.slice(2);
const given = ["Miriam", "Dvorah", "José-Luis", "Nguyễn Thị", "Seán", "Zoë", "Aaliyah", "Ólafur", "李", "Rivka", "Avi", "Tamar", "Yonatan", "Sarah", "Ana María", "Chaim"];
const family = ["Cohen", "Levi", "O’Brien", "García-López", "Ben-David", "Schwartz", "Nakamura", "Abramowitz", "Weiß", "Da Silva", "Friedman", "Katz", "Rosenberg", "Ng", "Okafor", "Mizrahi", "Haddad"];
const titles = ["rabbi", "cantor", "rabbinical-student", "cantorial-student", "chaplain", "other-clergy"];
const places = ["US-NY", "US-CA", "US-MA", "US-IL", "US-PA", "US-TX", "US-DC", "US-FL", "US-WA", "CA", "IL", "GB", "MX", "AR", "DE"];
const quote = (v) => (/[",\n]/.test(v) ? `"${v.replace(/"/g, '""')}"` : v);
const rows = [["title", "given_name", "family_name", "organization", "city", "place"]];
for (let i = 0; i < Number(count); i++) {
  rows.push([
    titles[i % titles.length],
    given[i % given.length],
    `${family[(i * 7) % family.length]}${i >= family.length * given.length ? ` ${i}` : ""}`,
    i % 5 === 0 ? "" : `Congregation ${["Beth Shalom", "Or Chadash", "B’nai Israel", "Kehilat \"Am\""][i % 4]}`,
    i % 3 === 0 ? "" : ["Brooklyn", "Oakland", "Newton", "Evanston", "Jerusalem", "Toronto"][i % 6],
    places[i % places.length],
  ]);
}
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, rows.map((r) => r.map(quote).join(",")).join("\n") + "\n");
