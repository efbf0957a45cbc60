// Builds the benchmark's ECharts page into bench/dist/: bench/echarts/main.js bundled by esbuild
// (minified ESM, production ECharts, tree-shaken from echarts/core), and its page, which lists
// this build's hashed data files (copied from dist/index.html's #ecoplan-files) and the cities.
// The page reads dist/data/ itself: the benchmark's server serves that folder beside it.
//
// usage: node bench/build.mjs   (scripts/bench.mjs calls it first)

import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { build } from 'esbuild';
import { readCities } from '../scripts/cities.mjs';

const root = new URL('..', import.meta.url).pathname;

/** The data files' hashed names dist/index.html lists (the same map the widget reads). */
export function distDataFiles(distDir) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const list = html.match(/<script type="application\/json" id="ecoplan-files">(.*?)<\/script>/s);
  if (!list) throw new Error(`${distDir}/index.html lists no data files (#ecoplan-files): run make build`);
  return JSON.parse(list[1]);
}

export async function buildEchartsPage({ distDir = join(root, 'dist'), outDir = join(root, 'bench', 'dist') } = {}) {
  const result = await build({
    entryPoints: [join(root, 'bench', 'echarts', 'main.js')],
    bundle: true,
    minify: true,
    format: 'esm',
    target: 'es2020',
    platform: 'browser',
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    write: false,
    logLevel: 'error',
  });
  const js = result.outputFiles[0].contents;
  const jsName = `echarts-page-${createHash('sha256').update(js).digest('hex').slice(0, 10)}.js`;

  // The cities as the build lists them (every file in data/cities/; data/cities.json is gone).
  const cities = readCities(join(root, 'data')).index;
  const pageData = {
    files: distDataFiles(distDir),
    cities: cities.cities.map((c) => ({ id: c.id, name: c.name.zh })),
    default: cities.default,
  };
  let html = readFileSync(join(root, 'bench', 'echarts', 'index.html'), 'utf8');
  // `<` escaped so no text in the data can close the script element.
  html = html.replace('/*BENCH_PAGE*/{}', JSON.stringify(pageData).replace(/</g, '\\u003c'));
  html = html.replace('./ECHARTS_PAGE_JS', `./${jsName}`);

  rmSync(outDir, { recursive: true, force: true });
  mkdirSync(outDir, { recursive: true });
  writeFileSync(join(outDir, jsName), js);
  writeFileSync(join(outDir, 'index.html'), html);
  return { outDir, files: ['index.html', jsName], data: pageData.files };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const out = await buildEchartsPage();
  console.log(`ECharts page: ${out.files.map((f) => join(out.outDir, f)).join(', ')}`);
}
