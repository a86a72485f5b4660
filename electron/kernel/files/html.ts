/** Helpers for the self-contained HTML documents the app prints (summary, enrolment form). */

/** Text safe inside HTML elements and attribute values. */
export const escapeHtml = (s: string): string => s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);

/** An ISO date (yyyy-mm-dd, or a timestamp) as Vietnamese write it: dd/mm/yyyy. */
export function viDate(iso: string): string {
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}
