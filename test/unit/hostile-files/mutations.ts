/**
 * Hostile variants of a valid file, the same for every reader: what a damaged USB stick, a wrong
 * "Save as", a hand edit or an attacker makes of it. Deterministic ones by name (empty, every kind
 * of bad encoding, hostile numbers and keys, a spreadsheet that is some other zip…) and random
 * ones (a truncation at an offset, flipped bytes) drawn by fast-check with a fixed seed.
 */
import { deflateRawSync } from 'node:zlib';
import fc from 'fast-check';

export type FileForm = 'json' | 'csv' | 'xlsx' | 'binary';

export interface Variant {
  name: string;
  bytes: Buffer;
  /** The refusal code this variant must end in, or null: it must be taken (unset: either). */
  code?: string | null;
}

const utf8 = (s: string): Buffer => Buffer.from(s, 'utf8');

function crc32(buf: Buffer): number {
  let c = ~0;
  for (const b of buf) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

/** A ZIP of the given entries (deflated), as any archiver writes it. */
export function zipOf(entries: { name: string; data: Buffer }[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const e of entries) {
    const name = utf8(e.name);
    const data = deflateRawSync(e.data);
    const crc = crc32(e.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(8, 8);
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(data.length, 18);
    local.writeUInt32LE(e.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(data.length, 20);
    central.writeUInt32LE(e.data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, data);
    centrals.push(central, name);
    offset += 30 + name.length + data.length;
  }
  const cd = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(cd.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, cd, end]);
}

let bomb: Buffer | undefined;
/** A 80 KB file that inflates to 80 MiB. */
function zipBomb(): Buffer {
  bomb ??= zipOf([{ name: 'xl/worksheets/sheet1.xml', data: Buffer.alloc(80 * 1024 * 1024, 0x20) }]);
  return bomb;
}

/** A JSON text with its first `{` opened by hostile keys. */
function withKeys(text: string, keys: string): string {
  const at = text.indexOf('{');
  return at < 0 ? text : `${text.slice(0, at + 1)}${keys},${text.slice(at + 1)}`;
}

/** Every number in the JSON text (outside strings, roughly) replaced by `n`. */
function everyNumber(text: string, n: string): string {
  return text.replace(/(:\s*)-?\d+(?:\.\d+)?(?:[eE][+-]?\d+)?(?=\s*[,}\]])/gu, `$1${n}`);
}

function deepJson(levels: number): string {
  return `{"a":${'['.repeat(levels)}${']'.repeat(levels)}}`;
}

/** The named hostile variants of `seed` for a file of `form`. */
export function namedVariants(seed: Buffer, form: FileForm): Variant[] {
  const text = seed.toString('utf8');
  const v: Variant[] = [
    { name: 'empty', bytes: Buffer.alloc(0) },
    { name: 'one NUL byte', bytes: Buffer.from([0]) },
    { name: 'NUL bytes inside', bytes: Buffer.concat([seed.subarray(0, seed.length >> 1), Buffer.alloc(64), seed.subarray(seed.length >> 1)]) },
    { name: 'all NUL, same length', bytes: Buffer.alloc(seed.length) },
    { name: 'random bytes', bytes: Buffer.from(Array.from({ length: 4096 }, (_, i) => (i * 2654435761) >>> 24)) },
    { name: 'half the file', bytes: seed.subarray(0, seed.length >> 1) },
    { name: 'last byte missing', bytes: seed.subarray(0, seed.length - 1) },
  ];
  if (form === 'xlsx' || form === 'binary') {
    v.push(
      { name: 'a zip of something else', bytes: zipOf([{ name: 'readme.txt', data: utf8('không phải bảng tính') }]) },
      { name: 'a zip holding [Content_Types].xml only', bytes: zipOf([{ name: '[Content_Types].xml', data: utf8('<?xml version="1.0"?><Types/>') }]) },
      { name: 'a workbook part that is not XML', bytes: zipOf([{ name: '[Content_Types].xml', data: utf8('<x') }, { name: 'xl/workbook.xml', data: utf8('<<<') }]) },
      { name: 'an empty zip', bytes: zipOf([]) },
      { name: 'a zip bomb', bytes: zipBomb() },
      { name: 'JSON named .xlsx', bytes: utf8('{"a":1}') },
    );
    return v;
  }
  v.push(
    { name: 'UTF-16LE with BOM', bytes: Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]) },
    { name: 'UTF-16BE with BOM', bytes: Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(text, 'utf16le').swap16()]) },
    { name: 'UTF-8 BOM twice', bytes: utf8(`\uFEFF\uFEFF${text}`) },
    { name: 'Windows-1258 bytes (invalid UTF-8)', bytes: Buffer.from(text.replace(/[^\p{ASCII}]/gu, '\u00e0'), 'latin1') },
    { name: 'NFD text', bytes: utf8(text.normalize('NFD')) },
    { name: 'RTL override and zero-width characters', bytes: utf8(text.replace(/"([^"\\]{3,})"/u, '"\u202e$1\u200b"')) },
  );
  if (form === 'json') {
    v.push(
      { name: 'deeply nested', bytes: utf8(deepJson(100_000)) },
      { name: 'numbers 1e309', bytes: utf8(everyNumber(text, '1e309')) },
      { name: 'numbers -0', bytes: utf8(everyNumber(text, '-0')) },
      { name: 'numbers 2^53+1', bytes: utf8(everyNumber(text, '9007199254740993')) },
      { name: 'numbers as strings', bytes: utf8(everyNumber(text, '"1"')) },
      { name: '__proto__ and constructor keys', bytes: utf8(withKeys(text, '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}')) },
      { name: 'duplicate keys', bytes: utf8(withKeys(text, '"format":"x","format":"y"')) },
      { name: 'a JSON array', bytes: utf8('[]') },
      { name: 'a JSON string', bytes: utf8('"x"') },
      { name: 'null', bytes: utf8('null') },
      { name: 'a JSON number', bytes: utf8('1e309') },
      { name: 'an empty object', bytes: utf8('{}') },
      { name: 'trailing garbage', bytes: utf8(`${text}}}}`) },
      { name: 'lone surrogate escape', bytes: utf8(text.replace(/"([^"\\]{3,})"/u, '"\\ud800$1"')) },
      { name: 'every string 100 KB', bytes: utf8(text.replace(/"([^"\\]{1,40})"(?=\s*[,}\]])/gu, () => `"${'x'.repeat(100_000)}"`).slice(0, 7 * 1024 * 1024)) },
    );
  }
  if (form === 'csv') {
    const lines = text.split(/\r?\n/u);
    const header = lines[0] ?? '';
    const row = lines[1] ?? '';
    const cells = row.split(',');
    v.push(
      { name: 'formula injection in every cell', bytes: utf8([header, cells.map(() => '=cmd|\' /C calc\'!A0').join(','), cells.map((c, i) => (i === 0 ? c : '"@SUM(1+1)*cmd|\'/C calc\'!A0"')).join(',')].join('\r\n')) },
      { name: 'embedded quotes and newlines', bytes: utf8([header, cells.map((c) => `"${c}""\r\n""x"`).join(',')].join('\r\n')) },
      { name: 'an unclosed quote', bytes: utf8([header, `"${row}`].join('\r\n')) },
      { name: 'semicolons instead of commas', bytes: utf8(text.replace(/,/gu, ';')) },
      { name: 'tabs instead of commas', bytes: utf8(text.replace(/,/gu, '\t')) },
      { name: 'header only', bytes: utf8(header) },
      { name: '10,000 columns', bytes: utf8([header, Array.from({ length: 10_000 }, () => 'x').join(',')].join('\r\n')) },
      { name: 'a 1 MB cell', bytes: utf8([header, `${'x'.repeat(1024 * 1024)},${row}`].join('\r\n')) },
      { name: '__proto__ header', bytes: utf8([`__proto__,constructor,${header}`, `x,y,${row}`].join('\r\n')) },
      { name: 'numbers 1e309 and -0', bytes: utf8([header, cells.map((c, i) => (i === 0 ? c : i % 2 ? '1e309' : '-0')).join(',')].join('\r\n')) },
      { name: 'CR line ends only', bytes: utf8(text.replace(/\r?\n/gu, '\r')) },
    );
  }
  return v;
}

/** `count` random damages of `seed` (truncations and flipped bytes), the same on every run. */
export function randomVariants(seed: Buffer, count: number, rngSeed: number): Variant[] {
  const damage = fc.oneof(
    fc.nat({ max: Math.max(0, seed.length - 1) }).map((at) => ({ name: `truncated at ${at}`, bytes: seed.subarray(0, at) })),
    fc.array(fc.tuple(fc.nat({ max: Math.max(0, seed.length - 1) }), fc.integer({ min: 1, max: 255 })), { minLength: 1, maxLength: 8 }).map((flips) => {
      const bytes = Buffer.from(seed);
      for (const [at, x] of flips) bytes[at] = (bytes[at] ?? 0) ^ x;
      return { name: `flipped ${flips.map(([at, x]) => `${at}^${x}`).join(' ')}`, bytes };
    }),
  );
  return fc.sample(damage, { numRuns: count, seed: rngSeed });
}
