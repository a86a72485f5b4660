/**
 * The answers of one survey form in a commune's package: question code → option value, integer
 * or text. The hottest check of the payload schema (hundreds of forms × dozens of answers), kept
 * apart from the envelope's schemas.
 */
import { z } from 'zod';
import { isNameChars, isProse, NAME_CHARS_PATTERN, PROSE_TEXT_PATTERN } from '../text';

/**
 * A report carries hundreds of forms × dozens of answers: a zod record of unions costs ~3 ms per
 * package there, so the answers are checked by one plain loop. ANSWERS_JSON_SCHEMA says the same
 * thing for docs/schemas (the generator substitutes it for this custom type).
 */
export function isAnswers(v: unknown): v is Record<string, string | number | null> {
  if (typeof v !== 'object' || v === null || Array.isArray(v)) return false;
  for (const k in v) {
    if (!GOOD_CODES.has(k)) {
      if (k.length < 1 || k.length > 64 || !isNameChars(k)) return false;
      remember(GOOD_CODES, k);
    }
    const a = (v as Record<string, unknown>)[k];
    if (a === null || (typeof a === 'number' && Number.isSafeInteger(a))) continue;
    if (typeof a !== 'string' || a.length > 2000) return false;
    if (a.length <= 16 && GOOD_SHORT.has(a)) continue;
    if (!isProse(a)) return false;
    if (a.length <= 16) remember(GOOD_SHORT, a);
  }
  return true;
}

/**
 * Question codes and short answers (option values) already found good: the same few dozen recur
 * in every form of every package, so each is tested once. Only strings that passed are kept, and
 * never more than a few thousand.
 */
const GOOD_CODES = new Set<string>();
const GOOD_SHORT = new Set<string>();
function remember(set: Set<string>, s: string): void {
  if (set.size >= 4096) set.clear();
  set.add(s);
}
export const answersSchema = z.custom<Record<string, string | number | null>>(isAnswers, {
  error: 'answers: question code (1–64 characters, no control or invisible character) → string (≤ 2000, prose), safe integer or null',
});
export const ANSWERS_JSON_SCHEMA = {
  type: 'object',
  propertyNames: { type: 'string', minLength: 1, maxLength: 64, pattern: NAME_CHARS_PATTERN.source },
  additionalProperties: {
    anyOf: [
      { type: 'string', maxLength: 2000, pattern: PROSE_TEXT_PATTERN.source },
      { type: 'integer', minimum: -Number.MAX_SAFE_INTEGER, maximum: Number.MAX_SAFE_INTEGER },
      { type: 'null' },
    ],
  },
} as const;

