/**
 * Which vault holds this installation's key, and where. The key file sits beside the database and
 * is named after it (`chiso.sqlite` → `chiso.signing-key.json`), so two databases in one folder
 * (a commune and a reviewing unit on a test PC) never share a key. Its `kind` says how it is
 * protected: OS secret storage (ProtectedKeyVault) or a passphrase (FileKeyVault).
 */
import { existsSync } from 'node:fs';
import { readOwnText } from '../files/own-file';
import { basename, dirname, extname, join } from 'node:path';
import { AppError } from '../../../shared/errors';
import { fromBase64Url } from '../../../shared/package/base64url';
import { FileKeyVault, ProtectedKeyVault, type KeyVault, type SecretProtector } from './key-vault';
import type { ScryptParams } from './sealed-key';

export type KeyProtection = 'os' | 'passphrase';

export interface KeyStatus {
  keyId: string;
  fingerprint: string;
  /** Raw public key, base64url. */
  publicKey: string;
  protection: KeyProtection;
  createdAt: string;
}

export interface KeyStoreOptions {
  /** The OS secret storage, where the platform offers a real one (electron/main/secret-protector.ts). */
  protector?: SecretProtector | undefined;
  /** Tests only: cheaper scrypt. */
  scrypt?: ScryptParams;
  now?: () => Date;
}

export function keyPathFor(dbPath: string): string {
  const ext = extname(dbPath);
  return join(dirname(dbPath), `${basename(dbPath, ext)}.signing-key.json`);
}

/**
 * Where a key rotation keeps the new key until the reviewing unit has approved it (after its paper
 * check): beside the current key file, never used to sign packages before then.
 */
export function pendingKeyPathFor(keyPath: string): string {
  return keyPath.endsWith('.json') ? `${keyPath.slice(0, -'.json'.length)}.pending.json` : `${keyPath}.pending`;
}

function readHead(path: string): { kind: string; keyId: string; fingerprint: string; publicKey: string; createdAt: string } | null {
  if (!existsSync(path)) return null;
  try {
    const doc = JSON.parse(readOwnText(path, 64 * 1024)) as Record<string, unknown>;
    const { kind, keyId, fingerprint, publicKey, createdAt } = doc;
    if ([kind, keyId, fingerprint, publicKey, createdAt].every((v) => typeof v === 'string') && fromBase64Url(publicKey as string)?.length === 32) {
      return { kind: kind as string, keyId: keyId as string, fingerprint: fingerprint as string, publicKey: publicKey as string, createdAt: createdAt as string };
    }
  } catch {
    // fall through
  }
  throw new AppError('KEY_FILE_INVALID', 'Tệp khóa ký bị hỏng.', { path });
}

export class KeyStore {
  constructor(
    readonly path: string,
    private readonly options: KeyStoreOptions = {},
  ) {}

  /** Whether a new key would go to the OS secret storage (no passphrase needed). */
  osStorageAvailable(): boolean {
    return this.options.protector?.available() === true;
  }

  status(): KeyStatus | null {
    const head = readHead(this.path);
    if (!head) return null;
    const protection: KeyProtection = head.kind === 'chiso-cchc/protected-key' ? 'os' : 'passphrase';
    return { keyId: head.keyId, fingerprint: head.fingerprint, publicKey: head.publicKey, protection, createdAt: head.createdAt };
  }

  /** The new key of a rotation waiting for approval, in the same kind of store. */
  pending(): KeyStore {
    return new KeyStore(pendingKeyPathFor(this.path), this.options);
  }

  /** The vault of the existing key file. */
  vault(): KeyVault {
    const s = this.status();
    if (!s) throw new AppError('KEY_MISSING', 'Máy này chưa có khóa ký.');
    return s.protection === 'os' ? this.protectedVault() : this.fileVault();
  }

  /**
   * The vault a new key goes to: OS secret storage when it is real and no passphrase was chosen;
   * otherwise the passphrase file (which refuses an empty passphrase: never an unprotected key).
   */
  vaultForNewKey(passphrase: string | undefined): KeyVault {
    return this.osStorageAvailable() && !passphrase ? this.protectedVault() : this.fileVault();
  }

  private protectedVault(): KeyVault {
    const protector = this.options.protector;
    if (!protector) throw new AppError('SECURE_STORAGE_UNAVAILABLE', 'Kho bí mật của hệ điều hành không dùng được ở đây.');
    return new ProtectedKeyVault(this.path, protector, this.options.now ? { now: this.options.now } : {});
  }
  private fileVault(): KeyVault {
    return new FileKeyVault(this.path, { ...(this.options.now ? { now: this.options.now } : {}), ...(this.options.scrypt ? { scrypt: this.options.scrypt } : {}) });
  }
}
