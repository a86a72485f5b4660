/**
 * The self-assessment in the renderer: entries, evidence, lock, live scores, autosave.
 * An edit updates the item's entry, recomputes the scores (pure, fast) and keeps every
 * unchanged score object as it was, so only the edited item and the totals re-render.
 * Saves are debounced per item (≤ 250 ms) and flushed on blur and on leaving the screen.
 * A failed save is never dropped: the item stays in `unsaved` (with its error) until a save of it
 * succeeds (a success on another item does not clear it); `retry()` sends it again, and so does
 * the next change of any item.
 */
import { create } from 'zustand';
import type { Framework, FrameworkItem } from '@shared/framework/schema';
import type { LockInfo } from '@shared/ipc/assessment';
import type { EvidenceDocumentView, EvidenceFileView } from '@shared/ipc/evidence';
import type { ItemEntry, ItemScore, NodeScore, ScoreSummary } from '@shared/scoring/engine';
import type { SurveyTally } from '@shared/scoring/survey';
import { adjustmentAsItem, computeScores } from '@shared/scoring/engine';
// Not through useApiCall: saves are debounced per item and outlive the screen (flushed on
// leaving it and on pagehide), so the store owns these calls and reports through saveError.
import { client } from '../../../lib/api';

export const SAVE_DELAY_MS = 250;

interface State {
  status: 'idle' | 'loading' | 'ready' | 'error';
  /** Bumped by every load, so item forms start again from the stored values. */
  version: number;
  loadError: unknown;
  framework: Framework | null;
  /** Items and adjustments in screen order. */
  order: string[];
  itemsByCode: Map<string, FrameworkItem>;
  fieldOf: Map<string, string>;
  entries: Record<string, ItemEntry | null>;
  explanations: Record<string, string | null>;
  documents: EvidenceDocumentView[];
  files: EvidenceFileView[];
  lock: LockInfo | null;
  scores: ScoreSummary | null;
  /** The keyed survey's tally (main computes it): the index here is the one exported. */
  surveyTally: SurveyTally | null;
  savedAt: string | null;
  pending: number;
  /** Save keys (`entry:<code>`, `explanation:<code>`) whose last save failed, with the error. */
  unsaved: Record<string, unknown>;
  /** The latest error among `unsaved` (null when everything is saved). */
  saveError: unknown;
  /** Send every failed save again, now. */
  retry(): Promise<void>;
  load(): Promise<void>;
  setEntry(code: string, entry: ItemEntry | null): void;
  setExplanation(code: string, text: string): void;
  flush(): Promise<void>;
  setEvidence(documents: EvidenceDocumentView[], files: EvidenceFileView[]): void;
  setLock(lock: LockInfo): void;
}

const timers = new Map<string, ReturnType<typeof setTimeout>>();
const queued = new Map<string, () => Promise<unknown>>();
/** The save to send again for each key whose last save failed. */
const failedRuns = new Map<string, () => Promise<unknown>>();
/** A number per save issued for a key: only the latest one's outcome counts. */
const latest = new Map<string, number>();
let issued = 0;

/** The item code of a save key (`entry:1.2` → `1.2`). */
export function saveKeyItem(key: string): string {
  return key.slice(key.indexOf(':') + 1);
}

function sameScore(a: ItemScore | undefined, b: ItemScore): boolean {
  return !!a && a.points === b.points && a.applicableMax === b.applicableMax && a.status === b.status && a.percent === b.percent &&
    JSON.stringify(a.issues) === JSON.stringify(b.issues);
}
function sameNode(a: NodeScore | undefined, b: NodeScore): boolean {
  return !!a && a.points === b.points && a.max === b.max && a.applicableMax === b.applicableMax && a.done === b.done && a.required === b.required && a.errors === b.errors;
}

/** New scores, keeping the previous object wherever nothing changed (stable selectors). */
function rescore(framework: Framework, entries: Record<string, ItemEntry | null>, prev: ScoreSummary | null, tally: SurveyTally | null): ScoreSummary {
  const clean: Record<string, ItemEntry> = {};
  for (const [k, v] of Object.entries(entries)) if (v) clean[k] = v;
  const next = computeScores(framework, clean, tally ?? undefined);
  if (!prev) return next;
  for (const k of Object.keys(next.items)) if (sameScore(prev.items[k], next.items[k]!)) next.items[k] = prev.items[k]!;
  for (const k of Object.keys(next.adjustments.items)) if (sameScore(prev.adjustments.items[k], next.adjustments.items[k]!)) next.adjustments.items[k] = prev.adjustments.items[k]!;
  for (const k of Object.keys(next.fields)) if (sameNode(prev.fields[k], next.fields[k]!)) next.fields[k] = prev.fields[k]!;
  for (const k of Object.keys(next.criteria)) if (sameNode(prev.criteria[k], next.criteria[k]!)) next.criteria[k] = prev.criteria[k]!;
  return next;
}

export const useAssessment = create<State>((set, get) => {
  const queue = (key: string, run: () => Promise<unknown>): void => {
    const old = timers.get(key);
    if (old) clearTimeout(old);
    else set((s) => ({ pending: s.pending + 1 }));
    queued.set(key, run);
    timers.set(key, setTimeout(() => void fire(key), SAVE_DELAY_MS));
  };
  /** Failed saves go out again with the next change (unless a newer value of theirs is queued). */
  const requeueFailed = (): void => {
    for (const [key, run] of failedRuns) if (!queued.has(key)) queue(key, run);
  };
  const schedule = (key: string, run: () => Promise<unknown>): void => {
    queue(key, run);
    requeueFailed();
  };
  const fire = async (key: string): Promise<void> => {
    const run = queued.get(key);
    const t = timers.get(key);
    if (t) clearTimeout(t);
    timers.delete(key);
    queued.delete(key);
    if (!run) return;
    const seq = ++issued;
    latest.set(key, seq);
    try {
      const ack = (await run()) as { savedAt: string };
      if (latest.get(key) === seq) failedRuns.delete(key);
      set((s) => {
        if (latest.get(key) !== seq) return { pending: s.pending - 1 };
        const unsaved = { ...s.unsaved };
        delete unsaved[key];
        const errors = Object.values(unsaved);
        return {
          pending: s.pending - 1,
          savedAt: ack.savedAt > (s.savedAt ?? '') ? ack.savedAt : s.savedAt,
          unsaved,
          saveError: errors.length > 0 ? errors[errors.length - 1] : null,
        };
      });
    } catch (err) {
      if (latest.get(key) === seq) failedRuns.set(key, run);
      set((s) => (latest.get(key) === seq ? { pending: s.pending - 1, unsaved: { ...s.unsaved, [key]: err }, saveError: err } : { pending: s.pending - 1 }));
    }
  };
  return {
    status: 'idle',
    version: 0,
    loadError: null,
    framework: null,
    order: [],
    itemsByCode: new Map(),
    fieldOf: new Map(),
    entries: {},
    explanations: {},
    documents: [],
    files: [],
    lock: null,
    scores: null,
    surveyTally: null,
    savedAt: null,
    pending: 0,
    unsaved: {},
    saveError: null,
    async load() {
      set({ status: 'loading' });
      try {
        const v = await client.assessment.get();
        const order: string[] = [];
        const itemsByCode = new Map<string, FrameworkItem>();
        const fieldOf = new Map<string, string>();
        for (const f of v.framework.fields)
          for (const c of f.criteria)
            for (const i of c.items) {
              order.push(i.code);
              itemsByCode.set(i.code, i);
              fieldOf.set(i.code, f.code);
            }
        for (const a of v.framework.adjustments ?? []) {
          order.push(a.code);
          itemsByCode.set(a.code, adjustmentAsItem(a));
          fieldOf.set(a.code, 'adjustments');
        }
        const entries: Record<string, ItemEntry | null> = {};
        const explanations: Record<string, string | null> = {};
        for (const [code, e] of Object.entries(v.entries)) {
          entries[code] = e.entry;
          explanations[code] = e.explanation;
        }
        set((s) => ({
          version: s.version + 1,
          status: 'ready', framework: v.framework, order, itemsByCode, fieldOf, entries, explanations,
          documents: v.documents, files: v.files, lock: v.lock, savedAt: v.lastSavedAt, loadError: null,
          surveyTally: v.surveyTally,
          scores: rescore(v.framework, entries, null, v.surveyTally),
        }));
      } catch (err) {
        set({ status: 'error', loadError: err });
      }
    },
    setEntry(code, entry) {
      const { framework, entries, scores, surveyTally } = get();
      if (!framework) return;
      const next = { ...entries, [code]: entry };
      set({ entries: next, scores: rescore(framework, next, scores, surveyTally) });
      schedule(`entry:${code}`, () => client.assessment.setEntry({ code, entry }));
    },
    setExplanation(code, text) {
      set((s) => ({ explanations: { ...s.explanations, [code]: text } }));
      schedule(`explanation:${code}`, () => client.assessment.setExplanation({ code, text: text.trim() ? text : null }));
    },
    async flush() {
      await Promise.all([...queued.keys()].map((k) => fire(k)));
    },
    async retry() {
      requeueFailed();
      await get().flush();
    },
    setEvidence(documents, files) {
      set({ documents, files });
    },
    setLock(lock) {
      set({ lock });
    },
  };
});

/** Flush pending saves when the window goes away (closing, reloading). */
if (typeof window !== 'undefined') {
  window.addEventListener('pagehide', () => void useAssessment.getState().flush());
}
