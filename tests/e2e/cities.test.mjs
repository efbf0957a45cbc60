// Cities come from data alone (issue 12): a copy of the repository's data with a sixth, made-up
// city (never shipped) shows it everywhere a city shows; and with 50 cities (generated, never
// shipped) the first view, Compare's requests and the offline precache stay bounded.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { appendFileSync, copyFileSync, cpSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { brotliCompressSync, constants } from 'node:zlib';
import { join } from 'node:path';
import { test } from 'node:test';
import { openPage, startServer, useBrowserAndScratch } from './helpers.mjs';
import { BUDGET } from './budgets.mjs';

const env = useBrowserAndScratch();
const tempDir = (name) => env.tempDir(name);

/**
 * A copy of data/ with more cities, each a made-up copy of a real one: its file under a new id,
 * name and province, and its plan's text byte for byte under the new id with its hash.
 */
function dataWith(extra, defaultCity) {
  const dir = tempDir('data');
  cpSync('data', dir, { recursive: true });
  for (const { id, from, name, province } of extra) {
    const city = JSON.parse(readFileSync(join('data', 'cities', `${from}.json`), 'utf8'));
    city.city = id;
    city.name = name;
    city.province = province;
    city.plan.source_file = `${id}.txt`;
    writeFileSync(join(dir, 'cities', `${id}.json`), JSON.stringify(city, null, 2) + '\n');
    copyFileSync(join('data', 'sources', `${from}.txt`), join(dir, 'sources', `${id}.txt`));
    const hash = createHash('sha256').update(readFileSync(join(dir, 'sources', `${id}.txt`))).digest('hex');
    appendFileSync(join(dir, 'sources', 'SHA256SUMS'), `${hash}  ${id}.txt\n`);
  }
  if (defaultCity) writeFileSync(join(dir, 'settings.json'), JSON.stringify({ default_city: defaultCity }, null, 2) + '\n');
  return dir;
}

/** dist/ built from that data (the same wasm: nothing about the cities is compiled in), and its report. */
function buildWith(data) {
  const dist = tempDir('dist');
  const report = join(dist, '..', `${dist.split('/').pop()}-report.json`);
  env.later(() => rmSync(report, { force: true }));
  execFileSync('node', ['scripts/postbuild.mjs', 'target/wasm-bindgen', dist, data], {
    env: { ...process.env, ECOPLAN_NO_REPORT: '1', ECOPLAN_REPORT: report },
  });
  return { dist, report: JSON.parse(readFileSync(report, 'utf8')) };
}

const validator = (data) =>
  execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'ecoplan-data', '--', 'check', data], { encoding: 'utf8' });

const SIXTH = {
  id: 'ceshi',
  from: 'jiyuan',
  name: { zh: '测试市', en: 'Ceshi (test fixture)' },
  province: { zh: '测试省', en: 'Testland' },
};

test('a sixth city, added as data alone, appears everywhere a city does', async () => {
  const data = dataWith([SIXTH], 'ceshi');
  assert.match(validator(data), /: ok \(6 city files, 6 source texts\)/);
  const { dist, report } = buildWith(data);

  // The README's city list and parameter table, from the data.
  const readme = join(tempDir('readme'), 'README.md');
  copyFileSync('README.md', readme);
  execFileSync('node', ['scripts/readme-cities.mjs', readme, data]);
  const text = readFileSync(readme, 'utf8');
  assert.match(text, /Ceshi \(test fixture\) \(测试市\) in Testland/);
  assert.match(text, /^\| `city` \| `data-ecoplan-city` \| `xingtai`, `jiaozuo`, `jiyuan`, `pingdingshan`, `zhengzhou`, `ceshi` \| the reader's last city, else Ceshi \(test fixture\)/m);

  // The build: the page's list, the data files, the default city's first view and precache, embed.js.
  assert.deepEqual(report.cities.cities.map((c) => c.id), ['xingtai', 'jiaozuo', 'jiyuan', 'pingdingshan', 'zhengzhou', 'ceshi']);
  assert.equal(report.cities.default, 'ceshi');
  assert.ok(report.data_files['data/cities/ceshi.json'] && report.data_files['data/cities/ceshi.more.json']);
  assert.ok(report.first_view.files.includes(report.data_files['data/cities/ceshi.json']));
  assert.ok(report.precache.paths.includes(report.data_files['data/cities/ceshi.more.json']));
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  assert.match(html, /<meta name="description" content="[^"]*测试市/);
  assert.match(readFileSync(join(dist, report.precache.paths.find((p) => p.startsWith('manifest'))), 'utf8'), /测试市/);
  const index = JSON.parse(readFileSync(join(dist, report.data_files['data/index.json']), 'utf8'));
  assert.equal(index.cities.at(-1).city, 'ceshi');

  // The widget: the first visit opens it; the picker, Compare, Sources, the embed panel name it.
  const site = await startServer({ root: dist });
  env.later(() => site.server.close());
  const { page, errors } = await openPage(env.browser, { width: 375, height: 812 });
  await page.goto(`${site.url}?lang=zh`);
  await page.waitForSelector('.overview .cards canvas[data-points]');
  assert.match(await page.textContent('#view-title'), /^测试市/);
  assert.deepEqual(
    await page.evaluate(() => [...document.querySelectorAll('#city optgroup')].map((g) => [g.label, [...g.querySelectorAll('option')].map((o) => o.value)])),
    [
      ['河北省', ['xingtai']],
      ['河南省', ['jiaozuo', 'jiyuan', 'pingdingshan', 'zhengzhou']],
      ['测试省', ['ceshi']],
    ],
  );
  await page.selectOption('#city', 'xingtai');
  await page.waitForSelector('.overview .cards');
  assert.match(await page.textContent('#view-title'), /^邢台市/);
  await page.goto(`${site.url}?lang=zh&city=ceshi&view=compare`);
  await page.waitForSelector('.compare-table tr[data-city=ceshi]');
  assert.match(await page.textContent('.compare-table tr[data-city=ceshi]'), /测试市/);
  await page.goto(`${site.url}?lang=en&city=ceshi&view=sources`);
  await page.waitForSelector('.about article.plan[data-city=ceshi]');
  assert.match(await page.textContent('.about article.plan[data-city=ceshi]'), /Ceshi \(test fixture\)/);
  // The data's version, as this build derived it from the copy's CHANGELOG and files.
  const [date, hash] = report.cities.version.split(' ');
  assert.equal(await page.textContent('.about .data-version'), `Data version: ${date} (${hash})`);
  await page.goto(`${site.url}?lang=en&city=ceshi&view=targets`);
  await page.waitForSelector('.view.targets');
  await page.click('.embed button.link');
  const snippet = await page.inputValue('#snippet-0');
  assert.match(snippet, /data-ecoplan-city="ceshi"/);
  // The snippet on a host page: embed.js titles the frame with the city's name.
  const host = await openPage(env.browser, { width: 800, height: 600 });
  await host.page.goto(`${site.url}embed.js`);
  await host.page.setContent(`<html lang="zh-CN"><body><div data-ecoplan-city="ceshi"></div><script src="${site.url}embed.js"></script></body></html>`);
  await host.page.waitForSelector('iframe[data-ecoplan]');
  assert.equal(await host.page.getAttribute('iframe[data-ecoplan]', 'title'), '生态规划看板 · 测试市');
  await host.page.close();
  assert.deepEqual(errors, []);
  await page.close();
});

test('50 cities: the first view is the same files, Compare is one request, the precache stays within 400 KiB', async () => {
  const REAL = ['xingtai', 'jiaozuo', 'jiyuan', 'pingdingshan', 'zhengzhou'];
  const extra = Array.from({ length: 45 }, (_, i) => {
    const from = REAL[i % REAL.length];
    const real = JSON.parse(readFileSync(join('data', 'cities', `${from}.json`), 'utf8'));
    return {
      id: `${from}_${i + 2}`,
      from,
      name: { zh: `${real.name.zh}（测试${i + 2}）`, en: `${real.name.en} (test ${i + 2})` },
      province: real.province,
    };
  });
  const data = dataWith(extra);
  assert.match(validator(data), /: ok \(50 city files, 50 source texts\)/);
  const five = buildWith('data').report;
  const { dist, report } = buildWith(data);

  // The first view: the same files, all the same bytes but the page, which lists the cities.
  assert.equal(report.first_view.files.length, five.first_view.files.length);
  // The first page is the default city's overview, prerendered (its picker lists the cities).
  const first = `${report.first_view.default_city}-overview-zh.html`;
  assert.deepEqual(
    report.first_view.files.filter((f) => f !== first),
    five.first_view.files.filter((f) => f !== first),
  );
  const page = (d) => brotliCompressSync(readFileSync(join(d, first)), { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } }).length;
  const growth = page(dist) - page('dist');
  assert.ok(growth <= 45 * 120, `the page's lists of 45 more cities (the picker, the page's list): ${growth} B brotli`);
  assert.equal(report.pages.files, 50 * 7 * 2, 'a page for every view of every city in both languages');
  console.log(
    `# 50 cities: first view ${report.first_view.brotli} B brotli (5 cities: ${five.first_view.brotli}; the page +${growth} B), precache ${report.precache.gzip} B gzip, index ${report.files.find((f) => f.file.startsWith('data/index')).gzip} B gzip; ` +
      `the output: ${report.total.raw} B raw, ${report.total.gzip} B gzip, ${report.total.brotli} B brotli, of which ${report.pages.files} pages ${report.pages.raw} B raw, ${report.pages.brotli} B brotli`,
  );

  assert.ok(report.first_view.brotli <= BUDGET.firstView.brotli, `first view ${report.first_view.brotli} B brotli`);
  assert.ok(report.first_view.gzip <= BUDGET.firstView.gzip, `first view ${report.first_view.gzip} B gzip`);

  // The precache: the shell, catalog, index and default city, within 400 KiB gzip.
  assert.ok(report.precache.gzip <= BUDGET.precacheGzip, `precache ${report.precache.gzip} B gzip`);
  assert.equal(report.precache.paths.filter((p) => p.startsWith('data/')).length, 4);

  // Compare in the browser: one request for every city's figures (the index), fifty rows.
  const site = await startServer({ root: dist });
  env.later(() => site.server.close());
  const { page: tab, errors } = await openPage(env.browser, { width: 1280, height: 800 });
  const asked = [];
  tab.on('request', (r) => r.url().includes('/data/') && asked.push(new URL(r.url()).pathname));
  await tab.goto(`${site.url}?lang=zh&view=compare&metric=pm25`);
  await tab.waitForSelector('.compare-table tr[data-city=zhengzhou_46]');
  assert.equal(await tab.locator('.compare-table tbody tr').count(), 50);
  assert.deepEqual(asked.map((p) => p.replace(/-[0-9a-f]{10}\.json$/, '.json')).sort(), ['/data/index.json', '/data/metrics.json']);
  assert.equal(await tab.locator('#city option').count(), 50);
  assert.deepEqual(errors, []);
  await tab.close();
});

test('a newer figure from a further document (fixture): a 2023 point joins the chart, and its source names that document', async () => {
  const data = dataWith([]);
  const fixture = 'tests/fixtures/document';
  const text = readFileSync(join(fixture, 'jiaozuo.bulletin_2023.txt'));
  writeFileSync(join(data, 'sources', 'jiaozuo.bulletin_2023.txt'), text);
  appendFileSync(join(data, 'sources', 'SHA256SUMS'), `${createHash('sha256').update(text).digest('hex')}  jiaozuo.bulletin_2023.txt\n`);
  const city = JSON.parse(readFileSync(join(data, 'cities', 'jiaozuo.json'), 'utf8'));
  city.documents = [JSON.parse(readFileSync(join(fixture, 'document.json'), 'utf8'))];
  const pm25 = city.indicators.find((i) => i.id === 'pm25');
  pm25.values.splice(2, 0, JSON.parse(readFileSync(join(fixture, 'value.json'), 'utf8')));
  writeFileSync(join(data, 'cities', 'jiaozuo.json'), JSON.stringify(city, null, 2) + '\n');
  assert.match(validator(data), /: ok \(5 city files, 6 source texts\)/);

  // What the widget should show, from the native view models of that data.
  const views = JSON.parse(
    execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'ecoplan-data', '--', 'views', data], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
  );
  const block = views.zh.cities.jiaozuo.air.blocks.find((b) => b.id === 'indicator-pm25');
  const marks = block.chart.marks;
  const at = marks.findIndex((m) => m.value === 49);
  assert.ok(at > 0, 'a mark for the 2023 level');
  assert.equal(marks[at].kind, 'actual', 'a printed value of its year');
  assert.deepEqual(marks.map((m) => m.year).slice(0, 3), [2015, 2020, 2023], 'between 2020 and the 2025 target');

  const { dist } = buildWith(data);
  const site = await startServer({ root: dist });
  env.later(() => site.server.close());
  const { page, errors } = await openPage(env.browser, { width: 375, height: 812 });
  await page.goto(`${site.url}?city=jiaozuo&view=air&lang=zh`);
  await page.waitForSelector('#indicator-pm25 canvas[data-points]');
  const points = (await page.getAttribute('#indicator-pm25 canvas', 'data-points')).split(' ');
  assert.equal(points.length, marks.length);
  // Its tooltip by keyboard: Home, then right to the 2023 mark.
  await page.focus('#indicator-pm25 canvas');
  await page.keyboard.press('Home');
  for (let i = 0; i < at; i += 1) await page.keyboard.press('ArrowRight');
  await page.waitForFunction((t) => document.querySelector('#indicator-pm25 .readout .main')?.textContent === t, marks[at].readout);
  assert.match(marks[at].readout, /2023/);
  // Its row in the table and its source: the document, not the plan.
  await page.click('#indicator-pm25 button.link');
  const row = block.table.findIndex((r) => r.year.includes('2023'));
  await page.click(`#indicator-pm25 tbody tr:nth-child(${row + 1}) button.src`);
  const dialog = await (await page.waitForSelector('[role=dialog]')).textContent();
  assert.match(dialog, /2023年，全市细颗粒物（PM2.5）年均浓度为\s*49微克\/立方米/);
  assert.match(dialog, /文件《焦作市2023年生态环境状况公报（测试夹具）》/);
  assert.match(dialog, /jiaozuo\.bulletin_2023\.txt, 第 ?6 ?行/);
  assert.match(dialog, /https:\/\/example\.org\/ecoplan-fixture\/bulletin-2023/);
  assert.doesNotMatch(dialog, /规划《/);
  await page.keyboard.press('Escape');
  // Sources lists it beside the plan.
  await page.goto(`${site.url}?city=jiaozuo&view=sources&lang=zh`);
  await page.waitForSelector('.about article.plan[data-city=jiaozuo] ul.documents');
  assert.equal(
    await page.textContent('.about article.plan[data-city=jiaozuo] ul.documents li'),
    '测试夹具. 焦作市2023年生态环境状况公报（测试夹具）[Z]. 2024-06-05. https://example.org/ecoplan-fixture/bulletin-2023',
  );
  assert.deepEqual(errors, []);
  await page.close();
});
