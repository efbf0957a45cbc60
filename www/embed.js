/* EcoPlan embed: each <div data-ecoplan-city> becomes an iframe of the widget, sized to the
 * height it reports. Folder: the div's data-ecoplan-src, else the script tag's, else this script's
 * if it is named embed.js; else nothing is embedded (one warning). See README, "For web teams". */
(function () {
  'use strict';
  if (window.EcoPlan && window.EcoPlan.mount) {
    window.EcoPlan.mountAll();
    return;
  }
  var SRC = 'data-ecoplan-src';
  var PARAMS = ['city', 'view', 'lang', 'theme', 'metric'];
  var script = document.currentScript;
  var inferred = null;
  try {
    if (script && /\/embed\.js$/.test(new URL(script.src).pathname)) inferred = new URL('./', script.src).href;
  } catch (e) {}
  var warned = false;

  function folder(div) {
    var tag = document.querySelector('script[' + SRC + ']');
    var value = div.getAttribute(SRC) || (script && script.getAttribute(SRC)) || (tag && tag.getAttribute(SRC));
    if (!value) return inferred;
    try {
      var url = new URL(value.replace(/\/?$/, '/'), document.baseURI);
      if (/^https?:$/.test(url.protocol)) return url.href;
    } catch (e) {}
    return null;
  }

  function mount(div) {
    if (div.querySelector('iframe[data-ecoplan]')) return null;
    var base = folder(div);
    if (!base) {
      if (!warned) {
        warned = true;
        console.warn('EcoPlan: widget folder unknown, nothing embedded; set ' + SRC + '="https://…/widgets/ecoplan/" on the div or script tag');
      }
      return null;
    }
    var url = new URL(base);
    PARAMS.forEach(function (name) {
      var value = div.getAttribute('data-ecoplan-' + name);
      if (value) url.searchParams.set(name, value);
    });
    var frame = document.createElement('iframe');
    frame.src = url.href;
    frame.title = div.getAttribute('data-ecoplan-title') || '生态规划看板 EcoPlan';
    frame.setAttribute('data-ecoplan', '');
    frame.style.cssText = 'width:100%;height:600px;border:0;display:block';
    div.appendChild(frame);
    return frame;
  }

  function mountAll() {
    [].forEach.call(document.querySelectorAll('[data-ecoplan-city]'), mount);
  }

  window.addEventListener('message', function (event) {
    var data = event.data;
    if (!data || data.type !== 'ecoplan:resize') return;
    var height = Number(data.height);
    if (!isFinite(height) || height <= 0 || height > 100000) return;
    [].forEach.call(document.querySelectorAll('iframe[data-ecoplan]'), function (frame) {
      if (frame.contentWindow === event.source && new URL(frame.src).origin === event.origin) {
        frame.style.height = Math.ceil(height) + 'px';
      }
    });
  });

  window.EcoPlan = { mount: mount, mountAll: mountAll, widget: inferred };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', mountAll);
  } else {
    mountAll();
  }
})();
