// Shortens the names the wasm and its wasm-bindgen glue share: the glue's ~200 import functions are
// named like `__wbg_instanceof_CanvasRenderingContext2d_72a60be8aaadecab`, the closure shims it
// calls like `wasm_bindgen_<hash>___convert__closures_____invoke___…` (up to 199 characters), and
// every name is spelled out twice, in the wasm's import or export section and in the glue. Each
// becomes a short name (`a`, `b`, … `aa`, …) in both; the module name `./ecoplan_bg.js` becomes `w`.
// About 20 KB raw of incompressible hashes: every reader downloads them, nothing reads them.
//
// Only whole identifiers in the glue are replaced, and only names the wasm imports or exports; a
// name the glue does not spell exactly (as `name:` in its import object, or `wasm.name`) is left
// alone, as are short exports (`memory`) that could collide with anything.

const MODULE = './ecoplan_bg.js';

function readU32(bytes, at) {
  let value = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    value += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (b < 0x80) return [value, at];
  }
}

function u32(value) {
  const out = [];
  do {
    let b = value & 0x7f;
    value = Math.floor(value / 128);
    if (value) b |= 0x80;
    out.push(b);
  } while (value);
  return out;
}

const utf8 = new TextDecoder('utf-8', { fatal: true });
const name = (s) => {
  const b = Buffer.from(s, 'utf8');
  return [...u32(b.length), ...b];
};

function readName(bytes, at) {
  const [len, start] = readU32(bytes, at);
  return [utf8.decode(bytes.subarray(start, start + len)), start + len];
}

// Skips an import's description (function, table, memory, global, tag): the bytes after its names.
function skipImportDesc(bytes, at) {
  const kind = bytes[at++];
  const limits = (p) => {
    const flags = bytes[p++];
    [, p] = readU32(bytes, p);
    if (flags & 1) [, p] = readU32(bytes, p);
    return p;
  };
  switch (kind) {
    case 0: return readU32(bytes, at)[1];
    case 1: return limits(at + 1);
    case 2: return limits(at);
    case 3: return at + 2;
    case 4: return readU32(bytes, at + 1)[1];
    default: throw new Error(`wasm import of unknown kind ${kind}`);
  }
}

// Two-letter names that are JavaScript's own words: never given (a glue of 200 imports reaches "do").
const RESERVED = new Set(['do', 'if', 'in', 'of', 'as', 'is']);

function* shortNames() {
  const letters = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ';
  for (let n = 0; ; n++) {
    let s = '';
    let k = n;
    do {
      s = letters[k % letters.length] + s;
      k = Math.floor(k / letters.length) - 1;
    } while (k >= 0);
    if (!RESERVED.has(s)) yield s;
  }
}

const identifier = (s) => new RegExp(`(?<![A-Za-z0-9_$])${s.replace(/\$/g, '\\$')}(?![A-Za-z0-9_$])`, 'g');

/** Returns `[wasm, glue]` with the shared names shortened, and how many were. */
export function shortenNames(wasm, glue) {
  const bytes = new Uint8Array(wasm);
  if (Buffer.from(bytes.subarray(0, 4)).toString('latin1') !== '\0asm') throw new Error('not a wasm module');
  const sections = [];
  let at = 8;
  while (at < bytes.length) {
    const id = bytes[at];
    const [size, start] = readU32(bytes, at + 1);
    sections.push({ id, start, end: start + size, head: bytes.subarray(at, start) });
    at = start + size;
  }
  const fresh = shortNames();
  const renamed = new Map();
  const rename = (old) => {
    if (old.length < 8 || !identifier(old).test(glue)) return old;
    if (!renamed.has(old)) {
      let next;
      do next = fresh.next().value;
      while (identifier(next).test(glue));
      renamed.set(old, next);
    }
    return renamed.get(old);
  };
  const out = [bytes.subarray(0, 8)];
  let moduleRenamed = false;
  for (const s of sections) {
    if (s.id !== 2 && s.id !== 7) {
      out.push(bytes.subarray(s.head.byteOffset - bytes.byteOffset, s.end));
      continue;
    }
    let p = s.start;
    let count;
    [count, p] = readU32(bytes, p);
    const body = [...u32(count)];
    for (let i = 0; i < count; i++) {
      if (s.id === 2) {
        let module, field;
        [module, p] = readName(bytes, p);
        [field, p] = readName(bytes, p);
        const descEnd = skipImportDesc(bytes, p);
        const ours = module === MODULE;
        moduleRenamed ||= ours;
        body.push(...name(ours ? 'w' : module), ...name(ours ? rename(field) : field), ...bytes.subarray(p, descEnd));
        p = descEnd;
      } else {
        let field;
        [field, p] = readName(bytes, p);
        const [, idxEnd] = readU32(bytes, p + 1);
        body.push(...name(rename(field)), ...bytes.subarray(p, idxEnd));
        p = idxEnd;
      }
    }
    if (p !== s.end) throw new Error(`wasm section ${s.id}: ${s.end - p} bytes left over`);
    out.push(Uint8Array.of(s.id, ...u32(body.length)), Uint8Array.from(body));
  }
  let text = glue;
  for (const [old, short] of renamed) text = text.replace(identifier(old), short);
  if (moduleRenamed) {
    const quoted = new RegExp(`(["'])${MODULE.replace(/[./]/g, '\\$&')}\\1`, 'g');
    const uses = text.match(quoted)?.length ?? 0;
    if (uses !== 1) throw new Error(`the glue names ${MODULE} ${uses} times, expected once`);
    text = text.replace(quoted, '"w"');
  }
  return [Buffer.concat(out), text, renamed.size];
}
