// Chart images (issue 11): each chart saves as SVG and as a 2x PNG with its title, city, unit,
// source line and the widget's address drawn in, so that a shared picture keeps its citation.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openPage, useSiteAndBrowser } from './helpers.mjs';

const env = useSiteAndBrowser();

const SOURCE = '焦作市人民政府办公室《焦作市“十四五”生态环境保护和生态经济发展规划》，2022';

async function save(page, selector) {
  const [download] = await Promise.all([page.waitForEvent('download'), page.click(selector)]);
  return { name: download.suggestedFilename(), bytes: readFileSync(await download.path()) };
}

/** The texts of an SVG document, parsed by the browser (which reports a malformed one); plotters
 * writes each text between line breaks, which SVG does not render. */
function svgTexts(page, svg) {
  return page.evaluate((source) => {
    const doc = new DOMParser().parseFromString(source, 'image/svg+xml');
    if (doc.querySelector('parsererror')) return { error: doc.querySelector('parsererror').textContent };
    const root = doc.documentElement;
    return { root: root.localName, width: root.getAttribute('width'), texts: [...doc.querySelectorAll('text')].map((t) => t.textContent.trim()) };
  }, svg);
}

test('a trend chart saves as SVG and PNG with its title, city, unit, source and address', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 375, height: 812 } });
  const page = await context.newPage();
  // The view's own page: the address a shared picture names.
  const address = `${env.site.url}jiaozuo-air-zh.html`;
  await page.goto(address);
  await page.waitForSelector('figure canvas[data-points]');
  const svgButton = 'figure:first-of-type button.save:text-is("SVG")';
  assert.equal(await page.getAttribute(svgButton, 'aria-label'), '保存为 SVG 图片：焦作市 · 城市细颗粒物(PM2.5)浓度');

  const svg = await save(page, svgButton);
  assert.equal(svg.name, 'ecoplan-jiaozuo-pm25.svg');
  const parsed = await svgTexts(page, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, undefined);
  assert.equal(parsed.root, 'svg');
  assert.equal(parsed.width, '720');
  const [date, hash] = JSON.parse(readFileSync('target/size-report.json', 'utf8')).cities.version.split(' ');
  for (const text of ['焦作市 · 城市细颗粒物(PM2.5)浓度', 'μg/m³', SOURCE, `数据版本：${date}（${hash}）`, address, '2015', '2020', '2025', '目标 43']) {
    assert.ok(parsed.texts.includes(text), `${text} in ${JSON.stringify(parsed.texts)}`);
  }

  const png = await save(page, 'figure:first-of-type button.save:text-is("PNG")');
  assert.equal(png.name, 'ecoplan-jiaozuo-pm25.png');
  assert.deepEqual([...png.bytes.subarray(1, 4)].map((b) => String.fromCharCode(b)).join(''), 'PNG');
  const [width, height] = [png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)];
  assert.equal(width, 1440, 'twice the SVG\'s 720 px');
  assert.equal(height, 2 * (16 + 26 + 8 + 320 + 12 + 3 * 19 + 16), 'title, chart, source line, data version and address, at 2x');
  // Not blank: the browser decodes it, and it has the dark text and the chart's blue.
  const ink = await page.evaluate(async (b64) => {
    const img = new Image();
    img.src = `data:image/png;base64,${b64}`;
    await img.decode();
    const c = document.createElement('canvas');
    [c.width, c.height] = [img.width, img.height];
    const ctx = c.getContext('2d');
    ctx.drawImage(img, 0, 0);
    const d = ctx.getImageData(0, 0, c.width, c.height).data;
    let dark = 0;
    let blue = 0;
    let titleRows = 0;
    for (let i = 0; i < d.length; i += 4) {
      if (d[i] < 80 && d[i + 1] < 80 && d[i + 2] < 80) {
        dark++;
        if (i / 4 / c.width < 84) titleRows++;
      }
      if (d[i] < 60 && d[i + 2] > 120) blue++;
    }
    return { dark, blue, titleRows };
  }, png.bytes.toString('base64'));
  assert.ok(ink.dark > 2000 && ink.titleRows > 500, `text drawn, the title at the top: ${JSON.stringify(ink)}`);
  assert.ok(ink.blue > 200, `the chart's line and marks drawn: ${JSON.stringify(ink)}`);
  await context.close();
});

test('Compare\'s chart names every city\'s plan; in English the source lines are in English', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  await page.goto(`${env.site.url}?lang=en&view=compare&metric=pm25`);
  await page.waitForSelector('.compare canvas[data-points]');
  const svg = await save(page, '.compare button.save:text-is("SVG")');
  assert.equal(svg.name, 'ecoplan-compare-pm25.svg');
  const parsed = await svgTexts(page, svg.bytes.toString('utf8'));
  assert.equal(parsed.error, undefined);
  const all = parsed.texts.join('\n');
  assert.ok(parsed.texts[0].startsWith('Fine particulate matter (PM2.5)'), parsed.texts[0]);
  for (const city of ['Pingdingshan', 'Zhengzhou', 'Jiaozuo', 'Jiyuan', 'Xingtai']) {
    assert.match(all, new RegExp(`\\n${city}[^:]*: `), `${city}'s plan`);
  }
  // Long source lines wrap (at spaces) within the picture's width.
  assert.match(all.replace(/\n/g, ' '), /\nJiaozuo: General Office of the Jiaozuo Municipal People's Government, Jiaozuo 14th Five-Year Plan|Jiaozuo: General Office of the Jiaozuo Municipal People's Government, Jiaozuo 14th Five-Year Plan for Ecological and Environmental Protection and Ecological Economy Development, 2022/);
  await context.close();
});

test('the overview\'s cards offer their charts\' pictures too, with no error', async () => {
  const { page, errors } = await openPage(env.browser, { width: 375, height: 812 });
  await page.goto(`${env.site.url}?lang=zh&city=xingtai`);
  await page.waitForSelector('.card canvas[data-points]');
  const labels = await page.$$eval('.card button.save', (bs) => bs.map((b) => b.getAttribute('aria-label')));
  assert.ok(labels.length >= 2 && labels.every((l) => /^保存为 (SVG|PNG) 图片：邢台市 · /.test(l)), labels.join('\n'));
  assert.deepEqual(errors, []);
  await page.close();
});
