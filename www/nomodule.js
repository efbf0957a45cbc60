// Loaded only by browsers without JavaScript modules (old embedded browser kernels), which cannot
// run EcoPlan: say so instead of "Loading" for ever. Plain ES5 on purpose.
(function () {
  var status = document.getElementById('boot-status');
  if (!status) return;
  status.className = 'error';
  status.setAttribute('role', 'alert');
  status.textContent = '此浏览器版本过旧，无法显示生态规划看板，请使用新版浏览器。This browser is too old for EcoPlan: please use a current browser.';
})();
