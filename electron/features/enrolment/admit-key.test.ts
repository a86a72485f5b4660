import { afterEach, describe, expect, it } from 'vitest';
import { toBase64Url } from '../../../shared/package/base64url';
import { freshStore, type TestStore } from '../../../test/helpers/context';
import { testKey } from '../../../test/fixtures/test-keys';
import { mixedOrder, WEAK_KEYS } from '../../../test/fixtures/weak-keys';
import { insertEnrolledKey } from './enrolment-repo';
import { registryResolver } from './reviewer-enrolment';

let store: TestStore;
afterEach(() => store.cleanup());

const row = (publicKey: string, keyId = 'K1') => ({
  keyId, communeCode: '26734', communeName: 'Xã Bình Đào', publicKey, fingerprint: 'F', validFrom: '2026-01-01', requestId: 'R', requestSha256: 'a'.repeat(64), approvedAt: '2026-01-01T00:00:00.000Z',
});

describe('the registry\'s door (admitKey)', () => {
  it.each([...WEAK_KEYS, ['a genuine key with a torsion component', mixedOrder(testKey('commune').publicKey)] as [string, Uint8Array]])('refuses "%s" as KEY_WEAK and writes nothing', (_name, weak) => {
    store = freshStore();
    expect(() => insertEnrolledKey(store.db, row(toBase64Url(weak)))).toThrowError(expect.objectContaining({ code: 'KEY_WEAK' }) as Error);
    expect(store.db.prepare('SELECT count(*) AS n FROM enrolled_keys').get()).toEqual({ n: 0 });
  });

  it('a key let in is vetted, and the resolver hands it back so', () => {
    store = freshStore();
    const key = testKey('commune');
    insertEnrolledKey(store.db, row(toBase64Url(key.publicKey), key.keyId));
    expect(registryResolver(store.ctx)(key.keyId)).toMatchObject({ vetted: true, status: 'active', communeCode: '26734' });
    store.db.prepare('UPDATE enrolled_keys SET vetted = 0').run(); // a row migration 013 could not vouch for
    expect(registryResolver(store.ctx)(key.keyId)).toMatchObject({ vetted: false });
  });
});
