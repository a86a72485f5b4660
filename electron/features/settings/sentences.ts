/** The deadline as `chiso` says it (the screen has its own catalogue). */
import type { CommuneDeadline } from '../../../shared/ipc/settings';

/** '2026-10-15' → "15/10/2026". */
export function viDay(iso: string): string {
  const [y, m, d] = iso.split('-');
  return `${d}/${m}/${y}`;
}

export function daysLeftText(daysLeft: number): string {
  return daysLeft > 0 ? `còn ${daysLeft} ngày` : daysLeft === 0 ? 'hôm nay là hạn' : `quá hạn ${-daysLeft} ngày`;
}

/** "15/10/2026 (còn 12 ngày) — theo bộ tiêu chí Sở phát hành". */
export function deadlineSentence(d: CommuneDeadline): string {
  return `${viDay(d.date)} (${daysLeftText(d.daysLeft)}) — ${d.source === 'signed' ? 'theo bộ tiêu chí Sở phát hành' : 'do xã nhập'}`;
}
