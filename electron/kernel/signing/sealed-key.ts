/**
 * Passphrase encryption of a PKCS#8 private key: scrypt + AES-256-GCM, in a small self-describing
 * JSON document. Used by the key file (FileKeyVault) and by backups (key-backup.ts).
 *
 * Why not Node's encrypted PEM (`export({type:'pkcs8', cipher:'aes-256-cbc', passphrase})`)?
 * Checked on Node 20 / OpenSSL 3: it writes PBES2 with PBKDF2-HMAC-SHA256 at 2,048 iterations
 * (not scrypt, and Node has no option to change either). A key file or backup can leave the
 * machine on a USB stick; 2,048 PBKDF2 rounds let an attacker test passphrases by the million per
 * second. scrypt N=2^17, r=8 (128 MiB) is what OWASP recommends today and takes a fraction of a
 * second on an office PC. The DER inside is still standard PKCS#8.
 *
 * The header (everything but the ciphertext) is the AES-GCM additional data, so the public key and
 * parameters shown before decryption cannot be swapped without the passphrase failing.
 */
import { createCipheriv, createDecipheriv, randomBytes, scrypt } from 'node:crypto';
import { z } from 'zod';
import { canonicalJson } from '../../../shared/package/canonical';
import { fromBase64Url, toBase64Url } from '../../../shared/package/base64url';
import { fingerprintSchema, keyIdSchema, publicKeySchema } from '../../../shared/package/envelope';
import { AppError } from '../../../shared/errors';
import { assertStrongPublicKey, fingerprintOf, keyIdOf, pkcs8Of, privateKeyFromPkcs8, rawPublicKeyOf } from './ed25519';
import type { KeyObject } from 'node:crypto';

export interface ScryptParams {
  N: number;
  r: number;
  p: number;
}
export const DEFAULT_SCRYPT: ScryptParams = { N: 2 ** 17, r: 8, p: 1 };
/** Refuse files asking for more than this: a crafted file must not make us allocate gigabytes. */
const MAX_SCRYPT_MEMORY = 512 * 1024 * 1024;

const b64u = z.string().regex(/^[A-Za-z0-9_-]+$/);
export const sealedKeySchema = z.strictObject({
  kind: z.enum(['chiso-cchc/private-key', 'chiso-cchc/key-backup']),
  version: z.literal(1),
  alg: z.literal('Ed25519'),
  publicKey: publicKeySchema,
  keyId: keyIdSchema,
  fingerprint: fingerprintSchema,
  createdAt: z.string(),
  kdf: z.strictObject({
    name: z.literal('scrypt'),
    N: z.number().int().min(2 ** 10).max(2 ** 20),
    r: z.number().int().min(1).max(32),
    p: z.number().int().min(1).max(16),
    salt: b64u,
  }),
  cipher: z.strictObject({ name: z.literal('aes-256-gcm'), iv: b64u }),
  ciphertext: b64u,
  tag: b64u,
});
export type SealedKey = z.infer<typeof sealedKeySchema>;
export type SealedKind = SealedKey['kind'];

function deriveKey(passphrase: string, salt: Uint8Array, { N, r, p }: ScryptParams): Promise<Buffer> {
  const maxmem = 128 * N * r * p + 1024 * 1024;
  if (maxmem > MAX_SCRYPT_MEMORY) throw new AppError('KEY_FILE_INVALID', 'scrypt parameters too large.');
  // NFC: the same passphrase typed with a different Vietnamese input method must still work.
  return new Promise((resolve, reject) => {
    scrypt(passphrase.normalize('NFC'), salt, 32, { N, r, p, maxmem }, (err, key) => (err ? reject(err) : resolve(key)));
  });
}

function header(doc: Omit<SealedKey, 'ciphertext' | 'tag'>): Uint8Array {
  return new TextEncoder().encode(canonicalJson(doc));
}

export function requirePassphrase(passphrase: string | undefined): string {
  if (passphrase === undefined || passphrase.length === 0) {
    throw new AppError('PASSPHRASE_REQUIRED', 'Cần nhập mật khẩu bảo vệ khóa ký để tiếp tục.');
  }
  return passphrase;
}

export async function sealPrivateKey(
  privateKey: KeyObject,
  passphrase: string | undefined,
  opts: { kind: SealedKind; createdAt: string; scrypt?: ScryptParams },
): Promise<SealedKey> {
  const pass = requirePassphrase(passphrase);
  const params = opts.scrypt ?? DEFAULT_SCRYPT;
  const raw = rawPublicKeyOf(privateKey);
  const salt = randomBytes(16);
  const iv = randomBytes(12);
  const head: Omit<SealedKey, 'ciphertext' | 'tag'> = {
    kind: opts.kind,
    version: 1,
    alg: 'Ed25519',
    publicKey: toBase64Url(raw),
    keyId: keyIdOf(raw),
    fingerprint: fingerprintOf(raw),
    createdAt: opts.createdAt,
    kdf: { name: 'scrypt', ...params, salt: toBase64Url(salt) },
    cipher: { name: 'aes-256-gcm', iv: toBase64Url(iv) },
  };
  const key = await deriveKey(pass, salt, params);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(header(head));
  const ciphertext = Buffer.concat([cipher.update(pkcs8Of(privateKey)), cipher.final()]);
  return { ...head, ciphertext: toBase64Url(ciphertext), tag: toBase64Url(cipher.getAuthTag()) };
}

/** Parses and checks a sealed-key document (not the passphrase). */
export function parseSealedKey(text: string, kind: SealedKind): SealedKey {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new AppError('KEY_FILE_INVALID', 'Tệp khóa bị hỏng (không đọc được).');
  }
  const r = sealedKeySchema.safeParse(json);
  if (!r.success || r.data.kind !== kind) {
    throw new AppError('KEY_FILE_INVALID', kind === 'chiso-cchc/key-backup' ? 'Tệp này không phải bản sao lưu khóa ký.' : 'Tệp khóa ký không đúng định dạng.');
  }
  // What a person is shown before the passphrase (key id, fingerprint) must be the key's own, and
  // the key a sound one: a weak key in a backup header is refused before anything else.
  const raw = fromBase64Url(r.data.publicKey)!;
  assertStrongPublicKey(raw);
  if (keyIdOf(raw) !== r.data.keyId || fingerprintOf(raw) !== r.data.fingerprint) {
    throw new AppError('KEY_FILE_INVALID', 'Mã khóa hoặc dấu vân tay ghi trên tệp không khớp với khóa công khai của tệp.');
  }
  return r.data;
}

function bytes(field: string, text: string): Uint8Array {
  const b = fromBase64Url(text);
  if (!b) throw new AppError('KEY_FILE_INVALID', `Tệp khóa bị hỏng (trường ${field}).`);
  return b;
}

/**
 * Decrypts a sealed key. A wrong passphrase and a tampered file look the same to AES-GCM; both
 * give PASSPHRASE_WRONG, whose message mentions both.
 */
export async function openSealedKey(doc: SealedKey, passphrase: string | undefined): Promise<KeyObject> {
  const pass = requirePassphrase(passphrase);
  const { ciphertext, tag, ...head } = doc;
  const key = await deriveKey(pass, bytes('salt', doc.kdf.salt), doc.kdf);
  let der: Buffer;
  try {
    const decipher = createDecipheriv('aes-256-gcm', key, bytes('iv', doc.cipher.iv));
    decipher.setAAD(header(head));
    decipher.setAuthTag(bytes('tag', tag));
    der = Buffer.concat([decipher.update(bytes('ciphertext', ciphertext)), decipher.final()]);
  } catch {
    throw new AppError('PASSPHRASE_WRONG', 'Mật khẩu không đúng (hoặc tệp khóa đã bị sửa). Hãy nhập lại mật khẩu; chú ý chữ hoa, chữ thường và bộ gõ tiếng Việt.');
  }
  const privateKey = privateKeyFromPkcs8(der);
  if (keyIdOf(rawPublicKeyOf(privateKey)) !== doc.keyId) {
    throw new AppError('KEY_FILE_INVALID', 'Khóa trong tệp không khớp với khóa công khai ghi trên tệp.');
  }
  return privateKey;
}
