/**
 * What the criteria screen shows: the filter, the items kept in view under it, and the
 * resulting set of visible items (null: all). Items and sections subscribe to a boolean each, so
 * a keystroke re-renders only what appears or disappears.
 */
import { create } from 'zustand';
import type { ItemMark, OutlineFilter } from './outline';
import { visibleItems } from './outline';

interface OutlineState {
  filter: OutlineFilter;
  /** Items kept shown under the filter although they no longer match (the one being edited). */
  keep: Set<string>;
  visible: Set<string> | null;
  /** The outline column is shown (it can be folded away on a small screen). */
  open: boolean;
  setFilter(filter: OutlineFilter, marks: Record<string, ItemMark>): void;
  /** Recompute the visible items after the marks changed. */
  refresh(marks: Record<string, ItemMark>): void;
  keepItem(code: string, marks: Record<string, ItemMark>): void;
  setOpen(open: boolean): void;
}

const sameSet = (a: Set<string> | null, b: Set<string> | null): boolean => a === b || (!!a && !!b && a.size === b.size && [...a].every((x) => b.has(x)));

export const useOutline = create<OutlineState>((set, get) => ({
  filter: 'all',
  keep: new Set(),
  visible: null,
  open: true,
  setFilter(filter, marks) {
    const keep = new Set<string>();
    set({ filter, keep, visible: visibleItems(marks, filter, keep) });
  },
  refresh(marks) {
    const { filter, keep, visible } = get();
    const next = visibleItems(marks, filter, keep);
    if (!sameSet(visible, next)) set({ visible: next });
  },
  keepItem(code, marks) {
    const { filter, keep } = get();
    if (filter === 'all' || keep.has(code)) return;
    const next = new Set(keep).add(code);
    set({ keep: next, visible: visibleItems(marks, filter, next) });
  },
  setOpen(open) {
    set({ open });
  },
}));

/** Whether any of these items is shown (a field or criterion heading with nothing under it is hidden). */
export function useAnyVisible(codes: readonly string[]): boolean {
  return useOutline((s) => s.visible === null || codes.some((c) => s.visible!.has(c)));
}
