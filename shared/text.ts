/** Vietnamese text arrives NFC or NFD depending on the keyboard tool: store NFC. */
export function nfc(s: string): string {
  return s.normalize('NFC');
}

/** NFC, trimmed, inner runs of white space folded to one space. */
export function normaliseName(s: string): string {
  return nfc(s).trim().replace(/\s+/gu, ' ');
}

/** Compare names the Vietnamese way (ă after a, đ after d, tones secondary). */
export const viCollator = new Intl.Collator('vi', { sensitivity: 'base', numeric: true });
