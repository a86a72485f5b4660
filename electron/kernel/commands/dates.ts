import { dayOf, isCalendarDate } from '../../../shared/calendar-date';
import { UsageError } from './io';

/**
 * A date typed on the command line (--from, --effective…): exactly yyyy-mm-dd and a day that
 * exists, else a usage error (exit 2) that says what was typed and how to write it. `notAfter` /
 * `notBefore` bound it by a day (today, usually).
 */
export function dateArg(flag: string, value: string, bounds: { notAfter?: Date; notBefore?: Date } = {}): string {
  if (!isCalendarDate(value)) {
    throw new UsageError(`${flag} "${value}" không phải một ngày có thật theo dạng YYYY-MM-DD. Hãy nhập lại, ví dụ ${flag} 2026-11-22.`);
  }
  if (bounds.notAfter && value > dayOf(bounds.notAfter)) {
    throw new UsageError(`${flag} ${value} là ngày trong tương lai; ngày thu hồi là ngày khóa bị mất hoặc bị lộ, không được sau hôm nay (${dayOf(bounds.notAfter)}).`);
  }
  if (bounds.notBefore && value < dayOf(bounds.notBefore)) {
    throw new UsageError(`${flag} ${value} là ngày đã qua; ngày hiệu lực không được trước hôm nay (${dayOf(bounds.notBefore)}).`);
  }
  return value;
}
