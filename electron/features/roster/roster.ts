/**
 * The reviewing unit's roster: communes keyed by their code (never by name), imported from a
 * file with a preview of what would happen to every row, or edited one at a time; a deadline per
 * year. Every change writes its audit row in the same transaction; an import with any refused
 * row writes nothing.
 */
import { AppError } from '../../../shared/errors';
import type { RosterPreview, RosterPreviewRow, RowStatus } from '../../../shared/ipc/roster';
import { isCalendarDate } from '../../../shared/calendar-date';
import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { isoNow } from '../../kernel/context';
import type { Commune } from './roster-repo';
import { allCommunes, allDeadlines, communeByCode, communeReferences, deadlineOf, deleteCommune, insertCommune, updateCommune, upsertDeadline } from './roster-repo';
import type { RosterTableRow } from './roster-file';
import type { CommuneType, RosterIssue } from './roster-rows';

export type { RosterPreview, RosterPreviewRow, RowStatus } from '../../../shared/ipc/roster';
import { CODE_PATTERN, COMMUNE_TYPES, looksLikeFormula, parseRosterRows } from './roster-rows';

const collator = new Intl.Collator('vi');

/** Every commune, in Vietnamese alphabetical order of name (then code). */
export function listCommunes(ctx: ServiceContext, options: { activeOnly?: boolean } = {}): Commune[] {
  return allCommunes(ctx)
    .filter((c) => !options.activeOnly || c.active)
    .sort((a, b) => collator.compare(a.name, b.name) || a.code.localeCompare(b.code));
}

export function previewRoster(ctx: ServiceContext, table: readonly RosterTableRow[]): RosterPreview {
  const { entries, issues } = parseRosterRows(table);
  const existing = new Map(allCommunes(ctx).map((c) => [c.code, c]));
  const rows: RosterPreviewRow[] = issues.map((i: RosterIssue) => ({ line: i.line, code: i.code, name: i.name ?? null, type: null, status: 'refused', reason: i.message, before: null }));
  for (const e of entries) {
    const old = existing.get(e.code);
    const before = old ? { name: old.name, type: old.type, active: old.active } : null;
    const changes = old ? [old.name !== e.name && 'tên', old.type !== e.type && 'loại', !old.active && 'hoạt động lại'].filter((x): x is string => typeof x === 'string') : [];
    const status: RowStatus = !old ? 'new' : changes.length > 0 ? 'changed' : 'unchanged';
    rows.push({ line: e.line, code: e.code, name: e.name, type: e.type, status, reason: changes.length > 0 ? changes.join(', ') : null, before });
  }
  rows.sort((a, b) => (a.line ?? 0) - (b.line ?? 0));
  const counts: Record<RowStatus, number> = { new: 0, changed: 0, unchanged: 0, refused: 0 };
  for (const r of rows) counts[r.status]++;
  const inFile = new Set(entries.map((e) => e.code));
  return { rows, counts, notInFile: [...existing.keys()].filter((c) => !inFile.has(c)).length };
}

/**
 * Apply a roster file: new communes added, changed ones updated (a deactivated one listed again
 * is active again), in one transaction with an audit row each. Any refused row: ROSTER_INVALID
 * with every issue, and nothing written.
 */
export function importRoster(ctx: ServiceContext, table: readonly RosterTableRow[]): RosterPreview {
  return ctx.db.transaction((): RosterPreview => {
    // Previewed inside the transaction: what is written is what the store holds now.
    const preview = previewRoster(ctx, table);
    const refused = preview.rows.filter((r) => r.status === 'refused');
    if (refused.length > 0) {
      throw new AppError('ROSTER_INVALID', `${refused.length} rows refused`, {
        issues: refused.map((r) => ({ path: r.line === null ? '' : `dòng ${r.line}`, line: r.line, code: r.code, message: r.reason })),
        counts: preview.counts,
      });
    }
    const at = isoNow(ctx);
    for (const r of preview.rows) {
      if (r.status === 'new') {
        insertCommune(ctx, { code: r.code!, name: r.name!, type: r.type! }, at);
        audit(ctx, 'roster.import', 'commune', r.code!, null, { name: r.name, type: r.type, active: true });
      } else if (r.status === 'changed') {
        updateCommune(ctx, { code: r.code!, name: r.name!, type: r.type!, active: true }, at);
        audit(ctx, 'roster.import', 'commune', r.code!, r.before, { name: r.name, type: r.type, active: true });
      }
    }
    return preview;
  })();
}

function checkedName(name: string): string {
  const n = name.normalize('NFC').trim().replace(/\s+/gu, ' ');
  if (n === '') throw new AppError('INVALID_INPUT', 'name required', { fields: { name: 'REQUIRED' } });
  if (looksLikeFormula(n)) throw new AppError('INVALID_INPUT', 'name looks like a formula', { fields: { name: 'NAME_FORMULA' } });
  if (n.length > 200) throw new AppError('INVALID_INPUT', 'name too long', { fields: { name: 'TEXT_TOO_LONG' } });
  return n;
}

function checkedType(type: string): CommuneType {
  if (!(COMMUNE_TYPES as readonly string[]).includes(type)) throw new AppError('INVALID_INPUT', 'commune type', { fields: { type: 'INVALID' } });
  return type as CommuneType;
}

function existing(ctx: ServiceContext, code: string): Commune {
  const c = communeByCode(ctx, code);
  if (!c) throw new AppError('COMMUNE_NOT_FOUND', 'no such commune in the roster', { code });
  return c;
}

/** Change one commune (name, type or active), with its audit row. */
function change(ctx: ServiceContext, action: string, code: string, patch: Partial<Pick<Commune, 'name' | 'type' | 'active'>>): Commune {
  return ctx.db.transaction((): Commune => {
    const old = existing(ctx, code);
    const next = { code, name: patch.name ?? old.name, type: patch.type ?? old.type, active: patch.active ?? old.active };
    if (next.name === old.name && next.type === old.type && next.active === old.active) return old;
    updateCommune(ctx, next, isoNow(ctx));
    audit(ctx, action, 'commune', code, { name: old.name, type: old.type, active: old.active }, { name: next.name, type: next.type, active: next.active });
    return communeByCode(ctx, code)!;
  })();
}

export function addCommune(ctx: ServiceContext, input: { code: string; name: string; type: string }): Commune {
  const code = input.code.trim();
  if (!CODE_PATTERN.test(code)) throw new AppError('INVALID_INPUT', 'commune code', { fields: { code: 'COMMUNE_CODE' } });
  const name = checkedName(input.name);
  const type = checkedType(input.type);
  return ctx.db.transaction((): Commune => {
    const old = communeByCode(ctx, code);
    if (old) throw new AppError('COMMUNE_EXISTS', 'code already in the roster', { code, name: old.name });
    insertCommune(ctx, { code, name, type }, isoNow(ctx));
    audit(ctx, 'roster.add', 'commune', code, null, { name, type, active: true });
    return communeByCode(ctx, code)!;
  })();
}

export const renameCommune = (ctx: ServiceContext, code: string, name: string): Commune => change(ctx, 'roster.rename', code, { name: checkedName(name) });
export const setCommuneType = (ctx: ServiceContext, code: string, type: string): Commune => change(ctx, 'roster.type', code, { type: checkedType(type) });
/** A commune that has data is deactivated, never deleted (its code is never reused). */
export const setCommuneActive = (ctx: ServiceContext, code: string, active: boolean): Commune => change(ctx, active ? 'roster.activate' : 'roster.deactivate', code, { active });

/**
 * Remove a commune added by mistake: only while nothing names it (no key, rotation, received
 * package or import log entry: COMMUNE_IN_USE, deactivate it instead), with its audit row.
 */
export function removeCommune(ctx: ServiceContext, code: string): void {
  ctx.db.transaction(() => {
    const old = existing(ctx, code);
    if (communeReferences(ctx, code) > 0) throw new AppError('COMMUNE_IN_USE', 'commune referenced', { code });
    deleteCommune(ctx, code);
    audit(ctx, 'roster.remove', 'commune', code, { name: old.name, type: old.type, active: old.active }, null);
  })();
}

/** Edit one commune: name, type and active at once (only what differs is written, one audit row). */
export function editCommune(ctx: ServiceContext, input: { code: string; name?: string | undefined; type?: string | undefined; active?: boolean | undefined }): Commune {
  return change(ctx, 'roster.edit', input.code, {
    ...(input.name !== undefined ? { name: checkedName(input.name) } : {}),
    ...(input.type !== undefined ? { type: checkedType(input.type) } : {}),
    ...(input.active !== undefined ? { active: input.active } : {}),
  });
}

/**
 * The deadline for a year's packages: a real day (yyyy-mm-dd) in that year or the next (a year's
 * assessment is reported late in the year or early in the next).
 */
export function setDeadline(ctx: ServiceContext, year: number, deadline: string): { year: number; deadline: string } {
  if (!Number.isInteger(year) || year < 2000 || year > 2100) throw new AppError('INVALID_INPUT', 'year', { fields: { year: 'YEAR' } });
  if (!isCalendarDate(deadline)) throw new AppError('INVALID_INPUT', 'deadline', { fields: { deadline: 'ISO_DATE' } });
  const y = Number(deadline.slice(0, 4));
  if (y !== year && y !== year + 1) throw new AppError('INVALID_INPUT', 'deadline outside the year', { fields: { deadline: 'DEADLINE_YEAR' }, year });
  return ctx.db.transaction(() => {
    const old = deadlineOf(ctx, year);
    if (old !== deadline) {
      upsertDeadline(ctx, year, deadline);
      audit(ctx, 'roster.deadline', 'report_deadline', String(year), old, deadline);
    }
    return { year, deadline };
  })();
}

export { allDeadlines, deadlineOf };
