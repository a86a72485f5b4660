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
  /** Increment rules: how many units ("số sáng kiến"). */
  units: string;
  /** Formula rules: each input as typed, by its name. */
  values: Record<string, string>;
}

export type FormProblem = { field: keyof ItemForm | `values.${string}`; key: 'notNumber' | 'notPoints' | 'notDecimal' };

export function formFromEntry(entry: ItemEntry | null | undefined): ItemForm {
  const f: ItemForm = { na: !!entry?.notApplicable, points: '', done: '', level: '', numerator: '', denominator: '', complement: '', events: '', units: '', values: {} };
  const i = entry?.input;
  if (!i) return f;
  switch (i.type) {
    case 'manual': f.points = formatPoints(i.points).replace(/\./gu, ''); break;
    case 'binary': f.done = i.done ? 'yes' : 'no'; break;
    case 'tiered': f.level = i.level; break;
    case 'deduction': f.events = String(i.events); break;
    case 'increment': f.units = String(i.units); break;
    // A decimal input shows with the Vietnamese comma, as it was typed.
    case 'formula': f.values = Object.fromEntries(Object.entries(i.values).map(([k, v]) => [k, String(v).replace('.', ',')])); break;
    case 'bands': case 'ratio': case 'ratio-target':
      f.numerator = String(i.numerator);
      f.denominator = String(i.denominator);
      f.complement = i.complement === undefined ? '' : String(i.complement);
  }
  return f;
}

const INT = /^-?\d{1,12}$/u;
/** "98,89" or "98.89" or "12": a decimal as a clerk types it. */
const DECIMAL = /^\d{1,12}(?:[.,]\d{1,6})?$/u;

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
    case 'increment': {
      const units = int('units', f.units);
      if (units !== undefined) input = { type: 'increment', units };
      break;
    }
    case 'formula': {
      const values: Record<string, number> = {};
      for (const i of rule.inputs) {
        const t = (f.values?.[i.name] ?? '').trim();
        if (!t) continue;
        const decimal = (i.kind ?? 'count') === 'number';
        if (decimal ? !DECIMAL.test(t) : !INT.test(t)) {
          problems.push({ field: `values.${i.name}`, key: decimal ? 'notDecimal' : 'notNumber' });
          continue;
        }
        values[i.name] = Number(t.replace(',', '.'));
      }
      // Partly typed: kept as typed; the engine says which input is still missing.
      if (Object.keys(values).length > 0) input = { type: 'formula', values };
      break;
    }
    case 'survey':
      // Survey points the commune enters itself (a survey run by someone else), in points.
      if (rule.source === 'entered' && f.points.trim()) {
        const p = parsePoints(f.points);
        if (p === null) problems.push({ field: 'points', key: 'notPoints' });
        else input = { type: 'manual', points: p };
      }
      break;
  }
  if (problems.length) return { entry: null, problems };
  const raw = { ...(f.na ? { notApplicable: true } : {}), ...(input && !f.na ? { input } : {}) };
  if (!raw.notApplicable && !raw.input) return { entry: null, problems };
  const parsed = itemEntrySchema.safeParse(raw);
  return parsed.success ? { entry: parsed.data, problems } : { entry: null, problems: [{ field: 'points', key: 'notNumber' }] };
}
