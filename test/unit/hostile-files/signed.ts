/**
 * Hostile payloads signed with the key the reader trusts: the signature passes, so the payload
 * rules, the binding to this commune/year/revision and the revision rules are what must refuse
 * them. From the payload of a valid file, every field (arrays explored at their first element)
 * gets a value of the wrong type, a number out of range (-1, 0, 2^53-1), an empty, 100 KB, NFD,
 * control-character or bidi string, an unknown key beside it, or goes missing; plus the whole
 * payload in NFD, and each reader's own variants (another commune, another year, an older or
 * unknown revision, a duplicated item…) with the refusal code each must end in.
 */
import type { PackageType } from '../../../shared/package/canonical';
import { FORMAT_NAME, FORMAT_VERSION, verificationBytes } from '../../../shared/package/canonical';
import { toBase64Url } from '../../../shared/package/base64url';
import { serializeEnvelope } from '../../../electron/kernel/signing/package-signer';
import type { Signer } from '../../../electron/kernel/signing/signer';
import type { Variant } from './mutations';

export type Json = null | boolean | number | string | Json[] | { [k: string]: Json };
type Path = (string | number)[];

/** A signed variant of the reader's own, and the refusal code it must end in (null: taken). */
export interface SignedCase {
  name: string;
  change: (payload: Record<string, Json>) => void;
  code: string | null;
}

export interface ExpectedVariant extends Variant {
  code?: string | null;
}

/** The file text of `payload` signed by `signer` as a package of `type`, whatever the payload holds. */
export function resign(type: PackageType, payload: Json, signer: Signer): Buffer {
  const sig = toBase64Url(signer.sign(verificationBytes(type, payload)));
  return Buffer.from(serializeEnvelope({ format: FORMAT_NAME[type], formatVersion: FORMAT_VERSION, payload: payload as Record<string, unknown>, signatures: [{ alg: 'Ed25519', keyId: signer.keyId, sig }] }), 'utf8');
}

export function payloadOf(seed: Buffer): Record<string, Json> {
  return (JSON.parse(seed.toString('utf8')) as { payload: Record<string, Json> }).payload;
}

const clone = <T>(v: T): T => structuredClone(v);

/** Every path to a value, arrays explored at their first element only (the rest repeat it). */
function paths(v: Json, at: Path = []): Path[] {
  const out: Path[] = at.length ? [at] : [];
  if (Array.isArray(v)) {
    if (v.length) out.push(...paths(v[0]!, [...at, 0]));
  } else if (v !== null && typeof v === 'object') for (const k of Object.keys(v)) out.push(...paths(v[k]!, [...at, k]));
  return out;
}

function get(root: Json, path: Path): Json {
  let v = root;
  for (const k of path) v = (v as Record<string | number, Json>)[k]!;
  return v;
}

function set(root: Json, path: Path, value: Json | undefined): void {
  const parent = get(root, path.slice(0, -1)) as Record<string | number, Json>;
  const key = path.at(-1)!;
  if (value === undefined) {
    if (Array.isArray(parent)) parent.splice(Number(key), 1);
    else delete parent[key];
  } else parent[key] = value;
}

function nfdAll(v: Json): Json {
  if (typeof v === 'string') return v.normalize('NFD');
  if (Array.isArray(v)) return v.map(nfdAll);
  if (v !== null && typeof v === 'object') return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, nfdAll(x)]));
  return v;
}

/** The values a field of this kind must not take. */
function hostileValues(v: Json): [string, Json][] {
  const wrongType: Json = typeof v === 'string' ? 1 : typeof v === 'number' ? '1' : typeof v === 'boolean' ? 'true' : Array.isArray(v) ? {} : v === null ? 0 : [];
  const out: [string, Json][] = [['wrong type', wrongType]];
  // A fraction or a number past 2^53 never reaches the payload rules: the strict parser refuses it
  // (NOT_JSON) before the signature; cases.ts keeps one of each, not one per field.
  if (typeof v === 'number') out.push(['-1', -1], ['0', 0], ['2^53-1', Number.MAX_SAFE_INTEGER]);
  if (typeof v === 'string') {
    out.push(['empty', ''], ['100 KB', 'x'.repeat(100_000)], ['a NUL and a line break', `${v}\u0000\n`], ['RTL override', `\u202e${v}`]);
    if (v.normalize('NFD') !== v) out.push(['NFD', v.normalize('NFD')]);
  }
  if (v === null) out.push(['a string for null', 'x']);
  return out;
}

/** The generic signed variants of `payload` and the reader's own cases, each re-signed by `signer`. */
export function signedVariants(type: PackageType, payload: Record<string, Json>, signer: Signer, cases: SignedCase[]): ExpectedVariant[] {
  const out: ExpectedVariant[] = [];
  const add = (name: string, p: Json, code?: string | null) => out.push({ name: `signed: ${name}`, bytes: resign(type, p, signer), ...(code !== undefined ? { code } : {}) });
  add('unchanged', payload, null);
  add('every string NFD', nfdAll(payload));
  for (const path of paths(payload)) {
    const where = path.join('.');
    const value = get(payload, path);
    for (const [what, bad] of hostileValues(value)) {
      const p = clone(payload);
      set(p, path, bad);
      add(`${where} ${what}`, p);
    }
    const p = clone(payload);
    set(p, path, undefined);
    add(`${where} missing`, p);
    if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
      const q = clone(payload);
      (get(q, path) as Record<string, Json>)['extra'] = 1;
      add(`${where} with an unknown key`, q);
    }
  }
  const q = clone(payload);
  q['extra'] = 1;
  add('an unknown key at the top', q);
  for (const c of cases) {
    const p = clone(payload);
    c.change(p);
    add(c.name, p, c.code);
  }
  return out;
}
