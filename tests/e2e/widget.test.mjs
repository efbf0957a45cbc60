import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, test } from 'node:test';
import { canvasPixels, launchBrowser, openPage, screenshot, startServer, VIEWPORTS } from './helpers.mjs';

const ACTUAL_BLUE = [0, 114, 178];
const TARGET_ORANGE = [213, 94, 0];

const jiaozuo = JSON.parse(readFileSync('data/cities/jiaozuo.json', 'utf8'));
const pm25 = jiaozuo.indicators.find((i) => i.metric === 'pm25');

let browser;
let site;

before(async () => {
  site = await startServer();
  browser = await launchBrowser();
});

after(async () => {
  await browser?.close();
  site?.server.close();
});

for (const viewport of VIEWPORTS) {
  test(`at ${viewport.width}x${viewport.height} Jiaozuo's PM2.5 chart draws the values its plan prints`, async () => {
    const { page, errors } = await openPage(browser, viewport);
    await page.goto(site.url);
    await page.waitForSelector('canvas.chart');

    assert.ok((await canvasPixels(page, 'canvas.chart', ACTUAL_BLUE)) > 20, 'the 2020 point is drawn');
    assert.ok((await canvasPixels(page, 'canvas.chart', TARGET_ORANGE)) > 50, 'the 2025 target is drawn');

    assert.equal(await page.textContent('h1'), '生态规划看板');
    assert.equal(await page.textContent('.city .name'), jiaozuo.name.zh);
    assert.equal(await page.textContent('figure h2'), pm25.name.zh);
    const rows = await page.$$eval('table.values tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    assert.equal(rows.length, pm25.values.length);
    rows.forEach((row, i) => {
      assert.equal(row[0], String(pm25.values[i].year));
      assert.ok(row[2].endsWith(`(行 ${pm25.values[i].source.line})`), row[2]);
    });
    assert.ok(rows.some((r) => r[0] === '2020' && r[1] === '56 μg/m³'), 'the 2020 level as printed');
    assert.ok(rows.some((r) => r[0] === '2025' && r[1] === '43 μg/m³ (目标)'), 'the 2025 target as printed');
    for (const change of pm25.values.filter((v) => v.kind === 'change')) {
      const words = `比${change.against}年${change.direction === 'down' ? '下降' : '提高'} ${change.value}${change.unit}`;
      assert.ok(rows.some((r) => r[0] === String(change.year) && r[1] === words), `the change reads "${words}"`);
    }
    assert.equal(
      await page.getAttribute('canvas.chart', 'aria-label'),
      `${pm25.name.zh}: 2020 56 μg/m³, 2025 43 μg/m³`,
    );

    const layout = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      canvas: document.querySelector('canvas.chart').getBoundingClientRect().width,
      backing: document.querySelector('canvas.chart').width,
      ratio: window.devicePixelRatio,
    }));
    assert.ok(layout.scrollWidth <= viewport.width, `no horizontal overflow: ${layout.scrollWidth}px`);
    assert.ok(layout.canvas <= viewport.width && layout.canvas > viewport.width / 2, `canvas ${layout.canvas}px`);
    assert.equal(layout.backing, Math.round(layout.canvas * layout.ratio), 'backing store matches CSS size x DPR');
    assert.equal(await page.$('#boot-status'), null, 'the loading notice is gone');
    await screenshot(page, `jiaozuo-pm25-${viewport.width}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a broken data file gives a clear message, not a blank page', async () => {
  const broken = await startServer({
    overrides: { 'data/cities/jiaozuo.json': { body: '{"city": "jiaozuo", "name": ' } },
  });
  try {
    const { page } = await openPage(browser, VIEWPORTS[0]);
    await page.goto(broken.url);
    const alert = await page.waitForSelector('[role=alert]');
    const text = await alert.textContent();
    assert.match(text, /^数据加载失败/);
    assert.match(text, /data\/cities\/jiaozuo\.json:1:\d+: EOF while parsing/);
    assert.equal(await page.textContent('h1'), '生态规划看板', 'the rest of the widget is still there');
    await page.close();
  } finally {
    broken.server.close();
  }
});
