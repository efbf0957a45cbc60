// The prerendered pages (issue 20): every city's every view in both languages is a page of its own,
// readable without any code (figures, charts as SVG, each number's source), and taken over by the
// app in place, with no layout shift and nothing different from what the page showed.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { openPage, useSiteAndBrowser } from './helpers.mjs';
import { CITIES, views } from './views.mjs';

const env = useSiteAndBrowser();
const V = views();
const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
const CITY = 'jiaozuo';

/** What a page shows as a reader reads it: its view's text without the charts' drawn labels and
 * without what only a reader without code sees (each number's source, in `<noscript>`). */
function shownText() {
  const main = document.querySelector('main').cloneNode(true);
  for (const el of main.querySelectorAll('svg.chart, canvas, noscript')) el.remove();
  return main.textContent.replace(/\s+/g, ' ').trim();
}

/** The charts' names, in order: the prerendered SVGs' or the app's canvases'. */
function chartNames() {
  return [...document.querySelectorAll('main .chart')].map((c) => `${c.localName} ${c.getAttribute('aria-label')}`);
}

describe('without JavaScript, a page is its whole view', () => {
  for (const lang of ['zh', 'en']) {
    test(`${CITY} (${lang}): every view's figures, its charts as SVG and each number's source line`, async () => {
      const context = await env.browser.newContext({ javaScriptEnabled: false, viewport: { width: 375, height: 812 } });
      const page = await context.newPage();
      for (const view of VIEWS) {
        const file = `${CITY}-${view}-${lang}.html`;
        const response = await page.goto(`${env.site.url}${file}`);
        assert.equal(response.status(), 200, file);
        assert.equal(await page.getAttribute('html', 'lang'), lang === 'en' ? 'en' : 'zh-CN', `${file}: <html lang>`);
        assert.equal(await page.getAttribute('link[rel=canonical]', 'href'), `./${file}`);
        const viewName = await page.textContent(`nav.tabs a[aria-current=page]`);
        assert.ok((await page.title()).startsWith(`${viewName.trim()} · `), `${file}: the title names the view: ${await page.title()}`);
        assert.equal(await page.$$eval('canvas', (cs) => cs.length), 0, `${file}: no canvas without code`);
        const charts = await page.$$eval('main svg.chart', (ss) => ss.map((s) => ({ label: s.getAttribute('aria-label'), marks: s.querySelectorAll('circle, polygon').length, texts: s.querySelectorAll('text').length })));
        for (const c of charts) assert.ok(c.marks > 0 && c.texts > 2, `${file}: a drawn chart: ${JSON.stringify(c)}`);
        const model = view === 'compare' || view === 'sources' ? null : V[lang].cities[CITY][view];
        if (view === 'overview') {
          assert.equal(await page.textContent('#view-title'), model.title + model.plan_title);
          for (const card of model.cards) {
            const text = await page.textContent(`.card[data-metric=${card.metric}]`);
            for (const cell of [card.latest, card.target].filter(Boolean)) {
              assert.ok(text.includes(cell.text) && text.includes(cell.year), `${file} ${card.metric}: «${cell.text}» (${cell.year})`);
            }
            if (card.progress) assert.ok(text.includes(card.progress), `${file} ${card.metric}: progress`);
          }
          assert.deepEqual(charts.map((c) => c.label), model.cards.filter((c) => c.chart).map((c) => c.chart.summary), `${file}: one chart per card that has one`);
        }
        if (view === 'air' || view === 'water') {
          assert.equal(await page.textContent('#view-title'), model.title);
          const shown = await page.$$eval('figure.indicator', (fs) =>
            fs.map((f) => ({ id: f.id, label: f.querySelector('svg.chart')?.getAttribute('aria-label') ?? null })),
          );
          assert.deepEqual(shown, model.blocks.map((b) => ({ id: b.id, label: b.chart ? b.chart.summary : null })), `${file}: every block, its chart or none`);
        }
        if (view === 'targets' || view === 'green') assert.equal(await page.textContent('#view-title'), model.title);
        // Every number (and action) that opens its source in the app says it here, beside it.
        const sources = await page.$$eval('main button.src', (bs) =>
          bs.map((b) => ({ label: b.textContent, source: b.nextElementSibling?.matches('noscript') ? b.nextElementSibling.textContent : null })),
        );
        // Sources lists the plans themselves; every other view's numbers cite them.
        assert.ok(view === 'sources' || sources.length > 0, `${file}: numbers with sources`);
        // A plan's (or a bulletin's) sentence with its line; for a reference line, the standard's clause.
        const line = lang === 'en' ? /line \d+ «[^»]+»|^GB 3095—2012 Table 1 · / : /第 ?\d+ ?行 «[^»]+»|^GB 3095—2012 表1 · /;
        for (const s of sources) assert.match(s.source ?? '', line, `${file}: «${s.label}» says its source line`);
      }
      await context.close();
    });
  }
});

/** Where the page's boxes are (header, views, the view's sections, cards, figures, charts, tables,
 * the footer): the same before and after the app takes the page over means nothing moved. (The
 * app's render replaces the page's elements, which the Layout Instability API does not count as
 * shifts: the boxes are compared instead.) */
function boxes() {
  const sel = '.top, .tabs, main, main h2, main h3, main .card, main figure, main .chart-box, main .chart, main table, main .measure, main .action, footer';
  return [...document.querySelectorAll(sel)].map((el) => {
    const r = el.getBoundingClientRect();
    return `${el.localName === 'canvas' || el.localName === 'svg' ? 'chart' : el.localName} ${Math.round(r.x)},${Math.round(r.y + scrollY)} ${Math.round(r.width)}×${Math.round(r.height)}`;
  });
}

describe('the app takes over a page in place: every box where it was, the same view', () => {
  const pages = [];
  for (const city of CITIES) for (const lang of ['zh', 'en']) for (const view of VIEWS) pages.push({ city, lang, view, width: 375 });
  for (const lang of ['zh', 'en']) for (const view of VIEWS) pages.push({ city: CITY, lang, view, width: 1280 });
  for (const width of [375, 1280]) {
    test(`every page at ${width} px`, async () => {
      const viewport = { width, height: width === 375 ? 812 : 800 };
      const { page, errors } = await openPage(env.browser, viewport);
      // The same page before the app runs: its glue held back.
      const context = await env.browser.newContext({ viewport });
      await context.route(/\/ecoplan-[0-9a-f]{10}\.js$/, () => {});
      const stillPage = await context.newPage();
      for (const { city, lang, view } of pages.filter((p) => p.width === width)) {
        const file = `${city}-${view}-${lang}.html`;
        await stillPage.goto(`${env.site.url}${file}`);
        const still = { text: await stillPage.evaluate(shownText), charts: await stillPage.evaluate(chartNames), boxes: await stillPage.evaluate(boxes) };
        await page.goto(`${env.site.url}${file}`);
        await page.waitForSelector('#ecoplan[data-live] main:not(:has(.placeholder))');
        const count = still.charts.length;
        if (count) await page.waitForFunction((n) => document.querySelectorAll('main canvas[data-points]').length === n, count);
        await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
        const live = { text: await page.evaluate(shownText), charts: await page.evaluate(chartNames), boxes: await page.evaluate(boxes) };
        assert.equal(live.text, still.text, `${file}: the app shows what the page showed`);
        assert.deepEqual(
          live.charts.map((c) => c.replace(/^canvas /, '')),
          still.charts.map((c) => c.replace(/^svg /, '')),
          `${file}: each prerendered chart became its canvas`,
        );
        assert.ok(live.charts.every((c) => c.startsWith('canvas ')), `${file}: canvases`);
        assert.deepEqual(live.boxes, still.boxes, `${file}: every box where it was`);
      }
      assert.deepEqual(errors, []);
      await page.close();
      await context.close();
    });
  }
});
