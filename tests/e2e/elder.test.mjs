// 长辈模式 / Large text (issue 11): the elder-friendly mode of MIIT's 适老化 rules. In every view, in
// both languages and both colour schemes: no text under 18 px, text contrast of 7:1 or more (axe's
// AAA rule), tap targets of 48 px that do not touch, axe's A/AA rules clean, no horizontal overflow
// at 320 and 375 px; the header's toggle is remembered, and charts are drawn with larger labels
// and thicker lines.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { openPage, screenshot, useSiteAndBrowser } from './helpers.mjs';

const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
const AXE = 'node_modules/axe-core/axe.min.js';

const env = useSiteAndBrowser();

/** What the page breaks of the mode's rules, as readable lines (empty when none). */
async function problems(page) {
  await page.addScriptTag({ path: AXE });
  return page.evaluate(async () => {
    const found = [];
    const visible = (el) => {
      if (el.closest('.sr-only, [hidden], [aria-hidden="true"]')) return false;
      const r = el.getBoundingClientRect();
      return r.width > 0 && r.height > 0 && getComputedStyle(el).visibility !== 'hidden';
    };
    // Text: every visible text node's element, at least 18 px.
    const walker = document.createTreeWalker(document.querySelector('#ecoplan'), NodeFilter.SHOW_TEXT);
    const small = new Set();
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const el = node.parentElement;
      if (!node.textContent.trim() || !el || !visible(el)) continue;
      const size = parseFloat(getComputedStyle(el).fontSize);
      if (size < 18) small.add(`${el.tagName.toLowerCase()}.${el.className} ${size}px "${node.textContent.trim().slice(0, 20)}"`);
    }
    for (const s of small) found.push(`text under 18 px: ${s}`);
    // Labels drawn by CSS (the narrow tables' column names).
    for (const el of document.querySelectorAll('#ecoplan td[data-label]')) {
      const before = getComputedStyle(el, '::before');
      if (visible(el) && before.content !== 'none' && parseFloat(before.fontSize) < 18) {
        found.push(`label under 18 px: ${el.dataset.label} ${before.fontSize}`);
        break;
      }
    }
    // Tap targets: 48 × 48 CSS px, and no two touching.
    const targets = [...document.querySelectorAll('#ecoplan :is(button, select, a[href], input, textarea, [tabindex="0"])')]
      .filter(visible)
      .map((el) => [el, el.getBoundingClientRect()]);
    for (const [el, r] of targets) {
      if (r.width < 47.5 || r.height < 47.5) {
        found.push(`tap target ${Math.round(r.width)}×${Math.round(r.height)}: ${el.tagName.toLowerCase()} "${el.textContent.trim().slice(0, 20)}"`);
      }
    }
    for (let i = 0; i < targets.length; i++) {
      for (let j = i + 1; j < targets.length; j++) {
        const [a, ra] = targets[i];
        const [b, rb] = targets[j];
        if (a.contains(b) || b.contains(a)) continue;
        const apart = Math.max(ra.left - rb.right, rb.left - ra.right, ra.top - rb.bottom, rb.top - ra.bottom);
        if (apart < 2) found.push(`tap targets touch: "${a.textContent.trim().slice(0, 15)}" and "${b.textContent.trim().slice(0, 15)}"`);
      }
    }
    // Contrast 7:1 (WCAG AAA), and the A/AA rules.
    const axe = await window.axe.run(document, {
      runOnly: { type: 'rule', values: ['color-contrast-enhanced'] },
    });
    const aa = await window.axe.run(document, { runOnly: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] });
    for (const v of [...axe.violations, ...aa.violations]) {
      found.push(`${v.id}: ${v.nodes.length}× e.g. ${v.nodes[0].target.join(' ')} ${v.nodes[0].any[0]?.message ?? ''}`);
    }
    if (document.documentElement.scrollWidth > innerWidth) found.push(`scrollWidth ${document.documentElement.scrollWidth} > ${innerWidth}`);
    return found;
  });
}

for (const colorScheme of ['light', 'dark']) {
  test(`?mode=elder: 18 px text, 7:1 contrast, 48 px targets, axe clean, no overflow in every view (${colorScheme})`, async () => {
    const found = [];
    for (const width of colorScheme === 'light' ? [320, 375] : [320]) {
      const { page, errors } = await openPage(env.browser, { width, height: 800 });
      await page.emulateMedia({ colorScheme });
      for (const lang of colorScheme === 'light' && width === 320 ? ['zh', 'en'] : ['zh']) {
        for (const view of VIEWS) {
          await page.goto(`${env.site.url}?city=zhengzhou&view=${view}&lang=${lang}&mode=elder`);
          await page.waitForSelector('.view');
          await page.waitForTimeout(150);
          assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), 'elder');
          for (const p of await problems(page)) found.push(`${view}/${lang}/${width}: ${p}`);
          if (width === 375) await screenshot(page, `elder-${view}-${lang}-${width}`);
        }
      }
      assert.deepEqual(errors, []);
      await page.close();
    }
    assert.deepEqual(found, []);
  });
}

test('the source dialog fills the screen in the elder mode', async () => {
  const { page } = await openPage(env.browser, { width: 375, height: 812 });
  await page.goto(`${env.site.url}?city=jiaozuo&view=overview&lang=zh&mode=elder`);
  await page.click('.card button.src');
  const panel = await page.waitForSelector('[role=dialog]');
  const box = await panel.boundingBox();
  assert.deepEqual([box.x, box.width, Math.round(box.height)], [0, 375, 812]);
  assert.deepEqual(await problems(page), []);
  await page.close();
});

test('the header toggle turns the elder mode on and off, is remembered, and stays in the address', async () => {
  const { page, errors } = await openPage(env.browser, { width: 375, height: 812 });
  await page.goto(`${env.site.url}?city=jiyuan&lang=zh`);
  const toggle = await page.waitForSelector('header button.mode');
  assert.equal(await toggle.textContent(), '长辈模式');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'false');
  const bodySize = () => page.evaluate(() => parseFloat(getComputedStyle(document.querySelector('.overview .notice')).fontSize));
  assert.equal(await bodySize(), 14);
  await toggle.click();
  await page.waitForFunction(() => document.documentElement.dataset.mode === 'elder');
  assert.equal(await toggle.getAttribute('aria-pressed'), 'true');
  assert.equal(await bodySize(), 18);
  assert.match(page.url(), /[?&]mode=elder$/);
  assert.equal(await page.evaluate(() => localStorage.getItem('ecoplan:mode')), 'elder');

  // Remembered: a plain address opens in it, and the skeleton is already of its size.
  await page.goto(`${env.site.url}?city=jiyuan&lang=zh`);
  assert.equal(await page.evaluate(() => document.documentElement.dataset.mode), 'elder');
  await page.waitForSelector('.overview .notice');
  assert.equal(await bodySize(), 18);
  assert.equal(await page.getAttribute('header button.mode', 'aria-pressed'), 'true');

  await page.click('header button.mode');
  await page.waitForFunction(() => !document.documentElement.dataset.mode);
  assert.equal(await bodySize(), 14);
  assert.equal(await page.evaluate(() => localStorage.getItem('ecoplan:mode')), 'standard');
  assert.doesNotMatch(page.url(), /mode=/);
  // A host's ?mode=elder is not remembered as the reader's choice.
  await page.goto(`${env.site.url}?city=jiyuan&lang=en&mode=elder`);
  await page.waitForSelector('.overview .notice');
  assert.equal(await page.textContent('header button.mode'), 'Large text');
  assert.equal(await page.evaluate(() => localStorage.getItem('ecoplan:mode')), 'standard');
  assert.deepEqual(errors, []);
  await page.close();
});

test('charts in the elder mode have larger labels and thicker lines', async () => {
  const { page } = await openPage(env.browser, { width: 375, height: 812 });
  // Every font and line width the charts set on their canvas.
  await page.addInitScript(() => {
    window.__drawn = { fonts: [], widths: [] };
    const proto = CanvasRenderingContext2D.prototype;
    const font = Object.getOwnPropertyDescriptor(proto, 'font');
    Object.defineProperty(proto, 'font', { set(v) { window.__drawn.fonts.push(v); font.set.call(this, v); }, get() { return font.get.call(this); } });
    const width = Object.getOwnPropertyDescriptor(proto, 'lineWidth');
    Object.defineProperty(proto, 'lineWidth', { set(v) { window.__drawn.widths.push(v); width.set.call(this, v); }, get() { return width.get.call(this); } });
  });
  const drawn = async (query) => {
    await page.goto(`${env.site.url}?city=jiaozuo&view=air&lang=zh${query}`);
    await page.waitForSelector('figure canvas[data-points]');
    await page.waitForTimeout(200);
    return page.evaluate(() => ({
      font: Math.max(...window.__drawn.fonts.map((f) => parseFloat(f.match(/([\d.]+)px/)[1]))),
      smallest: Math.min(...window.__drawn.fonts.map((f) => parseFloat(f.match(/([\d.]+)px/)[1]))),
      line: Math.max(...window.__drawn.widths),
      ratio: devicePixelRatio,
    }));
  };
  const standard = await drawn('');
  const elder = await drawn('&mode=elder');
  assert.equal(standard.ratio, 1);
  assert.ok(elder.smallest >= 15.6, `smallest label ${elder.smallest}px (standard ${standard.smallest}px)`);
  assert.ok(elder.font >= standard.font * 1.29, `labels ${elder.font}px vs ${standard.font}px`);
  assert.ok(elder.line >= standard.line * 1.29, `lines ${elder.line}px vs ${standard.line}px`);
  await page.close();
});
