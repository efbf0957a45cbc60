// Shared by the end-to-end tests: a server for dist/ and a headless Chromium that stays offline.
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../scripts/serve.mjs';

/** Where the deployment tests put the widget, and the strict policy the README promises it runs under. */
export const BASE = '/widgets/ecoplan/';
export const CSP =
  "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'; style-src 'self'; img-src 'self' data:; connect-src 'self'; worker-src 'self'";

export const VIEWPORTS = [
  { width: 375, height: 812 },
  { width: 1280, height: 800 },
];

/** The data files' hashed names a build's page lists: `{"data/cities/jiaozuo.json": "data/cities/jiaozuo-<hash>.json", …}`. */
export function builtDataFiles(root = 'dist') {
  const html = readFileSync(join(root, 'index.html'), 'utf8');
  const list = html.match(/<script type="application\/json" id="ecoplan-files">(.*?)<\/script>/s);
  if (!list) throw new Error(`${root}/index.html lists no data files (#ecoplan-files)`);
  return JSON.parse(list[1]);
}

/** The hashed names of a built page's code: its boot script, and the glue and wasm that script asks for. */
export function builtCode(page, root = 'dist') {
  const html = readFileSync(join(root, page), 'utf8');
  const boot = html.match(/<script type="module" src="\.\/(boot-[0-9a-f]{10}\.js)"><\/script>/)?.[1];
  if (!boot) throw new Error(`${root}/${page} loads no hashed boot script`);
  const script = readFileSync(join(root, boot), 'utf8');
  const glue = script.match(/["'`]\.\/(ecoplan-[0-9a-f]{10}\.js)["'`]/)?.[1];
  const wasm = script.match(/["'`]\.\/(ecoplan_bg-[0-9a-f]{10}\.wasm)["'`]/)?.[1];
  if (!glue || !wasm) throw new Error(`${root}/${boot} names no hashed glue or wasm`);
  return { boot, glue, wasm };
}

export async function startServer(options = {}) {
  const server = await serve({ root: 'dist', port: 0, ...options });
  const { port } = server.address();
  return { server, url: `http://127.0.0.1:${port}${options.base ?? '/'}` };
}

/** For a test file: `dist/` served and a browser, both set up before its tests and closed after. */
export function useSiteAndBrowser() {
  const env = {};
  before(async () => {
    env.site = await startServer();
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    env.site?.server.close();
  });
  return env;
}

/**
 * For a test file that builds its own copies: a browser, and `tempDir(name)` / `later(f)` for the
 * directories and servers it makes, all closed and removed after its tests.
 */
export function useBrowserAndScratch() {
  const env = { cleanup: [] };
  before(async () => {
    env.browser = await launchBrowser();
  });
  after(async () => {
    await env.browser?.close();
    for (const f of env.cleanup) f();
  });
  env.later = (f) => env.cleanup.push(f);
  env.tempDir = (name) => {
    const dir = mkdtempSync(join(tmpdir(), `ecoplan-${name}-`));
    env.later(() => rmSync(dir, { recursive: true, force: true }));
    return dir;
  };
  return env;
}

/** Headless Chromium as root on a closed network: no sandbox, no background connections. */
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export function launchBrowser() {
  return chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

/** A page that records every uncaught error and console error, to assert there were none. */
export async function openPage(browser, viewport) {
  const page = await browser.newPage({ viewport });
  const errors = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => m.type() === 'error' && errors.push(`console: ${m.text()}`));
  page.on('response', (r) => r.status() >= 400 && errors.push(`HTTP ${r.status()}: ${r.url()}`));
  page.on('requestfailed', (r) => errors.push(`request failed: ${r.url()}`));
  // A prerendered page shows its view before the app runs; what a test does next it does to the
  // app, once it has taken the page over (an element of the page before that is replaced).
  const goto = page.goto.bind(page);
  page.goto = async (...args) => {
    const response = await goto(...args);
    await page
      .waitForFunction(() => !document.querySelector('#ecoplan[data-prerendered]') || document.querySelector('#ecoplan[data-live]'), null, { timeout: 30000 })
      .catch(() => {});
    return response;
  };
  return { page, errors };
}

/** Counts canvas pixels near an RGB colour, after the chart has drawn something. */
export async function canvasPixels(page, selector, [r, g, b], tolerance = 40) {
  await page.waitForFunction((sel) => {
    const c = document.querySelector(sel);
    if (!c || c.width === 0) return false;
    const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
    for (let i = 0; i < d.length; i += 4) if (d[i] < 200) return true;
    return false;
  }, selector);
  return page.evaluate(
    ({ sel, rgb, tol }) => {
      const c = document.querySelector(sel);
      const d = c.getContext('2d').getImageData(0, 0, c.width, c.height).data;
      let n = 0;
      for (let i = 0; i < d.length; i += 4) {
        if (Math.abs(d[i] - rgb[0]) < tol && Math.abs(d[i + 1] - rgb[1]) < tol && Math.abs(d[i + 2] - rgb[2]) < tol) n++;
      }
      return n;
    },
    { sel: selector, rgb: [r, g, b], tol: tolerance },
  );
}

export async function screenshot(page, name) {
  mkdirSync('test-results', { recursive: true });
  await page.screenshot({ path: `test-results/${name}.png`, fullPage: true });
}
