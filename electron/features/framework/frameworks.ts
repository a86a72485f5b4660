/** Criteria frameworks: validated once when they come in, stored, loaded by reference. */
import { createHash } from 'node:crypto';
import canonicalize from 'canonicalize';
import { AppError } from '../../../shared/errors';
import type { Framework } from '../../../shared/framework/schema';
import { parseFramework } from '../../../shared/framework/validate';
import type { FrameworkRef } from '../../../shared/identity';
import type { FrameworkChoice } from '../../../shared/ipc/framework';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import { readJsonFile } from '../../kernel/files/user-files';
import { findFramework, frameworkJson, frameworkRef, insertFramework } from './framework-repo';

/** SHA-256 over the RFC 8785 canonical form: the same framework always hashes the same. */
export function frameworkSha256(framework: Framework): string {
  const text = canonicalize(framework);
  if (text === undefined) throw new AppError('FRAMEWORK_INVALID', 'framework cannot be canonicalised');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}

/** Validate a framework (untrusted JSON) or throw FRAMEWORK_INVALID with the issues. */
export function validateFramework(json: unknown): Framework {
  const parsed = parseFramework(json);
  if (!parsed.ok) {
    throw new AppError('FRAMEWORK_INVALID', 'framework failed validation', { issues: parsed.issues.slice(0, 50) });
  }
  return parsed.framework;
}

/** A framework file the user chose: read, then validated. */
export function readFrameworkFile(path: string): Framework {
  return validateFramework(readJsonFile(path, 'framework'));
}

export function countItems(f: Framework): number {
  return f.fields.reduce((n, field) => n + field.criteria.reduce((m, c) => m + c.items.length, 0), 0);
}

/** What the user sees of a chosen framework before using it. */
export function frameworkChoice(token: string, framework: Framework): FrameworkChoice {
  return {
    token,
    title: framework.title,
    year: framework.year,
    provinceCode: framework.province.code,
    provinceName: framework.province.name,
    version: framework.version,
    sample: framework.sample,
    itemCount: countItems(framework),
  };
}

/**
 * Store a validated framework; installing the same one twice returns the existing row.
 * Must run inside the caller's transaction when part of a larger change.
 */
export function installFramework(ctx: ServiceContext, framework: Framework): FrameworkRef {
  const sha256 = frameworkSha256(framework);
  const existing = findFramework(ctx.db, { id: framework.id, version: framework.version, sha256 });
  if (existing) return existing;
  const ref = insertFramework(ctx.db, {
    id: framework.id,
    version: framework.version,
    title: framework.title,
    provinceCode: framework.province.code,
    year: framework.year,
    sample: framework.sample,
    sha256,
    json: JSON.stringify(framework),
    installedAt: isoNow(ctx),
  });
  audit(ctx, 'framework.install', 'framework', String(ref), null, { id: framework.id, version: framework.version, sha256 });
  return { ref, id: framework.id, version: framework.version, title: framework.title, year: framework.year, provinceCode: framework.province.code, sample: framework.sample, sha256 };
}

export function getFrameworkRef(ctx: ServiceContext, ref: number): FrameworkRef | null {
  return frameworkRef(ctx.db, ref);
}

/** The framework itself, as stored (it was validated when installed). */
export function loadFramework(ctx: ServiceContext, ref: number): Framework {
  const json = frameworkJson(ctx.db, ref);
  if (json === null) throw new AppError('FRAMEWORK_NOT_FOUND', `no framework ${ref}`);
  return JSON.parse(json) as Framework;
}
