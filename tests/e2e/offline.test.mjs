// Hosts and networks that behave differently from our test server: redirects and missing folder
// indexes, two deployments on one origin, an update accepted on a first visit, Trusted Types, a
// broken upload, a failing or stalled data request, and dialogs in a frame as tall as its content.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer, request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, builtCode, CSP, launchBrowser, startServer } from './helpers.mjs';


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

async function site(options) {
  const s = await startServer(options);
  cleanup.push(() => s.server.close());
  return s;
}

/** A second build: the same code with a changed catalog, so its hashes and build id differ. */
function buildB() {
  const data = tempDir('data-b');
  cpSync('data', data, { recursive: true });
  const metrics = JSON.parse(readFileSync(join(data, 'metrics.json'), 'utf8'));
  metrics.metrics.find((m) => m.id === 'pm25').name.zh = '细颗粒物（PM2.5）年均浓度（新版）';
  writeFileSync(join(data, 'metrics.json'), JSON.stringify(metrics));
  const dist = tempDir('dist-b');
  execFileSync('node', ['scripts/postbuild.mjs', 'target/wasm-bindgen', dist, data], { env: { ...process.env, ECOPLAN_NO_REPORT: '1' } });
  return dist;
}

const buildId = (page) => page.getAttribute('meta[name=ecoplan-build]', 'content');

/** A host in front of `target` that answers some paths itself (a redirect, a 404). */
async function host(target, rules) {
  const server = createServer((req, res) => {
    const rule = rules[req.url];
    if (rule) {
      res.writeHead(rule.status, rule.headers ?? {});
      return res.end();
    }
    const upstream = httpRequest({ host: '127.0.0.1', port: target.address().port, path: req.url, method: req.method, headers: req.headers }, (up) => {
      res.writeHead(up.statusCode, up.headers);
      up.pipe(res);
    });
    req.pipe(upstream);
  });
  await new Promise((ok) => server.listen(0, '127.0.0.1', ok));
  cleanup.push(() => server.close());
  return `http://127.0.0.1:${server.address().port}${BASE}`;
}

/** First visit until the worker controls the page, then the same page offline. */
async function worksOffline(context, url) {
  const page = await context.newPage();
  await page.goto(`${url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await page.reload();
  await page.waitForSelector('.overview .cards');
  await context.setOffline(true);
  await page.goto(`${url}?city=jiaozuo&lang=en`);
  await page.waitForSelector('.overview .cards');
  await context.setOffline(false);
  await page.close();
}

test('a host that redirects index.html to its folder: the page still opens online and offline', async () => {
  const upstream = await site({ root: 'dist', base: BASE });
  const url = await host(upstream.server, { [`${BASE}index.html`]: { status: 301, headers: { Location: BASE } } });
  const context = await browser.newContext();
  await worksOffline(context, url);
  await context.close();
});

test('a host without folder indexes (object storage): the page is cached from index.html', async () => {
  const upstream = await site({ root: 'dist', base: BASE });
  const url = await host(upstream.server, { [BASE]: { status: 404 } });
  const context = await browser.newContext();
  const page = await context.newPage();
  // The reader's link is to index.html, the only address such a host answers.
  await page.goto(`${url}index.html?city=jiaozuo`);
  await page.waitForSelector('.overview .cards');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  await keptOffline(page, 'jiaozuo');
  await context.setOffline(true);
  await page.goto(`${url}index.html?city=jiaozuo`);
  await page.waitForSelector('.overview .cards');
  await context.setOffline(false);
  await context.close();
});

/** Waits until the picker says the city is available offline. */
async function keptOffline(page, city) {
  await page.waitForFunction((id) => (document.getElementById('ecoplan-cities')?.dataset.kept ?? '').split(' ').includes(id), city);
}

const OFFLINE_ZH = ' · 可离线';
const pickerLabels = (page) =>
  page.evaluate(() => Object.fromEntries([...document.querySelectorAll('#city option')].map((o) => [o.value, o.textContent])));

test('offline: the precache is the shell, the catalog, the index and the default city; the reader\'s city and every city opened are kept as read, and the picker says which', async () => {
  const report = JSON.parse(readFileSync('target/size-report.json', 'utf8'));
  const data = report.data_files;
  const dataPrecached = report.precache.paths.filter((f) => f.startsWith('data/')).sort();
  // The worker precaches exactly the report's list.
  for (const path of report.precache.paths) assert.ok(readFileSync('dist/sw.js', 'utf8').includes(`"${path}"`), path);
  const def = report.cities.default;
  assert.deepEqual(
    dataPrecached,
    [data['data/metrics.json'], data['data/index.json'], data[`data/cities/${def}.json`], data[`data/cities/${def}.more.json`]].sort(),
  );
  assert.ok(report.precache.gzip <= 400 * 1024, `precache ${report.precache.gzip} B gzip`);

  const s = await site({ root: 'dist', base: BASE });
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(`${s.url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  // The reader's city, read before the worker ran, and the default city (precached).
  await keptOffline(page, 'jiaozuo');
  await keptOffline(page, def);
  let labels = await pickerLabels(page);
  assert.equal(labels[def], `平顶山市${OFFLINE_ZH}`);
  assert.equal(labels.jiaozuo, '焦作市', 'the city on screen: its name whole');
  assert.equal(labels.xingtai, '邢台市', 'a city never opened is not kept');
  // Options grouped by province.
  assert.deepEqual(
    await page.evaluate(() => [...document.querySelectorAll('#city optgroup')].map((g) => g.label)),
    ['河北省', '河南省'],
  );
  // A city opened online is kept as it is read (both parts: Air needs the second).
  await page.selectOption('#city', 'xingtai');
  await page.waitForSelector('.overview .cards canvas[data-points]');
  await keptOffline(page, 'xingtai');
  labels = await pickerLabels(page);
  assert.equal(labels.jiaozuo, `焦作市${OFFLINE_ZH}`, 'the reader\'s first city, now another is on screen');
  await context.setOffline(true);
  for (const [city, view] of [['xingtai', 'air'], ['jiaozuo', 'green'], [def, 'overview']]) {
    await page.goto(`${s.url}?city=${city}&view=${view}&lang=zh`);
    await page.waitForSelector(view === 'overview' ? '.overview .cards' : `.view.${view === 'green' ? 'green' : 'trends'}`);
  }
  await page.goto(`${s.url}?view=compare&lang=zh`);
  await page.waitForSelector('.compare-table tr[data-city=zhengzhou]');
  labels = await pickerLabels(page);
  assert.equal(labels.zhengzhou, '郑州市', 'offline, the picker says which cities can be read');
  // One never opened: the message, in the reader's language, and the others still work.
  await page.goto(`${s.url}?city=zhengzhou&lang=zh`);
  const alert = await page.waitForSelector('[role=alert]');
  assert.match(await alert.textContent(), /这座城市的数据未能加载/);
  await context.setOffline(false);
  await context.close();
});

test('two deployments on one origin keep each other\'s offline copies', async () => {
  const root = tempDir('two');
  cpSync('dist', join(root, 'zhengzhou', 'ecoplan'), { recursive: true });
  cpSync(buildB(), join(root, 'jiaozuo', 'ecoplan'), { recursive: true });
  const s = await site({ root, base: '/' });
  const context = await browser.newContext();
  const a = `${s.url}zhengzhou/ecoplan/`;
  const b = `${s.url}jiaozuo/ecoplan/`;
  for (const url of [a, b]) {
    const page = await context.newPage();
    await page.goto(`${url}?city=zhengzhou`);
    await page.waitForSelector('.overview .cards');
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await page.close();
  }
  await context.setOffline(true);
  for (const url of [a, b]) {
    const page = await context.newPage();
    await page.goto(`${url}?city=zhengzhou`);
    await page.waitForSelector('.overview .cards');
    await page.close();
  }
  await context.setOffline(false);
  const page = await context.newPage();
  await page.goto(`${a}?city=jiyuan`);
  const names = await page.evaluate(() => caches.keys());
  assert.equal(names.length, 2, `one cache per deployment: ${names}`);
  assert.ok(names.some((n) => n.includes('/zhengzhou/ecoplan/')) && names.some((n) => n.includes('/jiaozuo/ecoplan/')), `${names}`);
  await context.close();
});

test('an update accepted on a first visit reloads onto the new build', async () => {
  const dir = tempDir('update');
  cpSync('dist', dir, { recursive: true });
  const s = await site({ root: dir, base: BASE });
  const context = await browser.newContext();
  const page = await context.newPage();
  // A first visit: no worker controlled this page when it loaded.
  await page.goto(`${s.url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  const a = await buildId(page);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  const next = buildB();
  rmSync(dir, { recursive: true, force: true });
  cpSync(next, dir, { recursive: true });
  await page.evaluate(async () => (await navigator.serviceWorker.getRegistration()).update());
  await page.waitForSelector('#ecoplan-update button');
  await Promise.all([page.waitForEvent('load'), page.click('#ecoplan-update button')]);
  await page.waitForSelector('.overview .cards');
  const b = await buildId(page);
  assert.notEqual(b, a, 'the page reloaded onto the build it activated');
  assert.match(await page.textContent('.card[data-metric=pm25] h3'), /（新版）/, 'the new build\'s data with its code');
  await context.close();
});

test('under Trusted Types the service worker still registers, through a policy', async () => {
  const s = await site({
    root: 'dist',
    base: BASE,
    headers: { 'Content-Security-Policy': `${CSP}; require-trusted-types-for 'script'; trusted-types ecoplan` },
  });
  const context = await browser.newContext();
  const page = await context.newPage();
  const errors = [];
  page.on('console', (m) => ['error', 'warning'].includes(m.type()) && errors.push(m.text()));
  page.on('pageerror', (e) => errors.push(e.message));
  await page.goto(`${s.url}?city=jiaozuo`);
  await page.waitForSelector('.overview .cards');
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  assert.deepEqual(errors, [], 'no violation, no "works online only"');
  await context.close();
});

test('code that does not load (a missing file, a wrong MIME type) says so with a retry', async () => {
  const { glue } = builtCode('jiaozuo-overview-zh.html');
  for (const broken of [{ status: 404, body: 'not found' }, { status: 200, type: 'text/plain', body: readFileSync(join('dist', glue), 'utf8') }]) {
    const s = await site({ root: 'dist', overrides: { [glue]: broken } });
    const page = await browser.newPage();
    const t0 = Date.now();
    await page.goto(`${s.url}?city=jiaozuo`);
    const alert = await page.waitForSelector('#boot-status[role=alert]', { timeout: 5000 });
    assert.ok(Date.now() - t0 < 5000, 'within seconds');
    assert.match(await alert.textContent(), /看板未能启动.*EcoPlan could not start/s);
    assert.equal(await page.textContent('#boot-status button'), '重试 Try again');
    await page.close();
  }
});

test('a browser without modules, or without JavaScript, is told why there is nothing to see', async () => {
  const html = readFileSync('dist/index.html', 'utf8');
  const nomodule = html.match(/<script nomodule[^>]* src="\.\/(nomodule-[0-9a-f]{10}\.js)"><\/script>/);
  assert.ok(nomodule, 'the page loads nomodule.js (hashed) for browsers without modules');
  assert.match(html, /<noscript>.*请启用 JavaScript/s);
  const page = await browser.newPage();
  await page.setContent('<p id="boot-status" class="status" role="status">正在加载… Loading…</p>');
  await page.addScriptTag({ path: `dist/${nomodule[1]}` });
  assert.equal(await page.getAttribute('#boot-status', 'role'), 'alert');
  assert.match(await page.textContent('#boot-status'), /浏览器版本过旧.*too old/s);
  await page.close();
});

test('a failed catalog says that no city can be shown, and its retry loads it', async () => {
  const s = await site({ root: 'dist' });
  const page = await browser.newPage();
  let fail = true;
  await page.route('**/data/metrics-*.json', (route) => (fail ? route.fulfill({ status: 503, body: 'busy' }) : route.continue()));
  await page.goto(`${s.url}?city=jiaozuo&lang=zh`);
  const alert = await page.waitForSelector('[role=alert]');
  const text = await alert.textContent();
  assert.match(text, /指标目录未能加载/);
  assert.doesNotMatch(text, /这座城市|其他城市/, 'not "this city failed, the others work"');
  assert.match(text, /data\/metrics\.json: HTTP 503/);
  fail = false;
  await page.click('[role=alert] button');
  await page.waitForSelector('.overview .cards');
  await page.close();
});

test('a stalled request ends with "the network did not answer" and a retry', async () => {
  const s = await site({ root: 'dist' });
  const page = await browser.newPage();
  let stall = true;
  await page.route('**/data/cities/jiaozuo-*.json', (route) => (stall ? undefined : route.continue()));
  await page.goto(`${s.url}?city=jiaozuo&lang=en`);
  // Meanwhile the page shows the view as the build drew it; the app, once it gives up waiting for
  // the data with the page (20 s), asks for it again itself (20 s more), then says so.
  await page.waitForSelector('main .card svg.chart');
  const alert = await page.waitForSelector('[role=alert]', { timeout: 60000 });
  const text = await alert.textContent();
  assert.match(text, /This city's data could not be loaded/);
  assert.match(text, /did not answer in time/);
  assert.match(text, /jiaozuo\.json: no answer after 20 s/);
  stall = false;
  await page.click('[role=alert] button');
  await page.waitForSelector('.overview .cards');
  await page.close();
});

test('in a frame as tall as its content, a source opens where its number was tapped', async () => {
  const s = await site({ root: 'dist', base: BASE });
  const hostDir = tempDir('tall');
  writeFileSync(
    join(hostDir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Host</title></head><body>
<div data-ecoplan-city="jiaozuo" data-ecoplan-lang="zh"></div>
<script src="${s.url}embed.js"></script></body></html>`,
  );
  const hostSite = await site({ root: hostDir, base: '/' });
  const page = await browser.newPage({ viewport: { width: 375, height: 812 } });
  await page.goto(hostSite.url.replace('127.0.0.1', 'localhost'));
  const frameEl = await page.waitForSelector('iframe');
  const frame = await frameEl.contentFrame();
  await frame.waitForSelector('.card canvas[data-points]');
  await page.waitForFunction(() => document.querySelector('iframe').getBoundingClientRect().height > 1500);
  // The first number, near the top of a frame twice as tall as the phone's screen: a dialog at
  // the frame's middle or bottom would be off screen.
  const number = await (await frame.$('.card[data-metric=pm25] .latest button.src')).boundingBox();
  await frame.click('.card[data-metric=pm25] .latest button.src');
  const dialog = await frame.waitForSelector('[role=dialog]');
  await page.waitForTimeout(200);
  const box = await dialog.boundingBox();
  const viewport = page.viewportSize();
  assert.ok(box.y < viewport.height && box.y + Math.min(box.height, 200) > 0, `the dialog is on screen: ${JSON.stringify(box)}`);
  // Beside the number, not at the frame's bottom with the host page scrolled away to it.
  const scrolled = await page.evaluate(() => window.scrollY);
  assert.ok(scrolled < 300, `the host page stays where the reader was: scrolled ${scrolled} px`);
  assert.ok(Math.abs(box.y + scrolled - (number.y)) < 300, `the dialog opens by the number: ${box.y + scrolled} vs ${number.y}`);
  await page.close();
});
