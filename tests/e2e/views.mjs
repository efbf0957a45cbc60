// What the widget should show, as the native code computes it (`ecoplan-data views data`): the
// browser tests compare the page with these view models instead of re-deriving them.
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

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

/** The cities, in the picker's order (data/cities.json, the one list of them). */
export const CITIES = JSON.parse(readFileSync('data/cities.json', 'utf8')).cities.map((c) => c.id);
