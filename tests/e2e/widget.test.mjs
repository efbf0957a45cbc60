// The widget as residents use it, in headless Chromium against dist/: what is on screen is
// compared with the view models the native code computes from data/ (tests/e2e/views.mjs).
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { builtDataFiles, canvasPixels, openPage, screenshot, startServer, useSiteAndBrowser } from './helpers.mjs';
import { CITIES, views } from './views.mjs';

const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
const env = useSiteAndBrowser();
const V = views();

/** The text of a dialog, opened by clicking `selector`, then closed with Escape. */
async function dialogText(page, selector) {
  await page.click(selector);
  const text = await (await page.waitForSelector('[role=dialog]')).textContent();
  await page.keyboard.press('Escape');
  await page.waitForSelector('[role=dialog]', { state: 'detached' });
  return text;
}

function assertCites(text, citation, label) {
  assert.ok(text.includes(citation.what), `${label}: what «${citation.what}» in «${text}»`);
  for (const q of citation.quotes) {
    assert.ok(text.includes(q.text), `${label}: quote «${q.text}»`);
    assert.ok(text.includes(q.line_label), `${label}: ${q.line_label}`);
  }
  if (citation.formula) assert.ok(text.includes(citation.formula), `${label}: formula «${citation.formula}»`);
  if (citation.standard) assert.ok(text.includes(citation.standard.number) && text.includes(citation.standard.clause), `${label}: the standard`);
}

describe('the first view, every city and both languages', () => {
  for (const lang of ['zh', 'en']) {
    for (const id of CITIES) {
      test(`${id} (${lang}): the cards' figures, progress and charts are the view model's`, async () => {
        const view = V[lang].cities[id].overview;
        const { page, errors } = await openPage(env.browser, { width: 375, height: 812 });
        await page.goto(`${env.site.url}?city=${id}&lang=${lang}`);
        await page.waitForSelector('.overview .cards');
        assert.equal(await page.textContent('#view-title'), view.title + view.plan_title);
        assert.equal(await page.$eval('#city', (s) => s.value), id);
        for (const card of view.cards) {
          const el = `.card[data-metric=${card.metric}]`;
          const text = await page.textContent(el);
          if (card.missing) {
            assert.ok(text.includes(card.missing), `${id} ${card.metric}: says it is missing`);
            continue;
          }
          for (const cell of [card.latest, card.target].filter(Boolean)) {
            assert.ok(text.includes(cell.text), `${id} ${card.metric}: «${cell.text}» in «${text}»`);
            assert.ok(text.includes(cell.year), `${id} ${card.metric}: ${cell.year}`);
          }
          assert.ok(text.includes(card.progress), `${id} ${card.metric}: progress «${card.progress}»`);
          const label = await page.$eval(el, (c) => c.querySelector('canvas')?.getAttribute('aria-label') ?? null);
          assert.equal(label, card.chart ? card.chart.summary : null, `${id} ${card.metric}: chart`);
        }
        assert.ok(view.cards.some((c) => c.chart), `${id}: the first view draws at least one chart`);
        await page.waitForSelector('.card canvas[data-points]');
        assert.ok((await canvasPixels(page, '.card canvas', [0, 128, 94])) > 20, `${id}: the first chart has drawn the Class II line`);
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }
});

describe('Air and Water: every block, table, fact and measure is the view model\'s', () => {
  for (const lang of ['zh', 'en']) {
    for (const id of CITIES) {
      test(`${id} (${lang})`, async () => {
        const { page, errors } = await openPage(env.browser, { width: 1280, height: 800 });
        for (const domain of ['air', 'water']) {
          const view = V[lang].cities[id][domain];
          await page.goto(`${env.site.url}?city=${id}&view=${domain}&lang=${lang}`);
          await page.waitForSelector('.trends');
          assert.equal(await page.textContent('#view-title'), view.title);
          const shown = await page.$$eval('figure.indicator', (fs) =>
            fs.map((f) => ({
              id: f.id,
              title: f.querySelector('h3').textContent,
              label: f.querySelector('canvas')?.getAttribute('aria-label') ?? null,
              rows: [...f.querySelectorAll('tbody tr')].map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
              facts: [...f.querySelectorAll('.facts li')].map((li) => li.textContent),
            })),
          );
          assert.deepEqual(
            shown.map((s) => s.id),
            view.blocks.map((b) => b.id),
            `${id} ${domain}: one block per metric`,
          );
          for (const [i, b] of view.blocks.entries()) {
            const s = shown[i];
            assert.equal(s.title, b.title);
            assert.equal(s.label, b.chart ? b.chart.summary : null, `${b.id}: the chart or none`);
            assert.deepEqual(s.rows, b.table.map((r) => [r.year, r.value, r.kind, r.source]), `${b.id}: table`);
            assert.deepEqual(s.facts, b.facts.map((f) => `${f.year} ${f.text}`), `${b.id}: worded figures`);
          }
          const measures = await page.$$eval('.measure', (ms) => ms.map((m) => ({ title: m.querySelector('h4').textContent, src: !!m.querySelector('button.src') })));
          assert.deepEqual(measures.map((m) => m.title), view.measures.map((m) => m.title), `${id} ${domain}: every measure`);
          assert.ok(measures.every((m) => m.src), 'each measure has its source button');
          assert.equal(await page.textContent('#measures-title'), view.measures_title);
        }
        assert.deepEqual(errors, []);
        await page.close();
      });
    }
  }
});

describe('chart tooltips', () => {
  const block = V.zh.cities.jiaozuo.air.blocks.find((b) => b.id === 'indicator-pm25');
  const marks = block.chart.marks;
  const url = () => `${env.site.url}?city=jiaozuo&view=air&lang=zh`;
  const figure = '#indicator-pm25';
  const shows = (page, mark) =>
    page.waitForFunction(
      ([sel, main, detail]) => {
        const r = document.querySelector(`${sel} .readout`);
        if (!r) return false;
        return r.querySelector('.main').textContent === main && [...r.querySelectorAll('.detail')].map((d) => d.textContent).join('\n') === detail;
      },
      [figure, mark.readout, mark.detail.join('\n')],
    );

  async function positions(page) {
    await page.waitForSelector(`${figure} canvas[data-points]`);
    const box = await page.$eval(`${figure} canvas`, (c) => {
      const r = c.getBoundingClientRect();
      return { x: r.x, y: r.y };
    });
    const at = await page.getAttribute(`${figure} canvas`, 'data-points');
    return at.split(' ').map((xy) => {
      const [x, y] = xy.split(',').map(Number);
      return { x, y, pageX: box.x + x, pageY: box.y + y };
    });
  }

  test('by mouse: hovering each mark shows its year, value and kind; a derived one its formula and both sentences', async () => {
    const { page } = await openPage(env.browser, { width: 1280, height: 800 });
    await page.goto(url());
    const at = await positions(page);
    assert.equal(at.length, marks.length);
    const derived = marks.find((m) => m.kind === 'derived');
    assert.ok(derived.readout.includes('≈87'), derived.readout);
    assert.equal(derived.detail.length, 3, 'the formula and the two sentences');
    assert.ok(derived.detail[0].includes('56 ÷ (1 − 35.6%)'), derived.detail[0]);
    for (const [i, m] of marks.entries()) {
      await page.mouse.move(at[i].pageX, at[i].pageY);
      await shows(page, m);
    }
    await page.close();
  });

  test('by tap: tapping near a mark on a phone shows that mark', async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
    const page = await context.newPage();
    await page.goto(url());
    const at = await positions(page);
    const last = marks.length - 1;
    await page.tap(`${figure} canvas`, { position: { x: at[last].x, y: at[last].y + 8 } });
    await shows(page, marks[last]);
    const backing = await page.$eval(`${figure} canvas`, (c) => [c.width, c.getBoundingClientRect().width]);
    assert.equal(backing[0], Math.round(backing[1] * 3), 'backing store sized for a 3x screen');
    await context.close();
  });

  test('by keyboard: focus and arrow keys move between marks', async () => {
    const { page } = await openPage(env.browser, { width: 375, height: 812 });
    await page.goto(url());
    await positions(page);
    await page.focus(`${figure} canvas`);
    await shows(page, marks[0]);
    await page.keyboard.press('ArrowRight');
    await shows(page, marks[1]);
    await page.keyboard.press('End');
    await shows(page, marks[marks.length - 1]);
    await page.keyboard.press('Home');
    await shows(page, marks[0]);
    // Another city's chart of the same metric, in the same place, starts with nothing picked.
    await page.selectOption('#city', 'pingdingshan');
    await page.waitForFunction(() => document.querySelector('#view-title')?.textContent.startsWith('平顶山市'));
    await page.waitForFunction(
      (hint) => document.querySelector('#indicator-pm25 .readout .main')?.textContent === hint,
      '点按图表或用方向键查看各年数值。',
    );
    await page.close();
  });

  test('a word target is a mark the keyboard reaches', async () => {
    const pds = V.en.cities.pingdingshan.air.blocks.find((b) => b.id === 'indicator-pm25').chart.marks;
    const word = pds[pds.length - 1];
    assert.equal(word.kind, 'word_target');
    assert.equal(word.label, '2025 · Meet the provincial target');
    const { page } = await openPage(env.browser, { width: 375, height: 812 });
    await page.goto(`${env.site.url}?city=pingdingshan&view=air&lang=en`);
    await page.waitForSelector('#indicator-pm25 canvas[data-points]');
    await page.focus('#indicator-pm25 canvas');
    await page.keyboard.press('End');
    await page.waitForFunction((t) => document.querySelector('#indicator-pm25 .readout .main')?.textContent === t, word.readout);
    await page.close();
  });
});

test('a derived value\'s table row and source dialog show ≈, the formula and both sentences', async () => {
  for (const lang of ['zh', 'en']) {
    const block = V[lang].cities.jiaozuo.air.blocks.find((b) => b.id === 'indicator-pm25');
    const i = block.table.findIndex((r) => r.value.startsWith('≈'));
    assert.ok(i >= 0, 'a derived row');
    const row = block.table[i];
    assert.equal(row.citation.quotes.length, 2, 'both printed sentences');
    const { page } = await openPage(env.browser, { width: 375, height: 812 });
    await page.goto(`${env.site.url}?city=jiaozuo&view=air&lang=${lang}`);
    await page.waitForSelector('#indicator-pm25 canvas[data-points]');
    await page.click('#indicator-pm25 button.link');
    const text = await dialogText(page, `#indicator-pm25 tbody tr:nth-child(${i + 1}) button.src`);
    assertCites(text, row.citation, `derived (${lang})`);
    const standard = block.table[block.table.length - 1];
    assertCites(await dialogText(page, `#indicator-pm25 tbody tr:last-child button.src`), standard.citation, 'Class II line');
    await page.close();
  }
});

test('the language switch changes every string and the URL, and comes back', async () => {
  const { page, errors } = await openPage(env.browser, { width: 375, height: 812 });
  await page.goto(`${env.site.url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  assert.equal(await page.textContent('h1'), '生态规划看板');
  assert.equal(await page.getAttribute('html', 'lang'), 'zh-CN');
  await page.click('button.lang');
  await page.waitForFunction(() => document.querySelector('h1').textContent === 'EcoPlan');
  assert.equal(await page.getAttribute('html', 'lang'), 'en');
  assert.match(page.url(), /\/jiaozuo-overview-en\.html$/, 'the address is the page for the view in English');
  assert.match(await page.textContent('#view-title'), /^Jiaozuo/);
  assert.match(await page.textContent('.card[data-metric=pm25]'), /Latest figure/);
  const tabs = await page.$$eval('.tabs a', (as) => as.map((a) => a.textContent));
  assert.deepEqual(tabs, ['Overview', 'Air', 'Water', 'Targets', 'Green living', 'Compare', 'Sources']);
  await page.click('button.lang');
  await page.waitForFunction(() => document.querySelector('h1').textContent === '生态规划看板');
  assert.deepEqual(errors, []);
  await page.close();
});

test('URL state: a shared link opens the same view; tabs, back and forward follow it', async () => {
  const { page, errors } = await openPage(env.browser, { width: 1280, height: 800 });
  await page.goto(`${env.site.url}?lang=en&city=xingtai&view=water`);
  await page.waitForSelector('.trends');
  assert.equal(await page.textContent('#view-title'), 'Xingtai · Water');
  assert.equal(await page.textContent('.tabs a[aria-current=page]'), 'Water');
  await page.click('.tabs a:text-is("Targets")');
  await page.waitForSelector('.targets');
  // An old link is sent on to the page of what it names; the tabs move between pages.
  assert.match(page.url(), /\/xingtai-targets-en\.html$/);
  await page.selectOption('#city', 'jiyuan');
  await page.waitForFunction(() => document.querySelector('#view-title')?.textContent.startsWith('Jiyuan'));
  assert.match(page.url(), /\/jiyuan-targets-en\.html$/);
  await page.goBack();
  await page.waitForFunction(() => document.querySelector('#view-title')?.textContent.startsWith('Xingtai'));
  await page.goBack();
  await page.waitForSelector('.trends');
  assert.equal(await page.textContent('#view-title'), 'Xingtai · Water');
  await page.goForward();
  await page.waitForSelector('.targets');
  assert.match(await page.textContent('#view-title'), /^Xingtai/);
  await page.reload();
  await page.waitForSelector('.targets');
  assert.match(await page.textContent('#view-title'), /^Xingtai/);
  assert.deepEqual(errors, []);
  await page.close();
});

test('a remembered city opens when the link names none', async () => {
  const context = await env.browser.newContext({ viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  await page.goto(`${env.site.url}?city=jiyuan&lang=zh`);
  await page.waitForSelector('.overview');
  await page.goto(env.site.url);
  await page.waitForSelector('.overview');
  assert.match(await page.textContent('#view-title'), /^济源示范区/);
  await context.close();
});

test('targets and green living show the view model\'s rows and actions', async () => {
  for (const lang of ['zh', 'en']) {
    for (const id of CITIES) {
      const { page } = await openPage(env.browser, { width: 1280, height: 800 });
      const targets = V[lang].cities[id].targets;
      await page.goto(`${env.site.url}?city=${id}&view=targets&lang=${lang}`);
      await page.waitForSelector('.targets-table');
      const rows = await page.$$eval('.targets-table tbody tr', (trs) => trs.map((tr) => [tr.dataset.indicator, ...[...tr.querySelectorAll('td')].map((td) => td.textContent)]));
      const cell = (c) => (c ? c.text + c.year : '—');
      assert.deepEqual(rows, targets.groups.flatMap((g) => g.rows.map((r) => [r.id, cell(r.baseline), cell(r.target)])), `${id} ${lang}: targets`);
      const green = V[lang].cities[id].green;
      await page.goto(`${env.site.url}?city=${id}&view=green&lang=${lang}`);
      await page.waitForSelector('.green');
      const titles = await page.$$eval('.action h4', (hs) => hs.map((h) => h.textContent));
      assert.deepEqual(titles, green.themes.flatMap((t) => t.actions.map((a) => a.title)), `${id} ${lang}: actions`);
      await page.close();
    }
  }
});

test('a number opens the sentence of its own city\'s plan', async () => {
  const { page } = await openPage(env.browser, { width: 375, height: 812 });
  const card = V.zh.cities.jiaozuo.overview.cards.find((c) => c.metric === 'pm25');
  const plan = JSON.parse(readFileSync('data/cities/jiaozuo.json', 'utf8')).plan;
  await page.goto(`${env.site.url}?city=jiaozuo&lang=zh`);
  await page.waitForSelector('.overview .cards');
  const text = await dialogText(page, '.card[data-metric=pm25] .latest button.src');
  assertCites(text, card.latest.citation, 'latest');
  assert.ok(text.includes(plan.title.zh), 'the plan');
  assert.ok(text.includes(plan.issuer.zh), 'the issuer');
  assert.ok(text.includes(`jiaozuo.txt, ${card.latest.citation.quotes[0].line_label}`), 'file and line');
  await page.close();
});

test('Compare draws the cities on one chart, and each city\'s number cites that city\'s plan', async () => {
  for (const lang of ['zh', 'en']) {
    const view = V[lang].compare.pm25;
    const { page } = await openPage(env.browser, { width: 1280, height: 800 });
    await page.goto(`${env.site.url}?city=pingdingshan&view=compare&metric=pm25&lang=${lang}`);
    await page.waitForSelector('.compare-chart canvas[data-points]');
    assert.equal(await page.getAttribute('.compare-chart canvas', 'aria-label'), view.chart.summary);
    assert.equal((await page.getAttribute('.compare-chart canvas', 'data-points')).split(' ').length, view.chart.marks.length);
    assert.ok((await canvasPixels(page, '.compare-chart canvas', [0, 114, 178])) > 20, 'the levels are drawn');
    for (const [i, row] of view.rows.entries()) {
      const text = await page.textContent(`tr[data-city=${row.city}]`);
      for (const c of [row.latest, row.target].filter(Boolean)) assert.ok(text.includes(c.text), `${row.city}: ${c.text}`);
      if (row.status) assert.ok(text.includes(row.status));
      if (row.latest && i > 0) {
        const dialog = await dialogText(page, `tr[data-city=${row.city}] td[data-label] button.src`);
        assertCites(dialog, row.latest.citation, `${row.city} (${lang})`);
        assert.ok(dialog.includes(`${row.city}.txt`), `${row.city}: its own plan's file`);
      }
    }
    await page.close();
  }
});

test('no horizontal overflow at 320, 375 and 1280 px in any view', async () => {
  for (const width of [320, 375, 1280]) {
    const { page } = await openPage(env.browser, { width, height: 800 });
    for (const lang of ['zh', 'en']) {
      for (const [city, view] of VIEWS.map((v) => ['zhengzhou', v]).concat([['xingtai', 'air'], ['pingdingshan', 'overview']])) {
        await page.goto(`${env.site.url}?city=${city}&view=${view}&lang=${lang}`);
        await page.waitForSelector('.view');
        await page.waitForTimeout(100);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${city} ${view} ${lang} at ${width}px: scrollWidth ${scroll}`);
        if (width !== 320) await screenshot(page, `${city}-${view}-${lang}-${width}`);
      }
    }
    await page.close();
  }
});

test('a broken city file shows a clear message; the other cities still work', async () => {
  const broken = await startServer({
    overrides: { [builtDataFiles()['data/cities/jiaozuo.json']]: { body: '{"city": "jiaozuo", "name": ' } },
  });
  try {
    const { page } = await openPage(env.browser, { width: 375, height: 812 });
    await page.goto(`${broken.url}?city=jiaozuo&lang=zh`);
    const alert = await page.waitForSelector('[role=alert]');
    const text = await alert.textContent();
    assert.match(text, /这座城市的数据未能加载/);
    assert.match(text, /其他城市的数据不受影响/);
    assert.match(text, /data\/cities\/jiaozuo\.json:1:\d+: EOF while parsing/);
    await page.selectOption('#city', 'xingtai');
    await page.waitForSelector('.overview .cards');
    assert.match(await page.textContent('#view-title'), /^邢台市/);
    // Compare reads the index of every city, not the broken file: Jiaozuo's row is there.
    await page.click('.tabs a:text-is("城市对比")');
    await page.waitForSelector('.compare-table tr[data-city=xingtai] button.src');
    assert.match(await page.textContent('tr[data-city=jiaozuo]'), /56/);
    await page.close();
  } finally {
    broken.server.close();
  }
});

test("a city's second part that fails: Air says so with a retry, the Overview is untouched, the retry brings the measures", async () => {
  const more = builtDataFiles()['data/cities/jiaozuo.more.json'];
  const overrides = { [more]: { status: 503, body: 'busy' } };
  const broken = await startServer({ overrides });
  try {
    const { page } = await openPage(env.browser, { width: 375, height: 812 });
    await page.goto(`${broken.url}?city=jiaozuo&view=air&lang=zh`);
    const alert = await page.waitForSelector('[role=alert]');
    assert.match(await alert.textContent(), /这座城市的数据未能加载/);
    assert.match(await alert.textContent(), /jiaozuo\.more\.json: HTTP 503/);
    assert.equal(await page.$('.view .measures'), null, 'no half view');
    await page.click('.tabs a:text-is("概览")');
    await page.waitForSelector('.overview .cards canvas[data-points]');
    assert.equal(await page.$('[role=alert]'), null, 'the overview needs only the first part');
    assert.ok(await page.isDisabled('.downloads button:text-is("下载 JSON")'), 'the whole file is not there to download');
    delete overrides[more];
    await page.click('.tabs a:text-is("空气")');
    await page.click('[role=alert] button');
    await page.waitForSelector('.view .measures li');
    assert.ok(await page.isEnabled('.downloads button:text-is("下载 JSON")'));
    await page.close();
  } finally {
    broken.server.close();
  }
});

test("the size report's first view is what a first visit downloads", async () => {
  const report = JSON.parse(readFileSync('target/size-report.json', 'utf8'));
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  // The default city's first page, as an embed or a link opens it (the folder's own page adds
  // index.html and route.js, which send the reader on to it).
  const first = `${report.first_view.default_city}-overview-zh.html`;
  await page.goto(`${env.site.url}${first}`);
  await page.waitForSelector('.overview .cards');
  // The icon is the browser's to fetch when it likes (Chromium: once the page has loaded, before
  // or after the first chart), so it counts whenever it comes; it must come.
  const icon = report.first_view.files.find((f) => /^icon-[0-9a-f]{10}\.svg$/.test(f));
  assert.ok(icon, 'the first view counts the page\'s icon');
  await page.waitForFunction((name) => performance.getEntriesByType('resource').some((r) => r.name.endsWith(`/${name}`)), icon, { timeout: 10000 });
  await page.waitForTimeout(300);
  // Every request the page made, and when, against the moment the first chart was drawn.
  const { started, firstChart } = await page.evaluate(() => ({
    started: performance.getEntriesByType('resource').map((r) => [new URL(r.name).pathname.slice(1), r.startTime]),
    firstChart: performance.getEntriesByName('ecoplan:first-chart')[0]?.startTime,
  }));
  assert.ok(firstChart > 0, 'the first chart was drawn');
  const before = [first, icon, ...started.filter(([, at]) => at < firstChart).map(([path]) => path)];
  assert.deepEqual([...new Set(before)].sort(), report.first_view.files);
  // The default city's measures and actions follow the first screen.
  const more = report.data_files[`data/cities/${report.first_view.default_city}.more.json`];
  assert.ok(more, 'the size report names the default city');
  assert.ok(started.some(([path, at]) => path === more && at >= firstChart), `${more} after the first chart`);
  await context.close();
});
