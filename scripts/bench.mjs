// `make bench`: EcoPlan against an ECharts page of the same screens, on this machine, in one run.
// It reports and never enforces: it exits 0 when a target is missed, 1 when a measurement fails.
//
//   1. builds the ECharts page (bench/build.mjs → bench/dist/) and checks that it draws the very
//      charts EcoPlan's view model has (`ecoplan-data views`), for every city;
//   2. first-view bytes, raw, gzip and brotli, of both pages (EcoPlan: target/size-report.json);
//   3. time to the first drawn chart, Overview and Air of two cities, like a phone: 150 ms RTT,
//      1.6 Mbps down, 4x CPU slowdown (CDP), a fresh browser context each run (no cache, no
//      service worker), EcoPlan and ECharts alternating; with the bytes each run transferred;
//   4. Lighthouse mobile (performance score, CLS, ...) for every EcoPlan view of one city and both
//      ECharts screens;
//   5. pointer move → redrawn readout at 4x CPU;
//   6. memory after visiting every view of every city in the app.
//
// Both pages are served from memory by bench/serve.mjs, brotli or gzip as a CDN would, each on its
// own origin. The table goes to stdout, progress to stderr, everything to target/bench.json.
//
// env: BENCH_RUNS (runs per page and screen, default 5), BENCH_CITIES (default jiaozuo,zhengzhou),
//      BENCH_LIGHTHOUSE_CITY (default jiaozuo), BENCH_LIGHTHOUSE_RUNS (per view, default 1: the
//      median score and the worst CLS of several), BENCH_TOOLTIP_MOVES (default 20),
//      CHROMIUM (default /usr/bin/chromium).

import { CHROMIUM_ARGS } from '../tests/e2e/helpers.mjs';
import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { cpus, tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { chromium } from 'playwright-core';
import { buildEchartsPage } from '../bench/build.mjs';
import { chartSummary, domainBlocks, overviewCharts } from '../bench/echarts/series.js';
import { brotli, gzip, serveCompressed } from '../bench/serve.mjs';

const run = promisify(execFile);
const root = new URL('..', import.meta.url).pathname;
const DIST = join(root, 'dist');
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RUNS = Number(process.env.BENCH_RUNS ?? 5);
const CITIES = (process.env.BENCH_CITIES ?? 'jiaozuo,zhengzhou').split(',');
const LH_CITY = process.env.BENCH_LIGHTHOUSE_CITY ?? 'jiaozuo';
const MOVES = Number(process.env.BENCH_TOOLTIP_MOVES ?? 20);
const LH_RUNS = Number(process.env.BENCH_LIGHTHOUSE_RUNS ?? 1);
const SCREENS = CITIES.flatMap((city) => ['overview', 'air'].map((view) => ({ city, view })));
const ALL_VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
// Lighthouse's mobile preset, as a real (not simulated) run: DevTools-style per-request latency.
const NETWORK = { offline: false, latency: 150, downloadThroughput: 180000, uploadThroughput: 84000 };
const PHONE = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75, isMobile: true, hasTouch: true };
// Issue 20's targets: the first drawn chart (a prerendered page's SVG) ≤ 0.3 × ECharts' first
// chart, the first interactive chart (a pointer gets its readout) ≤ 1.0 ×, the bytes before the
// first chart ≤ 0.25 ×.
const TARGETS = { bytes: 0.7, time: 0.3, interactive: 1.0, chart_bytes: 0.25, performance: 95, cls: 0, tooltip: 16 };

const started = Date.now();
const log = (msg) => process.stderr.write(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}\n`);
const fail = (msg) => {
  throw new Error(msg);
};
const median = (xs) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const spread = (xs) => ({ median: median(xs), min: Math.min(...xs), max: Math.max(...xs), runs: xs });
const sizes = (buffers) => ({
  raw: buffers.reduce((n, b) => n + b.length, 0),
  gzip: buffers.reduce((n, b) => n + gzip(b).length, 0),
  brotli: buffers.reduce((n, b) => n + brotli(b).length, 0),
});

// ---------------------------------------------------------------------------------------------
// 1. The ECharts page, and the check that it draws what EcoPlan draws.

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    return fail(`cannot read ${path} (${err.message}): run make build first`);
  }
}

async function checkSameCharts() {
  const { stdout } = await run('cargo', ['run', '--quiet', '--bin', 'ecoplan-data', '--', 'views', 'data'], {
    cwd: root,
    maxBuffer: 64 << 20,
  });
  const views = JSON.parse(stdout).zh.cities;
  const catalog = readJson(join(root, 'data', 'metrics.json'));
  const fromModel = (list) =>
    list
      .filter((x) => x.chart)
      .map((x) => ({
        marks: x.chart.marks.map((m) => [m.year, m.value ?? null, m.kind]),
        reference: x.chart.reference ? x.chart.reference.value : null,
        target_line: x.chart.target_line ?? null,
        goal: x.chart.goal ?? null,
      }));
  const counts = {};
  for (const [id, model] of Object.entries(views)) {
    const city = readJson(join(root, 'data', 'cities', `${id}.json`));
    const pairs = {
      overview: [chartSummary(overviewCharts(city, catalog)), fromModel(model.overview.cards)],
      air: [chartSummary(domainBlocks(city, catalog, 'air')), fromModel(model.air.blocks)],
    };
    for (const [view, [ours, theirs]] of Object.entries(pairs)) {
      if (JSON.stringify(ours) !== JSON.stringify(theirs)) {
        fail(`the ECharts page's ${id} ${view} charts differ from EcoPlan's view model:\n  echarts ${JSON.stringify(ours)}\n  ecoplan ${JSON.stringify(theirs)}`);
      }
      counts[`${id}/${view}`] = ours.length;
    }
  }
  return counts;
}

// ---------------------------------------------------------------------------------------------
// 3. Time to first chart.

const PAGES = {
  // The view's own page, prerendered (the address embeds and links use).
  ecoplan: { name: 'EcoPlan', mark: 'ecoplan:first-chart', charts: 'canvas[data-points]', url: (s, c, v) => `${s}${c}-${v}-zh.html` },
  echarts: { name: 'ECharts', mark: 'echarts:first-chart', charts: '.chart[data-points]', url: (s, c, v) => `${s}?city=${c}&view=${v}` },
};

// Runs in every document before its scripts. `__benchFirstChart` resolves with the first-chart
// mark's time and the time of the animation frame after it; `__benchAllCharts`, when the page has
// drawn `want` charts (each chart's `data-points` is written right after it is drawn, on both
// pages), with that time and the frame after. And no service worker: registering one fails, as
// where a browser has none (boot.js then says "works online only"), so every run is a first visit
// and nothing downloads the offline precache in the background. (Playwright's own `serviceWorkers:
// 'block'` resolves register() with undefined, which no browser does.)
const WATCH_CHARTS = (want) => {
  if (navigator.serviceWorker) {
    navigator.serviceWorker.register = () => Promise.reject(new DOMException('blocked by the benchmark', 'SecurityError'));
  }
  const nextFrame = (resolve, at) => requestAnimationFrame(() => resolve({ at, frame: performance.now() }));
  window.__benchFirstChart = new Promise((resolve) => {
    const seen = (e) => {
      const mark = performance.getEntriesByName(e.type, 'mark')[0];
      nextFrame(resolve, mark ? mark.startTime : null);
    };
    document.addEventListener('ecoplan:first-chart', seen, { once: true });
    document.addEventListener('echarts:first-chart', seen, { once: true });
  });
  // The first chart drawn at all: a prerendered page's SVG (svg.chart), painted with the page's
  // first contentful paint if it was there by then, else in the frame after it arrived; on a page
  // without one (ECharts), its first-chart mark.
  window.__benchFirstDrawn = new Promise((resolve) => {
    let inserted = null;
    const paint = () =>
      new Promise((done) => {
        const fcp = () => performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
        if (fcp() != null) return done(fcp());
        new PerformanceObserver((list, observer) => {
          observer.disconnect();
          done(list.getEntries()[0].startTime);
        }).observe({ type: 'paint', buffered: true });
      });
    const seen = new MutationObserver(() => {
      if (inserted !== null || !document.querySelector('svg.chart')) return;
      inserted = performance.now();
      seen.disconnect();
      paint().then((fcp) => (fcp >= inserted ? resolve(fcp) : requestAnimationFrame(() => resolve(performance.now()))));
    });
    seen.observe(document, { childList: true, subtree: true });
    window.__benchFirstChart.then((first) => {
      if (inserted === null) resolve(first.at);
    });
  });
  // The first interactive chart: from the first-chart mark (a canvas, or ECharts' chart), a pointer
  // at the chart's first mark each frame until its readout (EcoPlan's .readout, ECharts' tooltip)
  // answers; the time it did.
  window.__benchInteractive = window.__benchFirstChart.then(
    () =>
      new Promise((resolve) => {
        const chart = document.querySelector('canvas[data-points], .chart[data-points]');
        const watched = chart.localName === 'canvas' ? chart.closest('.chart-box').querySelector('.readout') : chart;
        const [x, y] = chart.getAttribute('data-points').split(' ')[0].split(',').map(Number);
        let done = false;
        new MutationObserver((_, observer) => {
          done = true;
          observer.disconnect();
          resolve(performance.now());
        }).observe(watched, { subtree: true, childList: true, characterData: true });
        const point = () => {
          if (done) return;
          const box = chart.getBoundingClientRect();
          const at = { bubbles: true, cancelable: true, clientX: box.left + x, clientY: box.top + y, pointerType: 'mouse', isPrimary: true };
          // At what is under that point, as a real pointer (ECharts listens on its own layer
          // inside the chart's box; EcoPlan's canvas is the chart itself).
          const target = document.elementFromPoint(at.clientX, at.clientY) ?? chart;
          target.dispatchEvent(new PointerEvent('pointermove', at));
          target.dispatchEvent(new MouseEvent('mousemove', at));
          requestAnimationFrame(point);
        };
        point();
      }),
  );
  window.__benchAllCharts = new Promise((resolve) => {
    if (!want) return;
    const observer = new MutationObserver(() => {
      if (document.querySelectorAll('[data-points]').length < want) return;
      observer.disconnect();
      nextFrame(resolve, performance.now());
    });
    observer.observe(document, { subtree: true, attributes: true, attributeFilter: ['data-points'] });
  });
};

async function openPage(browser, options = PHONE, charts = 0) {
  const context = await browser.newContext({ ...options, locale: 'zh-CN' });
  await context.addInitScript(WATCH_CHARTS, charts);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.enable');
  await cdp.send('Network.setCacheDisabled', { cacheDisabled: true });
  return { context, page, cdp, errors };
}

async function firstChartRun(browser, kind, site, city, view, want) {
  const spec = PAGES[kind];
  const { context, page, cdp, errors } = await openPage(browser, PHONE, want);
  try {
    const requests = new Map();
    cdp.on('Network.requestWillBeSent', (e) => {
      if (!requests.has(e.requestId)) requests.set(e.requestId, { url: e.request.url, start: e.timestamp, bytes: null });
    });
    cdp.on('Network.loadingFinished', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.bytes = e.encodedDataLength;
    });
    // Bytes as they cross the network, when: what arrived before the first drawn chart (a page
    // preloads its code, which the prerendered chart does not wait for).
    const received = [];
    cdp.on('Network.dataReceived', (e) => received.push({ at: e.timestamp, bytes: e.encodedDataLength }));
    cdp.on('Network.responseReceived', (e) => received.push({ at: e.timestamp, bytes: e.response.encodedDataLength ?? 0 }));
    cdp.on('Network.loadingFailed', (e) => {
      const r = requests.get(e.requestId);
      if (r) r.bytes = 0;
    });
    await cdp.send('Network.emulateNetworkConditions', NETWORK);
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    await page.goto(spec.url(site, city, view), { waitUntil: 'commit', timeout: 60000 });
    const within = (promise, what) =>
      Promise.race([promise, new Promise((_, no) => setTimeout(() => no(new Error(`${what} within 60 s`)), 60000))]);
    const first = await within(page.evaluate(() => window.__benchFirstChart), 'no first chart');
    if (first.at == null) fail(`no performance mark ${spec.mark}`);
    const drawn = await within(page.evaluate(() => window.__benchFirstDrawn), 'no first drawn chart');
    const interactive = await within(page.evaluate(() => window.__benchInteractive), 'no readout for a pointer');
    const all = await within(page.evaluate(() => window.__benchAllCharts), `not all ${want} charts drawn`);
    // What was requested before the first drawn chart, once it has arrived (the navigation is t = 0).
    const t0 = Math.min(...[...requests.values()].map((r) => r.start));
    const before = () => [...requests.values()].filter((r) => (r.start - t0) * 1000 <= drawn);
    for (let i = 0; i < 100 && before().some((r) => r.bytes === null); i++) await page.waitForTimeout(100);
    if (errors.length) fail(errors.join('\n'));
    const arrived = received.filter((r) => (r.at - t0) * 1000 <= drawn).reduce((n, r) => n + r.bytes, 0);
    return {
      drawn,
      interactive,
      arrived,
      first: first.at,
      first_frame: first.frame,
      all: all.at,
      all_frame: all.frame,
      bytes: before().reduce((n, r) => n + (r.bytes ?? 0), 0),
      requests: before().length,
    };
  } catch (err) {
    throw new Error(`${spec.name} ${city} ${view}: ${err.message}`);
  } finally {
    await context.close();
  }
}

async function timeToFirstChart(browser, sites, expected) {
  const results = {};
  for (const { city, view } of SCREENS) results[`${city}/${view}`] = { ecoplan: [], echarts: [] };
  // A warm-up of each page and screen (Chromium's first start, fonts, compiled code): discarded,
  // and used to check both pages drew every chart the view model has.
  log('warm-up run of each page and screen, checking the charts drawn');
  for (const { city, view } of SCREENS) {
    for (const kind of ['ecoplan', 'echarts']) {
      const { context, page, errors } = await openPage(browser, { ...PHONE });
      try {
        await page.goto(PAGES[kind].url(sites[kind], city, view));
        await page.evaluate(() => window.__benchFirstChart);
        const want = expected[`${city}/${view}`];
        await page
          .waitForFunction(([sel, n]) => document.querySelectorAll(sel).length === n, [PAGES[kind].charts, want], { timeout: 20000 })
          .catch(async () => {
            const got = await page.evaluate((sel) => document.querySelectorAll(sel).length, PAGES[kind].charts);
            fail(`${PAGES[kind].name} ${city} ${view}: ${got} charts drawn, the view model has ${want}`);
          });
        if (errors.length) fail(`${PAGES[kind].name} ${city} ${view}: ${errors.join('\n')}`);
      } finally {
        await context.close();
      }
    }
  }
  for (let i = 0; i < RUNS; i++) {
    for (const { city, view } of SCREENS) {
      // Alternating, and which page goes first alternates too.
      const order = i % 2 ? ['echarts', 'ecoplan'] : ['ecoplan', 'echarts'];
      for (const kind of order) {
        const r = await firstChartRun(browser, kind, sites[kind], city, view, expected[`${city}/${view}`]);
        results[`${city}/${view}`][kind].push(r);
        log(`run ${i + 1}/${RUNS} ${PAGES[kind].name.padEnd(7)} ${city} ${view}: drawn ${r.drawn.toFixed(0)} ms, interactive ${r.interactive.toFixed(0)} ms, first canvas/chart ${r.first.toFixed(0)} ms, all charts ${r.all.toFixed(0)} ms, ${r.bytes} B in ${r.requests} requests`);
      }
    }
  }
  const summary = {};
  for (const [screen, byKind] of Object.entries(results)) {
    summary[screen] = { charts: expected[screen] };
    for (const [kind, list] of Object.entries(byKind)) {
      const of = (key) => spread(list.map((r) => Math.round(r[key])));
      summary[screen][kind] = {
        first_drawn_ms: of('drawn'),
        first_interactive_ms: of('interactive'),
        first_chart_ms: of('first'),
        first_chart_next_frame_ms: of('first_frame'),
        all_charts_ms: of('all'),
        all_charts_next_frame_ms: of('all_frame'),
        bytes: of('bytes'),
        arrived_before_drawn: of('arrived'),
        requests: median(list.map((r) => r.requests)),
      };
    }
    summary[screen].ratio = summary[screen].ecoplan.first_chart_ms.median / summary[screen].echarts.first_chart_ms.median;
    summary[screen].ratio_drawn = summary[screen].ecoplan.first_drawn_ms.median / summary[screen].echarts.first_drawn_ms.median;
    summary[screen].ratio_interactive = summary[screen].ecoplan.first_interactive_ms.median / summary[screen].echarts.first_interactive_ms.median;
    summary[screen].ratio_all = summary[screen].ecoplan.all_charts_ms.median / summary[screen].echarts.all_charts_ms.median;
    summary[screen].ratio_bytes = summary[screen].ecoplan.arrived_before_drawn.median / summary[screen].echarts.arrived_before_drawn.median;
  }
  return summary;
}

// ---------------------------------------------------------------------------------------------
// 5. Pointer move → readout changed → the next animation frame, at 4x CPU.

async function tooltip(browser, kind, site) {
  const desktop = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 };
  const { context, page, cdp, errors } = await openPage(browser, desktop);
  try {
    await page.goto(PAGES[kind].url(site, LH_CITY, 'air'));
    await page.evaluate(() => window.__benchFirstChart);
    await page.waitForTimeout(500);
    // The first chart, and what shows its readout: EcoPlan's .readout beside the canvas, ECharts'
    // tooltip element inside the chart.
    const chart = page.locator(PAGES[kind].charts).first();
    await chart.scrollIntoViewIfNeeded();
    const points = (await chart.getAttribute('data-points')).split(' ').map((p) => p.split(',').map(Number));
    if (points.length < 2) fail('the first chart has fewer than two marks');
    const box = await chart.boundingBox();
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
    const times = [];
    for (let i = 0; i <= MOVES; i++) {
      await page.evaluate((isEcoplan) => {
        const chart = document.querySelector(isEcoplan ? 'canvas[data-points]' : '.chart[data-points]');
        const watched = isEcoplan ? chart.closest('.chart-box').querySelector('.readout') : chart;
        window.__benchTip = new Promise((resolve, reject) => {
          let moved = null;
          const onMove = (e) => {
            if (moved === null) moved = e.timeStamp;
          };
          addEventListener('pointermove', onMove, { capture: true });
          const observer = new MutationObserver(() => {
            const changed = performance.now();
            observer.disconnect();
            requestAnimationFrame(() => {
              removeEventListener('pointermove', onMove, { capture: true });
              resolve({ moved, changed, frame: performance.now() });
            });
          });
          observer.observe(watched, { subtree: true, childList: true, characterData: true });
          setTimeout(() => reject(new Error('the readout did not change within 5 s of a pointer move')), 5000);
        });
      }, kind === 'ecoplan');
      // The second mark first: the first interactive chart's probe (WATCH_CHARTS) has already
      // pointed at the first, whose readout is showing.
      const [x, y] = points[(i + 1) % 2];
      await page.mouse.move(box.x + x, box.y + y);
      const t = await page.evaluate(() => window.__benchTip);
      if (t.moved == null) fail('no pointermove reached the page');
      // The first move may still be the page's first answer to a real pointer: not counted.
      if (i > 0) times.push({ text: t.changed - t.moved, frame: t.frame - t.moved });
      await page.waitForTimeout(100);
    }
    if (errors.length) fail(errors.join('\n'));
    const round = (x) => Math.round(x * 10) / 10;
    return { text: spread(times.map((t) => round(t.text))), frame: spread(times.map((t) => round(t.frame))) };
  } catch (err) {
    throw new Error(`tooltip, ${PAGES[kind].name}: ${err.message}`);
  } finally {
    await context.close();
  }
}

// ---------------------------------------------------------------------------------------------
// 6. Memory.

async function memory(page, cdp) {
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(200);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const dom = await cdp.send('Memory.getDOMCounters');
  const inPage = await page.evaluate(async () => {
    // wasm-bindgen's init returns the running instance's exports when called again.
    let wasm = null;
    const glue = document.querySelector('link[rel="modulepreload"]');
    if (glue) wasm = (await (await import(glue.href)).default()).memory.buffer.byteLength;
    return {
      used_js_heap: performance.memory ? performance.memory.usedJSHeapSize : null,
      wasm_memory: wasm,
      canvases: document.querySelectorAll('canvas').length,
    };
  });
  return { v8_heap_used: heap.usedSize, v8_heap_total: heap.totalSize, ...inPage, dom_nodes: dom.nodes, js_event_listeners: dom.jsEventListeners };
}

/** The city a page's address names: EcoPlan's page (<city>-<view>-<lang>.html), ECharts' ?city=. */
const cityOn = (kind, url) =>
  kind === 'ecoplan' ? new URL(url).pathname.split('/').pop().split('-')[0] : new URL(url).searchParams.get('city');

/** Waits until EcoPlan shows `view` of `city` with every chart of it drawn. */
async function ecoplanShows(page, city, view) {
  await page.waitForFunction(
    ([city, view]) => {
      // The address is the view's page: <city>-<view>-<lang>.html.
      const page = location.pathname.split('/').pop();
      if (!page.startsWith(`${city}-${view}-`)) return false;
      const section = document.querySelector('#main section.view');
      if (!section || document.querySelector('#main .status')) return false;
      return [...section.querySelectorAll('canvas')].every((c) => c.hasAttribute('data-points'));
    },
    [city, view],
    { timeout: 30000 },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

async function memoryRuns(browser, sites) {
  const cityList = readJson(join(root, 'target', 'size-report.json')).cities.cities.map((c) => c.id);
  const out = {};
  const noThrottle = { viewport: { width: 412, height: 823 }, deviceScaleFactor: 1.75 };

  // EcoPlan: first view; then every view of every city, by the city picker and the tabs.
  {
    const { context, page, cdp, errors } = await openPage(browser, noThrottle);
    try {
      await page.goto(PAGES.ecoplan.url(sites.ecoplan, cityList[0], 'overview'));
      await page.evaluate(() => window.__benchFirstChart);
      await ecoplanShows(page, cityList[0], 'overview');
      out.ecoplan_first_view = await memory(page, cdp);
      let visited = 0;
      for (const city of cityList) {
        if (cityOn('ecoplan', page.url()) !== city) await page.selectOption('select#city', city);
        for (const view of ALL_VIEWS) {
          const index = ALL_VIEWS.indexOf(view);
          await page.locator('.tabs a').nth(index).click();
          await ecoplanShows(page, city, view);
          visited++;
        }
      }
      out.ecoplan_every_view = { ...(await memory(page, cdp)), views: visited };
      if (errors.length) fail(errors.join('\n'));
    } catch (err) {
      throw new Error(`memory, EcoPlan: ${err.message}`);
    } finally {
      await context.close();
    }
  }
  // Both pages after the benchmark's screens, visited in the page (picker and tabs).
  for (const kind of ['ecoplan', 'echarts']) {
    const { context, page, cdp, errors } = await openPage(browser, noThrottle);
    try {
      await page.goto(PAGES[kind].url(sites[kind], SCREENS[0].city, SCREENS[0].view));
      await page.evaluate(() => window.__benchFirstChart);
      for (const { city, view } of SCREENS) {
        if (cityOn(kind, page.url()) !== city) await page.selectOption('select#city', city);
        await page.locator('.tabs a').nth(view === 'air' ? 1 : 0).click();
        if (kind === 'ecoplan') await ecoplanShows(page, city, view);
        else {
          await page.waitForFunction(
            ([city, view]) => {
              const q = new URLSearchParams(location.search);
              return q.get('city') === city && q.get('view') === view && document.querySelector(`#main section.${view === 'air' ? 'trends' : 'overview'} .chart[data-points]`);
            },
            [city, view],
            { timeout: 30000 },
          );
        }
      }
      out[`${kind}_bench_screens`] = { ...(await memory(page, cdp)), views: SCREENS.length };
      if (errors.length) fail(errors.join('\n'));
    } catch (err) {
      throw new Error(`memory, ${PAGES[kind].name}: ${err.message}`);
    } finally {
      await context.close();
    }
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// 4. Lighthouse.

async function lighthouse(url) {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-lh-'));
  const report = join(dir, 'report.json');
  try {
    await run(
      process.execPath,
      [
        join(root, 'node_modules', 'lighthouse', 'cli', 'index.js'),
        url,
        '--quiet',
        '--output=json',
        `--output-path=${report}`,
        '--only-categories=performance',
        '--max-wait-for-load=60000',
        '--chrome-flags=--headless=new --no-sandbox --disable-gpu --disable-dev-shm-usage --disable-background-networking --disable-component-update --disable-sync --no-first-run',
      ],
      { env: { ...process.env, CHROME_PATH: CHROMIUM }, timeout: 180000, maxBuffer: 64 << 20 },
    );
    const lhr = readJson(report);
    if (lhr.runtimeError) fail(`${url}: ${lhr.runtimeError.code} ${lhr.runtimeError.message}`);
    const a = (id) => lhr.audits[id]?.numericValue ?? null;
    const score = lhr.categories.performance.score;
    if (score == null) fail(`${url}: Lighthouse gave no performance score (${(lhr.runWarnings ?? []).join('; ')})`);
    return {
      performance: Math.round(score * 100),
      cls: a('cumulative-layout-shift'),
      fcp_ms: a('first-contentful-paint'),
      lcp_ms: a('largest-contentful-paint'),
      tbt_ms: a('total-blocking-time'),
      si_ms: a('speed-index'),
      benchmark_index: lhr.environment?.benchmarkIndex ?? null,
      warnings: lhr.runWarnings ?? [],
      version: lhr.lighthouseVersion,
    };
  } catch (err) {
    throw new Error(`Lighthouse ${url}: ${err.message}`);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

async function lighthouseRuns(sites) {
  const out = {};
  const list = [
    ...ALL_VIEWS.map((view) => ['ecoplan', view]),
    ['echarts', 'overview'],
    ['echarts', 'air'],
  ];
  for (const [kind, view] of list) {
    const runs = [];
    for (let i = 0; i < LH_RUNS; i++) {
      const r = await lighthouse(PAGES[kind].url(sites[kind], LH_CITY, view));
      runs.push(r);
      log(`Lighthouse ${PAGES[kind].name} ${LH_CITY} ${view}: performance ${r.performance}, CLS ${r.cls.toFixed(3)}`);
    }
    // Several runs: the median of each figure, and the worst layout shift.
    const mid = (key) => median(runs.map((r) => r[key]));
    out[`${kind}/${view}`] = {
      performance: mid('performance'),
      cls: Math.max(...runs.map((r) => r.cls)),
      fcp_ms: mid('fcp_ms'),
      lcp_ms: mid('lcp_ms'),
      tbt_ms: mid('tbt_ms'),
      si_ms: mid('si_ms'),
      benchmark_index: mid('benchmark_index'),
      version: runs[0].version,
      runs,
    };
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// The table.

const int = (n) => Math.round(n).toLocaleString('en-US');
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const met = (ok) => (ok ? 'met' : 'MISSED');
const ms = (n) => `${Math.round(n)}`;
const pad = (s, n) => String(s).padStart(n);

function table(r) {
  const L = [];
  L.push(`EcoPlan benchmark · ${r.date} · build ${r.build} · ${r.chromium} · Lighthouse ${r.lighthouse_version}`);
  L.push(`machine: ${r.machine.cpus} × ${r.machine.cpu_model}, ${r.machine.load} load avg at start · ${r.runs} runs per page and screen · took ${r.took_s} s`);
  L.push('');
  L.push(`1. First view, bytes: page, code, style (EcoPlan: and icon), the catalog and the default city's data (${r.default_city}), compressed as served`);
  L.push(`${'page'.padEnd(26)}${pad('raw', 12)}${pad('gzip', 12)}${pad('brotli', 12)}`);
  for (const [name, s] of [['EcoPlan (size report)', r.first_view.ecoplan], ['ECharts page', r.first_view.echarts]]) {
    L.push(`${name.padEnd(26)}${pad(int(s.raw), 12)}${pad(int(s.gzip), 12)}${pad(int(s.brotli), 12)}`);
  }
  const fr = r.first_view.ratio;
  L.push(`${'EcoPlan / ECharts'.padEnd(26)}${pad(fr.raw.toFixed(2), 12)}${pad(fr.gzip.toFixed(2), 12)}${pad(fr.brotli.toFixed(2), 12)}   target ≤ ${TARGETS.bytes} (brotli): ${met(fr.brotli <= TARGETS.bytes)}`);
  L.push('');
  L.push(`2. Time to the first drawn chart, ms from navigation (150 ms RTT, 1.6 Mbps down, 4x CPU), median (min–max) of ${r.runs}`);
  L.push('   EcoPlan: its prerendered page\'s SVG painted; ECharts: its first chart drawn');
  const cell = (x) => `${ms(x.median)} (${ms(x.min)}–${ms(x.max)})`;
  L.push(`${'screen'.padEnd(20)}${pad('EcoPlan', 20)}${pad('ECharts', 20)}${pad('ratio', 7)}   target ≤ ${TARGETS.time}`);
  for (const [screen, s] of Object.entries(r.first_chart)) {
    L.push(`${screen.replace('/', ' ').padEnd(20)}${pad(cell(s.ecoplan.first_drawn_ms), 20)}${pad(cell(s.echarts.first_drawn_ms), 20)}${pad(s.ratio_drawn.toFixed(2), 7)}   ${met(s.ratio_drawn <= TARGETS.time)}`);
  }
  L.push('   ... the first interactive chart: a pointer at its first mark gets its readout (EcoPlan) or tooltip (ECharts)');
  L.push(`${'screen'.padEnd(20)}${pad('EcoPlan', 20)}${pad('ECharts', 20)}${pad('ratio', 7)}   target ≤ ${TARGETS.interactive}`);
  for (const [screen, s] of Object.entries(r.first_chart)) {
    L.push(`${screen.replace('/', ' ').padEnd(20)}${pad(cell(s.ecoplan.first_interactive_ms), 20)}${pad(cell(s.echarts.first_interactive_ms), 20)}${pad(s.ratio_interactive.toFixed(2), 7)}   ${met(s.ratio_interactive <= TARGETS.interactive)}`);
  }
  L.push('   ... the first canvas chart drawn by the code (EcoPlan\'s ecoplan:first-chart), every chart of the screen drawn (charts)');
  L.push(`${'screen'.padEnd(20)}${pad('EcoPlan', 20)}${pad('ECharts', 20)}${pad('ratio', 7)}`);
  for (const [screen, s] of Object.entries(r.first_chart)) {
    L.push(`${screen.replace('/', ' ').padEnd(20)}${pad(cell(s.ecoplan.first_chart_ms), 20)}${pad(cell(s.echarts.first_chart_ms), 20)}${pad(s.ratio.toFixed(2), 7)}`);
  }
  L.push(`   ... every chart of the screen drawn, and the bytes that arrived before the first drawn chart (median, compressed, headers counted), target ≤ ${TARGETS.chart_bytes}`);
  L.push(`${'screen'.padEnd(20)}${pad('EcoPlan', 20)}${pad('ECharts', 20)}${pad('ratio', 7)}${pad('charts', 8)}${pad('EcoPlan', 11)}${pad('ECharts', 11)}${pad('ratio', 7)}`);
  for (const [screen, s] of Object.entries(r.first_chart)) {
    L.push(
      `${screen.replace('/', ' ').padEnd(20)}${pad(cell(s.ecoplan.all_charts_ms), 20)}${pad(cell(s.echarts.all_charts_ms), 20)}${pad(s.ratio_all.toFixed(2), 7)}${pad(s.charts, 8)}${pad(kb(s.ecoplan.arrived_before_drawn.median), 11)}${pad(kb(s.echarts.arrived_before_drawn.median), 11)}${pad(s.ratio_bytes.toFixed(2), 7)} ${met(s.ratio_bytes <= TARGETS.chart_bytes)}`,
    );
  }
  L.push('');
  L.push(
    `3. Lighthouse mobile (simulated 150 ms RTT, 1.6 Mbps, 4x CPU), ${LH_CITY}, ${LH_RUNS === 1 ? 'one run each' : `median of ${LH_RUNS} runs, worst CLS`}; this machine's benchmarkIndex ${Math.round(r.lighthouse_benchmark_index)}`,
  );
  L.push(`${'page view'.padEnd(20)}${pad('perf', 6)}${pad('CLS', 8)}${pad('FCP', 8)}${pad('LCP', 8)}${pad('TBT', 8)}${pad('SI', 8)}   target perf ≥ ${TARGETS.performance}, CLS ${TARGETS.cls}`);
  for (const [key, x] of Object.entries(r.lighthouse)) {
    const [kind, view] = key.split('/');
    const s = (v) => `${(v / 1000).toFixed(1)}s`;
    L.push(
      `${`${PAGES[kind].name} ${view}`.padEnd(20)}${pad(x.performance, 6)}${pad(x.cls.toFixed(3), 8)}${pad(s(x.fcp_ms), 8)}${pad(s(x.lcp_ms), 8)}${pad(`${ms(x.tbt_ms)}ms`, 8)}${pad(s(x.si_ms), 8)}   ${kind === 'ecoplan' ? met(x.performance >= TARGETS.performance && x.cls <= TARGETS.cls) : ''}`,
    );
  }
  L.push('');
  L.push(`4. Pointer move → readout, 4x CPU, ${LH_CITY} Air, first chart, ${MOVES} moves between two marks, median (min–max) ms`);
  L.push(`${''.padEnd(20)}${pad('to the new text', 22)}${pad('to the next frame', 22)}   target ≤ ${TARGETS.tooltip} ms (new text)`);
  for (const [kind, x] of Object.entries(r.tooltip)) {
    const cell = (y) => `${y.median.toFixed(1)} (${y.min.toFixed(1)}–${y.max.toFixed(1)})`;
    L.push(`${PAGES[kind].name.padEnd(20)}${pad(cell(x.text), 22)}${pad(cell(x.frame), 22)}   ${kind === 'ecoplan' ? met(x.text.median <= TARGETS.tooltip) : ''}`);
  }
  L.push('');
  L.push('5. Memory after garbage collection (no throttling)');
  L.push(`${'after'.padEnd(36)}${pad('JS heap', 10)}${pad('wasm mem', 10)}${pad('DOM nodes', 11)}${pad('listeners', 11)}${pad('canvases', 10)}`);
  const mb = (n) => (n == null ? '–' : `${(n / 1048576).toFixed(1)} MB`);
  for (const [label, key] of [
    ['EcoPlan, first view', 'ecoplan_first_view'],
    [`EcoPlan, all ${r.memory.ecoplan_every_view.views} views (${ALL_VIEWS.length} × 5 cities)`, 'ecoplan_every_view'],
    [`EcoPlan, the ${SCREENS.length} benchmark screens`, 'ecoplan_bench_screens'],
    [`ECharts, the ${SCREENS.length} benchmark screens`, 'echarts_bench_screens'],
  ]) {
    const m = r.memory[key];
    L.push(`${label.padEnd(36)}${pad(mb(m.v8_heap_used), 10)}${pad(mb(m.wasm_memory), 10)}${pad(m.dom_nodes, 11)}${pad(m.js_event_listeners, 11)}${pad(m.canvases, 10)}`);
  }
  return L.map((line) => line.trimEnd()).join('\n');
}

// ---------------------------------------------------------------------------------------------

async function main() {
  const report = readJson(join(root, 'target', 'size-report.json'));
  const html = readFileSync(join(DIST, 'index.html'), 'utf8');
  const build = html.match(/<meta name="ecoplan-build" content="([^"]*)">/)?.[1];
  if (build !== report.build) fail(`target/size-report.json (build ${report.build}) is not of dist/ (build ${build}): run make build`);

  log('building the ECharts page (bench/dist/)');
  const echartsPage = await buildEchartsPage({ distDir: DIST });
  log('checking that it draws the charts of EcoPlan\'s view model (cargo run --bin ecoplan-data -- views)');
  const expected = await checkSameCharts();

  const cities = readJson(join(root, 'target', 'size-report.json')).cities;
  const dataOf = (path) => readFileSync(join(DIST, echartsPage.data[path]));
  const echartsFirst = sizes([
    ...echartsPage.files.map((f) => readFileSync(join(echartsPage.outDir, f))),
    dataOf('data/metrics.json'),
    dataOf(`data/cities/${cities.default}.json`),
  ]);
  const ecoFirst = report.first_view;

  log('compressing and serving dist/ and bench/dist/');
  const ecoSite = await serveCompressed({ '/': DIST });
  const echSite = await serveCompressed({ '/': echartsPage.outDir, '/data/': join(DIST, 'data') });
  const sites = { ecoplan: ecoSite.url, echarts: echSite.url };
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...CHROMIUM_ARGS, '--enable-precise-memory-info'],
  });
  try {
    const result = {
      date: new Date().toISOString().replace(/\.\d+Z$/, 'Z'),
      build,
      chromium: `Chromium ${browser.version()}`,
      machine: { cpus: cpus().length, cpu_model: cpus()[0]?.model ?? '?', load: (await import('node:os')).loadavg()[0].toFixed(2) },
      runs: RUNS,
      default_city: cities.default,
      targets: TARGETS,
      first_view: {
        ecoplan: { raw: ecoFirst.raw, gzip: ecoFirst.gzip, brotli: ecoFirst.brotli, files: ecoFirst.files },
        echarts: { ...echartsFirst, files: [...echartsPage.files, echartsPage.data['data/metrics.json'], echartsPage.data[`data/cities/${cities.default}.json`]] },
      },
    };
    result.first_view.ratio = Object.fromEntries(['raw', 'gzip', 'brotli'].map((k) => [k, ecoFirst[k] / echartsFirst[k]]));
    result.first_chart = await timeToFirstChart(browser, sites, expected);
    log('pointer move → readout, 4x CPU');
    result.tooltip = { ecoplan: await tooltip(browser, 'ecoplan', sites.ecoplan), echarts: await tooltip(browser, 'echarts', sites.echarts) };
    log('memory: every view of every city');
    result.memory = await memoryRuns(browser, sites);
    await browser.close();
    log(`Lighthouse: ${ALL_VIEWS.length} EcoPlan views and 2 ECharts screens of ${LH_CITY}`);
    result.lighthouse = await lighthouseRuns(sites);
    const any = Object.values(result.lighthouse)[0];
    result.lighthouse_version = any.version;
    result.lighthouse_benchmark_index = median(Object.values(result.lighthouse).map((x) => x.benchmark_index));
    result.took_s = Math.round((Date.now() - started) / 1000);
    const text = table(result);
    mkdirSync(join(root, 'target'), { recursive: true });
    writeFileSync(join(root, 'target', 'bench.json'), `${JSON.stringify({ ...result, table: text.split('\n') }, null, 2)}\n`);
    process.stdout.write(`${text}\n`);
    log('written to target/bench.json');
  } finally {
    await browser.close().catch(() => {});
    ecoSite.server.close();
    echSite.server.close();
  }
}

main().catch((err) => {
  console.error(`bench: measurement failed: ${err.stack ?? err.message}`);
  process.exit(1);
});
