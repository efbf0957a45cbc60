// What the widget should show, as the native code computes it (`ecoplan-data views data`): the
// browser tests compare the page with these view models instead of re-deriving them.
import { execFileSync } from 'node:child_process';

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

export const CITIES = ['pingdingshan', 'zhengzhou', 'jiaozuo', 'jiyuan', 'xingtai'];
