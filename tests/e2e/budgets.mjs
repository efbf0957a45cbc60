// The size budgets (bytes, deterministic), shared by size.test.mjs (this build) and
// cities.test.mjs (a build with 50 cities); size.test.mjs says why each is what it is.
const KB = 1024;

export const BUDGET = {
  wasm: { gzip: 236 * KB, brotli: 192 * KB },
  firstView: { gzip: 266 * KB, brotli: 216 * KB },
  // What a reader downloads before a page's first chart: the page (the chart is in it) and the
  // stylesheet, for every prerendered page.
  firstChart: { brotli: 16 * KB },
  precacheGzip: 400 * KB,
};
