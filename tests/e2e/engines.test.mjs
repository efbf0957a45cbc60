// The same checks in three engines: Chromium, Firefox ESR (over WebDriver BiDi) and WebKitGTK (Safari's
// engine, over W3C WebDriver), through the one driver interface of engines.mjs. Every view renders
// its content with the view model's numbers and its charts drawn, a chart's readout by keyboard, the
// source dialog, the language switch, and the offline reload where the engine has service workers.
// Screenshots at 375 px land in test-results/<engine>-<view>.png.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { DRIVERS, waitFor } from './engines.mjs';
import { startServer } from './helpers.mjs';
import { views } from './views.mjs';

const V = views();
const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
/** The section each view renders (src/components/). */
const SECTION = { overview: 'overview', air: 'trends', water: 'trends', targets: 'targets', green: 'green', compare: 'compare', sources: 'about' };
/** The city whose views are checked: it has charts on the overview, Air, Water and Compare. */
const CITY = 'jiaozuo';
const TIMEOUT = 120000;

let site;
before(async () => {
  site = await startServer();
  mkdirSync('test-results', { recursive: true });
});
after(() => {
  site?.server.close();
  site?.server.closeAllConnections();
});

/** What a view shows, read from the page: its title, text per part, and every chart canvas. */
function readView(section) {
  const text = (el) => el?.textContent ?? null;
  const root = document.querySelector(`section.view.${section}`);
  return {
    title: text(document.querySelector('#view-title')),
    cards: [...root.querySelectorAll('.overview .card')].map((c) => ({ metric: c.dataset.metric, text: c.textContent })),
    blocks: [...root.querySelectorAll('figure.indicator')].map((f) => f.id),
    targets: [...root.querySelectorAll('.targets-table tbody tr')].map((tr) => [tr.dataset.indicator, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]),
    actions: [...root.querySelectorAll('.action h4')].map(text),
    compare: [...root.querySelectorAll('.compare-table tr[data-city]')].map((tr) => ({ city: tr.dataset.city, text: tr.textContent })),
    plans: [...root.querySelectorAll('article.plan[data-city]')].map((a) => a.dataset.city),
    charts: [...root.querySelectorAll('canvas')].map((c) => c.getAttribute('aria-label')),
  };
}

/** Per canvas in `scope`: its size and how many opaque, clearly coloured pixels it has drawn (not background, not grey text). */
function chartPixels(scope) {
  return [...document.querySelectorAll(`${scope} canvas`)].map((c) => {
    if (!c.width || !c.height || !c.hasAttribute('data-points')) return { label: c.getAttribute('aria-label'), coloured: 0 };
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    let coloured = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i + 3] > 128 && Math.max(d[i], d[i + 1], d[i + 2]) - Math.min(d[i], d[i + 1], d[i + 2]) >= 60) coloured++;
    }
    return { label: c.getAttribute('aria-label'), width: c.width, coloured };
  });
}

/** Waits until every canvas in `scope` (`count` of them) has drawn, then asserts each has coloured pixels. */
async function assertChartsDrawn(d, scope, count, label) {
  await waitFor(
    d,
    (sel, n) => {
      const cs = [...document.querySelectorAll(`${sel} canvas`)];
      return cs.length === n && cs.every((c) => c.width > 0 && c.hasAttribute('data-points'));
    },
    [scope, count],
    { what: `${label}: ${count} charts drawn` },
  );
  const pixels = await d.evaluate(chartPixels, scope);
  assert.equal(pixels.length, count, `${label}: charts`);
  for (const p of pixels) assert.ok(p.coloured > 100, `${d.name} ${label}: the chart «${p.label}» has drawn (${p.coloured} coloured pixels)`);
}

/** The expected content of each view, from the native view models (zh). */
function expected(view) {
  const city = V.zh.cities[CITY];
  switch (view) {
    case 'overview': {
      const v = city.overview;
      return { title: v.title + v.plan_title, charts: v.cards.filter((c) => c.chart).map((c) => c.chart.summary) };
    }
    case 'air':
    case 'water': {
      const v = city[view];
      return { title: v.title, charts: v.blocks.filter((b) => b.chart).map((b) => b.chart.summary) };
    }
    case 'targets':
    case 'green':
      return { title: city[view].title, charts: [] };
    case 'compare':
      return { title: V.zh.compare.pm25.title, charts: [V.zh.compare.pm25.chart.summary] };
    case 'sources':
      return { title: V.zh.sources.title, charts: [] };
  }
}

function assertViewModel(engine, view, shown) {
  const city = V.zh.cities[CITY];
  const label = `${engine} ${view}`;
  const want = expected(view);
  assert.equal(shown.title, want.title, `${label}: title`);
  assert.deepEqual(shown.charts, want.charts, `${label}: one chart per view-model chart, with its summary`);
  switch (view) {
    case 'overview':
      assert.deepEqual(shown.cards.map((c) => c.metric), city.overview.cards.map((c) => c.metric), `${label}: cards`);
      for (const [i, card] of city.overview.cards.entries()) {
        for (const cell of [card.latest, card.target].filter(Boolean)) {
          assert.ok(shown.cards[i].text.includes(cell.text), `${label} ${card.metric}: «${cell.text}» in «${shown.cards[i].text}»`);
          assert.ok(shown.cards[i].text.includes(cell.year), `${label} ${card.metric}: ${cell.year}`);
        }
        assert.ok(shown.cards[i].text.includes(card.progress), `${label} ${card.metric}: progress`);
      }
      break;
    case 'air':
    case 'water':
      assert.deepEqual(shown.blocks, city[view].blocks.map((b) => b.id), `${label}: one block per metric`);
      break;
    case 'targets': {
      const cell = (c) => (c ? c.text + c.year : '—');
      assert.deepEqual(shown.targets, city.targets.groups.flatMap((g) => g.rows.map((r) => [r.id, cell(r.baseline), cell(r.target)])), `${label}: rows`);
      break;
    }
    case 'green':
      assert.deepEqual(shown.actions, city.green.themes.flatMap((t) => t.actions.map((a) => a.title)), `${label}: actions`);
      break;
    case 'compare':
      assert.deepEqual(shown.compare.map((r) => r.city), V.zh.compare.pm25.rows.map((r) => r.city), `${label}: one row per city`);
      for (const [i, row] of V.zh.compare.pm25.rows.entries()) {
        for (const c of [row.latest, row.target].filter(Boolean)) assert.ok(shown.compare[i].text.includes(c.text), `${label} ${row.city}: ${c.text}`);
      }
      break;
    case 'sources':
      assert.deepEqual(shown.plans, V.zh.sources.plans.map((p) => p.city), `${label}: the five plans`);
      break;
  }
}

/** The page is no wider than the window (each engine sizes form controls its own way). */
async function assertNoOverflow(d, label) {
  const { scroll, client } = await d.evaluate(() => ({ scroll: document.documentElement.scrollWidth, client: document.documentElement.clientWidth }));
  assert.ok(scroll <= client, `${label}: the page is ${scroll} px wide in a ${client} px window`);
}

const readout = (figure) => document.querySelector(`${figure} .readout .main`)?.textContent ?? null;

for (const [engine, launch] of Object.entries(DRIVERS)) {
  describe(engine, { timeout: 6 * TIMEOUT }, () => {
    let d;
    before(async () => {
      d = await launch();
      console.log(`# ${engine}: ${d.version}`);
      // A page carries its view before the app runs; what the tests do next is done to the app,
      // once it has taken the page over (an element of the page before that is replaced).
      for (const name of ['goto', 'reload']) {
        const navigate = d[name];
        d[name] = async (...args) => {
          await navigate(...args);
          await waitFor(d, () => document.querySelector('#ecoplan[data-live]') !== null, [], { what: 'the app running' });
        };
      }
    }, { timeout: TIMEOUT });
    after(async () => {
      await d?.close();
    });

    test('every view renders its content, the view model\'s numbers and its charts drawn', { timeout: TIMEOUT }, async () => {
      await d.goto(`${site.url}?city=${CITY}&lang=zh`);
      for (const [i, view] of VIEWS.entries()) {
        // The first view by its URL, the others through the tabs, as a reader goes.
        if (i > 0) await d.click(`.tabs li:nth-child(${i + 1}) a`);
        // Air and Water share their section: the title tells which view is on screen.
        const want = expected(view);
        await waitFor(
          d,
          (sel, title) => document.querySelector(`section.view.${sel}`) !== null && document.querySelector('#view-title')?.textContent === title,
          [SECTION[view], want.title],
          { what: `${view}: its section, titled «${want.title}»` },
        );
        // The charts as the view model has them: Compare's fills in as each city's data arrives.
        await waitFor(
          d,
          (sel, labels) => JSON.stringify([...document.querySelectorAll(`section.view.${sel} canvas`)].map((c) => c.getAttribute('aria-label'))) === labels,
          [SECTION[view], JSON.stringify(want.charts)],
          { what: `${view}: the charts ${JSON.stringify(want.charts)}` },
        );
        // The address is the page the build wrote for the city's view (an old link is sent there).
        const url = new URL(await d.url());
        assert.equal(url.pathname.split('/').pop(), `${CITY}-${view}-zh.html`, `${engine}: the URL follows the view and keeps the city`);
        await assertChartsDrawn(d, `section.view.${SECTION[view]}`, want.charts.length, view);
        assertViewModel(engine, view, await d.evaluate(readView, SECTION[view]));
        await assertNoOverflow(d, `${engine} ${view}`);
        await d.screenshot(`test-results/${engine}-${view}.png`);
      }
      assert.deepEqual(d.errors, [], `${engine}: no uncaught errors`);
    });

    test('a chart\'s readout by keyboard shows the year and value of each mark', { timeout: TIMEOUT }, async () => {
      const marks = V.zh.cities.jiaozuo.air.blocks.find((b) => b.id === 'indicator-pm25').chart.marks;
      // The plan's own numbers for Jiaozuo's PM2.5: 56 in 2020, a target of 43 for 2025.
      const pm25 = JSON.parse(readFileSync('data/cities/jiaozuo.json', 'utf8')).indicators.find((i) => i.id === 'pm25');
      const actual = pm25.values.find((v) => v.kind === 'actual' && v.year === 2020 && v.source);
      const target = pm25.values.find((v) => v.kind === 'target');
      await d.goto(`${site.url}?city=jiaozuo&view=air&lang=zh`);
      const figure = '#indicator-pm25';
      await assertChartsDrawn(d, figure, 1, 'PM2.5');
      assert.equal(await d.evaluate(readout, figure), '点按图表或用方向键查看各年数值。', 'nothing picked before focus');
      await d.focus(`${figure} canvas`);
      await waitFor(d, (f, t) => document.querySelector(`${f} .readout .main`)?.textContent === t, [figure, marks[0].readout], { what: 'the first mark on focus' });
      await d.press('ArrowRight');
      const second = await waitFor(d, (f, t) => document.querySelector(`${f} .readout .main`)?.textContent === t && t, [figure, marks[1].readout], { what: `«${marks[1].readout}» after ArrowRight` });
      assert.ok(second.includes(`${actual.year}年`) && second.includes(`${actual.value} μg/m³`), `${engine}: ${second}`);
      await d.press('End');
      const last = await waitFor(d, (f, t) => document.querySelector(`${f} .readout .main`)?.textContent === t && t, [figure, marks.at(-1).readout], { what: `«${marks.at(-1).readout}» after End` });
      assert.ok(last.includes(`${target.year}年`) && last.includes(`${target.value} μg/m³`), `${engine}: ${last}`);
      await d.press('ArrowLeft');
      await waitFor(d, (f, t) => document.querySelector(`${f} .readout .main`)?.textContent === t, [figure, marks.at(-2).readout], { what: 'the mark before after ArrowLeft' });
    });

    test('a number opens the sentence of the plan it comes from, and Escape closes it', { timeout: TIMEOUT }, async () => {
      // Zhengzhou's latest good-air figure is quoted from a whole sentence of its plan.
      const data = JSON.parse(readFileSync('data/cities/zhengzhou.json', 'utf8'));
      const value = data.indicators.find((i) => i.metric === 'good_air_days_ratio').values.find((v) => v.kind === 'actual' && v.source);
      const { quote, line } = value.source;
      assert.ok(quote.length > 10 && quote.includes(String(value.value)), `a sentence with the number: ${quote}`);
      await d.goto(`${site.url}?city=zhengzhou&lang=zh`);
      const button = '.card[data-metric=good_air_days_ratio] .latest button.src';
      await waitFor(d, (sel) => document.querySelector(sel) !== null, [button], { what: 'the number' });
      await d.click(button);
      const text = await waitFor(d, () => document.querySelector('[role=dialog]')?.textContent, [], { what: 'the source dialog' });
      assert.ok(text.includes(quote), `${engine}: the quote «${quote}» in «${text}»`);
      assert.ok(text.includes(`zhengzhou.txt, 第 ${line} 行`), `${engine}: file and line ${line}`);
      assert.ok(text.includes(data.plan.title.zh), `${engine}: the plan's title`);
      // The dialog moves focus to its close button; Escape from there closes it.
      await waitFor(d, () => document.activeElement?.matches('[role=dialog] button.close'), [], { what: 'focus in the dialog' });
      await d.screenshot(`test-results/${engine}-source-dialog.png`);
      await d.press('Escape');
      await waitFor(d, () => document.querySelector('[role=dialog]') === null, [], { what: 'the dialog closed by Escape' });
    });

    test('the language switch changes <html lang>, the headings and the URL', { timeout: TIMEOUT }, async () => {
      const en = V.en.cities.jiaozuo.overview;
      const zh = V.zh.cities.jiaozuo.overview;
      await d.goto(`${site.url}?city=jiaozuo&lang=zh`);
      await waitFor(d, (t) => document.querySelector('#view-title')?.textContent === t, [zh.title + zh.plan_title], { what: 'the Chinese title' });
      assert.equal(await d.evaluate(() => document.documentElement.lang), 'zh-CN');
      assert.equal(await d.evaluate(() => document.querySelector('h1').textContent), '生态规划看板');
      await d.click('button.lang');
      const english = () => document.querySelector('h1').textContent === 'EcoPlan';
      // WebKitWebDriver now and then performs an element click that reaches no listener: the page
      // is live and answers a second click (or a script's) at once. Seen here in 2 runs of 5 of
      // this suite, on the build before issue 20's loading change as on the one after it. One more
      // real click then, said in the log; a switch that does not work fails after it as before.
      if (!(await waitFor(d, english, [], { what: 'the English h1', timeout: 3000 }).catch(() => false))) {
        console.log(`# ${engine}: the first click on the language button reached nothing; clicked again`);
        await d.click('button.lang');
      }
      await waitFor(d, english, [], { what: 'the English h1' });
      assert.equal(await d.evaluate(() => document.documentElement.lang), 'en');
      assert.equal(await d.evaluate(() => document.querySelector('#view-title').textContent), en.title + en.plan_title);
      assert.deepEqual(await d.evaluate(() => [...document.querySelectorAll('.tabs a')].map((a) => a.textContent)), ['Overview', 'Air', 'Water', 'Targets', 'Green living', 'Compare', 'Sources']);
      assert.match(new URL(await d.url()).pathname, /-en\.html$/, `${engine}: the URL's lang`);
      await d.screenshot(`test-results/${engine}-overview-en.png`);
      // English names are longer: Compare's metric picker must still fit a phone (WebKit once did not).
      await d.click('.tabs li:nth-child(6) a');
      await waitFor(d, () => document.querySelector('section.view.compare canvas') !== null, [], { what: 'Compare in English' });
      await assertNoOverflow(d, `${engine} compare (en)`);
      await d.screenshot(`test-results/${engine}-compare-en.png`);
    });

    test('offline: once the service worker controls the page, a reload without the server still shows the view and its chart', { timeout: TIMEOUT }, async (t) => {
      // A server of its own (a new origin, so a first visit), stopped halfway.
      const own = await startServer();
      try {
        await d.goto(`${own.url}?city=jiaozuo&lang=zh`);
        await waitFor(d, () => document.querySelector('.overview .cards') !== null, [], { what: 'the overview' });
        const support = await d.evaluate(() => ({ sw: 'serviceWorker' in navigator, secure: window.isSecureContext, caches: 'caches' in window }));
        if (!support.sw || !support.secure) {
          const reason = `${engine} has no service worker here (${JSON.stringify(support)}): offline reload not checked`;
          console.log(`# ${reason}`);
          t.skip(reason);
          return;
        }
        await waitFor(d, () => navigator.serviceWorker.controller !== null, [], {
          timeout: 60000,
          what: 'the service worker to control the page',
        });
        // A first install is not a new version: no "update" bar (WebKit once offered one).
        await new Promise((ok) => setTimeout(ok, 1000));
        assert.equal(await d.evaluate(() => document.getElementById('ecoplan-update') !== null), false, `${engine}: an update bar on a first visit`);
        own.server.close();
        own.server.closeAllConnections();
        await assert.rejects(fetch(own.url), `the server is down for ${engine}`);
        await d.reload();
        const want = V.zh.cities.jiaozuo.overview;
        await waitFor(d, (title) => document.querySelector('#view-title')?.textContent === title, [want.title + want.plan_title], { what: 'the overview, offline' });
        await assertChartsDrawn(d, 'section.view.overview', want.cards.filter((c) => c.chart).length, 'overview offline');
        // Another view from the cache, through its tab.
        await d.click('.tabs li:nth-child(2) a');
        await waitFor(d, (title) => document.querySelector('#view-title')?.textContent === title, [V.zh.cities.jiaozuo.air.title], { what: 'Air, offline' });
        await assertChartsDrawn(d, 'section.view.trends', V.zh.cities.jiaozuo.air.blocks.filter((b) => b.chart).length, 'air offline');
        await d.screenshot(`test-results/${engine}-air-offline.png`);
      } finally {
        own.server.close();
        own.server.closeAllConnections();
      }
    });
  });
}
