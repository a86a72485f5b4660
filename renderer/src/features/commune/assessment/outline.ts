/**
 * The criteria outline: a state mark for every item and what each filter shows. Pure, computed
 * from what the screen already holds (the scores and the check list of checks.ts), so the marks
 * always agree with "Kiểm tra": an item is "có lỗi" exactly when the engine reports a hard error
 * for it, "thiếu tài liệu kiểm chứng" exactly when the check list asks for evidence, and an item
 * not yet entered is "chưa nhập", never an error.
 */
import type { Framework } from '@shared/framework/schema';
import type { ScoreSummary } from '@shared/scoring/engine';
import type { Check } from './checks';

/** chưa nhập / đã nhập / có lỗi / thiếu tài liệu kiểm chứng / không áp dụng. */
export type ItemMark = 'empty' | 'entered' | 'error' | 'noEvidence' | 'na';
export type OutlineFilter = 'all' | 'empty' | 'error' | 'noEvidence';
export const OUTLINE_FILTERS: readonly OutlineFilter[] = ['all', 'empty', 'error', 'noEvidence'];

export function itemMarks(order: readonly string[], scores: ScoreSummary, checks: readonly Check[]): Record<string, ItemMark> {
  const errors = new Set<string>();
  const noEvidence = new Set<string>();
  for (const c of checks) {
    // 'missing' (required, not entered) is an error of the check list but "chưa nhập" here.
    if (c.severity === 'error' && c.key === null) errors.add(c.code);
    if (c.key === 'noEvidence') noEvidence.add(c.code);
  }
  const marks: Record<string, ItemMark> = {};
  for (const code of order) {
    const score = scores.items[code] ?? scores.adjustments.items[code];
    const status = score?.status ?? 'empty';
    marks[code] =
      status === 'error' || errors.has(code) ? 'error'
      : noEvidence.has(code) ? 'noEvidence'
      : status === 'na' ? 'na'
      : status === 'empty' ? 'empty'
      : 'entered';
  }
  return marks;
}

export function matches(mark: ItemMark, filter: OutlineFilter): boolean {
  return filter === 'all' || mark === filter;
}

/** How many items each filter shows (the counts on the filter buttons). */
export function filterCounts(marks: Record<string, ItemMark>): Record<OutlineFilter, number> {
  const counts: Record<OutlineFilter, number> = { all: 0, empty: 0, error: 0, noEvidence: 0 };
  for (const mark of Object.values(marks)) {
    counts.all++;
    if (mark !== 'entered' && mark !== 'na') counts[mark]++;
  }
  return counts;
}

export interface OutlineItem {
  code: string;
  title: string;
  mark: ItemMark;
}

export interface OutlineCriterion {
  code: string;
  /** null when the criterion is scored directly (one item with the criterion's own code). */
  title: string | null;
  items: OutlineItem[];
}

export interface OutlineField {
  code: string;
  title: string;
  criteria: OutlineCriterion[];
  /** Items shown under the filter / all the field's items / those entered (đã nhập or không áp dụng). */
  shown: number;
  total: number;
  entered: number;
}

/** The adjustments (bonus, penalty) are a last pseudo-field, as on the screen. */
export const ADJUSTMENTS = 'adjustments';

/**
 * The outline under a filter: fields, criteria and items that are shown. `keep` holds items that
 * stay shown although they no longer match (the one being edited must not vanish under the
 * clerk's hands when it stops being "chưa nhập"). A field with nothing shown is left out.
 */
export function outline(
  framework: Framework,
  marks: Record<string, ItemMark>,
  filter: OutlineFilter,
  keep: ReadonlySet<string> = new Set(),
  adjustmentsTitle = '',
): OutlineField[] {
  const shown = (code: string) => matches(marks[code] ?? 'empty', filter) || keep.has(code);
  const field = (code: string, title: string, criteria: { code: string; title: string; items: { code: string; title: string }[] }[]): OutlineField => {
    let total = 0;
    let entered = 0;
    let count = 0;
    const out: OutlineCriterion[] = [];
    for (const c of criteria) {
      const items: OutlineItem[] = [];
      for (const i of c.items) {
        const mark = marks[i.code] ?? 'empty';
        total++;
        if (mark !== 'empty') entered++;
        if (!shown(i.code)) continue;
        count++;
        items.push({ code: i.code, title: i.title, mark });
      }
      const direct = c.items.length === 1 && c.items[0]?.code === c.code;
      if (items.length > 0) out.push({ code: c.code, title: direct || !c.title ? null : c.title, items });
    }
    return { code, title, criteria: out, shown: count, total, entered };
  };
  const fields = framework.fields.map((f) => field(f.code, f.title, f.criteria));
  const adjustments = framework.adjustments ?? [];
  if (adjustments.length > 0) {
    fields.push(field(ADJUSTMENTS, adjustmentsTitle, [{ code: ADJUSTMENTS, title: '', items: adjustments.map((a) => ({ code: a.code, title: a.title })) }]));
  }
  return fields.filter((f) => f.shown > 0);
}

/** Whether an item's card is shown under the filter (the screen's list and the outline agree). */
export function visibleItems(marks: Record<string, ItemMark>, filter: OutlineFilter, keep: ReadonlySet<string>): Set<string> | null {
  if (filter === 'all') return null;
  const out = new Set<string>();
  for (const [code, mark] of Object.entries(marks)) if (matches(mark, filter) || keep.has(code)) out.add(code);
  return out;
}
