// One small driver interface for the cross-engine tests (engines.test.mjs), implemented three ways:
//   chromium  Debian's Chromium through playwright-core (as the other browser tests)
//   firefox   Debian's Firefox ESR through puppeteer-core over WebDriver BiDi
//   webkit    WebKitGTK's MiniBrowser through WebKitWebDriver (plain W3C WebDriver over HTTP), under xvfb-run
// Every driver has the same operations:
//   goto(url), reload(), url()                  navigate; resolve once the page has loaded
//   evaluate(fn, ...args)                        run `fn` in the page, resolve to its (awaited) JSON value
//   click(selector), focus(selector), press(key) real input where the driver has it (press takes a DOM key name)
//   screenshot(path)                             a PNG of the page
//   close()                                      browser, driver and display gone
// and `waitFor` below polls any of them through evaluate.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createServer } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import puppeteer from 'puppeteer-core';
import { launchBrowser } from './helpers.mjs';

export const VIEWPORT = { width: 375, height: 812 };

/** Calls `fn(...args)` in the page until it returns something truthy; that value, or an error after `timeout` ms. */
export async function waitFor(driver, fn, args = [], { timeout = 30000, what = String(fn) } = {}) {
  const deadline = Date.now() + timeout;
  let last;
  for (;;) {
    try {
      const value = await driver.evaluate(fn, ...args);
      if (value) return value;
      last = value;
    } catch (err) {
      // A page between two documents (a navigation, a reload) cannot run scripts for a moment.
      last = err.message;
    }
    if (Date.now() > deadline) throw new Error(`${driver.name}: waited ${timeout} ms for ${what}; last: ${JSON.stringify(last)}`);
    await sleep(100);
  }
}

/** `(fn)(...args)` as an expression, for drivers that take source text. */
const call = (fn, args) => `(${fn})(...${JSON.stringify(args)})`;

/** The driver over a Playwright or Puppeteer page: the two have the same calls for all of it. */
function pageDriver(name, version, browser, page, errors) {
  return {
    name,
    version,
    errors,
    goto: async (url) => void (await page.goto(url, { waitUntil: 'load' })),
    reload: async () => void (await page.reload({ waitUntil: 'load' })),
    url: async () => page.url(),
    evaluate: (fn, ...args) => page.evaluate(call(fn, args)),
    click: (selector) => page.click(selector),
    focus: (selector) => page.focus(selector),
    press: (key) => page.keyboard.press(key),
    screenshot: (path) => page.screenshot({ path, fullPage: true }),
    close: () => browser.close(),
  };
}

export async function chromiumDriver() {
  const browser = await launchBrowser();
  const context = await browser.newContext({ viewport: VIEWPORT });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  return pageDriver('chromium', `Chromium ${browser.version()}`, browser, page, errors);
}

/** Preferences that keep Firefox off the network (puppeteer sets most of them already) and quiet. */
const FIREFOX_PREFS = {
  'app.update.enabled': false,
  'app.update.auto': false,
  'app.normandy.enabled': false,
  'browser.safebrowsing.malware.enabled': false,
  'browser.safebrowsing.phishing.enabled': false,
  'browser.safebrowsing.downloads.enabled': false,
  'browser.safebrowsing.blockedURIs.enabled': false,
  'browser.search.update': false,
  'browser.newtabpage.enabled': false,
  'browser.ping-centre.telemetry': false,
  'datareporting.healthreport.uploadEnabled': false,
  'datareporting.policy.dataSubmissionEnabled': false,
  'toolkit.telemetry.enabled': false,
  'toolkit.telemetry.unified': false,
  'toolkit.telemetry.server': '',
  'extensions.update.enabled': false,
  'extensions.getAddons.cache.enabled': false,
  'network.captive-portal-service.enabled': false,
  'network.connectivity-service.enabled': false,
  'network.dns.disablePrefetch': true,
  'network.prefetch-next': false,
  'geo.provider.network.url': '',
  'services.settings.server': 'http://127.0.0.1:9/',
};

export async function firefoxDriver() {
  const executablePath = process.env.FIREFOX ?? '/usr/bin/firefox-esr';
  if (!existsSync(executablePath)) throw new Error(`no Firefox at ${executablePath}: run scripts/setup.sh test (Debian's firefox-esr)`);
  const browser = await puppeteer.launch({
    browser: 'firefox',
    executablePath,
    headless: true,
    protocol: 'webDriverBiDi',
    extraPrefsFirefox: FIREFOX_PREFS,
    timeout: 60000,
  });
  try {
    // A page of our own: the tab Firefox starts with never has focus here (document.hasFocus() is
    // false, and element.focus() fires no focus event), a new one does, as a reader's window.
    const first = await browser.pages();
    const page = await browser.newPage();
    for (const p of first) await p.close();
    await page.setViewport(VIEWPORT);
    page.setDefaultTimeout(30000);
    const errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    return pageDriver('firefox', await browser.version(), browser, page, errors);
  } catch (err) {
    await browser.close();
    throw err;
  }
}

/** A TCP port nobody listens on right now. */
function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.once('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

/** WebKitGTK's MiniBrowser: Debian puts it in the multiarch library folder. */
function miniBrowser() {
  if (process.env.MINIBROWSER) return process.env.MINIBROWSER;
  for (const arch of readdirSync('/usr/lib').filter((d) => d.endsWith('-linux-gnu'))) {
    for (const api of ['webkit2gtk-4.1', 'webkit2gtk-4.0', 'webkitgtk-6.0']) {
      const path = `/usr/lib/${arch}/${api}/MiniBrowser`;
      if (existsSync(path)) return path;
    }
  }
  throw new Error('no WebKitGTK MiniBrowser under /usr/lib/*-linux-gnu/: run scripts/setup.sh test (Debian\'s webkit2gtk-driver)');
}

/** The processes whose parent is `pid` (from /proc). */
function childrenOf(pid) {
  const found = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^[0-9]+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      // "pid (comm) state ppid ...": comm may hold spaces and parentheses, so count from the last ")".
      if (Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]) === pid) found.push(Number(entry));
    } catch {
      // exited while we looked
    }
  }
  return found;
}

/** The W3C WebDriver key codes of the DOM key names the tests press. */
const WD_KEYS = {
  Enter: '\uE007',
  Escape: '\uE00C',
  Tab: '\uE004',
  Home: '\uE011',
  End: '\uE010',
  ArrowLeft: '\uE012',
  ArrowUp: '\uE013',
  ArrowRight: '\uE014',
  ArrowDown: '\uE015',
};

/**
 * MiniBrowser's toolbar keeps its window at least 447 px wide; this style for its GTK widgets (not
 * the page, which WebKit styles itself) shrinks the toolbar so that the page can be 375 px wide.
 */
/** The tallest page screenshot (CSS px), within the virtual display's height below. */
const MAX_SHOT = 8000;
const GTK_CSS = '* { min-width: 0; min-height: 0; padding: 0; margin: 0; border-width: 0; font-size: 2px; }\n';

export async function webkitDriver() {
  const binary = miniBrowser();
  const port = await freePort();
  // Its own configuration, data and cache folders (nothing from a previous run, nothing left in ~).
  const home = mkdtempSync(join(tmpdir(), 'ecoplan-webkit-'));
  mkdirSync(join(home, 'config', 'gtk-3.0'), { recursive: true });
  writeFileSync(join(home, 'config', 'gtk-3.0', 'gtk.css'), GTK_CSS);
  const env = { ...process.env, XDG_CONFIG_HOME: join(home, 'config'), XDG_DATA_HOME: join(home, 'data'), XDG_CACHE_HOME: join(home, 'cache') };
  // Its own process group, so that close() ends xvfb-run, Xvfb, WebKitWebDriver and MiniBrowser together.
  const proc = spawn('xvfb-run', ['-a', '-s', '-screen 0 1280x8192x24', 'WebKitWebDriver', `--port=${port}`], {
    detached: true,
    env,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr = (stderr + d).slice(-4000)));
  let exited = false;
  proc.once('exit', () => (exited = true));
  const spawnFailed = new Promise((_, fail) => proc.once('error', (e) => fail(new Error(`xvfb-run WebKitWebDriver: ${e.message}`))));
  spawnFailed.catch(() => {});
  const kill = async () => {
    // WebKitWebDriver first: xvfb-run then stops Xvfb and removes its temporary folder itself.
    for (const pid of childrenOf(proc.pid)) {
      try {
        process.kill(pid, 'SIGTERM');
      } catch {
        // gone already
      }
    }
    for (let i = 0; i < 50 && !exited; i++) await sleep(100);
    // Whatever is left of the group (a browser that did not quit), then the group itself.
    for (const signal of exited ? ['SIGKILL'] : ['SIGTERM', 'SIGKILL']) {
      try {
        process.kill(-proc.pid, signal);
      } catch {
        break; // the group is gone
      }
      for (let i = 0; i < 30 && !exited; i++) await sleep(100);
    }
    rmSync(home, { recursive: true, force: true });
  };

  const root = `http://127.0.0.1:${port}`;
  async function wd(method, path, body) {
    const res = await fetch(root + path, {
      method,
      headers: body ? { 'Content-Type': 'application/json; charset=utf-8' } : {},
      body: body ? JSON.stringify(body) : undefined,
      signal: AbortSignal.timeout(60000),
    });
    const json = await res.json();
    if (json.value?.error) throw new Error(`webkit ${method} ${path}: ${json.value.error}: ${json.value.message}`);
    return json.value;
  }

  try {
    const deadline = Date.now() + 30000;
    for (;;) {
      if (exited) throw new Error(`WebKitWebDriver exited at start: ${stderr}`);
      try {
        if ((await wd('GET', '/status')).ready) break;
      } catch {
        // not listening yet
      }
      if (Date.now() > deadline) throw new Error(`WebKitWebDriver did not answer on port ${port} in 30 s: ${stderr}`);
      await Promise.race([sleep(200), spawnFailed]);
    }
    const session = await wd('POST', '/session', {
      capabilities: {
        alwaysMatch: {
          browserName: 'MiniBrowser',
          'webkitgtk:browserOptions': { binary, args: ['--automation'] },
        },
      },
    });
    const s = `/session/${session.sessionId}`;
    const version = `WebKitGTK ${session.capabilities.browserVersion ?? ''}`.trim();
    await wd('POST', `${s}/timeouts`, { script: 30000, pageLoad: 60000, implicit: 0 });

    const evaluate = (fn, ...args) => wd('POST', `${s}/execute/sync`, { script: `return (${fn}).apply(null, arguments);`, args });
    const element = async (selector) => {
      const found = await wd('POST', `${s}/element`, { using: 'css selector', value: selector });
      return Object.values(found)[0];
    };
    // The window's frame (MiniBrowser's own chrome) is outside the viewport: size the window so that
    // the page itself is VIEWPORT wide and high.
    await wd('POST', `${s}/window/rect`, VIEWPORT);
    const inner = await evaluate(() => [window.innerWidth, window.innerHeight]);
    if (inner[0] !== VIEWPORT.width || inner[1] !== VIEWPORT.height) {
      await wd('POST', `${s}/window/rect`, {
        width: VIEWPORT.width * 2 - inner[0],
        height: VIEWPORT.height * 2 - inner[1],
      });
    }

    return {
      name: 'webkit',
      version,
      errors: [], // plain WebDriver cannot listen to the page's errors
      goto: (url) => wd('POST', `${s}/url`, { url }),
      reload: () => wd('POST', `${s}/refresh`, {}),
      // The page's own address: WebDriver's Get Current URL learns of a pushState late.
      url: () => evaluate(() => location.href),
      evaluate,
      click: async (selector) => wd('POST', `${s}/element/${await element(selector)}/click`, {}),
      // WebDriver has no focus command, and a click on a chart would pick the mark under it.
      focus: (selector) => evaluate((sel) => document.querySelector(sel).focus(), selector),
      press: async (key) => {
        const value = WD_KEYS[key] ?? key;
        await wd('POST', `${s}/actions`, {
          actions: [{ type: 'key', id: 'keyboard', actions: [{ type: 'keyDown', value }, { type: 'keyUp', value }] }],
        });
        await wd('DELETE', `${s}/actions`);
      },
      // WebDriver shoots the viewport only: for the whole page, the window is made as tall as the
      // page for the shot (the display is tall enough), then put back.
      screenshot: async (path) => {
        const [inner, page] = await evaluate(() => [window.innerHeight, document.documentElement.scrollHeight]);
        const rect = await wd('GET', `${s}/window/rect`);
        const tall = Math.min(page, MAX_SHOT) + (rect.height - inner);
        if (page > inner) {
          await wd('POST', `${s}/window/rect`, { width: rect.width, height: tall });
          await waitFor({ name: 'webkit', evaluate }, (h) => window.innerHeight >= h, [Math.min(page, MAX_SHOT)], { timeout: 15000, what: 'a window as tall as the page' });
          // Two frames painted at the new size before the shot.
          await evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(() => done(true)))));
          await sleep(300);
        }
        writeFileSync(path, Buffer.from(await wd('GET', `${s}/screenshot`), 'base64'));
        if (page > inner) await wd('POST', `${s}/window/rect`, { width: rect.width, height: rect.height });
      },
      close: async () => {
        try {
          await wd('DELETE', s);
        } catch {
          // the browser may be gone already; the process group goes below either way
        }
        await kill();
      },
    };
  } catch (err) {
    await kill();
    throw err;
  }
}

export const DRIVERS = { chromium: chromiumDriver, firefox: firefoxDriver, webkit: webkitDriver };
