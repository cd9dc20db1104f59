// Whether the visitor saves data (Save-Data) or is on a 2G connection: then nothing is fetched
// ahead of need (the site's wasm, the signer before a form is used, the pages the service worker
// would keep). One check for the pages (boot.js, lazy-signer.js) and the worker (sw.js).
export function thrifty() {
  const connection = globalThis.navigator?.connection;
  return Boolean(connection?.saveData || ["slow-2g", "2g"].includes(connection?.effectiveType));
}
