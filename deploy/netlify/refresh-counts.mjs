// Netlify: the scheduled count build (README, "The count"). A Scheduled Function that starts a
// build every hour through a build hook, as the GitHub Pages workflow's schedule does: the build
// reads the counts with the API key (OSDI_API_TOKEN in the site's environment variables), and a
// build in which only the counts changed leaves the service worker as it was, so visitors'
// devices fetch nothing again.
//
// Copy this file to netlify/functions/refresh-counts.mjs, make a build hook (Site configuration
// > Build & deploy > Build hooks) and put its address in the environment variable
// COUNTS_BUILD_HOOK. Tested: tests/deploy/deploy.test.mjs.
export default async function refreshCounts() {
  const hook = process.env.COUNTS_BUILD_HOOK;
  if (!hook) {
    console.error("refresh-counts: COUNTS_BUILD_HOOK is not set: make a build hook and set it, or the counts are only as fresh as the last push.");
    return new Response("COUNTS_BUILD_HOOK is not set", { status: 500 });
  }
  const answer = await fetch(hook, { method: "POST" });
  if (!answer.ok) console.error(`refresh-counts: the build hook answered ${answer.status}`);
  return new Response(null, { status: answer.ok ? 204 : 502 });
}

// Every hour, at the same minute as the GitHub Pages workflow (deploy/github-pages.yml).
export const config = { schedule: "17 * * * *" };
