/**
 * The framework in force: the one the identity row points at. Every feature that reads or writes
 * per-framework data resolves it once per call and passes its `ref` down explicitly.
 */
import { AppError } from '../../../shared/errors';
import type { Framework, FrameworkItem } from '../../../shared/framework/schema';
import { adjustmentAsItem } from '../../../shared/scoring/engine';
import type { ServiceContext } from '../../kernel/context';
import { identityFrameworkRef } from '../setup/identity-repo';
import { loadFramework } from './frameworks';

export interface ActiveFramework {
  ref: number;
  framework: Framework;
  /** Items and adjustments by code (an adjustment as a manual item capped by its cap). */
  items: Map<string, FrameworkItem>;
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
    active = { ref, framework, items };
    byRef.set(ref, active);
  }
  return active;
}

export function requireItem(active: ActiveFramework, code: string): FrameworkItem {
  const item = active.items.get(code);
  if (!item) throw new AppError('ITEM_NOT_FOUND', `no item ${code}`, { code });
  return item;
}
