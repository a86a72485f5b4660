import type { English } from '../../../i18n/plural';
/** Strings of the appraisal result on the commune's criteria screen (feature key `communeAppraisal`). */
export const vi = {
  import: 'Nhập kết quả thẩm định…',
  banner: 'Kết quả thẩm định vòng {{round}} (hồ sơ lần {{revision}}): {{requests}} yêu cầu, đã trả lời {{answered}}. Trả lời ngay dưới từng tiêu chí rồi xuất hồ sơ lần mới.',
  bannerLocked: 'Kết quả thẩm định vòng {{round}} (hồ sơ lần {{revision}}) đã được khóa và phê duyệt.',
  imported: 'Đã nhập kết quả thẩm định: {{comments}} nhận xét, {{requests}} yêu cầu.',
  duplicate: 'Kết quả này đã được nhập trước đây; không có gì thay đổi.',
  note: 'Thẩm định', appraised: 'Điểm thẩm định {{points}} (tự chấm {{self}})', notAppraised: 'Chưa thẩm định (giữ điểm tự chấm {{self}})',
  comment: 'Nhận xét', explain: 'Yêu cầu giải trình', evidence: 'Yêu cầu bổ sung tài liệu',
  answer: 'Trả lời của xã', save: 'Lưu trả lời', saved: 'Đã lưu',
};

export const en: English<typeof vi> = {
  import: 'Import the appraisal result…',
  banner: 'Appraisal result, round {{round}} (revision {{revision}}): requests: {{requests}}, answered: {{answered}}. Answer under each item, then export a new revision.',
  bannerLocked: 'The appraisal result, round {{round}} (revision {{revision}}), is locked and approved.',
  imported: 'Appraisal result imported: comments: {{comments}}, requests: {{requests}}.',
  duplicate: 'This result was imported before; nothing changed.',
  note: 'Appraisal', appraised: 'Appraised {{points}} (self-score {{self}})', notAppraised: 'Not appraised (stays at the self-score {{self}})',
  comment: 'Comment', explain: 'Explanation requested', evidence: 'More evidence requested',
  answer: 'Commune\'s answer', save: 'Save the answer', saved: 'Saved',
};
