// What the widget should show, as the native code computes it (`ecoplan-data views data`): the
// browser tests compare the page with these view models instead of re-deriving them.
import { execFileSync } from 'node:child_process';
import { readCities } from '../../scripts/cities.mjs';

let cached;
export function views() {
  cached ??= JSON.parse(
    execFileSync('cargo', ['run', '--quiet', '--locked', '--bin', 'ecoplan-data', '--', 'views', 'data'], {
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    }),
  );
  return cached;
}

/** The cities, in the picker's order (every file in data/cities/, as the build lists them). */
export const CITIES = readCities('data').index.cities.map((c) => c.id);
