// A small static server for dist/: correct MIME types (application/wasm), optional sub-path and
// response headers, and nothing else. Used by `make serve` and by the browser tests.
//
// usage: node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--base /widgets/ecoplan/]

import { createReadStream, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';

export const MIME = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * Starts a server for `root` under `base`; resolves to the node http.Server once listening.
 * `overrides` maps a path below `base` to a response `{ status, body, type }` (tests serve broken files).
 */
export function serve({ root = 'dist', port = 8080, host = '127.0.0.1', base = '/', headers = {}, overrides = {} } = {}) {
  const top = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;
  const server = createServer((req, res) => {
    const url = new URL(req.url, 'http://localhost');
    let path = decodeURIComponent(url.pathname);
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      return res.end();
    }
    if (!path.startsWith(prefix)) {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('not found');
    }
    path = path.slice(prefix.length);
    const override = overrides[path];
    if (override) {
      res.writeHead(override.status ?? 200, { 'Content-Type': override.type ?? MIME[extname(path)], ...headers });
      return res.end(override.body ?? '');
    }
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const file = normalize(join(top, path));
    if (file !== top && !file.startsWith(top + sep)) {
      res.writeHead(403);
      return res.end();
    }
    let size;
    try {
      const st = statSync(file);
      if (!st.isFile()) throw new Error('not a file');
      size = st.size;
    } catch {
      res.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
      return res.end('not found');
    }
    res.writeHead(200, {
      'Content-Type': MIME[extname(file)] ?? 'application/octet-stream',
      'Content-Length': size,
      'Cache-Control': 'no-cache',
      ...headers,
    });
    if (req.method === 'HEAD') return res.end();
    createReadStream(file).pipe(res);
  });
  return new Promise((ok, fail) => {
    server.once('error', fail);
    server.listen(port, host, () => ok(server));
  });
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const args = Object.fromEntries(
    process.argv.slice(2).reduce((pairs, arg, i, all) => {
      if (arg.startsWith('--')) pairs.push([arg.slice(2), all[i + 1]]);
      return pairs;
    }, []),
  );
  const options = {
    root: args.root ?? 'dist',
    port: Number(args.port ?? process.env.PORT ?? 8080),
    host: args.host ?? '127.0.0.1',
    base: args.base ?? '/',
  };
  serve(options).then(
    (server) => {
      const { port } = server.address();
      console.log(`EcoPlan is served at http://${options.host}:${port}${options.base}  (Ctrl-C stops)`);
    },
    (err) => {
      console.error(`cannot serve on ${options.host}:${options.port}: ${err.message}`);
      console.error('set another port, e.g. make serve PORT=8081');
      process.exit(1);
    },
  );
}
