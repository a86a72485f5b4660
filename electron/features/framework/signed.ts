/**
 * Frameworks as signed data. The reviewing unit installs frameworks (JSON, spreadsheet, or a
 * package it signed itself) beside one another and publishes one as a signed package; a commune
 * imports only such a package, verified against the reviewing-unit key it pinned at enrolment,
 * for its own province and year, and applies it through the replace flow (entries matched by
 * code; what no longer fits stays with the old framework and is listed).
 */
import { randomUUID } from 'node:crypto';
import { AppError } from '../../../shared/errors';
import { fromBase64Url } from '../../../shared/package/base64url';
import type { ReplacePreview } from '../../../shared/ipc/framework';
import type { FrameworkRef } from '../../../shared/identity';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { writeFileSafely } from '../../kernel/files/package-file';
import type { Destination } from '../../kernel/ports';
import type { KeyResolver } from '../../kernel/signing/package-signer';
import type { AppContext } from '../../kernel/use-case';
import { useCase } from '../../kernel/use-case';
import { enrolmentState, pinnedReviewerResolver } from '../enrolment/commune-enrolment';
import { unlockKey } from '../keys/keys';
import { requireIdentity } from '../setup/identity';
import type { FrameworkFileResult } from './framework-file';
import { readFrameworkSource, requireValid } from './framework-file';
import { writeFrameworkWorkbook } from './xlsx';
import { parseFramework } from '../../../shared/framework/validate';
import { sampleFramework } from '../../../shared/framework/sample';
import { loadFramework } from './frameworks';
import { buildFrameworkPackage, frameworkPackageFileName, verifyFrameworkPackage } from './package';
import { replaceFramework } from './replace';
import { deadlineOf } from '../roster/roster-repo';
import { storeSignedDeadline } from '../settings/deadline';
import { addFramework, frameworkVersion, listFrameworks, previousVersion, refuseVersionConflict } from './versions';

/** The reviewing unit's own key, as the one key that may sign a package it reads back. */
function ownKeyResolver(app: AppContext): KeyResolver {
  return (keyId) => {
    const status = app.keys.status();
    const raw = status && status.keyId === keyId ? fromBase64Url(status.publicKey) : undefined;
    return raw ? { publicKey: raw, status: 'active', kind: 'reviewer' } : undefined;
  };
}

export const listInstalled = useCase('framework.list', { roles: ['commune', 'reviewer'] }, (app) => listFrameworks(app.ctx));

/** One installed framework, whole (review, comparison). */
export const installedFramework = useCase('framework.get', { roles: ['commune', 'reviewer'] }, (app, input: { id: string; version?: string | undefined }) => {
  const row = frameworkVersion(app.ctx, input.id, input.version);
  return { ref: row, framework: loadFramework(app.ctx, row.ref) };
});

/**
 * Reviewing unit: a framework file (JSON or spreadsheet, already read and validated by place) or
 * a package this unit signed, installed beside the others. Nothing in use changes.
 */
export const installAtReviewer = useCase('framework.install', { roles: ['reviewer'] }, (app, input: { file: FrameworkFileResult }) => {
  const { file } = input;
  if (file.form === 'package') {
    const v = verifyFrameworkPackage(file.bytes, ownKeyResolver(app));
    return addFramework(app.ctx, v.framework, { form: 'package', signedBy: v.keyId });
  }
  return addFramework(app.ctx, requireValid(file), { form: file.form });
});

export interface CommuneImport extends ReplacePreview {
  framework: FrameworkRef;
  publisher: { code: string; name: string; keyId: string };
  supersedes: { version: string; sha256: string } | null;
  /** The submission deadline the package carried (yyyy-mm-dd), null for a file without one. */
  deadline: string | null;
}

/** The checks a commune makes before a signed framework may replace its own. */
export function checkSignedAtCommune(ctx: ServiceContext, bytes: Uint8Array): ReturnType<typeof verifyFrameworkPackage> {
  const identity = requireIdentity(ctx);
  if (!enrolmentState(ctx, null).pinned) throw new AppError('FRAMEWORK_NO_PINNED_KEY', 'no reviewing unit key pinned');
  const v = verifyFrameworkPackage(bytes, pinnedReviewerResolver(ctx));
  if (v.framework.province.code !== identity.provinceCode) {
    throw new AppError('FRAMEWORK_WRONG_PROVINCE', 'framework for another province', { frameworkProvince: v.framework.province.code, unitProvince: identity.provinceCode });
  }
  if (v.framework.year !== identity.year) throw new AppError('FRAMEWORK_WRONG_YEAR', 'framework for another year', { frameworkYear: v.framework.year, unitYear: identity.year });
  refuseVersionConflict(ctx, v.framework);
  return v;
}

/**
 * Commune: a signed framework package from its reviewing unit, verified and applied through the
 * replace flow in one transaction (refused while the self-assessment is finalised).
 */
export const importAtCommune = useCase('framework.importSigned', { roles: ['commune'], lock: true }, (app, input: { bytes: Uint8Array }): CommuneImport => {
  const ctx = app.ctx;
  const v = checkSignedAtCommune(ctx, input.bytes);
  return ctx.db.transaction(() => {
    const r = replaceFramework(ctx, v.framework);
    // The deadline travels beside the framework (older files have none: what the commune typed stays).
    if (v.payload.deadline) storeSignedDeadline(ctx, v.framework.year, v.payload.deadline);
    audit(ctx, 'framework.importSigned', 'framework', String(r.framework.ref), null, {
      id: r.framework.id, version: r.framework.version, sha256: r.framework.sha256, packageId: v.payload.packageId, signedBy: v.keyId, publisher: v.payload.publisher.code,
      deadline: v.payload.deadline ?? null,
    });
    return { ...r, publisher: v.payload.publisher, supersedes: v.payload.supersedes, deadline: v.payload.deadline ?? null };
  })();
});

/** Commune: what importing the package would keep and leave behind (nothing written). */
export const previewAtCommune = useCase('framework.previewSigned', { roles: ['commune'] }, (app, input: { bytes: Uint8Array }) => {
  const v = checkSignedAtCommune(app.ctx, input.bytes);
  return { framework: v.framework, publisher: v.payload.publisher, supersedes: v.payload.supersedes, deadline: v.payload.deadline ?? null };
});

/**
 * Reviewing unit: sign an installed framework with the unit's key and write the package to the
 * folder chosen. Only the unit's own province's framework, never the sample.
 */
export const publish = useCase(
  'framework.publish',
  { roles: ['reviewer'] },
  async (app, input: { id: string; version?: string | undefined; keyPassphrase?: string | undefined; folder: Destination; packageId?: string }) => {
    const ctx = app.ctx;
    const identity = requireIdentity(ctx);
    const row = frameworkVersion(ctx, input.id, input.version);
    const framework = loadFramework(ctx, row.ref);
    if (framework.sample || framework.province.code !== identity.provinceCode) {
      throw new AppError('FRAMEWORK_SAMPLE_NOT_PUBLISHABLE', 'sample or another province', { sample: framework.sample, frameworkProvince: framework.province.code, unitProvince: identity.provinceCode });
    }
    const signer = await unlockKey(app.keys, input.keyPassphrase);
    const folder = await input.folder(frameworkPackageFileName(framework));
    if (folder === null) return null;
    const supersedes = previousVersion(ctx, framework.id, framework.version);
    const { text, payload } = buildFrameworkPackage(
      {
        framework, publisher: { code: identity.unitCode, name: identity.unitName }, supersedes, createdAt: isoNow(ctx), packageId: input.packageId ?? `fw-${randomUUID()}`,
        deadline: deadlineOf(ctx, framework.year),
      },
      signer,
    );
    const resolver = ownKeyResolver(app);
    const written = writeFileSafely(folder, frameworkPackageFileName(framework), Buffer.from(text, 'utf8'), (back) => {
      verifyFrameworkPackage(back, resolver);
    });
    ctx.db.transaction(() =>
      audit(ctx, 'framework.publish', 'framework', String(row.ref), null, { id: row.id, version: row.version, sha256: row.sha256, packageId: payload.packageId, file: written.path, supersedes, deadline: payload.deadline ?? null }),
    )();
    return { path: written.path, framework: row, supersedes, packageId: payload.packageId, deadline: payload.deadline ?? null };
  },
);

/** Reviewing unit: the spreadsheet template (the sample written out whole), where the user says. */
export const saveTemplate = useCase('framework.template', { roles: ['reviewer'] }, async (_app, input: { path: Destination }) => {
  const path = await input.path('bo-tieu-chi-mau.xlsx');
  if (path === null) return null;
  const parsed = parseFramework(sampleFramework);
  if (!parsed.ok) throw new AppError('FRAMEWORK_INVALID', 'the bundled sample does not parse');
  await writeFrameworkWorkbook(parsed.framework, path);
  return { path };
});

/** Reviewing unit: a framework file it chose, read and checked (nothing written). */
export const readSource = useCase('framework.readSource', { roles: ['reviewer'] }, (_app, input: { path: string }) => readFrameworkSource(input.path));
