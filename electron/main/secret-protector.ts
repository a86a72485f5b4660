import { safeStorage } from 'electron';
import type { SecretProtector } from '../app/ports';

/**
 * Electron safeStorage as the key vault's SecretProtector: DPAPI on Windows, Keychain on macOS,
 * libsecret/KWallet on Linux. On Linux without a keyring Electron falls back to 'basic_text', a
 * hard-coded password: that is obfuscation, not protection, so it counts as "not available" and
 * the key is protected by a passphrase instead.
 */
export function safeStorageProtector(platform: NodeJS.Platform = process.platform): SecretProtector {
  return {
    available() {
      if (!safeStorage.isEncryptionAvailable()) return false;
      if (platform === 'linux') {
        const backend = safeStorage.getSelectedStorageBackend();
        return backend !== 'basic_text' && backend !== 'unknown';
      }
      return true;
    },
    encrypt: (plain) => new Uint8Array(safeStorage.encryptString(Buffer.from(plain).toString('base64'))),
    decrypt: (sealed) => new Uint8Array(Buffer.from(safeStorage.decryptString(Buffer.from(sealed)), 'base64')),
  };
}
