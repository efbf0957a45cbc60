// embed.js as host pages really load it: from the widget's folder, pasted inline, as a module,
// bundled by a CMS, twice; with divs added and changed later, and with a no-JS fallback inside.
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { launchBrowser, startServer } from './helpers.mjs';

const BASE = '/widgets/ecoplan/';
const EMBED = readFileSync('dist/embed.js', 'utf8');
const CITIES = JSON.parse(readFileSync('data/cities.json', 'utf8')).cities;

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
const widget = (query) => `${site.url}?${query}`;

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
    await page.evaluate((src) => {
      document.querySelectorAll('[data-ecoplan-city]').forEach((d) => d.setAttribute('data-ecoplan-src', src));
      window.EcoPlan.mountAll();
    }, site.url);
    await page.waitForFunction(() => document.querySelectorAll('iframe[data-ecoplan]').length === 2);
    assert.deepEqual(await frameSrcs(page), [widget('city=zhengzhou&lang=zh'), widget('city=xingtai&lang=en')], how);
    assert.deepEqual(seen.errors, []);
    await page.close();
  }
});
