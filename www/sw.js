// Service worker: the page keeps working offline after the first visit.
//
// On install it stores the page's own files (the list in pkg/sw-manifest.js, written by the
// build) in a cache named after the build's version; it then answers the page's requests for its
// own files from that cache first. It never stores, and never fetches, anything from another
// origin: such requests are not touched here (and the page's Content-Security-Policy refuses
// them anyway).
//
// Updates: any change to the page changes pkg/sw-manifest.js (a new version), which the browser
// notices when it checks this worker on a later visit; the new worker stores the new files in a
// new cache, takes over, and deletes the caches of older versions. That visit still runs the
// version it loaded; the next one runs the new version.
importScripts("pkg/sw-manifest.js");

const PREFIX = "article-inspector-";
const CACHE = PREFIX + self.MANIFEST.version;
const SCOPE = new URL(self.registration.scope);
const INDEX = new URL("./", SCOPE).href;

self.addEventListener("install", (event) => {
  event.waitUntil((async () => {
    const cache = await caches.open(CACHE);
    // Checked with the server (not taken from the HTTP cache as is): this version's files.
    await cache.addAll(self.MANIFEST.files.map((f) => new Request(new URL(f, SCOPE), { cache: "no-cache" })));
    await self.skipWaiting();
  })());
});

self.addEventListener("activate", (event) => {
  event.waitUntil((async () => {
    for (const name of await caches.keys()) {
      if (name.startsWith(PREFIX) && name !== CACHE) await caches.delete(name);
    }
    await self.clients.claim();
  })());
});

self.addEventListener("fetch", (event) => {
  const req = event.request;
  if (req.method !== "GET") return;
  const url = new URL(req.url);
  // Another origin, or outside the page's folder: not this worker's business.
  if (url.origin !== SCOPE.origin || !url.pathname.startsWith(SCOPE.pathname)) return;
  event.respondWith(respond(req, url));
});

async function respond(req, url) {
  const cache = await caches.open(CACHE);
  // The page itself, however it is addressed (…/, …/index.html, …/?anything).
  const navigation = req.mode === "navigate" && (url.pathname === SCOPE.pathname || url.pathname === SCOPE.pathname + "index.html");
  const hit = await cache.match(navigation ? INDEX : req, { ignoreSearch: true });
  // Not one of the page's files (or the cache was cleared): the server, as without this worker.
  return hit || fetch(req);
}
