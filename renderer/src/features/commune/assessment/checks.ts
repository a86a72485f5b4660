/**
 * The "Kiểm tra" list: every hard error (from the engine's validateEntry, with its code)
 * and every warning, each pointing at its item. Pure, so it is cheap to recompute.
 */
import type { FrameworkItem } from '@shared/framework/schema';
import type { ItemEntry, ScoreSummary } from '@shared/scoring/engine';

export interface Check {
  code: string;
  severity: 'error' | 'warning';
  /** i18n key under assessment.check, or null when `text` is the engine's own sentence. */
  key: 'missing' | 'noEvidence' | 'naNoReason' | null;
  text: string;
  points?: number;
}

export interface CheckInput {
  order: string[];
  itemsByCode: Map<string, FrameworkItem>;
  entries: Record<string, ItemEntry | null>;
  explanations: Record<string, string | null>;
  evidenceCount: Map<string, number>;
  scores: ScoreSummary;
}

export function runChecks(c: CheckInput): Check[] {
  const out: Check[] = [];
  for (const code of c.order) {
    const item = c.itemsByCode.get(code);
    const score = c.scores.items[code] ?? c.scores.adjustments.items[code];
    if (!item || !score) continue;
    for (const issue of score.issues) out.push({ code, severity: issue.severity, key: null, text: issue.message });
    const explained = !!c.explanations[code]?.trim();
    const evidence = (c.evidenceCount.get(code) ?? 0) > 0;
    if (score.status === 'empty' && item.required && item.rule.type !== 'survey') out.push({ code, severity: 'error', key: 'missing', text: '' });
    if (score.status === 'scored' && item.rule.type !== 'survey' && score.points > 0 && !evidence && !explained) {
      out.push({ code, severity: 'error', key: 'noEvidence', text: '', points: score.points });
    }
    if (score.status === 'na' && !explained && c.entries[code]?.notApplicable) out.push({ code, severity: 'warning', key: 'naNoReason', text: '' });
  }
  return out;
}
