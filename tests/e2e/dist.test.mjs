import { execFileSync } from 'node:child_process';
// What a build puts in dist/, read as a web team's host would serve it: which names are content
// hashed (cacheable for ever) and which keep their names (served no-cache), as the README says.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { test } from 'node:test';
import { HASHED_NAME } from '../../scripts/serve.mjs';
import { builtDataFiles } from './helpers.mjs';
import { readCities } from '../../scripts/cities.mjs';

/** The files that keep their names from one upload to the next: the page, the worker (browsers
 * fetch it by its own name) and the embed script (host pages link to it). */
const STABLE = ['embed.js', 'index.html', 'sw.js'];

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}
const files = walk('dist').map((path) => relative('dist', path)).sort();

test('every file but the pages, the worker and embed.js is named by a hash of its own content', () => {
  assert.ok(files.length >= 18, `dist/ has ${files.length} files`);
  for (const file of files) {
    // The prerendered pages are addresses (`jiaozuo-air-en.html`), served no-cache like the page.
    if (STABLE.includes(file) || /^[a-z0-9_]+-[a-z]+-(zh|en)\.html$/.test(file)) continue;
    const name = file.match(HASHED_NAME);
    assert.ok(name, `${file}: no content hash in its name, so it cannot be cached for ever`);
    const hash = createHash('sha256').update(readFileSync(join('dist', file))).digest('hex').slice(0, 10);
    assert.equal(name[0].slice(1, 11), hash, `${file}: the name's hash is not its content's`);
  }
  for (const file of STABLE) assert.ok(files.includes(file), `dist/${file} is missing`);
});

test("the README names the data's cities (scripts/readme-cities.mjs --check)", () => {
  execFileSync('node', ['scripts/readme-cities.mjs', '--check']);
  const readme = readFileSync('README.md', 'utf8');
  for (const city of readCities('data').index.cities) {
    assert.ok(readme.includes(`\`${city.id}\``), city.id);
    assert.ok(readme.includes(`${city.name.en} (${city.name.zh})`), city.id);
  }
});

test("the data's version: data/CHANGELOG.md's newest date, not older than the last commit that changed data/, and a hash of data/", () => {
  const version = JSON.parse(readFileSync('target/size-report.json', 'utf8')).cities.version;
  const [date, hash] = version.split(' ');
  assert.equal(date, /^## (\d{4}-\d{2}-\d{2})$/m.exec(readFileSync('data/CHANGELOG.md', 'utf8'))[1]);
  assert.match(hash, /^[0-9a-f]{8}$/);
  // The same version as the native tools derive (ecoplan-data views: Sources and pictures).
  const sources = JSON.parse(execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'ecoplan-data', '--', 'views', 'data'], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 })).zh.sources;
  assert.equal(sources.version, `数据版本：${date}（${hash}）`);
  // A maintainer who changed the data wrote down when (where this is a git checkout).
  let last = '';
  try {
    last = execFileSync('git', ['log', '-1', '--format=%cs', '--', 'data/', ':(exclude)data/CHANGELOG.md'], { encoding: 'utf8' }).trim();
  } catch {
    // Not a git checkout: nothing to compare with.
  }
  if (last) assert.ok(date >= last, `CHANGELOG's newest entry ${date} is older than the data's last commit ${last}`);
});

test("the README's caching advice names exactly the files that keep their names", () => {
  const readme = readFileSync('README.md', 'utf8').replace(/\s+/g, ' ');
  const advice = readme.match(/Serve these with `Cache-Control: no-cache`: (.*?)\. Everything else/);
  assert.ok(advice, 'README: no sentence "Serve these with `Cache-Control: no-cache`: …."');
  const named = [...advice[1].matchAll(/`([^`]+)`/g)].map((m) => m[1]).sort();
  assert.deepEqual(named, [...STABLE, '<city>-<view>-<zh|en>.html'].sort());
  assert.match(readme, /Everything else in `dist\/` has a content hash in its name/);
});

test('the page lists every data file under its plain path, each listed file is there, and each city\'s two parts make its file', () => {
  const cities = readCities('data').index.cities.map((c) => c.id);
  const listed = builtDataFiles();
  assert.deepEqual(
    Object.keys(listed).sort(),
    ['data/metrics.json', 'data/index.json', ...cities.flatMap((id) => [`data/cities/${id}.json`, `data/cities/${id}.more.json`])].sort(),
  );
  for (const [plain, hashed] of Object.entries(listed)) {
    assert.ok(files.includes(hashed), `${hashed} (for ${plain}) is not in dist/`);
  }
  assert.deepEqual(readFileSync(join('dist', listed['data/metrics.json'])), readFileSync('data/metrics.json'), 'the catalog is a copy');
  for (const id of cities) {
    const source = JSON.parse(readFileSync(`data/cities/${id}.json`, 'utf8'));
    const first = JSON.parse(readFileSync(join('dist', listed[`data/cities/${id}.json`]), 'utf8'));
    const more = JSON.parse(readFileSync(join('dist', listed[`data/cities/${id}.more.json`]), 'utf8'));
    assert.deepEqual([first.actions, first.measures, more.indicators], [[], [], []], `${id}: each part leaves the other's lists empty`);
    assert.ok(source.indicators.length > 0 && source.measures.length > 0 && source.actions.length > 0, id);
    assert.deepEqual({ ...first, actions: more.actions, measures: more.measures }, source, `${id}: the two parts joined are data/cities/${id}.json`);
    assert.deepEqual(Object.keys(first), Object.keys(source), `${id}: the first part keeps the file's keys in order`);
  }
  const manifestLink = readFileSync('dist/index.html', 'utf8').match(/<link rel="manifest" href="\.\/([^"]+)">/);
  assert.ok(manifestLink && files.includes(manifestLink[1]), 'the page links the hashed manifest');
  const manifest = JSON.parse(readFileSync(join('dist', manifestLink[1]), 'utf8'));
  for (const icon of manifest.icons) assert.ok(files.includes(icon.src), `manifest icon ${icon.src} is not in dist/`);
});

test('the wasm imports only from its wasm-bindgen glue, as wasm-bindgen named them, and the glue provides every import', async () => {
  const wasmFile = files.find((f) => f.endsWith('.wasm'));
  const glueFile = files.find((f) => /^ecoplan-[0-9a-f]{10}\.js$/.test(f));
  const module = await WebAssembly.compile(readFileSync(join('dist', wasmFile)));
  const imports = WebAssembly.Module.imports(module);
  assert.ok(imports.length > 100, `${imports.length} imports`);
  assert.deepEqual([...new Set(imports.map((i) => i.module))], ['./ecoplan_bg.js']);
  // No step renames them: every import is wasm-bindgen's `__wbg_<name>_<hash>` or one of its own.
  const renamed = imports.filter((i) => !/^__wbg(_|indexbindgen)|^__wbindgen_/.test(i.name));
  assert.deepEqual(renamed.map((i) => i.name), [], 'imports not named by wasm-bindgen');
  // The glue's import object (minified: `{name:function…,name(…){…}}`) has a key for every import.
  const glue = readFileSync(join('dist', glueFile), 'utf8');
  const missing = imports.filter((i) => !new RegExp(`[{,]${i.name}(:|\\()`).test(glue));
  assert.deepEqual(missing.map((i) => i.name), [], 'imports the glue does not provide');
});
