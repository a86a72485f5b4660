/**
 * What the reviewing unit reads of a received package's `completeness` block: one sentence per
 * warning the commune overrode at export, in the reviewer's words ("xã đã xác nhận …", not the
 * commune's own check wording), Vietnamese and English, and the commune's reason beside it.
 *
 * The reason is commune text: every sentence here passes it, and an unknown code, through
 * `printable`, so a control or bidi character shows as an escape instead of acting.
 */
import type { CommuneReport } from './envelope';
import { printable } from '../text';

export type PackageCompleteness = NonNullable<CommuneReport['completeness']>;
export type PackageOverride = PackageCompleteness['overrides'][number];
export type NoteLang = 'vi' | 'en';

/** The sentence for one overridden warning, without its reason. */
export function overrideNote(o: Pick<PackageOverride, 'code'>, c: Pick<PackageCompleteness, 'forms'>, lang: NoteLang): string {
  const forms = c.forms.minimum === null ? '' : ` (${c.forms.saved}/${c.forms.minimum})`;
  switch (o.code) {
    case 'DEADLINE_PASSED':
      return lang === 'vi' ? 'Xã gửi muộn (sau hạn gửi hồ sơ) và đã xác nhận gửi' : 'The commune sent after the submission deadline and confirmed sending';
    case 'SURVEY_BELOW_MINIMUM':
      return lang === 'vi' ? `Xã đã xác nhận gửi khi chưa đủ số phiếu tối thiểu${forms}` : `The commune confirmed sending with fewer survey forms than the minimum${forms}`;
    case 'SAMPLE_FRAMEWORK':
      return lang === 'vi'
        ? 'Xã đã xác nhận gửi khi đang dùng bộ tiêu chí mẫu, không phải bộ tiêu chí của tỉnh'
        : 'The commune confirmed sending while using the sample framework, not the province\'s';
    default:
      return lang === 'vi' ? `Xã đã xác nhận gửi dù có cảnh báo ${printable(o.code)}` : `The commune confirmed sending despite the warning ${printable(o.code)}`;
  }
}

/** The sentence with the commune's reason: "Xã gửi muộn …, lý do: Chờ UBND huyện ký văn bản". */
export function overrideLine(o: PackageOverride, c: Pick<PackageCompleteness, 'forms'>, lang: NoteLang): string {
  return `${overrideNote(o, c, lang)}, ${lang === 'vi' ? 'lý do' : 'reason'}: ${printable(o.reason)}`;
}

/** The order a reviewer reads them in: late first, then the forms, then the framework, then any other. */
const ORDER = ['DEADLINE_PASSED', 'SURVEY_BELOW_MINIMUM', 'SAMPLE_FRAMEWORK'];
const rank = (code: string) => (ORDER.includes(code) ? ORDER.indexOf(code) : ORDER.length);

/** Every override of a block as lines, late first (none when the package carries no block or overrode nothing). */
export function overrideLines(c: PackageCompleteness | null, lang: NoteLang): string[] {
  return c ? [...c.overrides].sort((a, b) => rank(a.code) - rank(b.code)).map((o) => overrideLine(o, c, lang)) : [];
}

/** Whether the commune confirmed sending late (its package carries the DEADLINE_PASSED override). */
export function lateReason(c: PackageCompleteness | null): string | null {
  return c?.overrides.find((o) => o.code === 'DEADLINE_PASSED')?.reason ?? null;
}
