// Deployed as a government web team would: under a sub-path, with a strict CSP, embedded from
// another origin, revisited offline, and redeployed.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, CSP, launchBrowser, startServer } from './helpers.mjs';


let browser;
const cleanup = [];

before(async () => {
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  for (const f of cleanup) f();
});

function tempDir(name) {
  const dir = mkdtempSync(join(tmpdir(), `ecoplan-${name}-`));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  return dir;
}

/** Deploys a build into `dir` as an upload would: the old files go, the new ones arrive. */
function deploy(build, dir) {
  for (const name of readdirSync(dir)) rmSync(join(dir, name), { recursive: true, force: true });
  cpSync(build, dir, { recursive: true });
}

/** A context that records CSP violations, console errors and every request's origin. */
async function watchedContext(options = {}) {
  const context = await browser.newContext({ viewport: { width: 375, height: 812 }, ...options });
  await context.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const seen = { requests: [], errors: [] };
  context.on('request', (r) => seen.requests.push(r.url()));
  context.on('page', (page) => {
    page.on('pageerror', (e) => seen.errors.push(e.message));
    page.on('console', (m) => m.type() === 'error' && seen.errors.push(m.text()));
  });
  return { context, seen };
}

const buildId = (page) => page.getAttribute('meta[name=ecoplan-build]', 'content');

test('under a strict CSP and a sub-path: no violation, every request same-origin; offline after the first visit', async () => {
  const dir = tempDir('deploy');
  deploy('dist', dir);
  const site = await startServer({ root: dir, base: BASE, headers: { 'Content-Security-Policy': CSP } });
  cleanup.push(() => site.server.close());
  const origin = new URL(site.url).origin;
  const { context, seen } = await watchedContext();
  const page = await context.newPage();

  const t0 = Date.now();
  await page.goto(`${site.url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  const firstVisit = Date.now() - t0;
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);

  for (const view of ['air', 'water', 'targets', 'green', 'compare', 'sources']) {
    await page.click(`.tabs a[href^="jiaozuo-${view}-zh.html"]`);
    await page.waitForSelector(`.view.${view === 'air' || view === 'water' ? 'trends' : view === 'sources' ? 'about' : view}`);
  }

  await context.setOffline(true);
  const t1 = Date.now();
  await page.goto(`${site.url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  const offlineReload = Date.now() - t1;
  // Offline: the reader's city and the default one (precached); not a city never opened.
  assert.doesNotMatch(await page.textContent('#city option[value=xingtai]'), /离线/);
  await page.selectOption('#city', 'pingdingshan');
  await page.waitForFunction(() => document.querySelector('#view-title')?.textContent.startsWith('平顶山市'));
  await page.click('.tabs a[href^="pingdingshan-air-zh.html"]');
  await page.waitForSelector('figure.indicator canvas[data-points]');
  await context.setOffline(false);

  assert.deepEqual(await page.evaluate(() => window.__violations), [], 'no CSP violation');
  const foreign = seen.requests.filter((u) => new URL(u).origin !== origin);
  assert.deepEqual(foreign, [], 'every request goes to the widget\'s own origin');
  assert.ok(seen.requests.every((u) => new URL(u).pathname.startsWith(BASE)), 'and stays under its sub-path');
  assert.deepEqual(seen.errors, []);
  console.log(`# timing: first visit ${firstVisit} ms to the overview; offline reload ${offlineReload} ms`);
  await context.close();
});

test('a second deploy: the next visit ends on the new build, old caches gone, no mixed versions', async () => {
  // Build B: the same code with a changed catalog, so its data, hashes and cache name differ.
  const dataB = tempDir('data-b');
  cpSync('data', dataB, { recursive: true });
  const metrics = JSON.parse(readFileSync(join(dataB, 'metrics.json'), 'utf8'));
  metrics.metrics.find((m) => m.id === 'pm25').name.zh = '细颗粒物（PM2.5）年均浓度（新版）';
  writeFileSync(join(dataB, 'metrics.json'), JSON.stringify(metrics));
  const distB = tempDir('dist-b');
  execFileSync('node', ['scripts/postbuild.mjs', 'target/wasm-bindgen', distB, dataB], { env: { ...process.env, ECOPLAN_NO_REPORT: '1' } });

  const dir = tempDir('redeploy');
  deploy('dist', dir);
  const site = await startServer({ root: dir, base: BASE, headers: { 'Content-Security-Policy': CSP } });
  cleanup.push(() => site.server.close());
  const { context, seen } = await watchedContext();
  let page = await context.newPage();
  await page.goto(`${site.url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  const buildA = await buildId(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.close();

  deploy(distB, dir);
  const buildB = readFileSync(join(distB, 'index.html'), 'utf8').match(/ecoplan-build" content="(\w+)"/)[1];
  assert.notEqual(buildA, buildB);

  // The next visit opens from build A's cache, finds B, and offers it.
  page = await context.newPage();
  await page.goto(`${site.url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  assert.equal(await buildId(page), buildA, 'A is served whole while B installs');
  await page.waitForSelector('#ecoplan-update button');
  await Promise.all([page.waitForEvent('load'), page.click('#ecoplan-update button')]);
  await page.waitForSelector('.overview .cards');
  assert.equal(await buildId(page), buildB);
  assert.match(await page.textContent('.card[data-metric=pm25] h3'), /（新版）/, 'B\'s data with B\'s code');
  assert.deepEqual(await page.evaluate(() => caches.keys()), [`ecoplan:${BASE}:${buildB}`], 'A\'s cache is gone');
  const filesB = new Set(readdirSync(distB));
  const loaded = await page.evaluate(() => performance.getEntriesByType('resource').map((e) => new URL(e.name).pathname));
  for (const path of loaded.filter((p) => /-[0-9a-f]{10}\.(js|wasm|css)$/.test(p))) {
    assert.ok(filesB.has(path.split('/').pop()), `${path} is one of B's files`);
  }
  await page.close();

  page = await context.newPage();
  await page.goto(`${site.url}?city=zhengzhou&lang=zh`);
  await page.waitForSelector('.overview .cards');
  assert.equal(await buildId(page), buildB, 'and the visit after that is B from the start');
  assert.deepEqual(seen.errors, []);
  await context.close();
});

test('embed.js on another origin: two widgets, each sized to its content, resized with the window', async () => {
  const site = await startServer({ root: 'dist', base: BASE });
  cleanup.push(() => site.server.close());
  const hostDir = tempDir('host');
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>A government page</h1>
<script>window.__before = Object.keys(window);</script>
<div data-ecoplan-city="zhengzhou" data-ecoplan-lang="zh"></div>
<p>Between the widgets.</p>
<div data-ecoplan-city="xingtai" data-ecoplan-lang="en" data-ecoplan-view="targets"></div>
<script src="${site.url}embed.js" defer></script>
</body></html>`,
  );
  const host = await startServer({ root: hostDir, port: 0 });
  cleanup.push(() => host.server.close());
  const hostUrl = host.url.replace('127.0.0.1', 'localhost');
  assert.notEqual(new URL(hostUrl).origin, new URL(site.url).origin);

  const page = await browser.newPage({ viewport: { width: 1024, height: 800 } });
  await page.goto(hostUrl);
  await page.waitForFunction(() => document.querySelectorAll('iframe[data-ecoplan]').length === 2);
  const frames = await page.$$('iframe[data-ecoplan]');
  // Each frame opens its view's own page, which carries the view drawn.
  assert.match(await frames[0].getAttribute('src'), /widgets\/ecoplan\/zhengzhou-overview-zh\.html$/);
  assert.match(await frames[1].getAttribute('src'), /widgets\/ecoplan\/xingtai-targets-en\.html$/);

  async function sizedToContent() {
    const pairs = [];
    for (const el of frames) {
      const frame = await el.contentFrame();
      await frame.waitForSelector('.view');
      const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
      const box = await el.boundingBox();
      pairs.push([box.height, content]);
    }
    return pairs;
  }
  async function settle() {
    for (let i = 0; i < 50; i++) {
      const pairs = await sizedToContent();
      if (pairs.every(([h, c]) => Math.abs(h - c) <= 4)) return pairs;
      await page.waitForTimeout(100);
    }
    return sizedToContent();
  }
  const wide = await settle();
  wide.forEach(([h, c], i) => assert.ok(Math.abs(h - c) <= 4, `widget ${i}: frame ${h}px, content ${c}px`));
  assert.notEqual(wide[0][0], wide[1][0], 'each frame has its own height');

  await page.setViewportSize({ width: 360, height: 800 });
  await page.waitForTimeout(300);
  const narrow = await settle();
  narrow.forEach(([h, c], i) => assert.ok(Math.abs(h - c) <= 4, `widget ${i} after resize: frame ${h}px, content ${c}px`));
  assert.ok(narrow[0][0] > wide[0][0], 'a narrower window makes the content, and the frame, taller');

  // Frame indices (window[0], window[1]) are the browser's, and __before is the test's own.
  const added = await page.evaluate(() =>
    Object.keys(window).filter((k) => !window.__before.includes(k) && k !== '__before' && !/^\d+$/.test(k)),
  );
  assert.deepEqual(added, ['EcoPlan'], 'one namespaced global');
  await page.close();
});

test('a sandboxed frame where storage throws: the widget still works', async () => {
  // An opaque-origin sandbox: storage and service workers throw; the assets need CORS.
  const site = await startServer({ root: 'dist', base: BASE, headers: { 'Access-Control-Allow-Origin': '*' } });
  cleanup.push(() => site.server.close());
  const hostDir = tempDir('sandbox-host');
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><meta charset="utf-8"><title>Sandbox</title>
<iframe sandbox="allow-scripts" src="${site.url}?city=jiyuan&lang=zh" width="375" height="700"></iframe>`,
  );
  const host = await startServer({ root: hostDir });
  cleanup.push(() => host.server.close());
  const page = await browser.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(host.url);
  const frame = await (await page.waitForSelector('iframe')).contentFrame();
  await frame.waitForSelector('.overview .cards');
  assert.equal(await frame.evaluate(() => { try { localStorage.length; return 'storage works'; } catch { return 'storage throws'; } }), 'storage throws');
  assert.match(await frame.textContent('#view-title'), /^济源示范区/);
  await frame.selectOption('#city', 'pingdingshan');
  await frame.waitForFunction(() => document.querySelector('#view-title')?.textContent.startsWith('平顶山市'));
  await frame.click('button.lang');
  await frame.waitForFunction(() => document.querySelector('h1').textContent === 'EcoPlan');
  assert.deepEqual(errors, []);
  await page.close();
});

test('the Embed panel shows this city, view and language, and copies the snippet', async () => {
  const site = await startServer({ root: 'dist', base: BASE });
  cleanup.push(() => site.server.close());
  const context = await browser.newContext();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(site.url).origin });
  const page = await context.newPage();
  await page.goto(`${site.url}?city=zhengzhou&view=air&lang=en`);
  await page.waitForSelector('.trends');
  await page.click('.embed button.link');
  const script = await page.inputValue('#snippet-0');
  assert.equal(
    script,
    `<div data-ecoplan-city="zhengzhou" data-ecoplan-view="air" data-ecoplan-lang="en"></div>\n<script src="${site.url}embed.js" defer></script>`,
  );
  // The frame opens the view's own page, which carries it drawn.
  assert.match(await page.inputValue('#snippet-1'), new RegExp(`^<iframe src="${site.url.replace(/[.?]/g, '\\$&')}zhengzhou-air-en\\.html"`));
  await page.click('.snippet:first-of-type button');
  await page.waitForSelector('.snippet:first-of-type button:text-is("Copied")');
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), script);
  await context.close();
});

test('installable: a manifest with icons, served from the widget\'s folder', async () => {
  const site = await startServer({ root: 'dist', base: BASE });
  cleanup.push(() => site.server.close());
  const page = await browser.newPage();
  await page.goto(site.url);
  const href = await page.getAttribute('link[rel=manifest]', 'href');
  const manifest = await (await page.request.get(new URL(href, site.url).href)).json();
  assert.equal(manifest.start_url, './');
  assert.equal(manifest.display, 'standalone');
  for (const icon of manifest.icons) {
    const res = await page.request.get(new URL(icon.src, site.url).href);
    assert.equal(res.status(), 200, icon.src);
  }
  assert.ok(manifest.icons.some((i) => i.sizes === '512x512' && i.type === 'image/png'));
  await page.close();
});
