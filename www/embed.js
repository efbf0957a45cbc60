/* EcoPlan embed: each <div data-ecoplan-city> becomes an iframe of the widget, sized to the
 * height it reports. Folder: the div's data-ecoplan-src, else the script tag's, else this script's
 * if it is named embed.js; else nothing is embedded (one warning). The div's content stays until
 * its frame has loaded; new divs and changed attributes are picked up. See README, For web teams. */
(function () {
  'use strict';
  if (window.EcoPlan && window.EcoPlan.mount) {
    window.EcoPlan.mountAll();
    return;
  }
  // {id: [zh, en]}, written by scripts/postbuild.mjs from the city files.
  var NAMES = /*CITIES*/{};
  var SRC = 'data-ecoplan-src';
  var PARAMS = ['city', 'view', 'lang', 'theme', 'metric', 'mode'];
  var VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
  var script = document.currentScript;
  var inferred = null;
  try {
    if (script && /\/embed\.js$/.test(new URL(script.src).pathname)) inferred = new URL('./', script.src).href;
  } catch (e) {}
  var warned = false;

  function pick(lang) {
    return /^zh/i.test(lang) ? 'zh' : /^en/i.test(lang) ? 'en' : '';
  }

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
    var base = folder(div);
    var frame = div.querySelector('iframe[data-ecoplan]');
    if (!base) {
      if (!warned) {
        warned = true;
        console.warn('EcoPlan: widget folder unknown, nothing embedded; set ' + SRC + '="https://…/widgets/ecoplan/" on the div or script tag');
      }
      return frame;
    }
    var lang = pick(div.getAttribute('data-ecoplan-lang')) || pick(document.documentElement.lang) || 'zh';
    var city = div.getAttribute('data-ecoplan-city');
    var view = div.getAttribute('data-ecoplan-view') || 'overview';
    var names = Object.prototype.hasOwnProperty.call(NAMES, city) ? NAMES[city] : null;
    // A known city's view is a page of its own, with its view in it before any code runs; anything
    // else goes to the folder, whose page sends the frame on as the widget would choose.
    var page = names && VIEWS.indexOf(view) >= 0;
    var url = new URL(page ? city + '-' + view + '-' + lang + '.html' : '', base);
    PARAMS.forEach(function (name) {
      if (page && (name === 'city' || name === 'view' || name === 'lang')) return;
      var value = name === 'lang' ? lang : div.getAttribute('data-ecoplan-' + name);
      if (value) url.searchParams.set(name, value);
    });
    var en = lang === 'en';
    var title = div.getAttribute('data-ecoplan-title') ||
      (en ? 'EcoPlan' : '生态规划看板') + (names ? ' · ' + names[en ? 1 : 0] : '');
    if (!frame) {
      frame = document.createElement('iframe');
      frame.setAttribute('data-ecoplan', '');
      frame.setAttribute('loading', 'lazy');
      frame.setAttribute('allow', 'clipboard-write');
      frame.style.cssText = 'width:100%;height:600px;border:0;display:block';
      // The div's content is the fallback until the frame has loaded.
      frame.addEventListener('load', function () {
        [].slice.call(div.childNodes).forEach(function (node) {
          if (node !== frame) div.removeChild(node);
        });
      });
    }
    if (frame.title !== title) frame.title = title;
    if (frame.lang !== lang) frame.lang = lang;
    if (frame.getAttribute('src') !== url.href) frame.src = url.href;
    if (!frame.parentNode) div.appendChild(frame);
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

  function start() {
    mountAll();
    new MutationObserver(mountAll).observe(document.documentElement, {
      childList: true,
      subtree: true,
      attributes: true,
      attributeFilter: ['lang', SRC, 'data-ecoplan-title'].concat(PARAMS.map(function (name) {
        return 'data-ecoplan-' + name;
      })),
    });
  }

  window.EcoPlan = { mount: mount, mountAll: mountAll, widget: inferred };
  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', start);
  } else {
    start();
  }
})();
