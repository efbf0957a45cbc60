// The widget's folder address (and every old link to it, `?city=jiaozuo&view=air&lang=en`) is
// sent on to the page the build wrote for that city, view and language, before anything else of
// the page loads: its view is in it, drawn, with no code to wait for. What the address does not
// name is chosen as the widget chooses it: the reader's last city and language, the browser's
// language, the default city. The rest of the address (`?metric=`, `?theme=`, `?mode=`) goes
// along. A page of the build served from here (offline, by the service worker) stays put.
(() => {
  const VIEWS = ['overview', 'air', 'water', 'targets', 'green', 'compare', 'sources'];
  const PAGE = /^([a-z0-9_]+)-([a-z]+)-(zh|en)\.html$/;
  const file = location.pathname.slice(location.pathname.lastIndexOf('/') + 1);
  if (PAGE.test(file)) return;
  let list = null;
  try {
    list = JSON.parse(document.getElementById('ecoplan-cities').textContent);
  } catch {
    return;
  }
  const cities = new Set(list.cities.map((c) => c.id));
  const remembered = (key) => {
    try {
      return localStorage.getItem(key);
    } catch {
      return null;
    }
  };
  const named = {};
  const rest = [];
  for (const pair of location.search.replace(/^\?+/, '').split('&')) {
    if (!pair) continue;
    const at = pair.indexOf('=');
    const key = at < 0 ? pair : pair.slice(0, at);
    if (key === 'city' || key === 'view' || key === 'lang') {
      try {
        named[key] = decodeURIComponent(at < 0 ? '' : pair.slice(at + 1));
      } catch {
        named[key] = '';
      }
    } else {
      rest.push(pair);
    }
  }
  const language = (code) => {
    const primary = String(code ?? '').split(/[-_]/)[0].toLowerCase();
    return primary === 'zh' || primary === 'en' ? primary : null;
  };
  const city = [named.city, remembered('ecoplan:city'), list.default].find((c) => cities.has(c));
  const view = VIEWS.includes(named.view) ? named.view : 'overview';
  const lang =
    language(named.lang) ?? language(remembered('ecoplan:lang')) ?? [...(navigator.languages ?? []), navigator.language].map(language).find(Boolean) ?? 'zh';
  if (!city) return;
  // This page goes on parsing until the next one arrives: its boot script must not start the app
  // here meanwhile (a click would go to a page about to be replaced).
  document.documentElement.setAttribute('data-ecoplan-leaving', '');
  location.replace(`${city}-${view}-${lang}.html${rest.length ? `?${rest.join('&')}` : ''}${location.hash}`);
})();
