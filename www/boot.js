// Starts EcoPlan: loads the wasm app (or says why it cannot), keeps it working offline with the
// service worker, offers a new version when one is deployed, and tells a framing page its height.
import init from './ecoplan.js';

const status = document.getElementById('boot-status');
const zh = () => !document.documentElement.lang.startsWith('en');

init().then(
  () => status && status.remove(),
  (err) => {
    console.error(err);
    if (status) {
      status.className = 'error';
      status.setAttribute('role', 'alert');
      status.textContent = '看板未能启动，请刷新页面或更换浏览器。EcoPlan could not start: please reload, or try another browser.';
    }
  },
);

// Offline: the worker precaches this build. A sandboxed frame or an old browser has no worker;
// the widget then simply works online.
function offerUpdate(registration) {
  const waiting = registration.waiting;
  if (!waiting || document.getElementById('ecoplan-update')) return;
  const bar = document.createElement('div');
  bar.id = 'ecoplan-update';
  bar.setAttribute('role', 'status');
  const text = document.createElement('span');
  text.textContent = zh() ? '看板有新版本。' : 'A new version of EcoPlan is ready.';
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = zh() ? '更新' : 'Update';
  button.addEventListener('click', () => waiting.postMessage({ type: 'ecoplan:activate' }));
  bar.append(text, button);
  document.body.append(bar);
}

try {
  if ('serviceWorker' in navigator) {
    let reloading = false;
    const hadController = Boolean(navigator.serviceWorker.controller);
    navigator.serviceWorker.addEventListener('controllerchange', () => {
      // Only an update the reader accepted reloads the page; the first install does not.
      if (hadController && !reloading) {
        reloading = true;
        location.reload();
      }
    });
    navigator.serviceWorker.register('./sw.js').then(
      (registration) => {
        offerUpdate(registration);
        registration.addEventListener('updatefound', () => {
          const installing = registration.installing;
          installing?.addEventListener('statechange', () => {
            if (installing.state === 'installed' && navigator.serviceWorker.controller) offerUpdate(registration);
          });
        });
      },
      (err) => console.warn('EcoPlan works online only here:', err.message),
    );
  }
} catch (err) {
  console.warn('EcoPlan works online only here:', err.message);
}

// Embedded in an iframe: tell the host page the content's height whenever it changes.
if (window.parent !== window) {
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
