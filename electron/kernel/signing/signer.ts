/** A key able to sign, as the package signer sees it: no way to reach the private key from here. */
import type { KeyObject } from 'node:crypto';
import { fingerprintOf, keyIdOf, rawPublicKeyOf, sign } from './ed25519';

export interface Signer {
  readonly keyId: string;
  /** Raw 32-byte Ed25519 public key. */
  readonly publicKey: Uint8Array;
  sign(bytes: Uint8Array): Uint8Array;
}

/** An unlocked private key. Only the vault and the backup module hand these out. */
export class UnlockedKey implements Signer {
  readonly keyId: string;
  readonly publicKey: Uint8Array;
  readonly fingerprint: string;
  readonly #privateKey: KeyObject;
  constructor(privateKey: KeyObject) {
    this.#privateKey = privateKey;
    this.publicKey = rawPublicKeyOf(privateKey);
    this.keyId = keyIdOf(this.publicKey);
    this.fingerprint = fingerprintOf(this.publicKey);
  }
  sign(bytes: Uint8Array): Uint8Array {
    return sign(this.#privateKey, bytes);
  }
  /** For key-backup.ts only. */
  privateKeyObject(): KeyObject {
    return this.#privateKey;
  }
}
