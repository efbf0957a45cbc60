// embed.js as host pages really load it: from the widget's folder, pasted inline, as a module,
// bundled by a CMS, twice; with divs added and changed later, and with a no-JS fallback inside.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { BASE, launchBrowser, startServer } from './helpers.mjs';
import { readCities } from '../../scripts/cities.mjs';

const EMBED = readFileSync('dist/embed.js', 'utf8');
const CITIES = readCities('data').index.cities;

let browser;
let site; // the widget, on its own origin
let host; // host pages, on another origin (localhost vs 127.0.0.1)
let hostDir;
const cleanup = [];

before(async () => {
  browser = await launchBrowser();
  site = await startServer({ root: 'dist', base: BASE });
  hostDir = mkdtempSync(join(tmpdir(), 'ecoplan-embed-host-'));
  mkdirSync(join(hostDir, 'assets'));
  // A CMS that copies the script into its own assets, or bundles it with other code.
  writeFileSync(join(hostDir, 'assets', 'embed.js'), EMBED);
  writeFileSync(join(hostDir, 'assets', 'cms-bundle.js'), `window.cms = 1;\n${EMBED}`);
  const server = await startServer({ root: hostDir, port: 0 });
  host = { ...server, url: server.url.replace('127.0.0.1', 'localhost') };
  cleanup.push(() => rmSync(hostDir, { recursive: true, force: true }));
});

after(async () => {
  await browser?.close();
  site?.server.close();
  host?.server.close();
  for (const f of cleanup) f();
});

let pages = 0;
/** Writes a host page and opens it; records console warnings and every request. */
async function open(body, { lang, viewport = { width: 1024, height: 800 }, init } = {}) {
  const name = `page-${++pages}.html`;
  const html = lang === undefined ? '<html>' : `<html lang="${lang}">`;
  writeFileSync(join(hostDir, name), `<!doctype html>${html}<head><meta charset="utf-8"><title>Host</title></head><body>\n${body}\n</body></html>`);
  const page = await browser.newPage({ viewport });
  const seen = { warnings: [], errors: [], requests: [] };
  // The host page's warnings (a frame's own, such as its service worker's, are the widget's).
  page.on('console', (m) => {
    const from = m.location().url;
    if (m.type() === 'warning' && !(from.startsWith(site.url) && !from.endsWith('/embed.js'))) seen.warnings.push(m.text());
  });
  page.on('pageerror', (e) => seen.errors.push(e.message));
  page.on('request', (r) => seen.requests.push(r.url()));
  if (init) await page.addInitScript(init);
  await page.goto(host.url + name);
  return { page, seen };
}

const frameSrcs = (page) => page.$$eval('iframe[data-ecoplan]', (fs) => fs.map((f) => f.getAttribute('src')));
/** The frame's address embed.js gives for these attributes: a known city's view is its own page
 * (`zhengzhou-targets-en.html`, the rest of the state in the query); anything else, the folder. */
const widget = (query) => {
  const params = new URLSearchParams(query);
  const city = params.get('city');
  if (!CITIES.some((c) => c.id === city)) return `${site.url}?${query}`;
  const rest = [...params].filter(([key]) => !['city', 'view', 'lang'].includes(key)).map(([key, value]) => `${key}=${value}`);
  return `${site.url}${city}-${params.get('view') ?? 'overview'}-${params.get('lang')}.html${rest.length ? `?${rest.join('&')}` : ''}`;
};
/** A frame's load of one of the widget's pages, as the server saw it. */
const pageLoad = (url) => url.startsWith(site.url) && /-[a-z]+-(zh|en)\.html(\?|$)/.test(url);

/** Waits until the frame's height follows the height its widget reports. */
async function sized(page, selector) {
  const el = await page.waitForSelector(selector);
  const frame = await el.contentFrame();
  await frame.waitForSelector('.view');
  for (let i = 0; i < 50; i++) {
    const content = await frame.evaluate(() => Math.ceil(document.body.getBoundingClientRect().height));
    const box = await el.boundingBox();
    if (Math.abs(box.height - content) <= 4 && box.height !== 600) return box.height;
    await page.waitForTimeout(100);
  }
  assert.fail(`${selector} was not sized to its content`);
}

test('data-ecoplan-src on the div or on the script tag wins over the script\'s folder; the frame is sized', async () => {
  // The script copied into the CMS's assets: its folder is not the widget's.
  const { page, seen } = await open(`
<div id="a" data-ecoplan-city="zhengzhou" data-ecoplan-lang="zh" data-ecoplan-src="${site.url}"></div>
<div id="b" data-ecoplan-city="xingtai" data-ecoplan-lang="en" data-ecoplan-src="${site.url.replace(/\/$/, '')}"></div>
<script src="/assets/embed.js" defer></script>`);
  await page.waitForFunction(() => document.querySelectorAll('iframe[data-ecoplan]').length === 2);
  assert.deepEqual(await frameSrcs(page), [widget('city=zhengzhou&lang=zh'), widget('city=xingtai&lang=en')], 'with or without the trailing slash');
  await sized(page, '#a iframe');
  await sized(page, '#b iframe');
  await page.close();

  // Bundled under another name, the folder given once on the script tag.
  const bundled = await open(`
<div id="a" data-ecoplan-city="jiaozuo" data-ecoplan-lang="zh"></div>
<script src="/assets/cms-bundle.js" data-ecoplan-src="${site.url}" defer></script>`);
  await bundled.page.waitForSelector('iframe[data-ecoplan]');
  assert.deepEqual(await frameSrcs(bundled.page), [widget('city=jiaozuo&lang=zh')]);
  await sized(bundled.page, '#a iframe');
  // A resize message from the host page itself (not the frame's window or origin) is ignored.
  const before = (await (await bundled.page.$('#a iframe')).boundingBox()).height;
  await bundled.page.evaluate(() => window.postMessage({ type: 'ecoplan:resize', height: 123 }, '*'));
  await bundled.page.waitForTimeout(200);
  assert.equal((await (await bundled.page.$('#a iframe')).boundingBox()).height, before);
  assert.deepEqual([...seen.errors, ...bundled.seen.errors], []);
  assert.deepEqual([...seen.warnings, ...bundled.seen.warnings], []);
  await bundled.page.close();
});

test('inline, as a module, or bundled without data-ecoplan-src: no frame of a wrong URL, the div keeps its content, one warning', async () => {
  const fallback = '<p>Air quality in Zhengzhou: <a href="https://example.gov.cn/report">the report</a>.</p>';
  const cases = {
    inline: `<script>${EMBED.replace(/<\/script/g, '<\\/script')}</script>`,
    module: '<script type="module" src="/assets/embed.js"></script>',
    bundled: '<script src="/assets/cms-bundle.js" defer></script>',
  };
  for (const [how, tag] of Object.entries(cases)) {
    const { page, seen } = await open(`
<div data-ecoplan-city="zhengzhou" data-ecoplan-lang="zh">${fallback}</div>
<div data-ecoplan-city="xingtai" data-ecoplan-lang="en">${fallback}</div>
${tag}`);
    await page.waitForFunction(() => window.EcoPlan);
    await page.waitForTimeout(300);
    assert.equal(await page.$$eval('iframe', (fs) => fs.length), 0, `${how}: no frame`);
    assert.equal(await page.$$eval('[data-ecoplan-city] p a', (as) => as.length), 2, `${how}: the divs keep their content`);
    assert.ok(!seen.requests.some((u) => u.includes('city=')), `${how}: nothing requested for the widget`);
    assert.equal(seen.warnings.length, 1, `${how}: one warning, not ${JSON.stringify(seen.warnings)}`);
    assert.match(seen.warnings[0], /EcoPlan.*data-ecoplan-src/);
    // The page adds the folder later: the divs are then mounted.
    await page.evaluate((src) => document.querySelectorAll('[data-ecoplan-city]').forEach((d) => d.setAttribute('data-ecoplan-src', src)), site.url);
    await page.waitForFunction(() => document.querySelectorAll('iframe[data-ecoplan]').length === 2);
    assert.deepEqual(await frameSrcs(page), [widget('city=zhengzhou&lang=zh'), widget('city=xingtai&lang=en')], how);
    assert.deepEqual(seen.errors, []);
    await page.close();
  }
});

test('frames load lazily, may write to the clipboard, and have a title and lang per city and language', async () => {
  const divs = CITIES.flatMap((c) => ['zh', 'en'].map((l) => `<div data-ecoplan-city="${c.id}" data-ecoplan-lang="${l}"></div>`));
  const { page, seen } = await open(`
${divs.join('\n')}
<div style="height:30000px"></div>
<div data-ecoplan-city="nowhere" data-ecoplan-lang="en"></div>
<script src="${site.url}embed.js" defer></script>`);
  await page.waitForFunction((n) => document.querySelectorAll('iframe[data-ecoplan]').length === n, divs.length + 1);
  const frames = await page.$$eval('iframe[data-ecoplan]', (fs) =>
    fs.map((f) => ({ loading: f.getAttribute('loading'), allow: f.getAttribute('allow'), title: f.title, lang: f.getAttribute('lang') })),
  );
  const expected = CITIES.flatMap((c) => [
    { title: `生态规划看板 · ${c.name.zh}`, lang: 'zh' },
    { title: `EcoPlan · ${c.name.en}`, lang: 'en' },
  ]).concat([{ title: 'EcoPlan', lang: 'en' }]);
  assert.deepEqual(frames.map((f) => ({ title: f.title, lang: f.lang })), expected);
  const zz = 2 * CITIES.findIndex((c) => c.id === 'zhengzhou');
  assert.equal(frames[zz].title, '生态规划看板 · 郑州市');
  assert.equal(frames[zz + 1].title, 'EcoPlan · Zhengzhou');
  for (const f of frames) {
    assert.equal(f.loading, 'lazy');
    assert.match(f.allow, /(^|;\s*)clipboard-write(;|$)/);
  }
  // The last frame is far below the window: not loaded yet.
  await page.waitForTimeout(500);
  const last = widget('city=nowhere&lang=en');
  assert.ok(!seen.requests.includes(last), 'a frame far below the window is not loaded yet');
  await page.evaluate(() => document.querySelector('[data-ecoplan-city=nowhere]').scrollIntoView());
  for (let i = 0; i < 50 && !seen.requests.includes(last); i++) await page.waitForTimeout(100);
  assert.ok(seen.requests.includes(last), 'and is loaded when scrolled to');
  await page.close();
});

test('the div\'s own content stays as the fallback until its frame has loaded, then goes', async () => {
  const fallback = (city) => `<p class="fallback">No JavaScript? <a href="https://example.gov.cn/${city}">${city}'s plan</a></p>`;
  const { page } = await open(`
<div id="top" data-ecoplan-city="zhengzhou" data-ecoplan-lang="zh">${fallback('zhengzhou')}</div>
<div style="height:6000px"></div>
<div id="low" data-ecoplan-city="xingtai" data-ecoplan-lang="en">${fallback('xingtai')}</div>
<script src="${site.url}embed.js" defer></script>`);
  await page.waitForSelector('#top iframe');
  await (await (await page.$('#top iframe')).contentFrame()).waitForSelector('.view');
  await page.waitForFunction(() => !document.querySelector('#top .fallback'));
  assert.deepEqual(await page.$$eval('#top > *', (els) => els.map((e) => e.tagName)), ['IFRAME'], 'only the frame is left');
  // The lower frame is not loaded yet: its fallback is still there, visible and in the page's text.
  assert.ok(await page.isVisible('#low .fallback a'));
  const tree = await page.locator('#low').ariaSnapshot();
  assert.match(tree, /link "xingtai's plan"/);
  await page.evaluate(() => document.querySelector('#low').scrollIntoView());
  await (await (await page.$('#low iframe')).contentFrame()).waitForSelector('.view');
  await page.waitForFunction(() => !document.querySelector('#low .fallback'));
  await page.close();
});

test('without data-ecoplan-lang, the host page\'s <html lang> decides (zh* → zh, en* → en, else zh)', async () => {
  for (const [lang, want] of [['en-GB', 'en'], ['EN', 'en'], ['zh-Hant-TW', 'zh'], ['zh-CN', 'zh'], ['fr', 'zh'], [undefined, 'zh']]) {
    const { page } = await open(`
<div data-ecoplan-city="zhengzhou"></div>
<div data-ecoplan-city="jiaozuo" data-ecoplan-lang="zh"></div>
<script src="${site.url}embed.js" defer></script>`, { lang });
    await page.waitForFunction(() => document.querySelectorAll('iframe[data-ecoplan]').length === 2);
    const srcs = await frameSrcs(page);
    assert.equal(srcs[0], widget(`city=zhengzhou&lang=${want}`), `<html lang="${lang}">`);
    assert.equal(srcs[1], widget('city=jiaozuo&lang=zh'), 'the attribute wins');
    assert.equal(await page.getAttribute('[data-ecoplan-city=zhengzhou] iframe', 'lang'), want);
    assert.equal(await page.getAttribute('[data-ecoplan-city=zhengzhou] iframe', 'title'), want === 'en' ? 'EcoPlan · Zhengzhou' : '生态规划看板 · 郑州市');
    await page.close();
  }
});

test('divs added later are mounted, and a changed data-ecoplan-* attribute updates its frame', async () => {
  const { page, seen } = await open(`
<div id="a" data-ecoplan-city="zhengzhou" data-ecoplan-lang="zh"></div>
<script src="${site.url}embed.js" defer></script>`);
  await page.waitForSelector('#a iframe');
  await page.evaluate(() => {
    const div = document.createElement('div');
    div.id = 'b';
    div.setAttribute('data-ecoplan-city', 'xingtai');
    div.setAttribute('data-ecoplan-lang', 'en');
    document.body.append(div);
  });
  await page.waitForSelector('#b iframe[data-ecoplan]');
  assert.equal(await page.getAttribute('#b iframe', 'src'), widget('city=xingtai&lang=en'));
  await sized(page, '#b iframe');

  const first = await page.$('#a iframe');
  await page.evaluate(() => {
    const a = document.querySelector('#a');
    a.setAttribute('data-ecoplan-view', 'targets');
    a.setAttribute('data-ecoplan-lang', 'en');
  });
  await page.waitForFunction(() => document.querySelector('#a iframe').getAttribute('src').includes('-targets-'));
  assert.equal(await page.getAttribute('#a iframe', 'src'), widget('city=zhengzhou&view=targets&lang=en'));
  assert.equal(await page.getAttribute('#a iframe', 'title'), 'EcoPlan · Zhengzhou');
  assert.equal(await page.getAttribute('#a iframe', 'lang'), 'en');
  assert.ok(await first.evaluate((f) => f.isConnected), 'the same frame, its src changed');
  assert.equal(await page.$$eval('#a iframe', (fs) => fs.length), 1);
  const frame = await first.contentFrame();
  await frame.waitForFunction(() => location.pathname.endsWith('zhengzhou-targets-en.html') && document.querySelector('.view.targets'));

  await page.evaluate(() => document.querySelector('#a').setAttribute('data-ecoplan-city', 'jiyuan'));
  await page.waitForFunction(() => document.querySelector('#a iframe').title === 'EcoPlan · Jiyuan Demonstration Zone');
  assert.equal(await page.getAttribute('#a iframe', 'src'), widget('city=jiyuan&view=targets&lang=en'));
  // Count once the frame has navigated to its new address, so that load is not counted late.
  await frame.waitForFunction(() => location.pathname.endsWith('jiyuan-targets-en.html') && document.querySelector('.view.targets'));
  // Unrelated changes to the page do not reload a frame.
  const loads = seen.requests.filter(pageLoad).length;
  await page.evaluate(() => document.body.append(document.createElement('p')));
  await page.waitForTimeout(300);
  assert.equal(seen.requests.filter(pageLoad).length, loads);
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('the script loaded twice: one frame per div, one window.EcoPlan, one message listener, one observer', async () => {
  // Counts what the scripts register, before they run.
  const init = () => {
    window.__listeners = 0;
    window.__observers = 0;
    const add = window.addEventListener;
    window.addEventListener = function (type, ...rest) {
      if (type === 'message') window.__listeners++;
      return add.call(this, type, ...rest);
    };
    const MO = window.MutationObserver;
    window.MutationObserver = class extends MO {
      observe(target, options) {
        if (String(options?.attributeFilter).includes('data-ecoplan')) window.__observers++;
        return super.observe(target, options);
      }
    };
  };
  const { page, seen } = await open(`
<script src="${site.url}embed.js"></script>
<div id="a" data-ecoplan-city="zhengzhou" data-ecoplan-lang="zh"></div>
<script src="${site.url}embed.js"></script>
<div id="b" data-ecoplan-city="xingtai" data-ecoplan-lang="en"></div>
<script src="${site.url}embed.js" defer></script>`, { init });
  await page.waitForFunction(() => document.querySelectorAll('iframe[data-ecoplan]').length === 2);
  await page.waitForTimeout(300);
  const state = await page.evaluate(() => ({
    a: document.querySelectorAll('#a iframe').length,
    b: document.querySelectorAll('#b iframe').length,
    listeners: window.__listeners,
    observers: window.__observers,
    api: typeof window.EcoPlan.mountAll,
  }));
  assert.deepEqual(state, { a: 1, b: 1, listeners: 1, observers: 1, api: 'function' });
  await page.evaluate(() => window.EcoPlan.mountAll());
  assert.equal(await page.$$eval('iframe', (fs) => fs.length), 2, 'mountAll() again adds nothing');
  await sized(page, '#a iframe');
  await sized(page, '#b iframe');
  assert.deepEqual(seen.errors, []);
  await page.close();
});

test('data-ecoplan-mode="elder" opens the frame in the elder mode, and the frame grows with it', async () => {
  const { page, seen } = await open(`
<div id="a" data-ecoplan-city="jiaozuo" data-ecoplan-lang="zh"></div>
<div id="b" data-ecoplan-city="jiaozuo" data-ecoplan-lang="zh" data-ecoplan-mode="elder"></div>
<script src="${site.url}embed.js" defer></script>`, { viewport: { width: 375, height: 800 } });
  await page.waitForSelector('#b iframe');
  assert.deepEqual(await frameSrcs(page), [widget('city=jiaozuo&lang=zh'), widget('city=jiaozuo&lang=zh&mode=elder')]);
  const standard = await sized(page, '#a iframe');
  const elder = await sized(page, '#b iframe');
  const frame = await (await page.$('#b iframe')).contentFrame();
  assert.equal(await frame.evaluate(() => getComputedStyle(document.querySelector('.notice')).fontSize), '18px');
  assert.ok(elder > standard * 1.2, `the elder frame is taller: ${elder} vs ${standard} px`);
  assert.deepEqual(seen.errors, []);
  await page.close();
});
