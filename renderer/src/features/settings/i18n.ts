import type { English } from '../../i18n/plural';
/** Strings of the deadline setting ("Hạn gửi hồ sơ"; feature key `deadlineSetting`). */
export const vi = {
  title: 'Hạn gửi hồ sơ năm {{year}}',
  intro: 'Hạn do đơn vị thẩm định đặt. Nếu bộ tiêu chí Sở phát hành (tệp đã ký) có ghi hạn thì dùng hạn đó; nếu chưa có, hãy nhập hạn theo công văn.',
  label: 'Hạn gửi hồ sơ (ngày/tháng/năm)',
  current: 'Đang dùng: {{date}} — {{source}}',
  none: 'Chưa có hạn gửi hồ sơ.',
  source: { signed: 'theo bộ tiêu chí Sở phát hành', typed: 'do xã nhập' },
  typedKept: 'Hạn xã đã nhập ({{date}}) được giữ lại nhưng không dùng vì đã có hạn trong bộ tiêu chí Sở phát hành.',
  save: 'Lưu hạn gửi hồ sơ', clear: 'Xóa hạn xã đã nhập', saved: 'Đã lưu.',
  invalid: 'Hãy nhập ngày dạng ngày/tháng/năm, ví dụ 15/10/2026.',
};

export const en: English<typeof vi> = {
  title: 'Submission deadline {{year}}',
  intro: 'Set by the reviewing unit. When the framework the Department published (the signed file) carries a deadline, that one counts; otherwise type the one from the official letter.',
  label: 'Submission deadline (day/month/year)',
  current: 'In use: {{date}} — {{source}}',
  none: 'No submission deadline yet.',
  source: { signed: 'from the framework the Department published', typed: 'typed by the commune' },
  typedKept: 'The deadline the commune typed ({{date}}) is kept but not used, because the published framework carries one.',
  save: 'Save the deadline', clear: 'Clear the typed deadline', saved: 'Saved.',
  invalid: 'Type a date as day/month/year, e.g. 15/10/2026.',
};
