// Starts EcoPlan: shapes the page's skeleton as the view it will show, asks for the data the view
// will need at once, loads the wasm app (or says why it cannot, with a retry), keeps it working
// offline with the service worker (once the first screen is drawn), offers a new version when one
// is deployed, and tells a framing page its height.
const GLUE = './ecoplan.js';
const WASM = './ecoplan_bg.wasm';

// The folder's own page, sending the reader on to the page of what the address names (route.js),
// asks for nothing and starts nothing: that page will.
const leaving = document.documentElement.hasAttribute('data-ecoplan-leaving');

const zh = () => !document.documentElement.lang.startsWith('en');

/** The reader's message when the code cannot start, in both languages, with a way to try again. */
function failed(err) {
  console.error(err);
  let status = document.getElementById('boot-status');
  if (!status) {
    // The app had begun to replace the skeleton: say it where the widget is.
    status = document.createElement('p');
    status.id = 'boot-status';
    (document.getElementById('ecoplan') ?? document.body).prepend(status);
  }
  // Shown even without the stylesheet (a half-finished upload).
  status.closest('[hidden]')?.removeAttribute('hidden');
  status.className = 'error';
  status.setAttribute('role', 'alert');
  status.textContent = '看板未能启动（网络中断或网站文件不完整）。EcoPlan could not start (the network failed, or the site\'s files are incomplete). ';
  const retry = document.createElement('button');
  retry.type = 'button';
  retry.textContent = '重试 Try again';
  retry.addEventListener('click', () => location.reload());
  status.append(retry);
}

// A page the build wrote for a city's view in a language (its `#ecoplan` says which, and holds
// that view, prerendered): the app takes it over in place once its data is read.
const page = document.getElementById('ecoplan')?.dataset ?? {};
const prerendered = 'prerendered' in page;

/** The last `?name=` in the address, decoded, else what the page is for, as the widget reads it
 * (url_state.rs, parse_address); or null. */
function param(name) {
  let value = page[name] ?? null;
  for (const pair of location.search.replace(/^\?+/, '').split('&')) {
    const at = pair.indexOf('=');
    if ((at < 0 ? pair : pair.slice(0, at)) !== name) continue;
    try {
      value = decodeURIComponent(at < 0 ? '' : pair.slice(at + 1));
    } catch {
      value = '';
    }
  }
  return value;
}

// The data files this build has (plain path -> hashed name) and the city a first visit opens.
const list = document.getElementById('ecoplan-files');
let files = {};
try {
  files = JSON.parse(list.textContent) ?? {};
} catch {
  // A page without the list (a test page): the widget asks for plain paths, nothing to hint.
}
const cityFile = (id) => (typeof id === 'string' && Object.hasOwn(files, `data/cities/${id}.json`) ? files[`data/cities/${id}.json`] : null);
const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
const view = VIEWS.includes(param('view')) ? param('view') : 'overview';

// The elder mode (长辈模式) as the widget will choose it (app.rs): the address, else the reader's
// choice. Set now, so the skeleton is already of its size.
let elder = param('mode');
if (elder !== 'elder' && elder !== 'standard') {
  try {
    elder = localStorage.getItem('ecoplan:mode');
  } catch {
    elder = null;
  }
}
if (elder === 'elder') document.documentElement.dataset.mode = 'elder';

// The page's skeleton is the overview's; another view's takes that view's shape. New boxes, not
// the same ones changed: boxes already on screen that moved would be a layout shift.
const skeleton = document.querySelector('#ecoplan .placeholder');
if (skeleton && view !== 'overview') {
  const shaped = skeleton.cloneNode(true);
  shaped.dataset.view = view;
  skeleton.replaceWith(shaped);
}

/** The city the widget will open, chosen as it chooses: the address, the remembered one, the default. */
function city() {
  if (cityFile(param('city'))) return param('city');
  try {
    const kept = localStorage.getItem('ecoplan:city');
    if (cityFile(kept)) return kept;
  } catch {
    // Storage throws in a sandboxed frame: the widget then uses the default too.
  }
  return document.getElementById('ecoplan')?.dataset.defaultCity;
}

// The city's data is asked for now, alongside the code, not once the code has started (Compare and
// Sources ask for the index of every city instead). `crossorigin`: the widget's fetch (CORS mode, same-origin credentials)
// then takes this response instead of asking again. A city's file comes in two parts (see
// scripts/postbuild.mjs); the second, its measures and green actions, only for the views that
// show them: elsewhere the widget asks for it once its first screen is drawn.
const opened = city();
const wanted = view === 'compare' || view === 'sources' ? [files['data/index.json']] : [cityFile(opened)];
if (['air', 'water', 'green'].includes(view) && cityFile(opened)) wanted.push(files[`data/cities/${opened}.more.json`]);
for (const file of prerendered || leaving ? [] : wanted) {
  if (!file) continue;
  const link = document.createElement('link');
  link.rel = 'preload';
  link.as = 'fetch';
  link.crossOrigin = 'anonymous';
  link.href = `./${file}`;
  document.head.append(link);
}

if (!leaving) {
  // The code is asked for now, with the data below: this script runs once the page's stylesheet is
  // in (a module script waits for it), so the first screen's bytes cross a slow link first. A page
  // the build wrote has already asked for the wasm (its head preloads it, and this takes that
  // response); the glue is handed it.
  const wasm = fetch(WASM);
  // A failure is reported by `app` below, not as an unhandled rejection before it.
  wasm.catch(() => {});

  // The app takes over a page that has been painted, never one before its first paint: on a fast
  // network everything may be here before the browser has painted, and the first screen would then
  // wait for the app. A task queued from an animation frame runs once that frame is painted. (A frame
  // out of sight may get no animation frames: then 250 ms at most.)
  const painted = new Promise((resolve) => {
    requestAnimationFrame(() => setTimeout(resolve, 0));
    setTimeout(resolve, 250);
  });

  /**
   * In a prerendered page, the data its view shows, read before the app starts, so that the app's first render is that view, complete, and
   * replaces the page's in place: `#ecoplan`'s `ecoplanData`, by hashed name, for web::prefetched.
   * A file that fails is left out: the app then asks for it itself and says what failed.
   */
  function readData() {
    if (!prerendered) return Promise.resolve();
    const root = document.getElementById('ecoplan');
    const data = {};
    const needed = [files['data/metrics.json'], ...wanted].filter(Boolean);
    const read = (file) =>
      fetch(`./${file}`, { signal: AbortSignal.timeout?.(20000) })
        .then((response) => (response.ok ? response.text() : null))
        .then((text) => {
          if (text !== null) data[file] = text;
        })
        .catch(() => {});
    return Promise.all(needed.map(read)).then(() => {
      root.ecoplanData = data;
    });
  }

  // The glue is imported here, not statically, so a missing file, a wrong MIME type or a
  // half-finished upload shows the message above instead of "Loading" for ever.
  const app = Promise.all([import(GLUE), readData(), painted]).then(([glue]) => glue.default({ module_or_path: wasm }));
  app.then(() => {
    document.getElementById('boot-status')?.remove();
    // Running: the app has the page (its first render follows in this turn's microtasks).
    document.getElementById('ecoplan')?.setAttribute('data-live', '');
  }, failed);

  // Under Trusted Types (`require-trusted-types-for 'script'`) a script URL must come from a policy.
  function workerUrl() {
    const url = './sw.js';
    if (!window.trustedTypes?.createPolicy) return url;
    const policy = window.trustedTypes.createPolicy('ecoplan', {
      createScriptURL: (value) => {
        if (new URL(value, location.href).href !== new URL(url, location.href).href) throw new TypeError(value);
        return value;
      },
    });
    return policy.createScriptURL(url);
  }

  // Offline: the worker precaches this build. A sandboxed frame or an old browser has no worker;
  // the widget then simply works online.
  let accepted = false;
  function offerUpdate(registration) {
    const waiting = registration.waiting;
    // A new version is one waiting behind a running one: a first install has no active worker yet.
    if (!waiting || !registration.active || registration.active === waiting) return;
    if (document.getElementById('ecoplan-update')) return;
    const bar = document.createElement('div');
    bar.id = 'ecoplan-update';
    bar.setAttribute('role', 'status');
    const text = document.createElement('span');
    text.textContent = zh() ? '看板有新版本。' : 'A new version of EcoPlan is ready.';
    const button = document.createElement('button');
    button.type = 'button';
    button.textContent = zh() ? '更新' : 'Update';
    button.addEventListener('click', () => {
      accepted = true;
      // Already active (it took over meanwhile): the page only has to reload onto it.
      if (waiting.state === 'activated') location.reload();
      else waiting.postMessage({ type: 'ecoplan:activate' });
    });
    bar.append(text, button);
    // In a frame as tall as its content a bar fixed to the bottom is off screen: put it first.
    if (window.parent !== window) document.body.prepend(bar);
    else document.body.append(bar);
  }

  /**
   * Which cities the worker keeps for offline reading (both parts of each city's file): written on
   * the page's city list as `data-kept` (ids separated by spaces) for the widget, which hears of it
   * by `ecoplan:kept`. Only once a worker answers this page: before, nothing is kept for it.
   */
  async function findKept() {
    const list = document.getElementById('ecoplan-cities');
    if (!list || !navigator.serviceWorker.controller || !window.caches) return;
    const kept = [];
    try {
      for (const { id } of JSON.parse(list.textContent).cities) {
        const parts = [`data/cities/${id}.json`, `data/cities/${id}.more.json`].filter((p) => files[p]);
        const found = await Promise.all(parts.map((p) => caches.match(new URL(`./${files[p]}`, location.href).href)));
        if (parts.length && found.every(Boolean)) kept.push(id);
      }
    } catch {
      return;
    }
    list.dataset.kept = kept.join(' ');
    document.dispatchEvent(new Event('ecoplan:kept'));
  }

  /**
   * Once the worker runs, asks it to keep the data files this page read before it did (the
   * reader's city, both parts), and passes its word that it kept a file on to the widget
   * (`ecoplan:kept`), which then says which cities are available offline.
   */
  function keepRead(registration) {
    navigator.serviceWorker.addEventListener('message', (event) => {
      if (event.data?.type === 'ecoplan:kept') findKept();
    });
    // Messages wait until a page says it listens.
    navigator.serviceWorker.startMessages();
    const dataFiles = new Set(Object.values(files));
    navigator.serviceWorker.ready.then((ready) => {
      const read = performance
        .getEntriesByType('resource')
        .map((entry) => new URL(entry.name).pathname.split('/').slice(-3).join('/'))
        .map((tail) => [...dataFiles].find((file) => tail.endsWith(file)))
        .filter(Boolean);
      (ready.active ?? registration.active)?.postMessage({ type: 'ecoplan:keep', files: read.map((f) => `./${f}`) });
      findKept();
    });
  }

  /** Registers the worker, which then precaches this build; and offers its next version when there is one. */
  function register() {
    navigator.serviceWorker.register(workerUrl()).then(
      (registration) => {
        offerUpdate(registration);
        const watch = (installing) =>
          installing?.addEventListener('statechange', () => {
            // Not `navigator.serviceWorker.controller`: WebKit reports the page as controlled
            // before a first install's 'installed' arrives, which would offer a first install.
            if (installing.state === 'installed') offerUpdate(registration);
          });
        // Registering late, a new version may already be on its way.
        watch(registration.installing);
        keepRead(registration);
        registration.addEventListener('updatefound', () => watch(registration.installing));
      },
      (err) => console.warn('EcoPlan works online only here:', err.message),
    );
  }

  /**
   * Calls `start` once the first screen is complete, so that the precache (every city's data, the
   * code again from the HTTP cache) never competes with it: when the first chart is drawn (the
   * widget's `ecoplan:first-chart`), when the app shows a view without a chart (Targets, Green,
   * Sources, a message), or 10 s after the app started if neither comes.
   */
  function afterFirstScreen(start) {
    let done = false;
    let observer = null;
    const go = () => {
      if (done) return;
      done = true;
      observer?.disconnect();
      setTimeout(start, 0);
    };
    document.addEventListener('ecoplan:first-chart', go, { once: true });
    const root = document.getElementById('ecoplan');
    // A chart draws in the same turn as its view appears, before this observer hears of the view.
    const chartless = () => {
      const main = root.querySelector('main');
      return main && !main.querySelector('.placeholder') && !main.querySelector('canvas');
    };
    if (root) {
      observer = new MutationObserver(() => chartless() && go());
      observer.observe(root, { childList: true, subtree: true });
    }
    app.then(() => setTimeout(go, 10000), () => {});
  }

  try {
    if ('serviceWorker' in navigator) {
      let reloading = false;
      let controlled = Boolean(navigator.serviceWorker.controller);
      navigator.serviceWorker.addEventListener('controllerchange', () => {
        // A new build took over: reload onto it when the reader asked for it, or when this page
        // was already running a build (never a mix of two; the reader may have accepted it in
        // another tab). The very first install does neither, and is no new version.
        if ((accepted || controlled) && !reloading) {
          reloading = true;
          location.reload();
        } else {
          controlled = true;
          document.getElementById('ecoplan-update')?.remove();
          // Now the worker answers this page: the widget can say what it keeps offline.
          findKept();
        }
      });
      afterFirstScreen(() => {
        try {
          register();
        } catch (err) {
          console.warn('EcoPlan works online only here:', err.message);
        }
      });
    }
  } catch (err) {
    console.warn('EcoPlan works online only here:', err.message);
  }

  // Embedded in an iframe: tell the host page the content's height whenever it changes.
  if (window.parent !== window) {
    document.documentElement.classList.add('framed');
    let last = 0;
    const report = () => {
      const height = Math.ceil(document.body.getBoundingClientRect().height);
      if (height !== last) {
        last = height;
        window.parent.postMessage({ type: 'ecoplan:resize', height }, '*');
      }
    };
    new ResizeObserver(report).observe(document.body);
    // Browsers pause observers in off-screen cross-origin frames (a second widget lower on the
    // page); timers still run there, so a slow check keeps that frame's height right too.
    setInterval(report, 1000);
    report();
  }
}
