/**
 * One line of the entries-file preview in the change log's own words ("Mục 1.2: 9/4 → 50/46"),
 * so what the clerk confirms reads like what the change log will say afterwards.
 */
import type { FrameworkItem } from '@shared/framework/schema';
import type { ItemChange } from '@shared/ipc/assessment';
import { entryWords } from '../../audit/audit-sentence';

export function changeWords(c: ItemChange, item: FrameworkItem | undefined, lang: 'vi' | 'en'): string | null {
  if (c.before === null && c.after === null) return null;
  const rule = item?.rule;
  const level = (id: string) => (rule?.type === 'tiered' ? rule.levels.find((l) => l.id === id)?.label : undefined);
  return `${entryWords(c.before, lang, level)} → ${entryWords(c.after, lang, level)}`;
}
