import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { canvasPixels, launchBrowser, openPage, screenshot, startServer, VIEWPORTS } from './helpers.mjs';

const ACTUAL_BLUE = [0, 114, 178];
const TARGET_ORANGE = [213, 94, 0];

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
  test(`at ${viewport.width}x${viewport.height} the sample chart draws its printed values`, async () => {
    const { page, errors } = await openPage(browser, viewport);
    await page.goto(site.url);
    await page.waitForSelector('canvas.chart');

    assert.ok((await canvasPixels(page, 'canvas.chart', ACTUAL_BLUE)) > 20, 'the 2020 point is drawn');
    assert.ok((await canvasPixels(page, 'canvas.chart', TARGET_ORANGE)) > 50, 'the 2025 target is drawn');

    assert.equal(await page.textContent('h1'), '生态规划看板');
    assert.match(await page.textContent('.city'), /^焦作市/);
    const rows = await page.$$eval('table.values tbody tr', (trs) =>
      trs.map((tr) => [...tr.querySelectorAll('td')].map((td) => td.textContent)),
    );
    assert.deepEqual(
      rows.map((r) => r.slice(0, 2)),
      [
        ['2020', '56'],
        ['2025', '43 (目标)'],
      ],
    );
    assert.equal(
      await page.getAttribute('canvas.chart', 'aria-label'),
      '城市细颗粒物（PM2.5）浓度: 2020 56 μg/m³, 2025 43 μg/m³',
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
    await screenshot(page, `sample-${viewport.width}`);
    assert.deepEqual(errors, []);
    await page.close();
  });
}

test('a broken data file gives a clear message, not a blank page', async () => {
  const broken = await startServer({
    overrides: { 'data/sample/jiaozuo-pm25.json': { body: '{"city": "jiaozuo", "name": ' } },
  });
  try {
    const { page } = await openPage(browser, VIEWPORTS[0]);
    await page.goto(broken.url);
    const alert = await page.waitForSelector('[role=alert]');
    const text = await alert.textContent();
    assert.match(text, /^数据加载失败/);
    assert.match(text, /data\/sample\/jiaozuo-pm25\.json:1:\d+: EOF while parsing/);
    assert.equal(await page.textContent('h1'), '生态规划看板', 'the rest of the widget is still there');
    await page.close();
  } finally {
    broken.server.close();
  }
});
