// Print (issue 11): "打印本市摘要 / Print this city" lays out the city's headline figures with their
// charts, its targets, what residents can do and its plan on A4, without the interface's controls.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { openPage, screenshot, useSiteAndBrowser } from './helpers.mjs';

const env = useSiteAndBrowser();
// A4 less the stylesheet's margins (210 mm - 2 × 14 mm), in CSS px.
const A4_CONTENT = Math.floor(((210 - 28) / 25.4) * 96);

test('Print this city: the summary on A4 pages, with no controls, then back to the view', async () => {
  const city = JSON.parse(readFileSync('data/cities/jiaozuo.json', 'utf8'));
  const { page, errors } = await openPage(env.browser, { width: A4_CONTENT, height: 1000 });
  await page.addInitScript(() => {
    window.__printed = 0;
    window.print = () => window.__printed++;
  });
  await page.goto(`${env.site.url}?lang=zh&city=jiaozuo&view=air`);
  const button = await page.waitForSelector('.downloads button.print:not([disabled])');
  assert.equal(await button.textContent(), '打印本市摘要');
  await button.click();
  await page.waitForFunction(() => window.__printed === 1);
  await page.waitForFunction(() => [...document.querySelectorAll('.print-city canvas')].every((c) => c.hasAttribute('data-points')));

  // What is on paper: the headline cards with charts, every target, every action, the plan.
  const summary = await page.evaluate(() => ({
    cards: document.querySelectorAll('.print-city .overview .card canvas').length,
    targets: document.querySelectorAll('.print-city .targets-table tbody tr').length,
    actions: document.querySelectorAll('.print-city .green .action').length,
    plan: document.querySelector('.print-city .print-plan')?.textContent ?? '',
  }));
  assert.equal(summary.cards, 3);
  assert.ok(summary.targets >= 10, `${summary.targets} target rows`);
  assert.equal(summary.actions, city.actions.length);
  assert.ok(summary.plan.includes(`《${city.plan.title.zh}》`) && summary.plan.includes(city.plan.number), summary.plan);

  await page.emulateMedia({ media: 'print' });
  const onPaper = await page.evaluate(() => {
    const visible = (el) => {
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    const controls = [...document.querySelectorAll('#ecoplan :is(button:not(.src), select, textarea, nav, .tabs)')].filter(visible);
    return { controls: controls.map((c) => c.textContent.trim().slice(0, 20)), width: document.documentElement.scrollWidth };
  });
  assert.deepEqual(onPaper.controls, [], 'no interface controls on paper');
  assert.ok(onPaper.width <= A4_CONTENT, `${onPaper.width}px fits A4's ${A4_CONTENT}px`);
  await screenshot(page, 'print-jiaozuo-zh');
  // Chromium's own print to PDF, on A4: every page is A4, and there are several.
  const pdf = (await page.pdf({ format: 'A4', preferCSSPageSize: true })).toString('latin1');
  const boxes = pdf.match(/\/MediaBox\s*\[[^\]]*\]/g) ?? [];
  assert.ok(boxes.length >= 3, `${boxes.length} pages`);
  for (const box of boxes) {
    const [, , w, h] = box.match(/[\d.]+/g).map(Number);
    assert.ok(Math.abs(w - 595.3) < 1 && Math.abs(h - 841.9) < 1, box);
  }

  // The browser says printing is over: the view the reader was on is back.
  await page.emulateMedia({ media: 'screen' });
  await page.evaluate(() => window.dispatchEvent(new Event('afterprint')));
  await page.waitForSelector('.view.trends');
  assert.equal(await page.$('.print-city'), null);
  assert.deepEqual(errors, []);
  await page.close();
});
