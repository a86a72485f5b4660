/**
 * Ed25519 with Node's built-in crypto (no native add-on, no npm package). Keys cross module
 * boundaries as raw 32-byte public keys; private keys stay KeyObjects inside this folder.
 */
import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign as nodeSign, verify as nodeVerify, type KeyObject } from 'node:crypto';
import { groupsOfFour, toCrockfordBase32 } from '../../../shared/package/base32';
import { AppError } from '../../../shared/errors';
import { encodingProblem, publicKeyProblem, signatureProblem, type PublicKeyProblem } from './ed25519-point';

// DER headers of Ed25519 keys (RFC 8410): SubjectPublicKeyInfo and a PKCS#8 v1 wrapping a seed.
const SPKI_PREFIX = Uint8Array.from([0x30, 0x2a, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x03, 0x21, 0x00]);
const PKCS8_PREFIX = Uint8Array.from([0x30, 0x2e, 0x02, 0x01, 0x00, 0x30, 0x05, 0x06, 0x03, 0x2b, 0x65, 0x70, 0x04, 0x22, 0x04, 0x20]);

export function sha256(bytes: Uint8Array): Uint8Array {
  return new Uint8Array(createHash('sha256').update(bytes).digest());
}

export function sha256Hex(bytes: Uint8Array): string {
  return createHash('sha256').update(bytes).digest('hex');
}

export function generateKeyPair(): { privateKey: KeyObject; publicKey: Uint8Array } {
  const { privateKey } = generateKeyPairSync('ed25519');
  return { privateKey, publicKey: rawPublicKeyOf(privateKey) };
}

/** A private key from its 32-byte RFC 8032 seed ("secret key"). For vectors and test keys. */
export function privateKeyFromSeed(seed: Uint8Array): KeyObject {
  if (seed.length !== 32) throw new AppError('INVALID_INPUT', 'An Ed25519 seed is 32 bytes.');
  const der = new Uint8Array(PKCS8_PREFIX.length + 32);
  der.set(PKCS8_PREFIX);
  der.set(seed, PKCS8_PREFIX.length);
  return createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
}

export function privateKeyFromPkcs8(der: Uint8Array): KeyObject {
  const key = createPrivateKey({ key: Buffer.from(der), format: 'der', type: 'pkcs8' });
  if (key.asymmetricKeyType !== 'ed25519') throw new AppError('KEY_FILE_INVALID', 'The key is not an Ed25519 key.');
  return key;
}

export function pkcs8Of(privateKey: KeyObject): Uint8Array {
  return new Uint8Array(privateKey.export({ format: 'der', type: 'pkcs8' }));
}

/** The raw 32-byte public key of an Ed25519 private or public KeyObject. */
export function rawPublicKeyOf(key: KeyObject): Uint8Array {
  const pub = key.type === 'private' ? createPublicKey(key) : key;
  if (pub.asymmetricKeyType !== 'ed25519') throw new AppError('INVALID_INPUT', 'Not an Ed25519 key.');
  const der = new Uint8Array(pub.export({ format: 'der', type: 'spki' }));
  return der.slice(SPKI_PREFIX.length);
}

export function publicKeyFromRaw(raw: Uint8Array): KeyObject {
  if (raw.length !== 32) throw new AppError('INVALID_INPUT', 'An Ed25519 public key is 32 bytes.');
  const der = new Uint8Array(SPKI_PREFIX.length + 32);
  der.set(SPKI_PREFIX);
  der.set(raw, SPKI_PREFIX.length);
  return createPublicKey({ key: Buffer.from(der), format: 'der', type: 'spki' });
}

export function sign(privateKey: KeyObject, bytes: Uint8Array): Uint8Array {
  return new Uint8Array(nodeSign(null, bytes, privateKey));
}

// Importing a key costs about as much as verifying a small package, and checking that a key is
// sound (ed25519-point.ts) costs more; a reviewing unit checks many packages from few keys. Both
// answers depend only on the 32 raw bytes: the full check's verdict, and the KeyObject
// (immutable), kept apart so a key imported on the word of a registry (vetted, below) is never
// taken for one that passed the full check here.
const KEY_CACHE_LIMIT = 1024;
const verdicts = new Map<string, PublicKeyProblem | null>();
const keyObjects = new Map<string, KeyObject>();

/** Empties both caches: for a benchmark that must measure keys never seen before (test/bench). */
export function forgetKeyCache(): void {
  verdicts.clear();
  keyObjects.clear();
}

const hexOf = (raw: Uint8Array) => Buffer.from(raw.buffer, raw.byteOffset, raw.byteLength).toString('hex');

function remember<V>(cache: Map<string, V>, id: string, value: V): V {
  if (cache.size >= KEY_CACHE_LIMIT) cache.clear();
  cache.set(id, value);
  return value;
}

/** Why a raw public key is refused (small order, not canonical, not on the curve…), or null. */
export function weakPublicKeyReason(raw: Uint8Array): PublicKeyProblem | null {
  if (raw.length !== 32) return 'length';
  const id = hexOf(raw);
  const known = verdicts.get(id);
  return known !== undefined ? known : remember(verdicts, id, publicKeyProblem(raw));
}

/** A key that may be trusted with anything: canonical, on the curve, in the prime-order subgroup. */
export function isStrongPublicKey(raw: Uint8Array): boolean {
  return weakPublicKeyReason(raw) === null;
}

/** Wherever a key enters (request, rotation, approval, backup): refuse a weak one with KEY_WEAK. */
export function assertStrongPublicKey(raw: Uint8Array): void {
  const reason = weakPublicKeyReason(raw);
  if (reason !== null) {
    throw new AppError('KEY_WEAK', 'Khóa công khai không hợp lệ (khóa yếu hoặc sai định dạng), không được dùng để ký hay đăng ký.', { reason });
  }
}

/**
 * Why a key is refused, as cheaply as its origin allows: a vetted key (one a registry admitted only
 * after assertStrongPublicKey, and hands back as such) has only its encoding checked again (length,
 * canonical, not of small order: byte comparisons); any other key, the full check.
 */
export function keyProblem(raw: Uint8Array, vetted = false): PublicKeyProblem | null {
  return vetted ? encodingProblem(raw) : weakPublicKeyReason(raw);
}

/**
 * False for a bad signature, a weak or malformed key, or a non-canonical signature (S ≥ L, or a
 * wrong length), the last two refused before OpenSSL sees them; never throws. `vetted`: see keyProblem.
 */
export function verify(rawPublicKey: Uint8Array, bytes: Uint8Array, signature: Uint8Array, vetted = false): boolean {
  if (signatureProblem(signature) !== null || keyProblem(rawPublicKey, vetted) !== null) return false;
  try {
    const id = hexOf(rawPublicKey);
    const key = keyObjects.get(id) ?? remember(keyObjects, id, publicKeyFromRaw(rawPublicKey));
    return nodeVerify(null, bytes, key, signature);
  } catch {
    return false;
  }
}

/**
 * Fingerprint: SHA-256 of the raw public key in Crockford base32 (52 characters), upper case, in
 * 13 groups of four: "7G3K-…". Crockford rather than hex because it is shorter to read aloud
 * (13 groups instead of 16) and has no I/L/O/U to confuse with 1 and 0.
 */
export function fingerprintOf(rawPublicKey: Uint8Array): string {
  return groupsOfFour(toCrockfordBase32(sha256(rawPublicKey)));
}

/**
 * Key id: the first 16 characters of the fingerprint without dashes (the first 80 bits of the
 * hash), so a person can see at a glance that a key id belongs to a fingerprint. It names a key;
 * it never proves one: verification always uses the full public key.
 */
export function keyIdOf(rawPublicKey: Uint8Array): string {
  return toCrockfordBase32(sha256(rawPublicKey)).slice(0, 16);
}
