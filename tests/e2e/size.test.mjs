// Size budgets, from the build's own report (bytes are deterministic; timings are not, and are
// reported, not enforced). A change that breaks a budget says why, and moves it on purpose.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

const report = JSON.parse(readFileSync('target/size-report.json', 'utf8'));
const KB = 1024;

// Issue 8 (trend charts, the view-model layer, derived values, Compare's chart, measures) grew the
// wasm from 210,791 to 232,249 B gzip; dropping serde_path_to_error from the browser build
// (-9,804 B) and the CSV's number test no longer calling `str::parse::<f64>` (-13,965 B across
// that merge: core's float parser and its 10 KB table of powers of five, by twiggy) brought it to
// 219,997 B. Issue 10: panics abort without formatting a message where build-std is used
// (-39,857 B raw, -13,859 B gzip) and values are formatted with integers: 206,682 B gzip,
// 169,085 B brotli. Reading the data with src/json.rs instead of serde: 193,065 B gzip, 158,128 B
// brotli. Issue 10's own targets (wasm 100 KiB brotli, first view 125 KiB brotli) are not met yet;
// these budgets hold what has been won.
test('the wasm, compressed, stays within its budget', () => {
  const wasm = report.files.find((f) => f.file.endsWith('.wasm'));
  assert.ok(wasm.gzip <= 189 * KB, `wasm ${wasm.gzip} B gzip > 189 KiB`);
  assert.ok(wasm.brotli <= 155 * KB, `wasm ${wasm.brotli} B brotli > 155 KiB`);
});

test('a first view (page, code, style, one city) stays within its budget', () => {
  assert.ok(report.first_view.gzip <= 245 * KB, `first view ${report.first_view.gzip} B gzip > 245 KiB`);
  assert.ok(report.first_view.brotli <= 200 * KB, `first view ${report.first_view.brotli} B brotli > 200 KiB`);
});

test('the offline precache (all five cities) stays within its budget', () => {
  assert.ok(report.precache.gzip <= 340 * KB, `precache ${report.precache.gzip} B gzip > 340 KiB`);
  assert.ok(report.precache.files >= 15, 'page, code, style, icons, manifest, catalog and five cities');
});

test('the embed script a host page loads is tiny', () => {
  const embed = report.files.find((f) => f.file === 'embed.js');
  assert.ok(embed.gzip <= 2 * KB, `embed.js ${embed.gzip} B gzip > 2 KiB`);
});
