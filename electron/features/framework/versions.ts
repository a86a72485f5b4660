/**
 * Frameworks coexist: every version of every year stays installed, in both roles. A version
 * number names one content: the same id and version with another SHA-256 is refused, so a report
 * that names (id, version, sha256) always finds exactly the framework it was scored with.
 */
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import type { FrameworkRef } from '../../../shared/identity';
import type { InstalledFramework } from '../../../shared/ipc/framework';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { identityFrameworkRef } from '../setup/identity-repo';
import { listFrameworkRows } from './framework-repo';
import { frameworkSha256, installFramework } from './frameworks';

export { findFramework } from './framework-repo';

/** "1.10" after "1.9": numeric, part by part; a shorter prefix first ("1" < "1.0"). */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
    const x = pa[i];
    const y = pb[i];
    if (x === undefined) return -1;
    if (y === undefined) return 1;
    if (x !== y) return x - y;
  }
  return 0;
}


/** Every installed framework, newest year first, versions in order. */
export function listFrameworks(ctx: ServiceContext): InstalledFramework[] {
  const { ref } = identityFrameworkRef(ctx.db);
  return listFrameworkRows(ctx.db)
    .sort((a, b) => b.year - a.year || a.id.localeCompare(b.id) || compareVersions(a.version, b.version))
    .map((r) => ({ ...r, inUse: r.ref === ref }));
}

/** The installed framework `id` at `version`, or its highest version; FRAMEWORK_NOT_FOUND otherwise. */
export function frameworkVersion(ctx: ServiceContext, id: string, version?: string): InstalledFramework {
  const rows = listFrameworks(ctx).filter((r) => r.id === id && (version === undefined || r.version === version));
  const found = rows.at(-1);
  if (!found) throw new AppError('FRAMEWORK_NOT_FOUND', `no framework ${id}${version ? ` version ${version}` : ''}`, { frameworkId: id, ...(version ? { version } : {}) });
  return found;
}

/** The version just below `version` of the same framework id, if this unit holds one. */
export function previousVersion(ctx: ServiceContext, id: string, version: string): { version: string; sha256: string } | null {
  const below = listFrameworks(ctx).filter((r) => r.id === id && compareVersions(r.version, version) < 0);
  const prev = below.at(-1);
  return prev ? { version: prev.version, sha256: prev.sha256 } : null;
}

/** Refuses a framework whose id and version are installed with another content. */
export function refuseVersionConflict(ctx: ServiceContext, fw: Framework): void {
  const sha256 = frameworkSha256(fw);
  const other = listFrameworkRows(ctx.db).find((r) => r.id === fw.id && r.version === fw.version && r.sha256 !== sha256);
  if (other) throw new AppError('FRAMEWORK_VERSION_CONFLICT', 'same id and version, other content', { frameworkId: fw.id, version: fw.version, installedSha256: other.sha256, fileSha256: sha256 });
}

/**
 * Install a framework beside the others (nothing in use changes), audited with where it came
 * from. Installing the same framework again returns the row already there.
 */
export function addFramework(ctx: ServiceContext, fw: Framework, source: { form: string; signedBy?: string }): FrameworkRef & { added: boolean } {
  return ctx.db.transaction(() => {
    refuseVersionConflict(ctx, fw);
    const before = listFrameworkRows(ctx.db).length;
    const ref = installFramework(ctx, fw);
    const added = listFrameworkRows(ctx.db).length > before;
    if (added) audit(ctx, 'framework.import', 'framework', String(ref.ref), null, { id: ref.id, version: ref.version, sha256: ref.sha256, ...source });
    return { ...ref, added };
  })();
}
