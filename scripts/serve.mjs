// A small static server for dist/: correct MIME types (application/wasm), optional sub-path and
// response headers, and nothing else. Used by `make serve` and by the browser tests.
//
// usage: node scripts/serve.mjs [--root dist] [--port 8080] [--host 127.0.0.1] [--base /widgets/ecoplan/]

import { close, constants, createReadStream, fstat, open } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve, sep } from 'node:path';
import { pipeline } from 'node:stream';
import { pathToFileURL } from 'node:url';

// Without a prototype, so that no request path can find `constructor` or `__proto__` in it.
export const MIME = Object.freeze(
  Object.assign(Object.create(null), {
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
  }),
);

const typeOf = (path) => {
  const ext = extname(path);
  return Object.hasOwn(MIME, ext) ? MIME[ext] : 'application/octet-stream';
};

// Opening without blocking: a FIFO under the root must not hang the server (it is then not a file).
const READ = constants.O_RDONLY | (constants.O_NONBLOCK ?? 0);
// What opening a path that names no file under the root fails with: a plain 404 (other errors, such
// as a file the server may not read, are a 500).
const NOT_FOUND = new Set(['ENOENT', 'ENOTDIR', 'EISDIR', 'ENAMETOOLONG', 'ELOOP']);

function text(res, status, body) {
  if (res.headersSent) return res.destroy();
  res.writeHead(status, { 'Content-Type': 'text/plain; charset=utf-8' });
  return res.end(body);
}
const notFound = (res) => text(res, 404, 'not found');
/** Runs `fn` for a request; whatever it throws is logged and answered 500, never a crash. */
function guarded(req, res, fn) {
  try {
    fn();
  } catch (err) {
    console.error(`serve.mjs: ${req.method} ${req.url}: ${err?.message ?? err}`);
    text(res, 500, 'server error');
  }
}
const badRequest = (res) => text(res, 400, 'bad request');

/** What the README advises hosts: a name with a content hash never changes meaning; others may. */
export const HASHED_NAME = /-[0-9a-f]{10}\.[a-z]+$/;
const cacheControl = (file) => (HASHED_NAME.test(file) ? 'public, max-age=31536000, immutable' : 'no-cache');

/**
 * Starts a server for `root` under `base`; resolves to the node http.Server once listening.
 * `overrides` maps a path below `base` to a response `{ status, body, type }` (tests serve broken files).
 *
 * Answers 400 to a path that cannot be decoded, 404 to anything that is not a regular file under
 * `root` (`..` included, encoded or not), and 500 if reading a file fails; it never throws.
 */
export function serve({ root = 'dist', port = 8080, host = '127.0.0.1', base = '/', headers = {}, overrides = {} } = {}) {
  const top = resolve(root);
  const prefix = base.endsWith('/') ? base : `${base}/`;

  function handle(req, res) {
    let path;
    try {
      path = decodeURIComponent(new URL(req.url, 'http://localhost').pathname);
    } catch {
      return badRequest(res); // malformed %-encoding (URIError) or not a URL at all (`//`)
    }
    if (path.includes('\0')) return badRequest(res);
    if (path === prefix.slice(0, -1)) {
      res.writeHead(301, { Location: prefix });
      return res.end();
    }
    if (!path.startsWith(prefix)) return notFound(res);
    path = path.slice(prefix.length);
    const override = Object.hasOwn(overrides, path) ? overrides[path] : undefined;
    if (override) {
      res.writeHead(override.status ?? 200, { 'Content-Type': override.type ?? typeOf(path), ...headers });
      return res.end(override.body ?? '');
    }
    if (path === '' || path.endsWith('/')) path += 'index.html';
    const file = normalize(join(top, path));
    if (file === top || !file.startsWith(top + sep)) return notFound(res);
    // Open first, then look at what was opened: a file removed after this still reads from `fd`,
    // and one removed before it is a 404; nothing between a stat and a read can go missing.
    open(file, READ, (err, fd) => guarded(req, res, () => {
      if (err) return NOT_FOUND.has(err.code) ? notFound(res) : text(res, 500, 'cannot read');
      fstat(fd, (err, st) => guarded(req, res, () => {
        if (err || !st.isFile()) {
          close(fd, () => {});
          return err ? text(res, 500, 'cannot read') : notFound(res);
        }
        res.writeHead(200, {
          'Content-Type': typeOf(file),
          'Content-Length': st.size,
          'Cache-Control': cacheControl(file),
          ...headers,
        });
        if (req.method === 'HEAD') {
          close(fd, () => {});
          return res.end();
        }
        // A read error after the headers can only cut the response short; pipeline closes the fd.
        pipeline(createReadStream(null, { fd }), res, () => {});
      }));
    }));
  }

  const server = createServer((req, res) => guarded(req, res, () => handle(req, res)));
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
