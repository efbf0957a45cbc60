// Loads the wasm app; if that fails (an old browser, a broken deploy), says so instead of a blank page.
import init from './ecoplan.js';

const status = document.getElementById('boot-status');
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
