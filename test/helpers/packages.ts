/**
 * The golden packages (TEST keys) as verifier inputs, with the resolver each type needs, for the
 * tests that tamper with real package bytes.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { KeyResolver } from '../../electron/kernel/signing/package-signer';
import type { PackageType } from '../../shared/package/canonical';
import { testKey } from '../fixtures/test-keys';

const root = new URL('../../', import.meta.url);

export interface GoldenCase {
  name: string;
  type: PackageType;
  text: string;
  resolveKey: KeyResolver;
}

const commune = testKey('commune');

/** The key the package names for itself, where it names one (reports, requests, the new key of a rotation). */
const selfSigned: KeyResolver = (_keyId, ctx) => (ctx.embeddedPublicKey ? { publicKey: ctx.embeddedPublicKey, status: 'active', kind: ctx.signerKind } : undefined);
/** A rotation: the old key is the registered commune key, the new one is the one it names. */
const rotationKeys: KeyResolver = (keyId, ctx) => (keyId === commune.keyId ? { publicKey: commune.publicKey, status: 'active', kind: 'commune' } : selfSigned(keyId, ctx));

export function goldenText(name: string): string {
  return readFileSync(fileURLToPath(new URL(`test/golden/${name}.json`, root)), 'utf8');
}

export const GOLDEN_CASES: readonly GoldenCase[] = [
  { name: 'commune-report', type: 'commune-report', text: goldenText('commune-report'), resolveKey: selfSigned },
  { name: 'enrolment-request', type: 'enrolment-request', text: goldenText('enrolment-request'), resolveKey: selfSigned },
  { name: 'key-rotation', type: 'key-rotation', text: goldenText('key-rotation'), resolveKey: rotationKeys },
];

/** The file text with `insert` placed right after the first occurrence of `after` (which must exist). */
export function insertAfter(text: string, after: string, insert: string): string {
  const at = text.indexOf(after);
  if (at < 0) throw new Error(`no "${after}" in the package`);
  return text.slice(0, at + after.length) + insert + text.slice(at + after.length);
}
