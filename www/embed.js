/* EcoPlan embed: turns each <div data-ecoplan-city="..."> on the host page into an iframe of the
 * widget (served from wherever this script is), and sizes each frame to the height it reports.
 * Only one global: window.EcoPlan. Attributes: data-ecoplan-city (required), data-ecoplan-view,
 * data-ecoplan-lang, data-ecoplan-theme, data-ecoplan-metric. */
(function () {
  'use strict';
  if (window.EcoPlan && window.EcoPlan.mount) {
    window.EcoPlan.mountAll();
    return;
  }
  var script = document.currentScript;
  var widget = new URL('./', script ? script.src : location.href);
  var frames = [];
  var PARAMS = ['city', 'view', 'lang', 'theme', 'metric'];

  function mount(div) {
    if (div.querySelector('iframe[data-ecoplan]')) return null;
    var url = new URL(widget.href);
    PARAMS.forEach(function (name) {
      var value = div.getAttribute('data-ecoplan-' + name);
      if (value) url.searchParams.set(name, value);
    });
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = div.getAttribute('data-ecoplan-title') || '生态规划看板 EcoPlan';
    frame.setAttribute('data-ecoplan', '');
    frame.style.width = '100%';
    frame.style.height = '600px';
    frame.style.border = '0';
    frame.style.display = 'block';
    div.appendChild(frame);
    frames.push(frame);
    return frame;
  }

  function mountAll() {
    document.querySelectorAll('[data-ecoplan-city]').forEach(mount);
  }

  window.addEventListener('message', function (event) {
    if (event.origin !== widget.origin) return;
    var data = event.data;
    if (!data || data.type !== 'ecoplan:resize') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    for (var i = 0; i < frames.length; i++) {
      if (frames[i].contentWindow === event.source) {
        frames[i].style.height = Math.ceil(height) + 'px';
      }
    }
  });

  window.EcoPlan = { mount: mount, mountAll: mountAll, widget: widget.href };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();
