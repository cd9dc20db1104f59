// Cloudflare Pages: the scheduled count build (README, "The count"). A Worker with a Cron
// Trigger that starts a Pages build every hour through a deploy hook, as the GitHub Pages
// workflow's schedule does: the build reads the counts with the API key (OSDI_API_TOKEN in the
// Pages project's environment variables), and a build in which only the counts changed leaves
// the service worker as it was, so visitors' devices fetch nothing again.
//
// Make a deploy hook (the Pages project > Settings > Builds & deployments > Deploy hooks), then:
//   wrangler deploy deploy/cloudflare-refresh-counts.js --name refresh-counts --compatibility-date 2026-01-01 --triggers "17 * * * *"
//   wrangler secret put COUNTS_DEPLOY_HOOK --name refresh-counts      (the hook's address)
// Tested: tests/deploy/deploy.test.mjs.
export default {
  async scheduled(controller, env, ctx) {
    if (!env.COUNTS_DEPLOY_HOOK) {
      console.error("refresh-counts: COUNTS_DEPLOY_HOOK is not set: make a deploy hook and set it, or the counts are only as fresh as the last push.");
      return;
    }
    ctx.waitUntil(
      fetch(env.COUNTS_DEPLOY_HOOK, { method: "POST" }).then((answer) => {
        if (!answer.ok) console.error(`refresh-counts: the deploy hook answered ${answer.status}`);
      }),
    );
  },
};
