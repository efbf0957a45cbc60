// EcoPlan's service worker: precaches one build (page, code, style, all five cities' data) and
// serves it from that build's cache, so a page never mixes files of two builds. The build step
// fills in BUILD (a hash of every precached file) and PRECACHE (their paths, relative to here).
const BUILD = '__ECOPLAN_BUILD__';
const PRECACHE = __ECOPLAN_PRECACHE__;
const CACHE = `ecoplan-${BUILD}`;
const INDEX = new URL('./', self.location).href;

self.addEventListener('install', (event) => {
  event.waitUntil(
    caches.open(CACHE).then((cache) => cache.addAll(PRECACHE.map((path) => new Request(path, { cache: 'reload' })))),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      const names = await caches.keys();
      await Promise.all(names.filter((n) => n.startsWith('ecoplan-') && n !== CACHE).map((n) => caches.delete(n)));
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
        const cached = (await cache.match('index.html')) ?? (await cache.match('./'));
        if (cached) return cached;
      }
      const hit = await cache.match(request, { ignoreSearch: true });
      return hit ?? fetch(request);
    })(),
  );
});
