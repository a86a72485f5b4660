/** Between an item's form (text boxes, as typed) and its ItemEntry (numbers, as stored). */
import { parsePoints } from '@shared/framework/points';
import { formatPoints } from '@shared/framework/points';
import type { FrameworkItem } from '@shared/framework/schema';
import type { ItemEntry, ItemInput } from '@shared/scoring/entry';
import { itemEntrySchema } from '@shared/scoring/entry';

export interface ItemForm {
  na: boolean;
  points: string;
  done: '' | 'yes' | 'no';
  level: string;
  numerator: string;
  denominator: string;
  complement: string;
  events: string;
}

export type FormProblem = { field: keyof ItemForm; key: 'notNumber' | 'notPoints' };

export function formFromEntry(entry: ItemEntry | null | undefined): ItemForm {
  const f: ItemForm = { na: !!entry?.notApplicable, points: '', done: '', level: '', numerator: '', denominator: '', complement: '', events: '' };
  const i = entry?.input;
  if (!i) return f;
  switch (i.type) {
    case 'manual': f.points = formatPoints(i.points).replace(/\./gu, ''); break;
    case 'binary': f.done = i.done ? 'yes' : 'no'; break;
    case 'tiered': f.level = i.level; break;
    case 'deduction': f.events = String(i.events); break;
    case 'bands': case 'ratio': case 'ratio-target':
      f.numerator = String(i.numerator);
      f.denominator = String(i.denominator);
      f.complement = i.complement === undefined ? '' : String(i.complement);
  }
  return f;
}

const INT = /^-?\d{1,12}$/u;

/**
 * The entry to store, or the problems that keep the typed text from being a number.
 * null entry = nothing entered. The shape is checked with the shared zod schema.
 */
export function entryFromForm(item: FrameworkItem, f: ItemForm): { entry: ItemEntry | null; problems: FormProblem[] } {
  const problems: FormProblem[] = [];
  const int = (field: keyof ItemForm, text: string): number | undefined => {
    const t = text.trim();
    if (!t) return undefined;
    if (!INT.test(t)) {
      problems.push({ field, key: 'notNumber' });
      return undefined;
    }
    return Number(t);
  };
  let input: ItemInput | undefined;
  const rule = item.rule;
  switch (rule.type) {
    case 'manual': {
      if (f.points.trim()) {
        const p = parsePoints(f.points);
        if (p === null) problems.push({ field: 'points', key: 'notPoints' });
        else input = { type: 'manual', points: p };
      }
      break;
    }
    case 'binary':
      if (f.done) input = { type: 'binary', done: f.done === 'yes' };
      break;
    case 'tiered':
      if (f.level) input = { type: 'tiered', level: f.level };
      break;
    case 'deduction': {
      const events = int('events', f.events);
      if (events !== undefined) input = { type: 'deduction', events };
      break;
    }
    case 'bands':
    case 'ratio':
    case 'ratio-target': {
      const numerator = int('numerator', f.numerator);
      const denominator = int('denominator', f.denominator);
      const complement = int('complement', f.complement);
      if (numerator !== undefined && denominator !== undefined) {
        input = { type: rule.type, numerator, denominator, ...(complement !== undefined ? { complement } : {}) };
      }
      break;
    }
    case 'survey':
      break;
  }
  if (problems.length) return { entry: null, problems };
  const raw = { ...(f.na ? { notApplicable: true } : {}), ...(input && !f.na ? { input } : {}) };
  if (!raw.notApplicable && !raw.input) return { entry: null, problems };
  const parsed = itemEntrySchema.safeParse(raw);
  return parsed.success ? { entry: parsed.data, problems } : { entry: null, problems: [{ field: 'points', key: 'notNumber' }] };
}
