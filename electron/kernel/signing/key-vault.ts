/**
 * Where the commune's (or reviewing unit's) private signing key lives. The private key never
 * enters the database or a package: it sits in its own file next to the database (the caller
 * gives the path), encrypted either with a passphrase (FileKeyVault) or with the operating
 * system's secret storage through a SecretProtector (ProtectedKeyVault; in the app, Electron's
 * safeStorage: DPAPI on Windows, Keychain on macOS, libsecret on Linux).
 */
import { existsSync } from 'node:fs';
import { readOwnText } from '../files/own-file';
import { z } from 'zod';
import { AppError } from '../../../shared/errors';
import { fromBase64Url, toBase64Url } from '../../../shared/package/base64url';
import { fingerprintSchema, keyIdSchema, publicKeySchema } from '../../../shared/package/envelope';
import { assertStrongPublicKey, fingerprintOf, generateKeyPair, keyIdOf, pkcs8Of, privateKeyFromPkcs8, rawPublicKeyOf } from './ed25519';
import { openSealedKey, parseSealedKey, sealPrivateKey, type ScryptParams } from './sealed-key';
import { UnlockedKey } from './signer';
import { writeFileAtomic } from '../files/atomic-write';
import type { KeyObject } from 'node:crypto';

/**
 * The key file's write, through the app's one atomic write: never half-written, mode 0600 (the
 * file is only for the user running the app), and never replacing a key file already there.
 */
function writeKeyFile(path: string, text: string): void {
  if (existsSync(path)) throw new AppError('KEY_EXISTS', 'Tệp đã tồn tại; không ghi đè.', { path });
  writeFileAtomic(path, text, { mode: 0o600 });
}

export interface KeyInfo {
  keyId: string;
  /** Raw 32-byte public key. */
  publicKey: Uint8Array;
  fingerprint: string;
}

export interface UnlockOptions {
  passphrase?: string;
}

export interface KeyVault {
  has(): boolean;
  /** Public information, readable without unlocking. Throws KEY_MISSING when there is no key. */
  info(): KeyInfo;
  publicKey(): Uint8Array;
  /** Generates and stores a new key; refuses (KEY_EXISTS) to overwrite one. */
  create(opts?: UnlockOptions): Promise<KeyInfo>;
  /** Stores a given key (after restoring a backup); refuses to overwrite one. */
  store(privateKey: KeyObject, opts?: UnlockOptions): Promise<KeyInfo>;
  /** Decrypts the key for a batch of signatures; drop the result when done. */
  unlock(opts?: UnlockOptions): Promise<UnlockedKey>;
  sign(bytes: Uint8Array, opts?: UnlockOptions): Promise<Uint8Array>;
}

function missing(): AppError {
  return new AppError('KEY_MISSING', 'Máy này chưa có khóa ký. Hãy tạo khóa ký (hoặc khôi phục từ bản sao lưu) trong phần Thiết lập.');
}
function exists(path: string): AppError {
  return new AppError('KEY_EXISTS', 'Máy này đã có khóa ký; không ghi đè khóa cũ. Hãy dùng chức năng đổi khóa.', { path });
}
/** A sealed key file is under 2 KiB; anything far larger is not one. */
const KEY_FILE_MAX_BYTES = 64 * 1024;
function readText(path: string): string {
  try {
    return readOwnText(path, KEY_FILE_MAX_BYTES);
  } catch {
    throw missing();
  }
}

/** A passphrase-protected key file (scrypt + AES-256-GCM over PKCS#8, see sealed-key.ts). */
export class FileKeyVault implements KeyVault {
  constructor(
    private readonly path: string,
    private readonly options: { now?: () => Date; scrypt?: ScryptParams } = {},
  ) {}

  has(): boolean {
    return existsSync(this.path);
  }
  info(): KeyInfo {
    const doc = parseSealedKey(readText(this.path), 'chiso-cchc/private-key');
    return { keyId: doc.keyId, fingerprint: doc.fingerprint, publicKey: fromBase64Url(doc.publicKey)! };
  }
  publicKey(): Uint8Array {
    return this.info().publicKey;
  }
  async create(opts: UnlockOptions = {}): Promise<KeyInfo> {
    return this.store(generateKeyPair().privateKey, opts);
  }
  async store(privateKey: KeyObject, opts: UnlockOptions = {}): Promise<KeyInfo> {
    if (this.has()) throw exists(this.path);
    const doc = await sealPrivateKey(privateKey, opts.passphrase, {
      kind: 'chiso-cchc/private-key',
      createdAt: (this.options.now?.() ?? new Date()).toISOString(),
      ...(this.options.scrypt ? { scrypt: this.options.scrypt } : {}),
    });
    writeKeyFile(this.path, JSON.stringify(doc, null, 2) + '\n');
    return infoOf(privateKey);
  }
  async unlock(opts: UnlockOptions = {}): Promise<UnlockedKey> {
    const doc = parseSealedKey(readText(this.path), 'chiso-cchc/private-key');
    return new UnlockedKey(await openSealedKey(doc, opts.passphrase));
  }
  async sign(bytes: Uint8Array, opts?: UnlockOptions): Promise<Uint8Array> {
    return (await this.unlock(opts)).sign(bytes);
  }
}

/** What Electron's safeStorage offers, as the main process will adapt it. */
export interface SecretProtector {
  available(): boolean;
  encrypt(plain: Uint8Array): Uint8Array;
  decrypt(sealed: Uint8Array): Uint8Array;
}

const protectedKeySchema = z.strictObject({
  kind: z.literal('chiso-cchc/protected-key'),
  version: z.literal(1),
  alg: z.literal('Ed25519'),
  publicKey: publicKeySchema,
  keyId: keyIdSchema,
  fingerprint: fingerprintSchema,
  createdAt: z.string(),
  /** PKCS#8 DER encrypted by the SecretProtector, base64url. */
  protectedKey: z.string().regex(/^[A-Za-z0-9_-]+$/),
});

/**
 * A key protected by the OS account instead of a passphrase: convenient, but anyone logged in as
 * that user can sign. The passphrase, if given, is ignored. Only usable where `available()`.
 */
export class ProtectedKeyVault implements KeyVault {
  constructor(
    private readonly path: string,
    private readonly protector: SecretProtector,
    private readonly options: { now?: () => Date } = {},
  ) {}

  private requireProtector(): void {
    if (!this.protector.available()) {
      throw new AppError('SECURE_STORAGE_UNAVAILABLE', 'Kho bí mật của hệ điều hành không dùng được trên máy này. Hãy bảo vệ khóa ký bằng mật khẩu.');
    }
  }
  private read(): z.infer<typeof protectedKeySchema> {
    const text = readText(this.path);
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = undefined;
    }
    const r = protectedKeySchema.safeParse(json);
    if (!r.success) throw new AppError('KEY_FILE_INVALID', 'Tệp khóa ký không đúng định dạng.');
    const raw = fromBase64Url(r.data.publicKey)!;
    assertStrongPublicKey(raw);
    if (keyIdOf(raw) !== r.data.keyId || fingerprintOf(raw) !== r.data.fingerprint) throw new AppError('KEY_FILE_INVALID', 'Mã khóa hoặc dấu vân tay ghi trên tệp không khớp với khóa công khai của tệp.');
    return r.data;
  }
  has(): boolean {
    return existsSync(this.path);
  }
  info(): KeyInfo {
    const doc = this.read();
    return { keyId: doc.keyId, fingerprint: doc.fingerprint, publicKey: fromBase64Url(doc.publicKey)! };
  }
  publicKey(): Uint8Array {
    return this.info().publicKey;
  }
  async create(): Promise<KeyInfo> {
    return this.store(generateKeyPair().privateKey);
  }
  async store(privateKey: KeyObject): Promise<KeyInfo> {
    this.requireProtector();
    if (this.has()) throw exists(this.path);
    const info = infoOf(privateKey);
    const doc: z.infer<typeof protectedKeySchema> = {
      kind: 'chiso-cchc/protected-key',
      version: 1,
      alg: 'Ed25519',
      publicKey: toBase64Url(info.publicKey),
      keyId: info.keyId,
      fingerprint: info.fingerprint,
      createdAt: (this.options.now?.() ?? new Date()).toISOString(),
      protectedKey: toBase64Url(this.protector.encrypt(pkcs8Of(privateKey))),
    };
    writeKeyFile(this.path, JSON.stringify(doc, null, 2) + '\n');
    return info;
  }
  async unlock(): Promise<UnlockedKey> {
    this.requireProtector();
    const doc = this.read();
    let der: Uint8Array;
    try {
      der = this.protector.decrypt(fromBase64Url(doc.protectedKey) ?? new Uint8Array());
    } catch {
      throw new AppError('KEY_FILE_INVALID', 'Không giải mã được khóa ký bằng kho bí mật của hệ điều hành (khác tài khoản hoặc khác máy?). Hãy khôi phục khóa từ bản sao lưu.');
    }
    const key = new UnlockedKey(privateKeyFromPkcs8(der));
    if (key.keyId !== doc.keyId) throw new AppError('KEY_FILE_INVALID', 'Khóa trong tệp không khớp với khóa công khai ghi trên tệp.');
    return key;
  }
  async sign(bytes: Uint8Array): Promise<Uint8Array> {
    return (await this.unlock()).sign(bytes);
  }
}

function infoOf(privateKey: KeyObject): KeyInfo {
  const publicKey = rawPublicKeyOf(privateKey);
  return { publicKey, keyId: keyIdOf(publicKey), fingerprint: fingerprintOf(publicKey) };
}

