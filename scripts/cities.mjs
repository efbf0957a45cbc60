// The cities a build offers: every file in data/cities/, nothing else lists them. Shared by the
// build (scripts/postbuild.mjs) and the README's city list (scripts/readme-cities.mjs).
//
// The order is the picker's: by province (its English name, so 河北 before 河南), then by id (the
// name in pinyin), as CityIndex::from_cities (src/model.rs) orders them. The city a first visit
// opens is data/settings.json's `default_city`, else the first.

import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

const byCode = (a, b) => (a < b ? -1 : a > b ? 1 : 0);

/** {files: Map(id -> parsed city file), index: {default, cities: [{id, name, province}]}} */
export function readCities(dataDir) {
  const files = new Map();
  for (const name of readdirSync(join(dataDir, 'cities')).filter((n) => n.endsWith('.json')).sort()) {
    const text = readFileSync(join(dataDir, 'cities', name), 'utf8');
    try {
      files.set(name.replace(/\.json$/, ''), JSON.parse(text));
    } catch (e) {
      throw new Error(`data/cities/${name}: not JSON (${e.message}); run make check-data`);
    }
  }
  const cities = [...files.entries()]
    .map(([id, city]) => ({ id, name: city.name, province: city.province }))
    .sort((a, b) => byCode(a.province?.en ?? '', b.province?.en ?? '') || byCode(a.id, b.id));
  let settings;
  try {
    settings = JSON.parse(readFileSync(join(dataDir, 'settings.json'), 'utf8'));
  } catch (e) {
    throw new Error(`data/settings.json: ${e.message}; run make check-data`);
  }
  const fallback = cities[0]?.id ?? '';
  const defaultCity = cities.some((c) => c.id === settings.default_city) ? settings.default_city : fallback;
  return { files, index: { default: defaultCity, cities, version: dataVersion(dataDir) } };
}

/**
 * The data's version as readers see it: the date of its newest change (the first `## YYYY-MM-DD`
 * of data/CHANGELOG.md, which maintainers write) and the first 8 hex digits of a SHA-256 over every
 * file in data/ (path and bytes), which changes with any edit: `2026-12-03 1a2b3c4d`.
 */
export function dataVersion(dataDir) {
  let changelog;
  try {
    changelog = readFileSync(join(dataDir, 'CHANGELOG.md'), 'utf8');
  } catch (e) {
    throw new Error(`data/CHANGELOG.md: ${e.message}; run make check-data`);
  }
  const date = /^## (\d{4}-\d{2}-\d{2})\s*$/m.exec(changelog)?.[1];
  if (!date) throw new Error('data/CHANGELOG.md: no "## YYYY-MM-DD" entry; run make check-data');
  const walk = (dir) =>
    readdirSync(dir)
      .sort()
      .flatMap((name) => (statSync(join(dir, name)).isDirectory() ? walk(join(dir, name)) : [join(dir, name)]));
  const hash = createHash('sha256');
  for (const path of walk(dataDir)) hash.update(relative(dataDir, path)).update('\0').update(readFileSync(path)).update('\0');
  return `${date} ${hash.digest('hex').slice(0, 8)}`;
}

/** The cities by province, in the list's order: [{province, cities}]. */
export function byProvince(cities) {
  const groups = [];
  for (const city of cities) {
    const last = groups.at(-1);
    if (last && last.province.en === city.province.en) last.cities.push(city);
    else groups.push({ province: city.province, cities: [city] });
  }
  return groups;
}
