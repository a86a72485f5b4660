/** How a clerk types an item's entry with the keyboard (for the end-to-end test and the bench). */
import type { FrameworkItem } from '../../shared/framework/schema';
import type { ItemEntry } from '../../shared/scoring/entry';

export type Stroke = { type: string } | { press: string };

const text = (n: number): string => String(n);

/** Keys from the item's first input to the next item (Enter in the last box moves on). */
export function strokesFor(item: FrameworkItem, entry: ItemEntry | undefined): Stroke[] {
  const out: Stroke[] = [];
  const naBox = item.notApplicable !== 'not-allowed';
  if (item.rule.type === 'survey') return [{ press: 'PageDown' }];
  if (entry?.notApplicable) {
    // Go through the empty inputs to the "không áp dụng" box, tick it, move on.
    const inputs = inputCount(item);
    for (let i = 0; i < inputs; i += 1) out.push({ press: 'Enter' });
    out.push({ press: 'Space' }, { press: 'Enter' });
    return out;
  }
  const input = entry?.input;
  if (!input) return [{ press: 'PageDown' }];
  switch (input.type) {
    case 'binary':
      out.push({ press: input.done ? 'ArrowDown' : 'ArrowDown' }, ...(input.done ? [] : [{ press: 'ArrowDown' }]), { press: 'Enter' });
      break;
    case 'tiered': {
      const rule = item.rule.type === 'tiered' ? item.rule : null;
      const at = rule ? rule.levels.findIndex((l) => l.id === input.level) : 0;
      for (let i = 0; i <= at; i += 1) out.push({ press: 'ArrowDown' });
      out.push({ press: 'Enter' });
      break;
    }
    case 'manual':
      out.push({ type: (input.points / 100).toFixed(2).replace('.', ',') }, { press: 'Enter' });
      break;
    case 'deduction':
      out.push({ type: text(input.events) }, { press: 'Enter' });
      break;
    case 'bands': case 'ratio': case 'ratio-target': {
      out.push({ type: text(input.numerator) }, { press: 'Enter' }, { type: text(input.denominator) }, { press: 'Enter' });
      const hasComplement = 'complementLabel' in item.rule && !!item.rule.complementLabel;
      if (hasComplement) out.push(...(input.complement !== undefined ? [{ type: text(input.complement) }] : []), { press: 'Enter' });
    }
  }
  if (naBox) out.push({ press: 'Enter' });
  return out;
}

function inputCount(item: FrameworkItem): number {
  const r = item.rule;
  if (r.type === 'bands' || r.type === 'ratio' || r.type === 'ratio-target') return r.complementLabel ? 3 : 2;
  return r.type === 'survey' ? 0 : 1;
}
