/**
 * Everything in a score summary that must stop "Chốt số liệu" (finalising): items and
 * adjustments whose entry has a hard error, a whole-criterion mark with a hard error, and the
 * survey when the framework blocks below its minimum of questionnaires. Finalising reads this
 * list; the items and criteria are in framework order.
 */
import type { ScoreSummary } from './engine';

export interface BlockingProblem {
  kind: 'item' | 'adjustment' | 'criterion' | 'survey';
  /** The item, adjustment or criterion code; null for the survey. */
  code: string | null;
  issueCode: string;
  /** A Vietnamese sentence saying what is wrong and what to do. */
  message: string;
}

export function blockingProblems(s: ScoreSummary): BlockingProblem[] {
  const out: BlockingProblem[] = [];
  const fromIssues = (kind: BlockingProblem['kind'], code: string, issues: readonly { severity: string; code: string; message: string }[]): void => {
    const first = issues.find((i) => i.severity === 'error');
    if (first) out.push({ kind, code, issueCode: first.code, message: first.message });
  };
  for (const [code, score] of Object.entries(s.items)) if (score.status === 'error') fromIssues('item', code, score.issues);
  for (const [code, node] of Object.entries(s.criteria)) fromIssues('criterion', code, node.issues ?? []);
  for (const [code, score] of Object.entries(s.adjustments.items)) if (score.status === 'error') fromIssues('adjustment', code, score.issues);
  for (const issue of s.surveyStatus.issues) if (issue.severity === 'error') out.push({ kind: 'survey', code: null, issueCode: issue.code, message: issue.message });
  return out;
}
