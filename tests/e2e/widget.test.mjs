// The widget as residents use it, in headless Chromium against dist/: every number on screen is
// checked against data/, not against constants.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, test } from 'node:test';
import { canvasPixels, openPage, screenshot, startServer, useSiteAndBrowser } from './helpers.mjs';

const CITIES = ['pingdingshan', 'zhengzhou', 'jiaozuo', 'jiyuan', 'xingtai'];
const data = Object.fromEntries(CITIES.map((c) => [c, JSON.parse(readFileSync(`data/cities/${c}.json`, 'utf8'))]));
const HEADLINES = ['pm25', 'good_air_days_ratio', 'surface_water_good'];
const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];

const fmt = (v) => String(Number(v.toFixed(4)));

/** The indicator the widget shows for a metric: the table row first, then one with a target. */
function mainIndicator(city, metric) {
  const score = (i) => [i.row !== null ? 1 : 0, i.values.some((v) => v.kind === 'target') ? 1 : 0, i.values.length];
  let best = null;
  for (const i of city.indicators.filter((i) => i.metric === metric)) {
    if (!best) best = i;
    else {
      const [a, b] = [score(i), score(best)];
      const cmp = a[0] - b[0] || a[1] - b[1] || a[2] - b[2];
      if (cmp > 0) best = i;
    }
  }
  return best;
}

/** The chart's points as the widget plots them: printed numbers, actual or target, by year. */
function chartPoints(indicator) {
  const points = indicator.values
    .filter((v) => v.kind !== 'change' && v.value !== null)
    .map((v) => ({ year: v.year, value: v.value, kind: v.kind === 'target' ? 'target' : 'actual' }))
    .sort((a, b) => a.year - b.year || (a.kind === 'target') - (b.kind === 'target'));
  return points.filter((p, i) => i === 0 || !(p.year === points[i - 1].year && p.kind === points[i - 1].kind && p.value === points[i - 1].value));
}

const env = useSiteAndBrowser();

describe('every city', () => {
  for (const id of CITIES) {
    test(`${id}: its name and its headline figures as printed`, async () => {
      const city = data[id];
      const { page, errors } = await openPage(env.browser, { width: 375, height: 812 });
      await page.goto(`${env.site.url}?city=${id}&lang=zh`);
      await page.waitForSelector('.overview .cards');
      assert.match(await page.textContent('#view-title'), new RegExp(`^${city.name.zh}`));
      assert.equal(await page.$eval('#city', (s) => s.value), id);
      for (const metric of HEADLINES) {
        const card = await page.$(`.card[data-metric=${metric}]`);
        const ind = mainIndicator(city, metric);
        if (!ind) {
          assert.match(await card.textContent(), /这份规划没有给出此项指标/);
          continue;
        }
        const latest = ind.values.filter((v) => v.kind === 'actual').sort((a, b) => b.year - a.year)[0];
        const target = ind.values.filter((v) => v.kind === 'target').sort((a, b) => b.year - a.year)[0];
        const text = await card.textContent();
        if (latest) {
          const shown = latest.value === null ? latest.text.zh : fmt(latest.value);
          assert.ok(text.includes(shown), `${id} ${metric}: latest ${shown} in «${text}»`);
          assert.ok(text.includes(`${latest.year}年`), `${id} ${metric}: year ${latest.year}`);
        }
        if (target) {
          const shown = target.value === null ? target.text.zh : fmt(target.value);
          assert.ok(text.includes(shown), `${id} ${metric}: target ${shown} in «${text}»`);
        }
        if (target && target.value === null) {
          assert.match(text, /目标为文字表述/, 'a qualitative target is not turned into a number');
        }
      }
      assert.deepEqual(errors, []);
      await page.close();
    });
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
  assert.match(page.url(), /lang=en/);
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
  assert.match(page.url(), /\?lang=en&city=xingtai&view=targets$/);

  await page.selectOption('#city', 'jiyuan');
  await page.waitForFunction(() => document.querySelector('#view-title')?.textContent.startsWith('Jiyuan'));
  assert.match(page.url(), /city=jiyuan&view=targets/);

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

describe('chart tooltips', () => {
  const ind = data.jiaozuo.indicators.find((i) => i.metric === 'pm25');
  const points = chartPoints(ind);
  const readout = (p) => `${p.year}年 · ${fmt(p.value)} ${ind.unit} · ${p.kind === 'target' ? '目标' : '实测'}`;
  const url = () => `${env.site.url}?city=jiaozuo&view=air&lang=zh`;
  const figure = `#indicator-${ind.id}`;

  async function pointPositions(page) {
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

  test('by mouse: hovering a point shows its year, value, unit and kind', async () => {
    const { page } = await openPage(env.browser, { width: 1280, height: 800 });
    await page.goto(url());
    const at = await pointPositions(page);
    assert.equal(at.length, points.length);
    for (const [i, p] of points.entries()) {
      await page.mouse.move(at[i].pageX, at[i].pageY);
      await page.waitForFunction(
        ([sel, text]) => document.querySelector(`${sel} .readout`).textContent === text,
        [figure, readout(p)],
      );
    }
    await page.close();
  });

  test('by tap: tapping near a point on a phone shows that point', async () => {
    const context = await env.browser.newContext({ viewport: { width: 375, height: 812 }, hasTouch: true, isMobile: true, deviceScaleFactor: 3 });
    const page = await context.newPage();
    await page.goto(url());
    const at = await pointPositions(page);
    const last = points.length - 1;
    await page.tap(`${figure} canvas`, { position: { x: at[last].x, y: at[last].y + 8 } });
    await page.waitForFunction(([sel, text]) => document.querySelector(`${sel} .readout`).textContent === text, [figure, readout(points[last])]);
    const backing = await page.$eval(`${figure} canvas`, (c) => [c.width, c.getBoundingClientRect().width]);
    assert.equal(backing[0], Math.round(backing[1] * 3), 'backing store sized for a 3x screen');
    await context.close();
  });

  test('by keyboard: focus and arrow keys move between points', async () => {
    const { page } = await openPage(env.browser, { width: 375, height: 812 });
    await page.goto(url());
    await pointPositions(page);
    await page.focus(`${figure} canvas`);
    const shows = (p) => page.waitForFunction(([sel, text]) => document.querySelector(`${sel} .readout`).textContent === text, [figure, readout(p)]);
    await shows(points[0]);
    await page.keyboard.press('ArrowRight');
    await shows(points[1]);
    await page.keyboard.press('Home');
    await shows(points[0]);
    await page.keyboard.press('End');
    await shows(points[points.length - 1]);
    await page.close();
  });
});

test('each chart draws its values, and its table alternative has the same numbers', async () => {
  for (const [id, view] of [['jiaozuo', 'air'], ['xingtai', 'air'], ['pingdingshan', 'water']]) {
    const { page, errors } = await openPage(env.browser, { width: 1280, height: 800 });
    await page.goto(`${env.site.url}?city=${id}&view=${view}&lang=zh`);
    await page.waitForSelector('figure.indicator canvas[data-points]');
    const figures = await page.$$('figure.indicator');
    assert.ok(figures.length > 0);
    for (const fig of figures) {
      const figId = (await fig.getAttribute('id')).replace('indicator-', '');
      const ind = data[id].indicators.find((i) => i.id === figId);
      const points = chartPoints(ind);
      const label = await fig.$eval('canvas', (c) => c.getAttribute('aria-label'));
      const rows = await fig.$$eval('tbody tr', (trs) => trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)));
      assert.equal(rows.length, ind.values.length, `${figId}: one row per printed value`);
      for (const p of points) {
        const value = `${fmt(p.value)}`;
        assert.ok(label.includes(`${p.year}年 ${value}`), `${figId}: ${p.year} ${value} in the chart's name «${label}»`);
        assert.ok(rows.some((r) => r[0] === String(p.year) && r[1].includes(value)), `${figId}: ${p.year} ${value} in the table`);
      }
      rows.forEach((r, i) => assert.ok(r[3].includes(String(ind.values[i].source.line)), `${figId}: source line of row ${i}`));
    }
    assert.ok((await canvasPixels(page, 'figure.indicator canvas', [0, 114, 178])) > 20, 'the first chart has drawn its points');
    assert.deepEqual(errors, []);
    await page.close();
  }
});

test('tapping a number shows the sentence of the plan it comes from', async () => {
  const { page } = await openPage(env.browser, { width: 375, height: 812 });
  const ind = mainIndicator(data.jiaozuo, 'pm25');
  const baseline = ind.values.find((v) => v.kind === 'actual' && v.year === 2020);
  await page.goto(`${env.site.url}?city=jiaozuo&lang=zh`);
  await page.click('.card[data-metric=pm25] .latest button.src');
  const dialog = await page.waitForSelector('[role=dialog]');
  const text = await dialog.textContent();
  assert.ok(text.includes(baseline.source.quote), 'the quote');
  assert.ok(text.includes(`第 ${baseline.source.line} 行`), 'the line');
  assert.ok(text.includes(data.jiaozuo.plan.title.zh), 'the plan');
  assert.ok(text.includes(data.jiaozuo.plan.issuer.zh), 'the issuer');
  await page.keyboard.press('Escape');
  await page.waitForSelector('[role=dialog]', { state: 'detached' });
  await page.close();
});

test('in Compare, each city\'s number cites that city\'s plan, whichever city is picked', async () => {
  const { page } = await openPage(env.browser, { width: 1280, height: 800 });
  await page.goto(`${env.site.url}?city=pingdingshan&view=compare&lang=zh`);
  for (const id of ['jiaozuo', 'xingtai']) {
    const ind = mainIndicator(data[id], 'pm25');
    const baseline = ind.values.find((v) => v.kind === 'actual' && v.year === 2020);
    await page.click(`tr[data-city=${id}] td[data-label] button.src`);
    const text = await (await page.waitForSelector('[role=dialog]')).textContent();
    assert.ok(text.includes(data[id].plan.title.zh), `${id}: its own plan's title`);
    assert.ok(text.includes(`${id}.txt, 第 ${baseline.source.line} 行`), `${id}: its own file and line`);
    assert.ok(text.includes(baseline.source.quote), `${id}: the quote`);
    await page.keyboard.press('Escape');
    await page.waitForSelector('[role=dialog]', { state: 'detached' });
  }
  await page.close();
});

test('no horizontal overflow at 320, 375 and 1280 px in any view', async () => {
  for (const width of [320, 375, 1280]) {
    const { page } = await openPage(env.browser, { width, height: 800 });
    for (const lang of ['zh', 'en']) {
      for (const view of VIEWS) {
        await page.goto(`${env.site.url}?city=zhengzhou&view=${view}&lang=${lang}`);
        await page.waitForSelector('.view');
        await page.waitForTimeout(100);
        const scroll = await page.evaluate(() => document.documentElement.scrollWidth);
        assert.ok(scroll <= width, `${view} ${lang} at ${width}px: scrollWidth ${scroll}`);
        if (width !== 320) await screenshot(page, `${view}-${lang}-${width}`);
      }
    }
    await page.close();
  }
});

test('a broken city file shows a clear message; the other cities still work', async () => {
  const broken = await startServer({
    overrides: { 'data/cities/jiaozuo.json': { body: '{"city": "jiaozuo", "name": ' } },
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
    await page.click('.tabs a:text-is("城市对比")');
    await page.waitForSelector('.compare-table tr[data-city=xingtai] button.src');
    assert.match(await page.textContent('tr[data-city=jiaozuo]'), /未能加载/);
    await page.close();
  } finally {
    broken.server.close();
  }
});

test("the size report's first view is what a first visit downloads", async () => {
  const report = JSON.parse(readFileSync('target/size-report.json', 'utf8'));
  const context = await env.browser.newContext({ serviceWorkers: 'block' });
  const page = await context.newPage();
  const requested = new Set();
  page.on('request', (r) => requested.add(new URL(r.url()).pathname.slice(1) || 'index.html'));
  await page.goto(env.site.url);
  await page.waitForSelector('.overview .cards');
  await page.waitForTimeout(300);
  assert.deepEqual([...requested].sort(), report.first_view.files);
  await context.close();
});
