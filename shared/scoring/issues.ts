/**
 * Problems with an entered value. `code` is stable (the renderer and reports key on it);
 * `message` is a ready Vietnamese sentence saying what is wrong and what to do.
 * A value with an error never counts: the item scores 0 with status 'error'.
 */
export const ENTRY_ISSUE_CODES = [
  'WRONG_INPUT_TYPE',
  'NA_NOT_ALLOWED',
  'NOT_INTEGER',
  'NEGATIVE',
  'ABOVE_MAX',
  'NOT_A_STEP',
  'UNKNOWN_LEVEL',
  'DENOMINATOR_ZERO',
  'NUMERATOR_ABOVE_DENOMINATOR',
  'COMPLEMENT_MISMATCH',
  'NOT_A_NUMBER',
  'FORMULA_INPUT_MISSING',
  'FORMULA_UNKNOWN_INPUT',
  'DIVISION_BY_ZERO',
  'NOT_A_CRITERION_ENTRY',
  'IGNORED_BY_CRITERION_NA',
] as const;

export type EntryIssueCode = (typeof ENTRY_ISSUE_CODES)[number];

/** Which input the problem is about, so a form can mark that box. */
export type EntryIssueField =
  | 'notApplicable'
  | 'input'
  | 'points'
  | 'level'
  | 'numerator'
  | 'denominator'
  | 'complement'
  | 'events'
  | 'units'
  | 'values';

export interface ValidationIssue {
  code: EntryIssueCode;
  severity: 'error' | 'warning';
  field: EntryIssueField;
  message: string;
}

export function entryError(code: EntryIssueCode, field: EntryIssueField, message: string): ValidationIssue {
  return { code, severity: 'error', field, message };
}

export function entryWarning(code: EntryIssueCode, field: EntryIssueField, message: string): ValidationIssue {
  return { code, severity: 'warning', field, message };
}

export function hasErrors(issues: readonly ValidationIssue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}
