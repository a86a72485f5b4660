import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = { available: true, backend: 'gnome_libsecret' };
vi.mock('electron', () => ({
  safeStorage: {
    isEncryptionAvailable: () => state.available,
    getSelectedStorageBackend: () => state.backend,
    encryptString: (s: string) => Buffer.from(`sealed:${s}`),
    decryptString: (b: Buffer) => b.toString().slice('sealed:'.length),
  },
}));

const { safeStorageProtector } = await import('./secret-protector');

describe('safeStorage as the key protector', () => {
  beforeEach(() => {
    state.available = true;
    state.backend = 'gnome_libsecret';
  });
  it('counts a real keyring as available and round-trips bytes', () => {
    const p = safeStorageProtector('linux');
    expect(p.available()).toBe(true);
    const bytes = Uint8Array.from([0, 1, 2, 250, 255]);
    expect([...p.decrypt(p.encrypt(bytes))]).toEqual([...bytes]);
  });
  it("refuses Linux's basic_text fallback (a hard-coded password) as not real", () => {
    state.backend = 'basic_text';
    expect(safeStorageProtector('linux').available()).toBe(false);
    expect(safeStorageProtector('win32').available()).toBe(true);
  });
  it('is unavailable when Electron says so', () => {
    state.available = false;
    expect(safeStorageProtector('win32').available()).toBe(false);
  });
});
