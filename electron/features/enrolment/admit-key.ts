import { AppError } from '../../../shared/errors';
import { fromBase64Url } from '../../../shared/package/base64url';
import { assertStrongPublicKey } from '../../kernel/signing/ed25519';

/**
 * The registry's door: every key written to enrolled_keys passes the full check here (cached: the
 * request or rotation that brought it was checked moments before). The registry resolver hands its
 * keys back as vetted on the strength of this (package-signer.ts, ResolvedKey.vetted).
 */
export function admitKey(publicKeyBase64Url: string): void {
  const raw = fromBase64Url(publicKeyBase64Url);
  if (!raw) throw new AppError('KEY_WEAK', 'Khóa công khai không hợp lệ (sai định dạng), không được đăng ký.', { reason: 'encoding' });
  assertStrongPublicKey(raw);
}
