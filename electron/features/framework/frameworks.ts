import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import { parseFramework } from '../../../shared/framework/validate';
import type { FrameworkRef } from '../../../shared/identity';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';

/** SHA-256 over the RFC 8785 canonical form: the same framework always hashes the same. */
export function frameworkSha256(framework: Framework): string {
  const text = canonicalize(framework);
  if (text === undefined) throw new AppError('FRAMEWORK_INVALID', 'framework cannot be canonicalised');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

interface FrameworkRow {
  id: number;
  framework_id: string;
  version: string;
  title: string;
  province_code: string;
  year: number;
  sample: number;
  sha256: string;
  json: string;
}

function toRef(r: FrameworkRow): FrameworkRef {
  return {
    ref: r.id,
    id: r.framework_id,
    version: r.version,
    title: r.title,
    year: r.year,
    provinceCode: r.province_code,
    sample: r.sample === 1,
    sha256: r.sha256,
  };
}

/** Validate a framework (untrusted JSON) or throw FRAMEWORK_INVALID with the issues. */
export function validateFramework(json: unknown): Framework {
  const parsed = parseFramework(json);
  if (!parsed.ok) {
    throw new AppError('FRAMEWORK_INVALID', 'framework failed validation', { issues: parsed.issues.slice(0, 50) });
  }
  return parsed.framework;
}

/**
 * Store a validated framework; installing the same one twice returns the existing row.
 * Must run inside the caller's transaction when part of a larger change.
 */
export function installFramework(ctx: ServiceContext, json: unknown): FrameworkRef {
  const framework = validateFramework(json);
  const sha256 = frameworkSha256(framework);
  const existing = ctx.db
    .prepare('SELECT * FROM frameworks WHERE framework_id = ? AND version = ? AND sha256 = ?')
    .get(framework.id, framework.version, sha256) as FrameworkRow | undefined;
  if (existing) return toRef(existing);
  const info = ctx.db
    .prepare(
      `INSERT INTO frameworks (framework_id, version, title, province_code, year, sample, sha256, json, installed_at)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(
      framework.id,
      framework.version,
      framework.title,
      framework.province.code,
      framework.year,
      framework.sample ? 1 : 0,
      sha256,
      JSON.stringify(framework),
      isoNow(ctx),
    );
  const ref = Number(info.lastInsertRowid);
  audit(ctx, 'framework.install', 'framework', String(ref), null, {
    id: framework.id,
    version: framework.version,
    sha256,
  });
  return { ref, id: framework.id, version: framework.version, title: framework.title, year: framework.year, provinceCode: framework.province.code, sample: framework.sample, sha256 };
}

export function getFrameworkRef(ctx: ServiceContext, ref: number): FrameworkRef | null {
  const row = ctx.db.prepare('SELECT * FROM frameworks WHERE id = ?').get(ref) as FrameworkRow | undefined;
  return row ? toRef(row) : null;
}

/** The framework itself, as stored (it was validated when installed). */
export function loadFramework(ctx: ServiceContext, ref: number): Framework {
  const row = ctx.db.prepare('SELECT json FROM frameworks WHERE id = ?').get(ref) as { json: string } | undefined;
  if (!row) throw new AppError('FRAMEWORK_NOT_FOUND', `no framework ${ref}`);
  return JSON.parse(row.json) as Framework;
}
