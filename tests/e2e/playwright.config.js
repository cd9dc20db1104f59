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
  workers: 2,
  timeout: 30_000,
  expect: { timeout: 10_000 },
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL: `http://127.0.0.1:${SITE_PORT}`,
    launchOptions: {
      executablePath: process.env.CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--disable-quic",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "site", testIgnore: /(subfolder|states)\.spec\.js/ },
    // The subfolder build, which also carries a closed and a won action (Makefile, `dist`).
    { name: "subfolder", testMatch: /(subfolder|states)\.spec\.js/, use: { baseURL: `http://127.0.0.1:${SUBFOLDER_PORT}` } },
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
      // The local signup receiver the build points at (config/signup.local.toml).
      command: `rm -f target/e2e/signatures.jsonl && target/debug/signup-receiver --addr 127.0.0.1:8787 --site http://127.0.0.1:${SITE_PORT} --data target/e2e/signatures.jsonl ${receiverFlags}`,
      cwd: root,
      url: "http://127.0.0.1:8787/",
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
    {
      command: `rm -f target/e2e/embed-signatures.jsonl && target/debug/signup-receiver --addr 127.0.0.1:8788 --site http://127.0.0.1:${SITE_PORT} --data target/e2e/embed-signatures.jsonl ${receiverFlags}`,
      cwd: root,
      url: `${EMBED_RECEIVER}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `rm -f target/e2e/no-cors.jsonl && target/debug/signup-receiver --addr 127.0.0.1:8789 --site http://127.0.0.1:${SITE_PORT} --data target/e2e/no-cors.jsonl --no-cors ${receiverFlags}`,
      cwd: root,
      url: `${NO_CORS_RECEIVER}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
    {
      command: `rm -f target/e2e/no-dedupe.jsonl && target/debug/signup-receiver --addr 127.0.0.1:8790 --site http://127.0.0.1:${SITE_PORT} --data target/e2e/no-dedupe.jsonl --no-dedupe ${receiverFlags}`,
      cwd: root,
      url: `${NO_DEDUPE_RECEIVER}/`,
      reuseExistingServer: false,
      stdout: "ignore",
    },
  ],
});
