// End-to-end tests against the release build in dist/, served like a static host.
// Chromium comes from Debian (/usr/bin/chromium); Playwright never downloads a browser.
import { defineConfig } from "@playwright/test";
import crypto from "node:crypto";
import { fileURLToPath } from "node:url";
import { dirname, resolve } from "node:path";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "../..");
export const SITE_PORT = 4173;
export const RECEIVER = "http://127.0.0.1:8787";
// Another website that embeds the campaign (tests/e2e/host/, like a WordPress theme's pages),
// on its own origin, and the receiver its embeds send to (their endpoint overrides), so the
// embed tests never share a receiver with petition.spec.js.
export const HOST = "http://127.0.0.1:4180";
export const EMBED_RECEIVER = "http://127.0.0.1:8788";
// Receivers that behave as real endpoints can (delivery.spec.js): one that answers no CORS at
// all, and one that keeps every copy it gets, as Action Network's blind helper does.
export const NO_CORS_RECEIVER = "http://127.0.0.1:8789";
export const NO_DEDUPE_RECEIVER = "http://127.0.0.1:8790";

// Each worker has receivers of its own, so that tests that script a receiver's faults or read
// what it received run in parallel. The pages keep sending to the addresses above (the build's
// endpoint, the host pages' overrides): each worker's browser maps them to its own receivers'
// ports (Chromium's --host-resolver-rules), and the tests' own calls go there too
// (helpers.js, receiverAt). Worker n's receivers listen on 9000 + 10 n + 0…3.
const WORKERS = 2;
const RECEIVERS = [
  { base: RECEIVER, data: "signatures", flags: "" },
  { base: EMBED_RECEIVER, data: "embed-signatures", flags: "" },
  { base: NO_CORS_RECEIVER, data: "no-cors", flags: "--no-cors" },
  { base: NO_DEDUPE_RECEIVER, data: "no-dedupe", flags: "--no-dedupe" },
];
/** Worker `worker`'s own receiver for the one the pages send to at `base`. */
export function receiverFor(base, worker = Number(process.env.TEST_PARALLEL_INDEX ?? 0)) {
  const i = RECEIVERS.findIndex((r) => r.base === base);
  return i < 0 ? base : `http://127.0.0.1:${9000 + 10 * worker + i}`;
}
/**
 * Chromium as every test runs it: Debian's, never a download, with this worker's receivers in
 * place of the addresses the pages send to. `map` sends more hosts elsewhere, each as
 * `{ "127.0.0.1:8787": "127.0.0.1:9003" }`: offline.spec.js gives the build's endpoint the
 * receiver that keeps every copy, deploy.spec.js gives the site's address a server of its own.
 */
export function launchOptions(map = {}) {
  const rules = [
    ...Object.entries(map).map(([from, to]) => `MAP ${from} ${to}`),
    ...RECEIVERS.map((r) => `MAP ${new URL(r.base).host} ${new URL(receiverFor(r.base)).host}`),
  ];
  return {
    executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
    args: [
      "--no-sandbox",
      "--disable-gpu",
      "--disable-background-networking",
      "--disable-component-update",
      "--disable-sync",
      "--disable-quic",
      "--no-first-run",
      `--host-resolver-rules=${rules.join(", ")}`,
    ],
  };
}
// The same site built for a subfolder (`make dist` builds it into target/dist-subfolder).
export const SUBFOLDER = "/campaigns/immigration";
const SUBFOLDER_PORT = 4175;
// The receivers' control endpoints (/__signatures, /__control, /__reset) answer only requests
// carrying this token (helpers.js receiverAt sends it). One per run; the workers inherit it.
process.env.RECEIVER_TOKEN ??= crypto.randomBytes(24).toString("hex");
export const RECEIVER_TOKEN = process.env.RECEIVER_TOKEN;
// Each receiver starts from an empty data file (it reads the keys already in it back at start,
// and plain posts' keys repeat from run to run); no rate limit, as every post comes from 127.0.0.1.
const receiverFlags = `--control-token ${RECEIVER_TOKEN} --rate-limit 0`;

export default defineConfig({
  testDir: ".",
  fullyParallel: true,
  workers: WORKERS,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${SITE_PORT}`,
    // The site as a browser without service workers has it (as in Lockdown Mode): pages send
    // their own signatures, and a test's page.route sees every request. offline.spec.js lets the
    // worker in, and tests what it does.
    serviceWorkers: "block",
    launchOptions: launchOptions(),
  },
  projects: [
    { name: "site", testIgnore: /(subfolder|states|signers)\.spec\.js/ },
    // The subfolder build, which also carries a closed and a won action (Makefile, `dist`).
    { name: "subfolder", testMatch: /(subfolder|states|signers)\.spec\.js/, use: { baseURL: `http://127.0.0.1:${SUBFOLDER_PORT}` } },
  ],
  webServer: [
    {
      command: `node tests/support/static-server.mjs --dir target/dist-subfolder --port ${SUBFOLDER_PORT} --base ${SUBFOLDER} --headers`,
      cwd: root,
      url: `http://127.0.0.1:${SUBFOLDER_PORT}${SUBFOLDER}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `node tests/support/static-server.mjs --dir dist --port ${SITE_PORT} --headers`,
      cwd: root,
      url: `http://127.0.0.1:${SITE_PORT}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `node tests/support/static-server.mjs --dir tests/e2e/host --port 4180`,
      cwd: root,
      url: `${HOST}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    // Every worker's receivers: the build's (config/signup.local.toml), the embeds' and the
    // two that behave as real endpoints can.
    ...Array.from({ length: WORKERS }, (_, worker) =>
      RECEIVERS.map((r) => {
        const at = new URL(receiverFor(r.base, worker));
        const data = `target/e2e/${r.data}-${worker}.jsonl`;
        return {
          command: `rm -f ${data} && target/debug/signup-receiver --addr ${at.host} --site http://127.0.0.1:${SITE_PORT} --data ${data} ${r.flags} ${receiverFlags}`,
          cwd: root,
          url: `${at.origin}/`,
          reuseExistingServer: false,
          stdout: "ignore",
        };
      }),
    ).flat(),
  ],
});
