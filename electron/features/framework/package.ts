/**
 * The framework package (docs/package-format.md, `chiso-cchc/framework`): the reviewing unit signs
 * a framework with its key; a commune verifies it against the reviewing-unit key it pinned at
 * enrolment, then checks that the framework inside is valid, hashes to what the package says, and
 * is for its own province and year. Every refusal is an AppError with a sentence saying what to do.
 */
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import type { Framework } from '../../../shared/framework/schema';
import { parseFramework } from '../../../shared/framework/validate';
import { frameworkPackageSchema, type FrameworkPackage } from '../../../shared/package/envelope';
import { issuesVi, safeParseVi } from '../../../shared/package/issues';
import { serializeEnvelope, signPackage, verifyEnvelope, type KeyResolver } from '../../kernel/signing/package-signer';
import type { Signer } from '../../kernel/signing/signer';
import { frameworkSha256 } from './frameworks';

export interface FrameworkPackageInput {
  framework: Framework;
  publisher: { code: string; name: string };
  supersedes: { version: string; sha256: string } | null;
  createdAt: string;
  packageId: string;
  /** The year's submission deadline (yyyy-mm-dd) from report_deadlines; omitted when none is set. */
  deadline?: string | null | undefined;
}

export function buildFrameworkPackage(input: FrameworkPackageInput, signer: Signer): { text: string; payload: FrameworkPackage } {
  const fw = input.framework;
  const payload: FrameworkPackage = {
    packageId: input.packageId,
    createdAt: input.createdAt,
    publisher: { code: input.publisher.code, name: input.publisher.name, keyId: signer.keyId },
    province: { code: fw.province.code, name: fw.province.name },
    year: fw.year,
    unitTypes: [...fw.unitTypes],
    version: fw.version,
    framework: { id: fw.id, sha256: frameworkSha256(fw), content: fw as unknown as Record<string, unknown> },
    supersedes: input.supersedes,
    ...(input.deadline ? { deadline: input.deadline } : {}),
  };
  const checked = safeParseVi(frameworkPackageSchema, payload);
  if (!checked.success) throw new AppError('PAYLOAD_INVALID', 'framework package payload does not match its schema', { issues: issuesVi(checked.error) });
  return { text: serializeEnvelope(signPackage('framework', payload, [signer])), payload };
}

/** "CCHC-FRAMEWORK-49-2026-quang-nam-cap-xa-2026-v1.1.json". */
export function frameworkPackageFileName(fw: Framework): string {
  return safeFileName(`CCHC-FRAMEWORK-${fw.province.code}-${fw.year}-${fw.id}-v${fw.version}.json`);
}

export interface VerifiedFrameworkPackage {
  payload: FrameworkPackage;
  framework: Framework;
  keyId: string;
}

/**
 * Signature (against `resolveKey`: the pinned reviewing-unit key at a commune, the unit's own key
 * at the reviewing unit), then the framework inside: valid, hashing to the declared SHA-256, and
 * agreeing with the fields beside it.
 */
export function verifyFrameworkPackage(bytes: Uint8Array, resolveKey: KeyResolver): VerifiedFrameworkPackage {
  const r = verifyEnvelope(bytes, { resolveKey, accept: ['framework'] });
  if (!r.ok) {
    if (r.code === 'KEY_UNKNOWN' || r.code === 'KEY_WRONG_KIND' || r.code === 'KEY_REVOKED') {
      throw new AppError('FRAMEWORK_SIGNER_UNKNOWN', r.message, { refusal: r.code, ...r.details });
    }
    if (r.code === 'FORMAT_UNKNOWN') throw new AppError('FRAMEWORK_PACKAGE_WRONG_TYPE', r.message, r.details);
    throw new AppError('FRAMEWORK_PACKAGE_INVALID', r.message, { refusal: r.code, ...r.details });
  }
  // Step 6 held the payload to this schema already; parsed again for its type.
  const checked = safeParseVi(frameworkPackageSchema, r.payload);
  if (!checked.success) throw new AppError('FRAMEWORK_PACKAGE_INVALID', 'payload does not match the framework package schema', { refusal: 'PAYLOAD_SCHEMA', issues: issuesVi(checked.error) });
  const payload = checked.data;
  const parsed = parseFramework(payload.framework.content);
  if (!parsed.ok) throw new AppError('FRAMEWORK_INVALID', 'framework in the package failed validation', { issues: parsed.issues.slice(0, 50) });
  const fw = parsed.framework;
  if (frameworkSha256(fw) !== payload.framework.sha256) {
    throw new AppError('FRAMEWORK_PACKAGE_INVALID', 'the framework does not hash to the declared SHA-256', { refusal: 'FRAMEWORK_SHA256' });
  }
  const agrees =
    fw.id === payload.framework.id &&
    fw.version === payload.version &&
    fw.year === payload.year &&
    fw.province.code === payload.province.code &&
    fw.unitTypes.join(',') === payload.unitTypes.join(',');
  if (!agrees) throw new AppError('FRAMEWORK_PACKAGE_INVALID', 'the package header disagrees with the framework', { refusal: 'FRAMEWORK_HEADER' });
  return { payload, framework: fw, keyId: r.keyIds[0]! };
}
