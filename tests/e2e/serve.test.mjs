// The static server itself (scripts/serve.mjs): exact status codes for odd request paths, and that
// it keeps serving after each of them. No dist/ and no browser needed: it serves a temporary root.
// Requests go through raw `http.request` with `path` set as written, since fetch would normalise it.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, unlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import { serve } from '../../scripts/serve.mjs';

const INDEX = '<!doctype html><title>EcoPlan</title>';
const WASM = Buffer.from([0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00]);

/** A temporary root with a page, a wasm module, a nested file and one the tests delete. */
function makeRoot() {
  const dir = mkdtempSync(join(tmpdir(), 'ecoplan-serve-'));
  writeFileSync(join(dir, 'index.html'), INDEX);
  writeFileSync(join(dir, 'app.wasm'), WASM);
  writeFileSync(join(dir, 'app-0123456789.wasm'), WASM);
  mkdirSync(join(dir, 'data'));
  writeFileSync(join(dir, 'data', 'catalog.json'), '{"cities": []}');
  writeFileSync(join(dir, 'gone.txt'), 'soon deleted');
  writeFileSync(join(dir, 'race.txt'), 'deleted between stat and read');
  return dir;
}

/** One request with `path` sent exactly as given; resolves to { status, headers, body }. */
function get(port, path, method = 'GET') {
  return new Promise((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, agent: false }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => ok({ status: res.statusCode, headers: res.headers, body: Buffer.concat(chunks) }));
      res.on('error', fail);
    });
    req.on('error', fail);
    req.setTimeout(5000, () => req.destroy(new Error(`no answer to ${method} ${path}`)));
    req.end();
  });
}

/** After an odd request, the server must still serve the page normally. */
async function stillServes(port, path = '/') {
  const res = await get(port, path);
  assert.equal(res.status, 200, `the server stopped serving ${path}`);
  assert.equal(res.body.toString(), INDEX);
}

describe('serve.mjs at the root', () => {
  let root;
  let server;
  let port;
  before(async () => {
    root = makeRoot();
    server = await serve({ root, port: 0, overrides: { 'broken.json': { body: '{"city": ' } } });
    port = server.address().port;
  });
  after(() => {
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('a normal page, a nested file and an override are served', async () => {
    const page = await get(port, '/');
    assert.equal(page.status, 200);
    assert.equal(page.headers['content-type'], 'text/html; charset=utf-8');
    assert.equal(page.body.toString(), INDEX);
    const json = await get(port, '/data/catalog.json');
    assert.equal(json.status, 200);
    assert.equal(json.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(json.body.toString(), '{"cities": []}');
    const broken = await get(port, '/broken.json');
    assert.equal(broken.status, 200);
    assert.equal(broken.headers['content-type'], 'application/json; charset=utf-8');
    assert.equal(broken.body.toString(), '{"city": ');
  });

  test('a .wasm file is application/wasm', async () => {
    const res = await get(port, '/app.wasm');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/wasm');
    assert.deepEqual(res.body, WASM);
  });

  test('a content-hashed name may be cached for ever; any other name is revalidated', async () => {
    assert.equal((await get(port, '/app-0123456789.wasm')).headers['cache-control'], 'public, max-age=31536000, immutable');
    for (const path of ['/', '/app.wasm', '/data/catalog.json']) {
      assert.equal((await get(port, path)).headers['cache-control'], 'no-cache', path);
    }
  });

  test('HEAD answers the headers without a body', async () => {
    const res = await get(port, '/app.wasm', 'HEAD');
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/wasm');
    assert.equal(res.headers['content-length'], String(WASM.length));
    assert.equal(res.body.length, 0);
  });

  test('a missing file is 404', async () => {
    assert.equal((await get(port, '/nothing.js')).status, 404);
    assert.equal((await get(port, '/data/')).status, 404, 'a directory without index.html');
    assert.equal((await get(port, '/data')).status, 404, 'a directory is not a file');
    await stillServes(port);
  });

  test('malformed percent-encoding is 400, and the server keeps serving', async () => {
    for (const path of ['/%', '/%E0%A4%A', '/data/%zz.json', '/%C0%AF']) {
      assert.equal((await get(port, path)).status, 400, path);
      await stillServes(port);
    }
  });

  test('a request target that is not a path is 400, and the server keeps serving', async () => {
    assert.equal((await get(port, '//')).status, 400);
    await stillServes(port);
  });

  test('a NUL byte in the path is 400, and the server keeps serving', async () => {
    assert.equal((await get(port, '/index.html%00.txt')).status, 400);
    await stillServes(port);
  });

  test('prototype names are 404, not overrides or files, and the server keeps serving', async () => {
    for (const name of ['constructor', '__proto__', 'hasOwnProperty', 'toString', 'valueOf', '__defineGetter__']) {
      assert.equal((await get(port, `/${name}`)).status, 404, `/${name}`);
      await stillServes(port);
    }
  });

  test('.. traversal, plain or encoded, never leaves the root', async () => {
    const outside = mkdtempSync(join(tmpdir(), 'ecoplan-outside-'));
    writeFileSync(join(outside, 'secret.txt'), 'SECRET');
    const name = outside.split('/').pop();
    try {
      const paths = [
        '/%2e%2e/%2e%2e/etc/passwd',
        '/../../etc/passwd',
        '/..%2f..%2f..%2fetc%2fpasswd',
        '/%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd',
        '/data/..%2f..%2fetc%2fpasswd',
        `/..%2f${name}%2fsecret.txt`,
        `/%2e%2e%2f${name}%2fsecret.txt`,
        `/data/%2e%2e%2f%2e%2e%2f${name}%2fsecret.txt`,
      ];
      for (const path of paths) {
        const res = await get(port, path);
        assert.ok(res.status === 400 || res.status === 404, `${path}: ${res.status}`);
        assert.ok(!res.body.toString().includes('root:'), `${path} served /etc/passwd`);
        assert.ok(!res.body.toString().includes('SECRET'), `${path} served a file outside the root`);
        await stillServes(port);
      }
    } finally {
      rmSync(outside, { recursive: true, force: true });
    }
  });

  test('a file deleted after the server started is 404', async () => {
    assert.equal((await get(port, '/gone.txt')).status, 200);
    unlinkSync(join(root, 'gone.txt'));
    assert.equal((await get(port, '/gone.txt')).status, 404);
    await stillServes(port);
  });

  test('a file deleted between the lookup and the read is 404 or the whole file, never a crash', async () => {
    // This listener runs right after the server's own, in the same tick: after the server has
    // looked the file up (the old server: statSync) and before its read can have finished. The
    // old server then crashed on its read stream's ENOENT; now the file was either opened in time
    // and is served whole, or it was not and is a 404.
    const unlinkRace = (req) => {
      if (req.url === '/race.txt') unlinkSync(join(root, 'race.txt'));
    };
    server.on('request', unlinkRace);
    try {
      const res = await get(port, '/race.txt');
      if (res.status === 200) assert.equal(res.body.toString(), 'deleted between stat and read');
      else assert.equal(res.status, 404);
    } finally {
      server.off('request', unlinkRace);
    }
    await stillServes(port);
  });

  test('a file deleted while it is being sent is sent whole', async () => {
    const big = Buffer.alloc(8 * 1024 * 1024, 'x');
    writeFileSync(join(root, 'big.txt'), big);
    const res = await new Promise((ok, fail) => {
      const req = request({ host: '127.0.0.1', port, path: '/big.txt', agent: false }, (res) => {
        unlinkSync(join(root, 'big.txt')); // the headers are here, the body is still coming
        const chunks = [];
        res.on('data', (c) => chunks.push(c));
        res.on('end', () => ok({ status: res.statusCode, body: Buffer.concat(chunks) }));
        res.on('error', fail);
      });
      req.on('error', fail);
      req.end();
    });
    assert.equal(res.status, 200);
    assert.equal(res.body.length, big.length);
    assert.equal((await get(port, '/big.txt')).status, 404);
    await stillServes(port);
  });

  test('a directory named like a file is 404', async () => {
    mkdirSync(join(root, 'dir.js'));
    assert.equal((await get(port, '/dir.js')).status, 404);
    await stillServes(port);
  });
});

describe('serve.mjs under a sub-path (--base)', () => {
  const BASE = '/widgets/ecoplan/';
  let root;
  let server;
  let port;
  before(async () => {
    root = makeRoot();
    server = await serve({
      root,
      port: 0,
      base: BASE,
      headers: { 'X-Test': 'yes' },
      overrides: { 'data/broken.json': { status: 500, body: 'oops', type: 'text/plain' } },
    });
    port = server.address().port;
  });
  after(() => {
    server?.close();
    rmSync(root, { recursive: true, force: true });
  });

  test('files are served under the base, with the extra headers', async () => {
    const res = await get(port, `${BASE}app.wasm`);
    assert.equal(res.status, 200);
    assert.equal(res.headers['content-type'], 'application/wasm');
    assert.equal(res.headers['x-test'], 'yes');
    await stillServes(port, BASE);
  });

  test('the base without its slash redirects to it', async () => {
    const res = await get(port, '/widgets/ecoplan');
    assert.equal(res.status, 301);
    assert.equal(res.headers.location, BASE);
  });

  test('paths outside the base are 404', async () => {
    assert.equal((await get(port, '/')).status, 404);
    assert.equal((await get(port, '/app.wasm')).status, 404);
    assert.equal((await get(port, '/widgets/app.wasm')).status, 404);
  });

  test('an override under the base answers its status, type and body', async () => {
    const res = await get(port, `${BASE}data/broken.json`);
    assert.equal(res.status, 500);
    assert.equal(res.headers['content-type'], 'text/plain');
    assert.equal(res.body.toString(), 'oops');
  });

  test('odd paths under the base: 400 or 404, and the server keeps serving', async () => {
    const cases = [
      [`${BASE}%`, 400],
      [`${BASE}constructor`, 404],
      [`${BASE}__proto__`, 404],
      [`${BASE}hasOwnProperty`, 404],
      [`${BASE}data/constructor`, 404],
      [`${BASE}%2e%2e/%2e%2e/etc/passwd`, 404],
      [`${BASE}..%2f..%2f..%2fetc%2fpasswd`, 404],
    ];
    for (const [path, status] of cases) {
      const res = await get(port, path);
      assert.equal(res.status, status, path);
      assert.ok(!res.body.toString().includes('root:'), `${path} served /etc/passwd`);
      await stillServes(port, BASE);
    }
  });
});

test('the command line serves --root under --base on --port 0, and survives odd paths', async (t) => {
  const root = makeRoot();
  const child = spawn(process.execPath, ['scripts/serve.mjs', '--root', root, '--port', '0', '--base', '/sub/'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  t.after(() => {
    child.kill();
    rmSync(root, { recursive: true, force: true });
  });
  const port = await new Promise((ok, fail) => {
    let out = '';
    child.stdout.on('data', (d) => {
      out += d;
      const m = out.match(/http:\/\/127\.0\.0\.1:(\d+)\/sub\//);
      if (m) ok(Number(m[1]));
    });
    child.once('exit', (code) => fail(new Error(`serve.mjs exited (${code}) before listening: ${out}`)));
  });
  for (const [path, status] of [
    ['/sub/%', 400],
    ['/sub/constructor', 404],
    ['/sub/__proto__', 404],
    ['/sub/%2e%2e/%2e%2e/etc/passwd', 404],
  ]) {
    assert.equal((await get(port, path)).status, status, path);
  }
  await stillServes(port, '/sub/');
  assert.equal(child.exitCode, null, 'the server process is still running');
});
