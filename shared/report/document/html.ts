/**
 * Small helpers for the printed report: escaping for HTML text, attributes and CSS strings,
 * the unit-type words, and the group colours shared by the charts and the tables.
 */
import type { CommuneType } from '../types';

/** Text safe inside HTML elements, attribute values and SVG text. */
export function esc(s: string): string {
  return s.replace(/[&<>"']/gu, (c) => `&#${c.charCodeAt(0)};`);
}

/**
 * A CSS string literal (for `content:` in the page margins): backslash-escaped, with no way to
 * close the string, the rule or the style element.
 */
export function cssString(s: string): string {
  const body = [...s]
    .map((c) => {
      const code = c.codePointAt(0) as number;
      return code < 0x20 || c === '"' || c === '\\' || c === '<' || c === '>' || code === 0x7f ? `\\${code.toString(16)} ` : c;
    })
    .join('');
  return `"${body}"`;
}

export const TYPE_LABEL: Record<CommuneType, string> = { xa: 'Xã', phuong: 'Phường', 'thi-tran': 'Thị trấn', 'dac-khu': 'Đặc khu' };

/**
 * One colour per band, from the highest band down; print-safe (distinct in greyscale too:
 * darker for higher bands). A framework with more bands than colours repeats the last one.
 */
const GROUP_COLOURS = ['#1b5e20', '#1565c0', '#ef8f00', '#c62828', '#6a1b9a', '#546e7a'];

export function groupColour(bandIndex: number): string {
  return GROUP_COLOURS[Math.min(Math.max(bandIndex, 0), GROUP_COLOURS.length - 1)] as string;
}

/** Cut a label to at most `max` characters (whole code points), with "…". */
export function clip(s: string, max: number): string {
  const chars = [...s];
  return chars.length <= max ? s : `${chars.slice(0, max - 1).join('').trimEnd()}…`;
}
