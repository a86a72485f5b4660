/** The checklist's rows as Vietnamese sentences, for `chiso checklist` (the screen has its own catalogue). */
import type { ChecklistStep } from '../../../shared/ipc/home';
import { daysLeftText, viDay } from '../settings/sentences';

const MARK: Record<ChecklistStep['state'], string> = { done: '[x]', todo: '[ ]', doing: '[~]', attention: '[!]', waiting: '[…]' };

export function checklistLine(r: ChecklistStep): string {
  const c = r.counts;
  const text = ((): string => {
    switch (r.step) {
      case 'framework':
        return r.note === 'sample' ? 'Bộ tiêu chí: đang dùng bộ MẪU THAM KHẢO — hãy nạp bộ tiêu chí chính thức của tỉnh' : 'Bộ tiêu chí: bộ chính thức của tỉnh';
      case 'assessment':
        return `Tự đánh giá: đã nhập ${c['entered']}/${c['total']} tiêu chí thành phần, ${c['errors']} có lỗi, ${c['missingEvidence']} thiếu tài liệu kiểm chứng`;
      case 'survey':
        return r.note === 'beyond' || r.note === 'reached'
          ? `Điều tra xã hội học: đủ ${c['target']}/${c['target']} phiếu${c['beyondTarget'] ? `, thừa ${c['beyondTarget']} phiếu so với chỉ tiêu` : ''}, nhập lần 2 ${c['secondPassPercent']} %`
          : `Điều tra xã hội học: ${c['forms']}/${c['target']} phiếu (tối thiểu ${c['minimum']}), nhập lần 2 ${c['secondPassPercent']} %`;
      case 'finalise':
        return r.state === 'done' ? `Chốt số liệu: đã chốt (lần ${c['revision']})` : `Chốt số liệu: chưa chốt${c['errors'] ? ` — còn ${c['errors']} lỗi` : ''}${c['missing'] ? `, ${c['missing']} tiêu chí bắt buộc chưa nhập` : ''}`;
      case 'key':
        return r.state === 'done' ? 'Khóa ký: đã có' : 'Khóa ký: chưa tạo';
      case 'backup':
        return r.state === 'done' ? 'Sao lưu khóa ký: đã sao lưu' : 'Sao lưu khóa ký: chưa sao lưu — hãy sao lưu ra USB và cất giữ';
      case 'enrolment':
        return r.state === 'done' ? 'Đăng ký khóa: đơn vị thẩm định đã duyệt' : r.state === 'waiting' ? 'Đăng ký khóa: đã gửi đề nghị, chờ duyệt' : 'Đăng ký khóa: chưa gửi đề nghị';
      case 'export':
        return r.note === 'resend' ? `Gửi hồ sơ: đã gửi lần ${c['revision']}, có ${c['changes']} thay đổi sau đó — cần gửi lại` : c['revision'] ? `Gửi hồ sơ: đã gửi lần ${c['revision']}` : 'Gửi hồ sơ: chưa gửi';
    }
  })();
  // The export row names the deadline; the days left only while something is still to send.
  const due = r.step !== 'export' || !r.deadline ? '' : r.state === 'done' ? ` — hạn ${viDay(r.deadline)}` : ` — hạn ${viDay(r.deadline)} (${daysLeftText(r.counts['daysLeft'] ?? 0)})`;
  return `${MARK[r.state]} ${text}${due}`;
}
