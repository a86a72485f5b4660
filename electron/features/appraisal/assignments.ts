/**
 * Appraisers per field (since 7/2025 the provincial council is made of departments, each appraising
 * the fields it is responsible for): the secretary assigns each field of the framework in force to
 * an appraiser (a department or a person) for the year; the appraiser marks its field done per
 * commune, which is refused while an item of that field is still at the self-score; the board says
 * who still owes what, across every commune that sent a package.
 */
import type { FieldAssignment, OwedRow } from '../../../shared/appraisal/types';
import { AppError } from '../../../shared/errors';
import { audit } from '../../kernel/audit';
import { isoNow, type ServiceContext } from '../../kernel/context';
import { activeFramework } from '../framework/active';
import { appraisalState } from './appraisal';
import { communesReceived } from './appraisal-repo';
import { assignmentsOf, fieldsDone, setAssignment, setFieldDone } from './assignments-repo';

function fieldsOf(ctx: ServiceContext): { code: string; title: string }[] {
  return activeFramework(ctx).framework.fields.map((f) => ({ code: f.code, title: f.title }));
}

function requireField(ctx: ServiceContext, fieldCode: string): { code: string; title: string } {
  const f = fieldsOf(ctx).find((x) => x.code === fieldCode);
  if (!f) throw new AppError('FIELD_UNKNOWN', `no field ${fieldCode}`, { fieldCode });
  return f;
}

export function listAssignments(ctx: ServiceContext, year: number): FieldAssignment[] {
  const held = assignmentsOf(ctx.db, year);
  return fieldsOf(ctx).map((f) => ({ fieldCode: f.code, fieldTitle: f.title, appraiser: held.get(f.code) ?? null }));
}

/** Assigns a field to an appraiser for the year (null removes the assignment). */
export function assignField(ctx: ServiceContext, year: number, fieldCode: string, appraiser: string | null): FieldAssignment[] {
  requireField(ctx, fieldCode);
  const name = appraiser?.trim() || null;
  if (name !== null && name.length > 200) throw new AppError('INVALID_INPUT', 'appraiser name too long', { fields: { appraiser: 'TOO_LONG' } });
  ctx.db.transaction(() => {
    const before = assignmentsOf(ctx.db, year).get(fieldCode) ?? null;
    setAssignment(ctx.db, year, fieldCode, name, isoNow(ctx), ctx.actor());
    audit(ctx, 'appraisal.assign', 'field_assignment', `${year}/${fieldCode}`, before, name);
  })();
  return listAssignments(ctx, year);
}

/** Marks (or unmarks) a field done for a commune; refused while one of its items is still at the self-score. */
export function markFieldDone(ctx: ServiceContext, communeCode: string, year: number, fieldCode: string, done: boolean): void {
  requireField(ctx, fieldCode);
  const state = appraisalState(ctx.db, communeCode, year);
  if (!state) throw new AppError('APPRAISAL_NOTHING_RECEIVED', 'appraisal not opened', { communeCode, year });
  if (state.locked && !done) throw new AppError('APPRAISAL_LOCKED', 'appraisal locked');
  if (done) {
    const open = state.items.filter((i) => i.fieldCode === fieldCode && i.appraisedPoints === null).map((i) => i.code);
    if (open.length) throw new AppError('APPRAISAL_INCOMPLETE', `${open.length} items of field ${fieldCode} not appraised`, { remaining: open.length, items: open.slice(0, 20) });
  }
  ctx.db.transaction(() => {
    setFieldDone(ctx.db, communeCode, year, fieldCode, done ? { by: ctx.actor(), at: isoNow(ctx) } : null);
    audit(ctx, done ? 'appraisal.fieldDone' : 'appraisal.fieldReopened', 'field_done', `${communeCode}/${year}/${fieldCode}`, null, { done });
  })();
}

/** Who still owes what: per field, its appraiser and every commune that sent a package. */
export function owedBoard(ctx: ServiceContext, year: number): OwedRow[] {
  const communes = communesReceived(ctx.db, year);
  const done = fieldsDone(ctx.db, year);
  const states = new Map(communes.map((c) => [c.code, appraisalState(ctx.db, c.code, year)]));
  return listAssignments(ctx, year).map((a) => {
    const rows = communes.map((c) => {
      const s = states.get(c.code);
      const doneBy = done.get(`${c.code}/${a.fieldCode}`) ?? null;
      return {
        code: c.code, name: c.name, done: doneBy !== null, doneBy,
        stillAtSelfScore: s ? s.items.filter((i) => i.fieldCode === a.fieldCode && i.appraisedPoints === null).length : null,
      };
    });
    return { ...a, communes: rows, owing: rows.filter((r) => !r.done).length };
  });
}
