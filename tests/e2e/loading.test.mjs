// Loading: nothing on screen moves while the widget starts (layout shift 0 in every view, on a phone
// and a desktop, on a fast and on a slow network, and in a host page's frame); every file a first
// visit needs is asked for at once and downloaded once; the offline precache waits for the first
// chart.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { BASE, builtCode, builtDataFiles, launchBrowser, startServer, VIEWPORTS } from './helpers.mjs';

const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
// What Lighthouse's mobile run emulates: a slow 4G network and a phone's CPU.
const SLOW_NETWORK = { offline: false, latency: 150, downloadThroughput: 180000, uploadThroughput: 84000 };
const SLOW_CPU = 4;
const FILES = builtDataFiles();

let browser;
let site;
/** Every request the server answered: path below the base, and when (ms since the epoch). */
let served = [];
const cleanup = [];

before(async () => {
  browser = await launchBrowser();
  site = await startServer({ base: BASE });
  site.server.on('request', (req) => served.push({ path: new URL(req.url, 'http://x').pathname.slice(BASE.length), at: Date.now() }));
});
after(async () => {
  await browser?.close();
  site?.server.close();
  for (const f of cleanup) f();
});

/** Records every layout shift not caused by input, in every frame, from the first paint on. */
function watchShifts() {
  window.__shifts = [];
  new PerformanceObserver((list) => {
    for (const e of list.getEntries()) {
      if (e.hadRecentInput) continue;
      window.__shifts.push({
        value: e.value,
        at: Math.round(e.startTime),
        moved: e.sources.map((s) => `${s.node?.nodeName ?? '?'}.${s.node?.className ?? ''} y${Math.round(s.previousRect.y)}→${Math.round(s.currentRect.y)}`),
      });
    }
  }).observe({ type: 'layout-shift', buffered: true });
  document.addEventListener('ecoplan:first-chart', () => {
    window.__firstChart = Date.now();
  });
}

async function slowDown(context, page) {
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.emulateNetworkConditions', SLOW_NETWORK);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: SLOW_CPU });
  return cdp;
}

/** The view is complete: its content (the footer shows once it is), every chart drawn, and the worker installed. */
async function complete(page) {
  await page.waitForSelector('footer.bottom:not([hidden])', { timeout: 60000 });
  await page.waitForFunction(() => [...document.querySelectorAll('main canvas')].every((c) => c.hasAttribute('data-points')), null, { timeout: 60000 });
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.waitForTimeout(300);
}

const cls = (shifts) => shifts.reduce((sum, s) => sum + s.value, 0);
const describeShifts = (shifts) => shifts.map((s) => `${s.value.toFixed(4)} at ${s.at} ms: ${s.moved.join(', ')}`).join('\n');

/** A first visit (a new context: no cache, no worker) to `query`; its layout shifts. */
async function firstVisit(query, { viewport, slow = false }) {
  const context = await browser.newContext({ viewport });
  await context.addInitScript(watchShifts);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  if (slow) await slowDown(context, page);
  await page.goto(`${site.url}${query}`);
  await complete(page);
  const shifts = await page.evaluate(() => window.__shifts);
  await context.close();
  assert.deepEqual(errors, []);
  return shifts;
}

describe('no layout shift while the widget loads', () => {
  for (const viewport of VIEWPORTS) {
    for (const view of VIEWS) {
      test(`${view} at ${viewport.width} px`, async () => {
        const shifts = await firstVisit(`?city=zhengzhou&view=${view}`, { viewport });
        assert.equal(cls(shifts), 0, `${view} at ${viewport.width} px:\n${describeShifts(shifts)}`);
      });
    }
  }

  test('the overview on a phone over a slow network with a slow CPU (as Lighthouse emulates)', async () => {
    const shifts = await firstVisit('?city=zhengzhou', { viewport: VIEWPORTS[0], slow: true });
    assert.equal(cls(shifts), 0, describeShifts(shifts));
  });

  test('in English, and for the default city without ?city=', async () => {
    for (const viewport of VIEWPORTS) {
      for (const query of ['?lang=en', '?lang=en&view=air&city=jiaozuo']) {
        const shifts = await firstVisit(query, { viewport });
        assert.equal(cls(shifts), 0, `${query} at ${viewport.width} px:\n${describeShifts(shifts)}`);
      }
    }
  });
});

describe('the prerendered page has the app\'s shape', () => {
  /** Where the header, the views and the first box are, with the glue held back (the page as the build wrote it) and once loaded. */
  async function boxes(page) {
    return page.evaluate(() => {
      const box = (sel) => {
        const r = document.querySelector(sel)?.getBoundingClientRect();
        return r && { y: Math.round(r.y), height: Math.round(r.height) };
      };
      return { header: box('.top'), tabs: box('.tabs'), first: box('.ph-box, main .card, main figure') };
    });
  }

  for (const viewport of VIEWPORTS) {
    for (const lang of ['zh', 'en']) {
      test(`header, views and the overview's first card at ${viewport.width} px (${lang})`, async () => {
        const context = await browser.newContext({ viewport });
        const page = await context.newPage();
        let release;
        const held = new Promise((resolve) => {
          release = resolve;
        });
        await page.route(/\/ecoplan-[0-9a-f]{10}\.js$/, async (route) => {
          await held;
          await route.continue();
        });
        // An old link: sent on to the page of the view, which carries it drawn.
        await page.goto(`${site.url}?city=zhengzhou&lang=${lang}`);
        await page.waitForSelector('main .card svg.chart');
        const skeleton = await boxes(page);
        release();
        await page.waitForSelector('.overview .cards canvas[data-points]');
        const loaded = await boxes(page);
        assert.deepEqual(loaded.header, skeleton.header, 'the header');
        assert.deepEqual(loaded.tabs, skeleton.tabs, 'the views');
        assert.deepEqual(loaded.first, skeleton.first, 'the first card');
        await context.close();
      });
    }
  }
});

test('a page that arrives in two parts is not painted before its end arrives (nothing laid out twice)', async () => {
  // The page's first half, then, 1.5 s later, the rest: a browser paints what it has parsed unless
  // told to wait (rel=expect), and the second half then moves what the first frame showed.
  const page = 'zhengzhou-air-zh.html';
  const html = readFileSync(join('dist', page));
  const { createServer } = await import('node:http');
  const split = createServer((req, res) => {
    const path = new URL(req.url, 'http://x').pathname;
    if (path !== `/${page}`) {
      fetch(`${site.url}${path.slice(1)}`).then(async (r) => {
        res.writeHead(r.status, { 'content-type': r.headers.get('content-type') ?? 'application/octet-stream' });
        res.end(Buffer.from(await r.arrayBuffer()));
      });
      return;
    }
    res.writeHead(200, { 'content-type': 'text/html; charset=utf-8' });
    const half = html.indexOf('<figure id="indicator-road_mechanical_sweeping"');
    assert.ok(half > 0, 'the page has the card the test splits at');
    res.write(html.subarray(0, half));
    setTimeout(() => res.end(html.subarray(half)), 1500);
  });
  await new Promise((resolve) => split.listen(0, '127.0.0.1', resolve));
  cleanup.push(() => split.close());
  for (const viewport of VIEWPORTS) {
    const context = await browser.newContext({ viewport, serviceWorkers: 'block' });
    await context.addInitScript(watchShifts);
    await context.addInitScript(() => {
      new MutationObserver(() => {
        if (!window.__ended && document.getElementById('ecoplan-end')) window.__ended = performance.now();
      }).observe(document, { childList: true, subtree: true });
    });
    const tab = await context.newPage();
    await tab.goto(`http://127.0.0.1:${split.address().port}/${page}`);
    await tab.waitForSelector('#ecoplan[data-live]', { timeout: 60000 });
    await tab.waitForTimeout(300);
    const { ended, painted, shifts } = await tab.evaluate(() => ({
      ended: window.__ended,
      painted: performance.getEntriesByName('first-paint')[0]?.startTime,
      shifts: window.__shifts,
    }));
    assert.ok(ended > 1000, `the page's end arrived late (${ended} ms)`);
    assert.ok(painted >= ended, `first paint at ${painted} ms, before the page's end at ${ended} ms`);
    assert.equal(cls(shifts), 0, describeShifts(shifts));
    await context.close();
  }
});

test('in a host page\'s frame: nothing moves inside it, and its height only grows', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-loading-host-'));
  cleanup.push(() => rmSync(dir, { recursive: true, force: true }));
  writeFileSync(
    join(dir, 'index.html'),
    `<!doctype html><html lang="zh-CN"><head><meta charset="utf-8"><title>Host</title></head><body>
<h1>A government page</h1>
<div data-ecoplan-city="zhengzhou" data-ecoplan-lang="zh"></div>
<p>After the widget.</p>
<script src="${site.url}embed.js"></script></body></html>`,
  );
  const host = await startServer({ root: dir });
  cleanup.push(() => host.server.close());
  const found = [];
  // Three visits at each width: a frame laid out before its stylesheet arrived moved everything once.
  for (const viewport of VIEWPORTS) {
    for (let visit = 0; visit < 3; visit++) {
      const context = await browser.newContext({ viewport });
      await context.addInitScript(watchShifts);
      await context.addInitScript(() => {
        if (window.parent !== window) return;
        window.__heights = [];
        window.addEventListener('message', (e) => e.data?.type === 'ecoplan:resize' && window.__heights.push(e.data.height));
      });
      const page = await context.newPage();
      await page.goto(host.url.replace('127.0.0.1', 'localhost'));
      const frame = await (await page.waitForSelector('iframe[data-ecoplan]')).contentFrame();
      await frame.waitForSelector('footer.bottom:not([hidden])', { timeout: 60000 });
      await frame.waitForSelector('.card canvas[data-points]');
      await page.waitForTimeout(1500);
      const heights = await page.evaluate(() => window.__heights);
      const inside = await frame.evaluate(() => window.__shifts);
      if (visit === 0) found.push(`${viewport.width} px: heights ${heights.join(' → ')}; shift inside ${cls(inside)}`);
      assert.equal(cls(inside), 0, `inside the frame at ${viewport.width} px:\n${describeShifts(inside)}`);
      assert.ok(heights.length > 0, 'the frame reports its height');
      heights.slice(1).forEach((h, i) => assert.ok(h >= heights[i], `the frame never shrinks: ${heights.join(' → ')}`));
      await context.close();
    }
  }
  console.log(`# frame: ${found.join('; ')}`);
});

describe('requests of a first visit', () => {
  test('the glue, the wasm, the catalog and the city\'s data (both parts, for Air) all start before the wasm has arrived, each downloaded once', async () => {
    served = [];
    const context = await browser.newContext({ viewport: VIEWPORTS[0] });
    const page = await context.newPage();
    const cdp = await slowDown(context, page);
    await cdp.send('Log.enable');
    const warnings = [];
    cdp.on('Log.entryAdded', ({ entry }) => ['warning', 'error'].includes(entry.level) && warnings.push(entry.text));
    page.on('console', (m) => ['warning', 'error'].includes(m.type()) && warnings.push(m.text()));
    const sent = new Map();
    const finished = new Map();
    cdp.on('Network.requestWillBeSent', (e) => sent.set(e.requestId, { url: e.request.url, at: e.timestamp }));
    cdp.on('Network.loadingFinished', (e) => finished.set(e.requestId, e.timestamp));
    await page.goto(`${site.url}?city=zhengzhou&view=air`);
    await complete(page);
    await page.waitForTimeout(3500); // Chromium warns of a preload unused "a few seconds" after load

    const { glue, wasm } = builtCode('zhengzhou-air-en.html');
    const needed = {
      glue,
      wasm,
      catalog: FILES['data/metrics.json'],
      city: FILES['data/cities/zhengzhou.json'],
      'measures and actions': FILES['data/cities/zhengzhou.more.json'],
    };
    const requests = [...sent].map(([id, r]) => ({ ...r, id, path: new URL(r.url).pathname.slice(BASE.length) }));
    const wasmRequest = requests.find((r) => r.path === wasm);
    const wasmArrived = finished.get(wasmRequest.id);
    const timing = {};
    for (const [what, path] of Object.entries(needed)) {
      const asked = requests.filter((r) => r.path === path);
      assert.equal(asked.length, 1, `the page asks for ${what} (${path}) once: ${asked.length}`);
      timing[what] = Math.round((asked[0].at - requests[0].at) * 1000);
      assert.ok(asked[0].at < wasmArrived, `${what} starts before the wasm has arrived`);
    }
    timing['wasm arrived'] = Math.round((wasmArrived - requests[0].at) * 1000);
    console.log(`# request starts after the page's, ms (slow network): ${JSON.stringify(timing)}`);

    // Over the whole visit, the offline precache included, each hashed file crossed the network once.
    const counts = {};
    for (const { path } of served) counts[path] = (counts[path] ?? 0) + 1;
    const twice = Object.entries(counts).filter(([path, n]) => /-[0-9a-f]{10}\.[a-z]+$/.test(path) && n > 1);
    assert.deepEqual(twice, [], 'no hashed file downloaded twice');
    for (const path of Object.values(needed)) assert.equal(counts[path], 1, path);
    assert.deepEqual(warnings.filter((w) => /preload/i.test(w)), [], 'every preloaded response is used');
    await context.close();
  });

  for (const [label, query, slow] of [
    ['the overview', '?city=zhengzhou', false],
    ['Air, on a slow network', '?city=zhengzhou&view=air', true],
  ]) {
    test(`${label}: the service worker and the precache start only after the first chart`, async () => {
      served = [];
      const context = await browser.newContext({ viewport: VIEWPORTS[0] });
      await context.addInitScript(watchShifts);
      const page = await context.newPage();
      if (slow) await slowDown(context, page);
      await page.goto(`${site.url}${query}`);
      await complete(page);
      const firstChart = await page.evaluate(() => window.__firstChart);
      assert.ok(firstChart, 'the widget announced its first chart');
      assert.ok(await page.evaluate(() => performance.getEntriesByName('ecoplan:first-chart').length === 1), 'and marked it');
      const precacheOnly = Object.entries(FILES)
        .filter(([plain]) => plain.startsWith('data/cities/') && !plain.startsWith('data/cities/zhengzhou.'))
        .map(([, hashed]) => hashed);
      // The city's measures and actions: before the first chart only for Air, which shows them
      // (the page asks for them with the code); after it for the Overview, which does not.
      const more = served.filter((r) => r.path === FILES['data/cities/zhengzhou.more.json']);
      assert.equal(more.length, 1, "the city's second part is fetched once");
      if (!slow) assert.ok(more[0].at >= firstChart, `the overview's second part ${firstChart - more[0].at} ms before its first chart`);
      else assert.ok(more[0].at < firstChart, "Air's second part before its first chart");
      const worker = served.filter((r) => r.path === 'sw.js');
      assert.equal(worker.length, 1, 'the worker is fetched');
      for (const r of served.filter((r) => r.path === 'sw.js' || precacheOnly.includes(r.path))) {
        assert.ok(r.at >= firstChart, `${r.path} asked for ${firstChart - r.at} ms before the first chart`);
      }
      assert.ok(served.some((r) => precacheOnly.includes(r.path)), 'and the precache then fetches the other cities');
      await context.close();
    });
  }

  test('a view without a chart (Targets) still gets its offline copy, once it is shown', async () => {
    served = [];
    const context = await browser.newContext({ viewport: VIEWPORTS[1] });
    await context.addInitScript(() => {
      new MutationObserver(() => {
        if (!window.__shown && document.querySelector('main .view')) window.__shown = Date.now();
      }).observe(document, { childList: true, subtree: true });
    });
    const page = await context.newPage();
    await page.goto(`${site.url}?city=zhengzhou&view=targets`);
    await page.waitForSelector('.view.targets');
    await page.evaluate(() => navigator.serviceWorker.ready);
    const shown = await page.evaluate(() => window.__shown);
    const worker = served.find((r) => r.path === 'sw.js');
    assert.ok(worker && worker.at >= shown, `the worker after the view: ${worker?.at - shown} ms`);
    await context.close();
  });
});
