/**
 * Two frameworks side by side (another province's, or an earlier version): which items are new,
 * which are gone, which moved to another criterion or field, and which changed their points,
 * rule, wording or not-applicable treatment. Items and adjustments are matched by code, as a
 * commune's entries are when a framework is replaced.
 */
import canonicalize from 'canonicalize';
import type { Framework } from './schema';

export interface DiffItem {
  code: string;
  title: string;
  maxPoints: number;
  /** "1 / 1.3" (field / criterion), or "thưởng" / "trừ" for adjustments. */
  place: string;
}

export type ChangedAspect = 'maxPoints' | 'rule' | 'title' | 'scoringText' | 'notApplicable' | 'evidence' | 'unitTypes' | 'variants';

export interface FrameworkDiff {
  added: DiffItem[];
  removed: DiffItem[];
  moved: { code: string; title: string; from: string; to: string }[];
  changed: { code: string; title: string; aspects: ChangedAspect[]; before: DiffItem; after: DiffItem }[];
  totalMax: { before: number; after: number };
  unchanged: number;
}

interface Entry extends DiffItem {
  node: Record<string, unknown>;
}

function entries(fw: Framework): Map<string, Entry> {
  const m = new Map<string, Entry>();
  for (const f of fw.fields) {
    for (const c of f.criteria) {
      for (const i of c.items) m.set(i.code, { code: i.code, title: i.title, maxPoints: i.maxPoints, place: `${f.code} / ${c.code}`, node: i as unknown as Record<string, unknown> });
    }
  }
  for (const a of fw.adjustments ?? []) {
    m.set(a.code, { code: a.code, title: a.title, maxPoints: a.cap, place: a.kind === 'bonus' ? 'thưởng' : 'trừ', node: { ...a, maxPoints: a.cap } as unknown as Record<string, unknown> });
  }
  return m;
}

const same = (a: unknown, b: unknown): boolean => canonicalize(a ?? null) === canonicalize(b ?? null);
const strip = ({ node: _node, ...rest }: Entry): DiffItem => rest;
const ASPECTS: ChangedAspect[] = ['maxPoints', 'rule', 'title', 'scoringText', 'notApplicable', 'evidence', 'unitTypes', 'variants'];

export function compareFrameworks(before: Framework, after: Framework): FrameworkDiff {
  const a = entries(before);
  const b = entries(after);
  const diff: FrameworkDiff = { added: [], removed: [], moved: [], changed: [], totalMax: { before: before.totalMax, after: after.totalMax }, unchanged: 0 };
  for (const [code, x] of a) if (!b.has(code)) diff.removed.push(strip(x));
  for (const [code, y] of b) {
    const x = a.get(code);
    if (!x) {
      diff.added.push(strip(y));
      continue;
    }
    if (x.place !== y.place) diff.moved.push({ code, title: y.title, from: x.place, to: y.place });
    const aspects = ASPECTS.filter((k) => {
      if (k === 'notApplicable') return !same(x.node['notApplicable'], y.node['notApplicable']) || !same(x.node['notApplicablePoints'], y.node['notApplicablePoints']);
      return !same(x.node[k], y.node[k]);
    });
    if (aspects.length > 0) diff.changed.push({ code, title: y.title, aspects, before: strip(x), after: strip(y) });
    else if (x.place === y.place) diff.unchanged++;
  }
  return diff;
}
