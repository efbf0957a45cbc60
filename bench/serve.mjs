// The benchmark's server: serves folders from memory, compressed as a CDN would (brotli at quality
// 11 when the request accepts `br`, else gzip at level 9, else as is), with the MIME types and
// caching headers of scripts/serve.mjs. Everything is read and compressed once, at start.
//
//   const server = await serveCompressed({ '/': 'dist' });                       // EcoPlan
//   const server = await serveCompressed({ '/': 'bench/dist', '/data/': 'dist/data' }); // ECharts page

import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, relative } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';
import { HASHED_NAME, MIME } from '../scripts/serve.mjs';

// Already compressed formats are sent as they are.
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.webmanifest', '.wasm', '.svg', '.txt']);

function walk(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? walk(path) : [path];
  });
}

export const gzip = (bytes) => gzipSync(bytes, { level: 9 });
export const brotli = (bytes) => brotliCompressSync(bytes, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } });

/** URL path -> {raw, gzip, br, type, cache} for every file under the mounted folders. */
export function load(mounts) {
  const files = new Map();
  for (const [prefix, dir] of Object.entries(mounts)) {
    for (const path of walk(dir)) {
      const raw = readFileSync(path);
      const ext = extname(path);
      const squeeze = COMPRESSIBLE.has(ext);
      files.set(prefix + relative(dir, path).split('\\').join('/'), {
        raw,
        gzip: squeeze ? gzip(raw) : null,
        br: squeeze ? brotli(raw) : null,
        type: Object.hasOwn(MIME, ext) ? MIME[ext] : 'application/octet-stream',
        cache: HASHED_NAME.test(path) ? 'public, max-age=31536000, immutable' : 'no-cache',
      });
    }
  }
  return files;
}

/** Starts the server on 127.0.0.1 (a free port unless given); resolves to {server, url, files}. */
export function serveCompressed(mounts, { port = 0 } = {}) {
  const files = load(mounts);
  const server = createServer((req, res) => {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      res.writeHead(400).end();
      return;
    }
    if (path.endsWith('/')) path += 'index.html';
    const file = files.get(path);
    if (!file) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' }).end('not found');
      return;
    }
    const accept = String(req.headers['accept-encoding'] ?? '');
    const [body, encoding] =
      file.br && /\bbr\b/.test(accept) ? [file.br, 'br'] : file.gzip && /\bgzip\b/.test(accept) ? [file.gzip, 'gzip'] : [file.raw, null];
    res.writeHead(200, {
      'Content-Type': file.type,
      'Content-Length': body.length,
      'Cache-Control': file.cache,
      Vary: 'Accept-Encoding',
      ...(encoding ? { 'Content-Encoding': encoding } : {}),
    });
    res.end(req.method === 'HEAD' ? undefined : body);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, '127.0.0.1', () => ok({ server, url: `http://127.0.0.1:${server.address().port}/`, files }));
  });
}
