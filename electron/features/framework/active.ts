/**
 * The framework in force: the one the identity row points at. Every feature that reads or writes
 * per-framework data resolves it once per call and passes its `ref` down explicitly.
 */
import { AppError } from '../../../shared/errors';
import type { Framework, FrameworkCriterion, FrameworkItem } from '../../../shared/framework/schema';
import type { ItemEntry } from '../../../shared/scoring/entry';
import { adjustmentAsItem } from '../../../shared/scoring/engine';
import type { ServiceContext } from '../../kernel/context';
import { identityFrameworkRef } from '../setup/identity-repo';
import { loadFramework } from './frameworks';

export interface ActiveFramework {
  ref: number;
  framework: Framework;
  /** Items and adjustments by code (an adjustment as a manual item capped by its cap). */
  items: Map<string, FrameworkItem>;
  /**
   * Criteria that may be marked not applicable as a whole (they state a N/A mode) and have a code
   * of their own (not the code of their only item): the entry keyed by such a code holds only
   * { notApplicable: true }.
   */
  criteria: Map<string, FrameworkCriterion>;
}

const cache = new WeakMap<object, Map<number, ActiveFramework>>();

/** Parsed once per database handle and framework (the autosave path calls this per keystroke). */
export function activeFramework(ctx: ServiceContext): ActiveFramework {
  const { set, ref } = identityFrameworkRef(ctx.db);
  if (!set) throw new AppError('NOT_SET_UP', 'this installation has not been set up');
  if (ref === null) throw new AppError('FRAMEWORK_NOT_FOUND', 'no framework installed');
  let byRef = cache.get(ctx.db);
  if (!byRef) cache.set(ctx.db, (byRef = new Map()));
  let active = byRef.get(ref);
  if (!active) {
    const framework = loadFramework(ctx, ref);
    const items = new Map<string, FrameworkItem>();
    for (const f of framework.fields) for (const c of f.criteria) for (const i of c.items) items.set(i.code, i);
    for (const a of framework.adjustments ?? []) items.set(a.code, adjustmentAsItem(a));
    const criteria = new Map<string, FrameworkCriterion>();
    for (const f of framework.fields) for (const c of f.criteria) if (c.notApplicable && !items.has(c.code)) criteria.set(c.code, c);
    active = { ref, framework, items, criteria };
    byRef.set(ref, active);
  }
  return active;
}

/**
 * Where an entry may be stored: an item or adjustment (any entry), or a criterion that may be
 * marked not applicable as a whole (only { notApplicable: true }, or null to clear it).
 */
export function requireEntryTarget(active: ActiveFramework, code: string, entry: ItemEntry | null): void {
  if (active.items.has(code)) return;
  if (active.criteria.has(code)) {
    if (entry === null || (entry.input === undefined && entry.notApplicable !== undefined)) return;
    throw new AppError('INVALID_INPUT', `criterion ${code} takes only a not-applicable mark`, { code, fields: { input: 'CRITERION_NA_ONLY' } });
  }
  throw new AppError('ITEM_NOT_FOUND', `no item ${code}`, { code });
}

export function requireItem(active: ActiveFramework, code: string): FrameworkItem {
  const item = active.items.get(code);
  if (!item) throw new AppError('ITEM_NOT_FOUND', `no item ${code}`, { code });
  return item;
}
