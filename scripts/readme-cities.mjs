// The README's city list follows the data (scripts/cities.mjs): the sentence that names the
// cities, and the `city` row of the parameter table. `make build` rewrites them; `--check` only
// says whether they are current (a test runs it).
//
// usage: node scripts/readme-cities.mjs [--check] [README path] [data dir]

import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { byProvince, readCities } from './cities.mjs';

const args = process.argv.slice(2);
const check = args[0] === '--check';
if (check) args.shift();
const root = new URL('..', import.meta.url).pathname;
const readme = args[0] ?? join(root, 'README.md');
const { index } = readCities(args[1] ?? join(root, 'data'));

const list = (names) => (names.length < 2 ? names.join('') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`);
const sentence = byProvince(index.cities)
  .map((g) => `${list(g.cities.map((c) => `${c.name.en} (${c.name.zh})`))} in ${g.province.en}`)
  .join('; ');
const ids = index.cities.map((c) => `\`${c.id}\``).join(', ');
const fallback = index.cities.find((c) => c.id === index.default)?.name.en ?? index.default;

let text = readFileSync(readme, 'utf8');
const before = text;
const marked = /(<!-- cities -->)[\s\S]*?(<!-- \/cities -->)/;
const row = /^\| `city` \| `data-ecoplan-city` \|.*$/m;
if (!marked.test(text) || !row.test(text)) {
  console.error(`${readme}: expected <!-- cities -->…<!-- /cities --> and the \`city\` row of the parameter table`);
  process.exit(2);
}
text = text.replace(marked, `$1${sentence}$2`);
text = text.replace(row, `| \`city\` | \`data-ecoplan-city\` | ${ids} | the reader's last city, else ${fallback} (\`default_city\` in \`data/settings.json\`) |`);
if (check) {
  if (text !== before) {
    console.error(`${readme}: its city list is not the data's; make build rewrites it`);
    process.exit(1);
  }
} else if (text !== before) {
  writeFileSync(readme, text);
  console.log(`${readme}: city list updated`);
}
