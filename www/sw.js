// EcoPlan's service worker: precaches one build (page, code, style, the catalog, the cities'
// index and the default city's data) and serves it from that build's cache, so a page never mixes
// files of two builds. Each other city's data is kept as it is read, and the page's own city when
// the page asks (`ecoplan:keep`): offline, a reader has every city they have opened. The build step
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
// A page the build wrote for a city's view in a language (`jiaozuo-air-en.html`): kept once read.
const PAGE = /\/[a-z0-9_]+-[a-z]+-(?:zh|en)\.html$/;
// A data file of this build (a city's, the index, the catalog): kept once read.
const DATA = /\/data\/(?:cities\/)?[a-z0-9_]+(?:\.more)?-[0-9a-f]{10}\.json$/;

/** Tells the pages that a file was kept (they update what they say is available offline). */
async function told() {
  for (const client of await self.clients.matchAll({ includeUncontrolled: true })) client.postMessage({ type: 'ecoplan:kept' });
}

/** Keeps a data file's response (a copy) in this build's cache. */
async function keep(request, response) {
  const cache = await caches.open(CACHE);
  await cache.put(request, response);
  await told();
}

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

// The reader accepted the new version: take over now (the page then reloads itself). Or the page
// names the data files it read before this worker ran (the reader's city): keep them too, from
// the HTTP cache.
self.addEventListener('message', (event) => {
  if (event.data?.type === 'ecoplan:activate') self.skipWaiting();
  if (event.data?.type === 'ecoplan:keep' && Array.isArray(event.data.files)) {
    const files = event.data.files.filter((path) => typeof path === 'string' && DATA.test(new URL(path, SCOPE).pathname));
    event.waitUntil(
      (async () => {
        const cache = await caches.open(CACHE);
        for (const path of files) {
          const url = new URL(path, SCOPE);
          if (url.origin !== self.location.origin || (await cache.match(url.href))) continue;
          try {
            const response = await fetch(url.href);
            if (response.ok) await cache.put(url.href, response);
          } catch {
            // Not kept: read online only.
          }
        }
        await told();
      })(),
    );
  }
});

/**
 * A city's view's page: as kept, else from the network (and kept) if it is this build's, else
 * this build's own page, in which the app shows the view the address names: offline, a page never
 * opened still shows its city if its data is kept; online after a new upload, the reader stays on
 * the build they started with until they accept the new one.
 */
async function viewPage(event, cache, page) {
  const kept = await cache.match(page);
  if (kept) return kept;
  const shell = await cache.match(PAGE_KEY);
  try {
    const response = await fetch(event.request);
    if (!response.ok) return response;
    const text = await response.clone().text();
    if (text.includes(`<meta name="ecoplan-build" content="${BUILD}">`)) {
      event.waitUntil(keep(page, response.clone()));
      return response;
    }
    return shell ?? response;
  } catch (err) {
    if (shell) return shell;
    throw err;
  }
}

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
      if (request.mode === 'navigate' && page.startsWith(INDEX) && PAGE.test(url.pathname)) return viewPage(event, cache, page);
      const hit = await cache.match(request, { ignoreSearch: true });
      if (hit) return hit;
      const response = await fetch(request);
      // A data file read online (another city): kept for reading offline later.
      if (response.ok && DATA.test(url.pathname)) event.waitUntil(keep(url.href, response.clone()));
      return response;
    })(),
  );
});
