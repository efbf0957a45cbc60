// The ECharts page of the benchmark: EcoPlan's Overview and Air screens for one city, drawn with
// ECharts (tree-shaken: only what these charts use). Like EcoPlan it fetches the metric catalog and
// the city's JSON (this build's hashed names, from the same dist/data/), picks the figures itself
// (./series.js, EcoPlan's rules) and draws one canvas chart per card or block. Not shipped.
//
// It marks its first drawn chart as EcoPlan does (performance.mark 'echarts:first-chart' after the
// first chart's 'finished' event, and a document event of that name), so both pages are timed alike.
import * as echarts from 'echarts/core';
import { LineChart } from 'echarts/charts';
import { GridComponent, MarkLineComponent, TooltipComponent } from 'echarts/components';
import { CanvasRenderer } from 'echarts/renderers';
import { domainBlocks, overviewCharts } from './series.js';

echarts.use([LineChart, GridComponent, TooltipComponent, MarkLineComponent, CanvasRenderer]);

const page = JSON.parse(document.getElementById('bench-page').textContent);
const main = document.getElementById('main');
const citySelect = document.getElementById('city');

const BLUE = '#1f6fa8';
const ORANGE = '#c2590a';
const GREEN = '#0b8a5f';
const KIND = { actual: '实测', derived: '推算', target: '目标', word_target: '目标' };

const fmt = (v) => String(Math.round(v * 10) / 10);
const label = (m) =>
  m.kind === 'derived' ? `≈${fmt(m.value)}` : m.kind === 'target' ? `目标 ${fmt(m.value)}` : m.kind === 'word_target' ? `${m.year} · ${m.obs.text?.zh ?? ''}` : fmt(m.value);
const readout = (m, unit) =>
  m.value == null ? `${m.year}年 · ${m.obs.text?.zh ?? ''} · 目标` : `${m.year}年 · ${m.kind === 'derived' ? '≈' : ''}${fmt(m.value)} ${unit} · ${KIND[m.kind]}`;

let firstDone = false;
function firstChart() {
  if (firstDone) return;
  firstDone = true;
  performance.mark('echarts:first-chart');
  document.dispatchEvent(new Event('echarts:first-chart'));
}

const cache = new Map();
const fetchJson = (path) =>
  fetch(page.files[path] ?? path).then((r) => {
    if (!r.ok) throw new Error(`${path}: HTTP ${r.status}`);
    return r.json();
  });
const catalog = fetchJson('data/metrics.json');
// The build publishes each city in two parts (scripts/postbuild.mjs), as EcoPlan reads them: the
// first (plan, indicators) for the Overview, the second (measures, actions) too for the Air screen.
const fetchCached = (path) => {
  if (!cache.has(path)) cache.set(path, fetchJson(path));
  return cache.get(path);
};
async function cityData(id, whole) {
  const parts = [`data/cities/${id}.json`];
  if (whole && page.files[`data/cities/${id}.more.json`]) parts.push(`data/cities/${id}.more.json`);
  const [first, more] = await Promise.all(parts.map(fetchCached));
  return more ? { ...first, actions: more.actions, measures: more.measures } : first;
}

function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  for (const c of children) if (c != null) node.append(c);
  return node;
}

/** The smallest of 1, 2, 2.5, 5 × 10^n at or above `v`: the value axis' top. */
function niceCeil(v) {
  const step = 10 ** Math.floor(Math.log10(v || 1));
  return [1, 2, 2.5, 5, 10].map((k) => k * step).find((x) => x >= v);
}

function option(chart) {
  const unit = chart.unit;
  const years = [...new Set(chart.marks.map((m) => m.year))];
  const [lo, hi] = [Math.min(...years), Math.max(...years)];
  const point = (m) => ({ value: [m.year, m.value], readout: readout(m, unit), label: label(m) });
  const levels = chart.marks.filter((m) => m.kind === 'actual' || m.kind === 'derived');
  const targets = chart.marks.filter((m) => m.kind === 'target');
  const lines = [];
  if (chart.target_line != null) {
    lines.push({ yAxis: chart.target_line, lineStyle: { color: ORANGE, type: 'dashed' }, label: { show: false } });
  }
  if (chart.reference) {
    lines.push({
      yAxis: chart.reference.value,
      lineStyle: { color: GREEN, type: 'dotted' },
      label: { show: true, position: 'insideStartBottom', color: GREEN, formatter: `国家二级标准 ${fmt(chart.reference.value)}` },
    });
  }
  for (const m of chart.marks.filter((m) => m.kind === 'word_target')) {
    lines.push({ xAxis: m.year, lineStyle: { color: ORANGE, type: 'dashed' }, label: { show: true, formatter: label(m) } });
  }
  const pointLabel = { show: true, position: 'top', fontSize: 11, formatter: (p) => p.data.label };
  const actual = levels.filter((m) => m.kind === 'actual');
  const derived = levels.filter((m) => m.kind === 'derived');
  const series = [
    // Printed levels: solid dots joined by a line.
    {
      type: 'line',
      id: 'levels',
      data: actual.map(point),
      symbol: 'circle',
      symbolSize: 8,
      color: BLUE,
      lineStyle: { color: BLUE, width: 2 },
      label: pointLabel,
      markLine: { silent: true, symbol: 'none', animation: false, data: lines },
    },
    // Derived earlier levels: hollow, joined dashed to the first printed level.
    {
      type: 'line',
      id: 'derived',
      data: [
        ...derived.map(point),
        ...actual.slice(0, derived.length ? 1 : 0).map((m) => ({ ...point(m), symbol: 'none', label: { show: false } })),
      ],
      symbol: 'emptyCircle',
      symbolSize: 8,
      color: BLUE,
      lineStyle: { color: BLUE, width: 2, type: 'dashed' },
      label: pointLabel,
    },
    // Numeric targets: triangles.
    {
      type: 'line',
      id: 'targets',
      data: targets.map(point),
      symbol: 'triangle',
      symbolSize: 10,
      color: ORANGE,
      lineStyle: { width: 0 },
      label: pointLabel,
    },
  ];
  if (chart.goal) {
    const [from, to] = chart.goal.map((i) => chart.marks[i]);
    series.push({
      type: 'line',
      id: 'goal',
      data: [[from.year, from.value], [to.year, to.value]],
      symbol: 'none',
      silent: true,
      lineStyle: { color: BLUE, type: 'dotted', width: 2 },
    });
  }
  const values = chart.marks.map((m) => m.value).filter((v) => v != null);
  if (chart.reference) values.push(chart.reference.value);
  return {
    animation: false,
    grid: { left: 40, right: 30, top: 30, bottom: 26 },
    xAxis: {
      type: 'value',
      min: lo === hi ? lo - 1 : lo,
      max: lo === hi ? hi + 1 : hi,
      axisLabel: { customValues: years, formatter: (v) => String(v) },
      axisTick: { customValues: years },
      splitLine: { show: false },
    },
    yAxis: {
      type: 'value',
      min: 0,
      max: niceCeil(Math.max(...values) * 1.1),
      name: unit,
      nameTextStyle: { align: 'left', padding: [0, 0, 0, -30] },
    },
    tooltip: {
      trigger: 'axis',
      className: 'ec-tooltip',
      showDelay: 0,
      transitionDuration: 0,
      confine: true,
      axisPointer: { type: 'line', animation: false },
      formatter: (params) =>
        [...new Set(params.filter((p) => p.data && p.data.readout).map((p) => p.data.readout))].join('<br>'),
    },
    series,
  };
}

const charts = [];
function draw(box, chart) {
  const width = box.clientWidth;
  const height = chart.compact ? Math.min(200, Math.max(150, width * 0.5)) : Math.min(320, Math.max(220, width * 0.6));
  box.style.height = `${Math.round(height)}px`;
  const ec = echarts.init(box, null, { renderer: 'canvas' });
  ec.on('finished', firstChart);
  ec.setOption(option(chart));
  // Where each mark is (CSS px, relative to the chart), as EcoPlan's canvas says in data-points.
  const at = chart.marks
    .filter((m) => m.value != null)
    .map((m) => ec.convertToPixel({ seriesIndex: 0 }, [m.year, m.value]).map(Math.round).join(','));
  box.setAttribute('data-points', at.join(' '));
  charts.push(ec);
}

function progress(card) {
  const c = card.chart;
  if (!c || !c.goal) return '规划未给出可计算的进度。';
  const [from, to] = c.goal.map((i) => c.marks[i]);
  const diff = to.value - from.value;
  return `规划给出${from.year}年的${fmt(from.value)}；要达到${to.year}年目标，需要${diff < 0 ? '下降' : '提高'}${fmt(Math.abs(diff))} ${c.unit}。`;
}

function overview(city, cat) {
  const section = el('section', { class: 'view overview' });
  section.append(
    el('h2', {}, city.name.zh, el('span', { class: 'plan-title' }, city.plan.title.zh)),
    el('p', { class: 'notice' }, '规划发布于2022—2024年，多数指标只给出2020年基准值和2025年目标。'),
  );
  const cards = el('div', { class: 'cards' });
  const todo = [];
  for (const card of overviewCharts(city, cat)) {
    const article = el('article', { class: 'card', 'data-metric': card.metric }, el('h3', {}, card.name?.zh ?? card.metric));
    if (!card.series) {
      article.append(el('p', {}, '规划未给出此项指标。'));
    } else {
      const levels = card.series.entries.filter((e) => e.obs.kind === 'actual' && e.obs.value != null);
      const targets = card.series.entries.filter((e) => e.obs.kind === 'target');
      const latest = levels[levels.length - 1];
      const target = targets[targets.length - 1];
      const unit = card.series.lead.unit;
      const cell = (e, none) =>
        e ? [e.obs.value != null ? `${fmt(e.obs.value)} ${unit}` : e.obs.text?.zh ?? '', el('span', { class: 'year' }, `${e.obs.year}年`)] : [none];
      if (card.series.lead.name.zh !== card.name.zh) article.append(el('p', { class: 'as-named' }, card.series.lead.name.zh));
      article.append(
        el('dl', {},
          el('div', {}, el('dt', {}, '最新数值'), el('dd', {}, ...cell(latest, '未给出'))),
          el('div', {}, el('dt', {}, '规划目标'), el('dd', {}, ...cell(target, '未设目标')))),
      );
      if (card.chart) {
        const box = el('div', { class: 'chart compact', role: 'img', 'aria-label': card.series.lead.name.zh });
        article.append(box);
        todo.push([box, card.chart]);
      }
      article.append(el('p', { class: 'progress' }, progress(card)));
    }
    cards.append(article);
  }
  section.append(cards);
  return [section, todo];
}

function air(city, cat) {
  const section = el('section', { class: 'view trends' }, el('h2', {}, `${city.name.zh} · 空气`));
  const todo = [];
  for (const block of domainBlocks(city, cat, 'air')) {
    const figure = el('figure', { class: 'indicator', id: block.id },
      el('figcaption', {}, el('h3', {}, block.series.lead.name.zh), block.series.lead.scope ? el('p', { class: 'scope' }, `范围: ${block.series.lead.scope.zh}`) : null));
    if (block.chart) {
      const box = el('div', { class: 'chart', role: 'img', 'aria-label': block.series.lead.name.zh });
      figure.append(box);
      todo.push([box, block.chart]);
    }
    const worded = block.series.entries.filter((e) => !block.chart || e.obs.value == null || e.obs.kind === 'change' || e.obs.cumulative);
    if (worded.length) {
      figure.append(el('ul', { class: 'facts' }, ...worded.map((e) => el('li', {}, `${e.obs.year}年 `,
        e.obs.kind === 'change' ? `比${e.obs.against}年${e.obs.direction === 'up' ? '上升' : '下降'} ${fmt(e.obs.value)}${e.obs.unit ?? ''}` : e.obs.value != null ? `${fmt(e.obs.value)} ${block.series.lead.unit}` : e.obs.text?.zh ?? ''))));
    }
    section.append(figure);
  }
  const measures = city.measures.filter((m) => m.domain === 'air');
  section.append(
    el('section', { class: 'measures' }, el('h3', {}, '城市在做什么'),
      el('ul', {}, ...measures.map((m) => el('li', { class: 'measure' }, el('h4', {}, m.title.zh), el('p', {}, m.summary.zh))))),
  );
  return [section, todo];
}

let shown = 0;
async function show(cityId, view) {
  const ticket = ++shown;
  const [cat, city] = await Promise.all([catalog, cityData(cityId, view === 'air')]);
  if (ticket !== shown) return;
  for (const c of charts.splice(0)) c.dispose();
  const [section, todo] = view === 'air' ? air(city, cat) : overview(city, cat);
  main.replaceChildren(section);
  for (const [box, chart] of todo) draw(box, chart);
  citySelect.value = cityId;
  for (const a of document.querySelectorAll('.tabs a')) {
    a.href = `?city=${cityId}&view=${a.dataset.view}`;
    if (a.dataset.view === view) a.setAttribute('aria-current', 'page');
    else a.removeAttribute('aria-current');
  }
  document.title = `${city.name.zh} · ECharts 对照页`;
}

function fromUrl() {
  const q = new URLSearchParams(location.search);
  const city = page.cities.some((c) => c.id === q.get('city')) ? q.get('city') : page.default;
  return [city, q.get('view') === 'air' ? 'air' : 'overview'];
}
function go(city, view) {
  history.pushState(null, '', `?city=${city}&view=${view}`);
  show(city, view).catch(failed);
}
function failed(err) {
  main.replaceChildren(el('p', { class: 'error' }, `加载失败: ${err.message}`));
  throw err;
}

for (const c of page.cities) citySelect.append(el('option', { value: c.id }, c.name));
citySelect.addEventListener('change', () => go(citySelect.value, fromUrl()[1]));
for (const a of document.querySelectorAll('.tabs a')) {
  a.addEventListener('click', (e) => {
    e.preventDefault();
    go(fromUrl()[0], a.dataset.view);
  });
}
addEventListener('popstate', () => show(...fromUrl()).catch(failed));
addEventListener('resize', () => charts.forEach((c) => c.resize()));
show(...fromUrl()).catch(failed);
