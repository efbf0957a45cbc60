// EcoPlan's service worker: precaches one build (page, code, style, all five cities' data) and
// serves it from that build's cache, so a page never mixes files of two builds. The build step
// fills in BUILD (a hash of every precached file) and PRECACHE (their paths, relative to here).
const BUILD = '__ECOPLAN_BUILD__';
const PRECACHE = __ECOPLAN_PRECACHE__;
const SCOPE = self.registration.scope;
// Caches are named per deployment (the worker's scope): two uploads on one origin, or staging
// beside production, never delete each other's.
const PREFIX = `ecoplan:${new URL(SCOPE).pathname}:`;
const CACHE = `${PREFIX}${BUILD}`;
const INDEX = new URL('./', SCOPE).href;
// The one key the page is cached under, whatever address the host serves it at.
const PAGE_KEY = 'index.html';
// A build's content-hashed names (`ecoplan_bg-<10 hex>.wasm`), as scripts/serve.mjs tells them.
const HASHED = /-[0-9a-f]{10}\.[a-z]+$/;

/** A response a navigation can use: browsers refuse redirected ones, so re-wrap those. */
async function clean(response) {
  if (!response.redirected) return response;
  return new Response(await response.blob(), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
}

/** The page, from `index.html` or else from `./`: hosts redirect one to the other, or lack one. */
async function fetchPage() {
  for (const path of ['index.html', './']) {
    try {
      const response = await fetch(new Request(path, { cache: 'reload' }));
      if (response.ok) return clean(response);
    } catch {
      // The next address may work.
    }
  }
  throw new Error('EcoPlan: the page could not be fetched for offline use');
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const cache = await caches.open(CACHE);
      const files = PRECACHE.filter((path) => path !== './' && path !== PAGE_KEY);
      // A name with a content hash never changes meaning: what the page has just downloaded comes
      // from the HTTP cache, not a second time over the network. Other names are fetched afresh.
      await cache.addAll(files.map((path) => new Request(path, { cache: HASHED.test(path) ? 'default' : 'reload' })));
      await cache.put(PAGE_KEY, await fetchPage());
    })(),
  );
});

/** This deployment's caches of other builds, and its caches from before caches were scoped. */
async function stale(name) {
  if (name.startsWith(PREFIX)) return name !== CACHE;
  if (!/^ecoplan-[0-9a-f]{12}$/.test(name)) return false;
  const keys = await (await caches.open(name)).keys();
  return keys.length > 0 && keys.every((request) => request.url.startsWith(SCOPE));
}

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      const old = [];
      for (const name of names) if (await stale(name)) old.push(name);
      await Promise.all(old.map((name) => caches.delete(name)));
      await self.clients.claim();
    })(),
  );
});

// The reader accepted the new version: take over now (the page then reloads itself).
self.addEventListener('message', (event) => {
  if (event.data?.type === 'ecoplan:activate') self.skipWaiting();
});

self.addEventListener('fetch', (event) => {
  const request = event.request;
  const url = new URL(request.url);
  if (request.method !== 'GET' || url.origin !== self.location.origin) return;
  event.respondWith(
    (async () => {
      const cache = await caches.open(CACHE);
      // Any address of the widget (whatever its ?city=&view=) is this build's page.
      const page = url.origin + url.pathname;
      if (request.mode === 'navigate' && (page === INDEX || page === `${INDEX}index.html`)) {
        const cached = await cache.match(PAGE_KEY);
        if (cached) return cached;
      }
      const hit = await cache.match(request, { ignoreSearch: true });
      return hit ?? fetch(request);
    })(),
  );
});
