/**
 * A fingerprint as a person types it after reading it from paper or hearing it on the phone:
 * groups may be separated by dashes or spaces (or not at all), in any case, and Crockford's
 * look-alikes read back as the characters they stand for (O → 0, I and L → 1). Everything else
 * must match exactly: a typed fingerprint is what a person vouches for.
 */
export function normaliseFingerprint(typed: string): string {
  return typed
    .normalize('NFKC')
    .toUpperCase()
    .replace(/[\s\-‐-―]/gu, '')
    .replace(/O/gu, '0')
    .replace(/[IL]/gu, '1');
}

/** Whether what a person typed is this fingerprint (all 52 characters, nothing more). */
export function sameFingerprint(typed: string, fingerprint: string): boolean {
  const t = normaliseFingerprint(typed);
  return t.length > 0 && t === normaliseFingerprint(fingerprint);
}

/**
 * Group by group, whether what was typed so far matches: true, false, or null for a group not
 * typed (completely) yet. For the screen that shows the comparison as the person types.
 */
export function groupMatches(typed: string, fingerprint: string): (boolean | null)[] {
  const t = normaliseFingerprint(typed);
  const groups = fingerprint.split('-');
  return groups.map((g, i) => {
    const part = t.slice(i * 4, i * 4 + 4);
    if (part.length === 0) return null;
    if (part.length < g.length) return g.startsWith(part) ? null : false;
    return part === g;
  });
}
