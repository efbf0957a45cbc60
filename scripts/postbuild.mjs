// Assembles dist/ from the optimized wasm-bindgen output, www/ and data/: content-hashed names for
// everything a deploy changes, relative URLs only (so dist/ works under any sub-path), and a size
// report of each file raw, gzip and brotli.
//
// It also writes the service worker: its cache is named by a hash of every precached file, so a
// new build is a new cache, and it lists exactly this build's files.
//
// usage: node scripts/postbuild.mjs <wasm-bindgen out dir> <dist dir> [data dir]

import { createHash } from 'node:crypto';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { transformSync } from 'esbuild';
import { readCities } from './cities.mjs';

const [outDir, distDir, dataArg] = process.argv.slice(2);
if (!outDir || !distDir) {
  console.error('usage: node scripts/postbuild.mjs <wasm-bindgen out dir> <dist dir>');
  process.exit(2);
}
const root = new URL('..', import.meta.url).pathname;
const www = join(root, 'www');
const dataDir = dataArg ?? join(root, 'data');

const hash = (bytes) => createHash('sha256').update(bytes).digest('hex').slice(0, 10);
const hashedName = (name, bytes) => name.replace(/(\.[a-z]+)$/, `-${hash(bytes)}$1`);

function replaceOnce(text, from, to, where) {
  if (!text.includes(from)) {
    throw new Error(`${where}: expected to find ${JSON.stringify(from)}`);
  }
  return text.split(from).join(to);
}

rmSync(distDir, { recursive: true, force: true });
mkdirSync(distDir, { recursive: true });

// wasm first: the JS glue names it, and the boot script names the glue. Both are wasm-bindgen's
// and wasm-opt's output as they are; only their names get a content hash.
const wasm = readFileSync(join(outDir, 'ecoplan_bg.wasm'));
const wasmName = hashedName('ecoplan_bg.wasm', wasm);
writeFileSync(join(distDir, wasmName), wasm);

let glue = readFileSync(join(outDir, 'ecoplan.js'), 'utf8');
glue = replaceOnce(glue, "'ecoplan_bg.wasm'", `'${wasmName}'`, 'ecoplan.js');
// The scripts minified (esbuild, syntax untouched: no target lowering): their comments and long
// names are for maintainers, and every reader (or host page, for embed.js) would download them.
// `format`: 'esm' for the glue and boot.js (modules); none for the embed script and the worker.
const minify = (code, format) => transformSync(code, { minify: true, format, legalComments: 'none' }).code;
glue = minify(glue, 'esm');
const glueName = hashedName('ecoplan.js', glue);
writeFileSync(join(distDir, glueName), glue);

let boot = readFileSync(join(www, 'boot.js'), 'utf8');
boot = replaceOnce(boot, "'./ecoplan_bg.wasm'", `'./${wasmName}'`, 'www/boot.js');
boot = minify(replaceOnce(boot, "'./ecoplan.js'", `'./${glueName}'`, 'www/boot.js'), 'esm');
const bootName = hashedName('boot.js', boot);
writeFileSync(join(distDir, bootName), boot);

// The stylesheet's and the page's comments are for maintainers: every reader would download them.
const css = transformSync(readFileSync(join(www, 'style.css'), 'utf8'), { loader: 'css', minify: true, legalComments: 'none' }).code;
const cssName = hashedName('style.css', css);
writeFileSync(join(distDir, cssName), css);

// The cities: every file in data/cities/ (scripts/cities.mjs), in the picker's order.
const { files: cityFiles, index: cityIndex } = readCities(dataDir);
const cityEntries = cityIndex.cities;
const defaultCity = cityIndex.default;
// For the page's and the manifest's descriptions: the cities' names, at most eight of them.
const cityWords =
  cityEntries.length > 8
    ? `${cityEntries.slice(0, 8).map((c) => c.name.zh).join('、')}等${cityEntries.length}个城市`
    : cityEntries.map((c) => c.name.zh).join('、');

// The embed script keeps its name (hosts link to it); it titles each frame with the city's name:
// {id: [zh, en]}.
const cityNames = Object.fromEntries(cityEntries.map((c) => [c.id, [c.name.zh, c.name.en]]));
// Icons, then the manifest that names them: hashed like the code. nomodule.js: the message for
// browsers without modules.
const iconNames = {};
for (const name of ['icon.svg', 'icon-192.png', 'icon-512.png']) {
  const bytes = readFileSync(join(www, name));
  iconNames[name] = hashedName(name, bytes);
  writeFileSync(join(distDir, iconNames[name]), bytes);
}
let manifest = readFileSync(join(www, 'manifest.webmanifest'), 'utf8');
manifest = replaceOnce(manifest, '__CITIES__', cityWords, 'www/manifest.webmanifest');
for (const [name, hashed] of Object.entries(iconNames)) {
  manifest = replaceOnce(manifest, `"src": "${name}"`, `"src": "${hashed}"`, 'www/manifest.webmanifest');
}
const manifestName = hashedName('manifest.webmanifest', manifest);
writeFileSync(join(distDir, manifestName), manifest);
const nomodule = readFileSync(join(www, 'nomodule.js'));
const nomoduleName = hashedName('nomodule.js', nomodule);
writeFileSync(join(distDir, nomoduleName), nomodule);

let embed = readFileSync(join(www, 'embed.js'), 'utf8');
embed = replaceOnce(embed, '/*CITIES*/{}', JSON.stringify(cityNames), 'www/embed.js');
writeFileSync(join(distDir, 'embed.js'), minify(embed));

// The widget's data, hashed too (the plans' texts stay in the repository). The page lists each
// file's hashed name under its plain path, which is what the widget asks for.
//
// Each city's file is published in two parts, so that a first screen downloads only what it shows:
// `cities/<id>.json`, the city with its plan and indicators (Overview, Targets, Compare, Sources),
// its measures and green actions left empty; and `cities/<id>.more.json`, the same city with its
// plan, its measures and green actions, its indicators left empty (Air, Water and Green, fetched
// once the first screen is drawn). Both are city files the widget's parser reads as it reads the
// one in data/; the widget joins them. Published without indentation (the widget does not need it).
const dataFiles = {};
function writeData(path, bytes) {
  const hashed = join('data', hashedName(path, bytes));
  mkdirSync(join(distDir, dirname(hashed)), { recursive: true });
  writeFileSync(join(distDir, hashed), bytes);
  dataFiles[`data/${path}`] = hashed;
}
writeData('metrics.json', readFileSync(join(dataDir, 'metrics.json')));
for (const [id, city] of cityFiles) {
  for (const key of ['indicators', 'actions', 'measures']) {
    if (!Array.isArray(city[key])) throw new Error(`data/cities/${id}.json: "${key}" is not a list; run make check-data`);
  }
  writeData(`cities/${id}.json`, JSON.stringify({ ...city, actions: [], measures: [] }));
  writeData(`cities/${id}.more.json`, JSON.stringify({ ...city, groups: [], indicators: [] }));
}
// `index.json`: what the views that show every city (Compare, Sources) need of each, one file
// whatever the number of cities: its plan, and its indicators that have a metric (the comparable
// headline figures and targets), with their sources; the values' notes and the indicators'
// footnotes stay in the city's own file. In the picker's order; a city file the widget's parser reads.
const headline = (indicator) => ({
  ...indicator,
  notes: [],
  values: indicator.values.map(({ note, ...value }) => value),
});
writeData(
  'index.json',
  JSON.stringify({
    cities: cityEntries.map(({ id }) => {
      const city = cityFiles.get(id);
      return { ...city, groups: [], indicators: city.indicators.filter((i) => i.metric).map(headline), actions: [], measures: [] };
    }),
  }),
);

let html = readFileSync(join(www, 'index.html'), 'utf8').replace(/\s*<!--[\s\S]*?-->/g, '');
html = replaceOnce(html, '"./style.css"', `"./${cssName}"`, 'www/index.html');
html = replaceOnce(html, '"./boot.js"', `"./${bootName}"`, 'www/index.html');
html = replaceOnce(html, '"./icon.svg"', `"./${iconNames['icon.svg']}"`, 'www/index.html');
html = replaceOnce(html, '"./icon-192.png"', `"./${iconNames['icon-192.png']}"`, 'www/index.html');
html = replaceOnce(html, '"./manifest.webmanifest"', `"./${manifestName}"`, 'www/index.html');
html = replaceOnce(html, '"./nomodule.js"', `"./${nomoduleName}"`, 'www/index.html');
// Not a script that runs (CSP and Trusted Types leave it alone): the data files' hashed names.
html = replaceOnce(
  html,
  '  <script type="module"',
  `  <script type="application/json" id="ecoplan-files">${JSON.stringify(dataFiles)}</script>\n  <script type="module"`,
  'www/index.html',
);
// The cities (the widget reads the list before it starts) and the one a first visit opens (boot.js
// asks for its file early). `<` escaped: a name cannot end the script element.
html = replaceOnce(
  html,
  '  <script type="module"',
  `  <script type="application/json" id="ecoplan-cities">${JSON.stringify(cityIndex).replace(/</g, '\\u003c')}</script>\n  <script type="module"`,
  'www/index.html',
);
html = replaceOnce(html, '__CITIES__', cityWords, 'www/index.html');
html = replaceOnce(html, '<div id="ecoplan">', `<div id="ecoplan" data-default-city="${defaultCity}">`, 'www/index.html');
// The folder's own page (index.html) only sends the reader on to the page of what the address
// names (www/route.js, before anything else loads); offline, the service worker serves it for a
// page it has not kept, and the app runs in it as before prerendering.
const route = minify(readFileSync(join(www, 'route.js'), 'utf8'));
const routeName = hashedName('route.js', route);
writeFileSync(join(distDir, routeName), route);
let shell = replaceOnce(html, '  <script type="module"', `  <script src="./${routeName}"></script>\n  <script type="module"`, 'www/index.html');
// What the first screen needs comes first: the page and its stylesheet. Of the rest only the wasm,
// the largest by far, is preloaded from the page's head (right after the stylesheet, which the
// browser asks for first); the boot script, once the stylesheet is in, asks for the glue, the
// catalog and the view's data. Each preloaded from the head, they shared the slow link with the
// stylesheet and held back the first paint; none preloaded, the wasm left only after the first
// paint and the first interactive chart came 200-400 ms later (`make bench`, README "Benchmark").
const wasmPreload = `  <link rel="preload" href="./${wasmName}" as="fetch" type="application/wasm" crossorigin>\n`;

// What the worker keeps at once for offline use, bounded whatever the number of cities: the page,
// its code and style, icons, the catalog, the index (Compare and Sources) and the default city.
// The reader's own city and every city opened later are kept as they are read (www/sw.js).
const precache = [
  bootName,
  glueName,
  wasmName,
  cssName,
  ...Object.values(iconNames),
  manifestName,
  dataFiles['data/metrics.json'],
  dataFiles['data/index.json'],
  ...[`data/cities/${defaultCity}.json`, `data/cities/${defaultCity}.more.json`].map((p) => dataFiles[p]).filter(Boolean),
];
precache.push(routeName);
const build = createHash('sha256');
for (const path of precache) build.update(path).update(readFileSync(join(distDir, path)));
build.update(html);
const buildId = build.digest('hex').slice(0, 12);
html = replaceOnce(html, '<meta name="ecoplan-build" content="">', `<meta name="ecoplan-build" content="${buildId}">`, 'www/index.html');
shell = replaceOnce(shell, '<meta name="ecoplan-build" content="">', `<meta name="ecoplan-build" content="${buildId}">`, 'www/index.html');
writeFileSync(join(distDir, 'index.html'), shell);
precache.unshift('./', 'index.html');

// Every city's every view in both languages, as a page of its own (`jiaozuo-air-en.html`): the
// app's markup rendered by the build with the same Rust code (`ecoplan-data prerender`, Yew's
// server renderer; charts as SVG by plotters), so that a reader sees the view, its figures and
// their sources before any code arrives, and with none at all. It preloads the wasm, its boot script
// asks for the rest (see above), and the app then takes the page over in place (boot.js, app.rs
// `Start`).
const prerendered = join(root, 'target', 'prerender', relative(root, distDir).replace(/[\/]/g, '_'));
rmSync(prerendered, { recursive: true, force: true });
execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'ecoplan-data', '--', 'prerender', dataDir, prerendered], {
  cwd: root,
  stdio: ['ignore', 'ignore', 'inherit'],
});
const escapeText = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
const documents = JSON.parse(readFileSync(join(prerendered, 'documents.json'), 'utf8'));
const bodyStart = html.indexOf('<div id="ecoplan"');
const bodyEnd = html.indexOf('<script nomodule');
if (bodyStart < 0 || bodyEnd < bodyStart) throw new Error('www/index.html: expected <div id="ecoplan"> before <script nomodule>');
for (const doc of documents) {
  const view = readFileSync(join(prerendered, doc.file), 'utf8');
  let page = html.slice(0, bodyStart);
  page = replaceOnce(page, '<html lang="zh-CN">', `<html lang="${doc.lang === 'en' ? 'en' : 'zh-CN'}">`, 'www/index.html');
  page = page.replace(/<title>[^<]*<\/title>/, `<title>${escapeText(doc.title)}</title>\n  <link rel="canonical" href="./${doc.file}">`);
  page = replaceOnce(page, '  <script type="module"', `${wasmPreload}  <script type="module"`, 'www/index.html');
  // Read without code: no "please enable JavaScript".
  page = page.replace(/\s*<noscript>[\s\S]*?<\/noscript>/, '');
  page +=
    // Hidden until the stylesheet shows it: a frame laid out before its stylesheet arrived would
    // move everything once it came (as the skeleton of index.html).
    `<div id="ecoplan" hidden data-default-city="${defaultCity}" data-prerendered data-city="${doc.city}" data-view="${doc.view}" data-lang="${doc.lang}">` +
    `${view}</div>\n  ${html.slice(bodyEnd)}`;
  writeFileSync(join(distDir, doc.file), page);
}
const pages = new Set(documents.map((d) => d.file));

let sw = readFileSync(join(www, 'sw.js'), 'utf8');
sw = replaceOnce(sw, "'__ECOPLAN_BUILD__'", `'${buildId}'`, 'www/sw.js');
sw = replaceOnce(sw, '__ECOPLAN_PRECACHE__', JSON.stringify(precache), 'www/sw.js');
writeFileSync(join(distDir, 'sw.js'), minify(sw));

// What a first visit downloads before its first screen (a browser test checks this list against a
// real visit): the page, code, style, icon, the catalog and the city a visit without ?city= opens
// (`default_city` in data/settings.json). The service worker's precache
// follows in the background.
const DEFAULT_CITY = defaultCity;
const firstView = new Set([
  `${defaultCity}-overview-zh.html`,
  bootName,
  glueName,
  wasmName,
  cssName,
  iconNames['icon.svg'],
  dataFiles['data/metrics.json'],
  dataFiles[`data/cities/${DEFAULT_CITY}.json`],
]);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

const rows = walk(distDir)
  .map((path) => {
    const bytes = readFileSync(path);
    return {
      file: relative(distDir, path),
      raw: bytes.length,
      gzip: gzipSync(bytes, { level: 9 }).length,
      brotli: brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length,
    };
  })
  .sort((a, b) => b.raw - a.raw);

const sum = (list, key) => list.reduce((total, row) => total + row[key], 0);
const first = rows.filter((r) => firstView.has(r.file));
const paged = rows.filter((r) => pages.has(r.file));
const cached = rows.filter((r) => precache.includes(r.file) || r.file === 'index.html');
const report = {
  build: buildId,
  files: rows,
  // Plain data path -> this build's hashed file (what the page lists for the widget).
  data_files: dataFiles,
  // The cities this build offers, as the page lists them, and the default one.
  cities: cityIndex,
  precache: { paths: precache, files: cached.length, raw: sum(cached, 'raw'), gzip: sum(cached, 'gzip'), brotli: sum(cached, 'brotli') },
  total: { raw: sum(rows, 'raw'), gzip: sum(rows, 'gzip'), brotli: sum(rows, 'brotli') },
  pages: { files: pages.size, raw: sum(paged, 'raw'), gzip: sum(paged, 'gzip'), brotli: sum(paged, 'brotli') },
  first_view: { default_city: DEFAULT_CITY, files: [...firstView].sort(), raw: sum(first, 'raw'), gzip: sum(first, 'gzip'), brotli: sum(first, 'brotli') },
};

const pad = (v, n) => String(v).padStart(n);
const lines = [
  `${'file'.padEnd(44)} ${pad('raw', 9)} ${pad('gzip', 9)} ${pad('brotli', 9)}`,
  ...rows.filter((r) => !pages.has(r.file)).map((r) => `${r.file.padEnd(44)} ${pad(r.raw, 9)} ${pad(r.gzip, 9)} ${pad(r.brotli, 9)}`),
  `${`prerendered pages (${pages.size})`.padEnd(44)} ${pad(report.pages.raw, 9)} ${pad(report.pages.gzip, 9)} ${pad(report.pages.brotli, 9)}`,
  `${'total (all files)'.padEnd(44)} ${pad(report.total.raw, 9)} ${pad(report.total.gzip, 9)} ${pad(report.total.brotli, 9)}`,
  `${'first view (page, code, style, icon, data)'.padEnd(44)} ${pad(report.first_view.raw, 9)} ${pad(report.first_view.gzip, 9)} ${pad(report.first_view.brotli, 9)}`,
  `${`offline precache (${cached.length} files)`.padEnd(44)} ${pad(report.precache.raw, 9)} ${pad(report.precache.gzip, 9)} ${pad(report.precache.brotli, 9)}`,
  `build ${buildId}`,
];
// A second build made by a test (ECOPLAN_NO_REPORT=1) leaves the real report alone, or writes its
// own where it says (ECOPLAN_REPORT=<path>).
if (process.env.ECOPLAN_REPORT) writeFileSync(process.env.ECOPLAN_REPORT, JSON.stringify(report, null, 2) + '\n');
if (!process.env.ECOPLAN_NO_REPORT) {
  mkdirSync(join(root, 'target'), { recursive: true });
  writeFileSync(join(root, 'target', 'size-report.json'), JSON.stringify(report, null, 2) + '\n');
  writeFileSync(join(root, 'target', 'size-report.txt'), lines.join('\n') + '\n');
  console.log(lines.join('\n'));
}
