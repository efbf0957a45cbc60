// What the ECharts page draws, picked from the same city JSON EcoPlan reads, by the same rules as
// EcoPlan's Rust (src/series.rs: one series per metric and scope; src/views/mod.rs `trend_chart`;
// src/views/overview.rs and trends.rs: which charts a view has). Plain JS with no imports, so the
// benchmark can also run it in Node and check it against `ecoplan-data views` before measuring.

/** The overview's cards, in order (src/views/overview.rs HEADLINE_METRICS). */
export const HEADLINE_METRICS = ['pm25', 'good_air_days_ratio', 'surface_water_good'];

const textKey = (t) => (t ? `${t.zh}\u0000${t.en}` : '');

function sameSeries(a, b) {
  if (a.metric && b.metric) return a.metric === b.metric && textKey(a.scope) === textKey(b.scope) && a.unit === b.unit;
  return a.id === b.id;
}

/** Where a value goes on a chart: 'actual', 'derived', 'target', or null (a change, a total, words). */
function pointKind(obs) {
  if (obs.value == null || obs.cumulative) return null;
  if (obs.kind === 'change') return null;
  if (obs.kind === 'target') return 'target';
  return obs.derived ? 'derived' : 'actual';
}
const isWordTarget = (obs) => obs.kind === 'target' && obs.value == null;

/** Every value of the lead's metric and scope, the lead's own first, by year (levels before targets). */
function gather(city, lead) {
  const entries = [];
  const members = [lead, ...city.indicators.filter((i) => i !== lead && sameSeries(i, lead))];
  for (const indicator of members) {
    for (const obs of indicator.values) {
      const repeat = entries.some(
        (e) =>
          e.obs.year === obs.year &&
          e.obs.kind === obs.kind &&
          e.obs.value === obs.value &&
          textKey(e.obs.text) === textKey(obs.text) &&
          e.obs.against === obs.against &&
          Boolean(e.obs.derived) === Boolean(obs.derived),
      );
      if (!repeat) entries.push({ indicator, obs });
    }
  }
  const rank = (e) => e.obs.year * 2 + (e.obs.kind === 'target' ? 1 : 0);
  entries.sort((a, b) => rank(a) - rank(b)); // stable, as Rust's sort_by_key
  return { lead, entries };
}

/** The indicator that answers for a metric: the table row, then one with a target, then the most values. */
function mainIndicator(city, metric) {
  let best = null;
  let bestScore = null;
  for (const i of city.indicators.filter((i) => i.metric === metric)) {
    const score = [i.row != null ? 1 : 0, i.values.some((v) => v.kind === 'target') ? 1 : 0, i.values.length];
    const better = !bestScore || score[0] > bestScore[0] || (score[0] === bestScore[0] &&
      (score[1] > bestScore[1] || (score[1] === bestScore[1] && score[2] > bestScore[2])));
    if (better) [best, bestScore] = [i, score];
  }
  return best;
}

function ofDomain(city, domain) {
  const leads = [];
  for (const i of city.indicators.filter((i) => i.domain === domain)) {
    if (leads.some((l) => sameSeries(l, i))) continue;
    const lead = (i.metric && city.indicators.find((j) => j.row != null && sameSeries(i, j))) || i;
    leads.push(lead);
  }
  return leads.map((l) => gather(city, l));
}

function reference(series, catalog) {
  const metric = series.lead.metric;
  if (!metric) return null;
  for (const standard of catalog.standards ?? []) {
    const limit = standard.limits.find((l) => l.metric === metric);
    if (limit) return limit.unit === series.lead.unit ? { value: limit.value, standard: standard.number } : null;
  }
  return null;
}

/** A chart's marks, reference line, target line and the way from the latest level to the target. */
function trendChart(series, catalog, compact) {
  const ref = reference(series, catalog);
  const points = series.entries.filter((e) => pointKind(e.obs));
  if (!(points.length >= 2 || (points.length === 1 && ref))) return null;
  const marks = [
    ...points.map((e) => ({ year: e.obs.year, value: e.obs.value, kind: pointKind(e.obs), obs: e.obs })),
    ...series.entries.filter((e) => isWordTarget(e.obs)).map((e) => ({ year: e.obs.year, value: null, kind: 'word_target', obs: e.obs })),
  ];
  const isTarget = (m) => m.kind === 'target' || m.kind === 'word_target';
  const rank = (m) => m.year * 2 + (isTarget(m) ? 1 : 0);
  marks.sort((a, b) => rank(a) - rank(b));
  // Rust's max_by_key: the last of equal maxima.
  let last = null;
  marks.forEach((m, i) => {
    if (!isTarget(m)) return;
    const key = m.year * 2 + (m.value != null ? 1 : 0);
    if (last === null || key >= last.key) last = { i, key, m };
  });
  if (last && last.m.value == null) last = null;
  let latest = null;
  marks.forEach((m, i) => {
    if ((m.kind === 'actual' || m.kind === 'derived') && (latest === null || m.year >= latest.m.year)) latest = { i, m };
  });
  const goal = latest && last && last.m.year > latest.m.year ? [latest.i, last.i] : null;
  return {
    unit: series.lead.unit,
    marks,
    reference: ref,
    target_line: last ? last.m.value : null,
    goal,
    compact,
  };
}

/** The overview: one card per headline metric, with its chart where it has one. */
export function overviewCharts(city, catalog) {
  return HEADLINE_METRICS.map((metricId) => {
    const metric = catalog.metrics.find((m) => m.id === metricId);
    const lead = metric && mainIndicator(city, metricId);
    if (!lead) return { metric: metricId, name: metric?.name, series: null, chart: null };
    const series = gather(city, lead);
    return { metric: metricId, name: metric.name, better: metric.better, series, chart: trendChart(series, catalog, true) };
  });
}

/** The Air (or Water) view: one block per series, those with a chart first, in the plan's order. */
export function domainBlocks(city, catalog, domain) {
  const blocks = ofDomain(city, domain).map((series) => ({
    id: `indicator-${series.lead.id}`,
    series,
    chart: trendChart(series, catalog, false),
  }));
  return [...blocks.filter((b) => b.chart), ...blocks.filter((b) => !b.chart)];
}

/** The same figures as a comparable summary: [{id, marks: [[year, value, kind]], reference, target_line, goal}]. */
export function chartSummary(list) {
  return list
    .filter((x) => x.chart)
    .map((x) => ({
      marks: x.chart.marks.map((m) => [m.year, m.value, m.kind]),
      reference: x.chart.reference ? x.chart.reference.value : null,
      target_line: x.chart.target_line,
      goal: x.chart.goal,
    }));
}
