// The size budgets (bytes, deterministic), shared by size.test.mjs (this build) and
// cities.test.mjs (a build with 50 cities); size.test.mjs says why each is what it is.
const KB = 1024;

export const BUDGET = {
  wasm: { gzip: 234 * KB, brotli: 190 * KB },
  firstView: { gzip: 261 * KB, brotli: 212 * KB },
  precacheGzip: 400 * KB,
};
