// The cities a build offers: every file in data/cities/, nothing else lists them. Shared by the
// build (scripts/postbuild.mjs) and the README's city list (scripts/readme-cities.mjs).
//
// The order is the picker's: by province (its English name, so 河北 before 河南), then by id (the
// name in pinyin), as CityIndex::from_cities (src/model.rs) orders them. The city a first visit
// opens is data/settings.json's `default_city`, else the first.

import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

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
  return { files, index: { default: defaultCity, cities } };
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
