// Accessibility: axe-core's WCAG 2 A and AA rules (contrast included) on every view, in both
// languages and both colour schemes; and the data download holds the city's data.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { useSiteAndBrowser } from './helpers.mjs';

const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
const AXE = 'node_modules/axe-core/axe.min.js';

const env = useSiteAndBrowser();

async function violations(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const result = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')})`);
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`no WCAG A/AA violations in any view (${colorScheme})`, async () => {
    const page = await env.browser.newPage({ viewport: { width: 375, height: 812 }, colorScheme });
    const found = [];
    for (const lang of colorScheme === 'light' ? ['zh', 'en'] : ['zh']) {
      for (const view of VIEWS) {
        await page.goto(`${env.site.url}?city=pingdingshan&view=${view}&lang=${lang}`);
        await page.waitForSelector('.view');
        await page.waitForTimeout(150);
        for (const v of await violations(page)) found.push(`${view}/${lang}: ${v}`);
      }
    }
    assert.deepEqual(found, []);
    await page.close();
  });
}

test('the source dialog is accessible and the chart is reachable by keyboard', async () => {
  const page = await env.browser.newPage({ viewport: { width: 375, height: 812 } });
  await page.goto(`${env.site.url}?city=jiaozuo&view=air&lang=zh`);
  await page.waitForSelector('figure canvas[data-points]');
  let reachedChart = false;
  for (let i = 0; i < 25 && !reachedChart; i++) {
    await page.keyboard.press('Tab');
    reachedChart = await page.evaluate(() => document.activeElement?.tagName === 'CANVAS');
  }
  assert.ok(reachedChart, 'Tab reaches the first chart');
  await page.click('.card, figure button.link').catch(() => {});
  await page.click('figure tbody tr:first-child button.src');
  await page.waitForSelector('[role=dialog]');
  assert.equal(await page.evaluate(() => document.activeElement?.className), 'close', 'focus moves to Close');
  assert.deepEqual(await violations(page), []);
  await page.close();
});

test('the download buttons give this city\'s indicators as CSV and as JSON', async () => {
  const context = await env.browser.newContext({ acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(`${env.site.url}?city=xingtai&lang=zh`);
  await page.waitForSelector('.downloads');
  const city = JSON.parse(readFileSync('data/cities/xingtai.json', 'utf8'));

  const [csvDownload] = await Promise.all([page.waitForEvent('download'), page.click('.downloads button:text-is("下载 CSV")')]);
  assert.equal(csvDownload.suggestedFilename(), 'ecoplan-xingtai.csv');
  const csv = readFileSync(await csvDownload.path(), 'utf8');
  const values = city.indicators.reduce((n, i) => n + i.values.length, 0);
  assert.equal(csv.split('\r\n').filter(Boolean).length, values + 1, 'a header and one row per value, printed or derived');
  assert.ok(csv.includes(`pm25_urban,pm25,1,`), 'the PM2.5 table row');
  // Each row names its source's file and the data's version (the build's, data/CHANGELOG.md's date).
  const version = JSON.parse(readFileSync('target/size-report.json', 'utf8')).cities.version;
  assert.match(version, /^\d{4}-\d{2}-\d{2} [0-9a-f]{8}$/);
  const rows = csv.replace(/^\ufeff/, '').split('\r\n').filter(Boolean);
  assert.ok(rows[0].endsWith(',source_file,source_line,source_quote,derived_formula,data_version'), rows[0]);
  assert.ok(rows.slice(1).every((r) => r.endsWith(`,${version}`) && r.includes(',xingtai.txt,')), 'every row');

  const [jsonDownload] = await Promise.all([page.waitForEvent('download'), page.click('.downloads button:text-is("下载 JSON")')]);
  assert.equal(jsonDownload.suggestedFilename(), `ecoplan-xingtai-${version.split(' ')[0]}.json`, 'named with the data\'s date');
  // The city's two published parts joined (scripts/postbuild.mjs): the same document as data/.
  const downloaded = readFileSync(await jsonDownload.path(), 'utf8');
  assert.deepEqual(JSON.parse(downloaded), city);
  assert.ok(downloaded.includes('\n  "indicators": ['), 'indented for a reader');
  await context.close();
});
