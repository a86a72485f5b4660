/**
 * Refusals of steps 7 (issuer/key/commune/audience binding) and 8 (attachments) of a commune
 * report, after its signature and schema passed (docs/package-format.md §5). The checks are in
 * electron/services/report-checks.ts; `chiso verify --db` and the importer share them.
 */
export const REPORT_REFUSAL_CODES = [
  'ISSUER_KEY_MISMATCH',
  'ISSUER_MISMATCH',
  'ISSUER_PROVINCE_MISMATCH',
  'AUDIENCE_MISMATCH',
  'ATTACHMENT_DUPLICATE',
  'ATTACHMENT_INVALID',
  'ATTACHMENT_MISSING',
  'ATTACHMENT_MISMATCH',
] as const;
export type ReportRefusalCode = (typeof REPORT_REFUSAL_CODES)[number];

/** What happened and what to do, for the person verifying or importing. */
export const REPORT_REFUSAL_MESSAGES: Readonly<Record<ReportRefusalCode, string>> = {
  ISSUER_KEY_MISMATCH:
    'Gói ghi mã khóa hoặc khóa công khai của người gửi khác với khóa đã ký gói: gói đã bị lắp ghép. Không dùng gói này; hãy liên hệ xã gửi để xin bản gốc.',
  ISSUER_MISMATCH:
    'Khóa ký gói này được đăng ký cho một xã khác với xã ghi trong gói. Không dùng gói này; hãy liên hệ xã ghi trong gói và kiểm tra danh sách khóa đã đăng ký.',
  ISSUER_PROVINCE_MISMATCH:
    'Gói ghi xã thuộc một tỉnh khác với tỉnh của đơn vị thẩm định này. Hãy kiểm tra đã nhận đúng gói, hoặc chuyển gói cho đơn vị thẩm định của tỉnh đó.',
  AUDIENCE_MISMATCH:
    'Gói này được gửi cho một đơn vị thẩm định khác, không phải đơn vị này. Hãy chuyển gói cho đúng đơn vị ghi trong gói, hoặc đề nghị xã kiểm tra mã đơn vị thẩm định rồi xuất lại.',
  ATTACHMENT_DUPLICATE:
    'Gói có hai tài liệu kiểm chứng cùng mã nhưng nội dung khác nhau nên không biết tài liệu nào là đúng. Hãy đề nghị xã xuất lại gói.',
  ATTACHMENT_INVALID:
    'Một tài liệu kiểm chứng đính kèm trong gói không khớp kích thước hoặc mã SHA-256 đã ghi. Hãy đề nghị xã gửi lại gói.',
  ATTACHMENT_MISSING:
    'Một tiêu chí dẫn tới tài liệu kiểm chứng không có trong gói. Hãy đề nghị xã đính kèm lại tài liệu đó rồi xuất lại gói.',
  ATTACHMENT_MISMATCH:
    'Thông tin tài liệu kiểm chứng ghi ở một tiêu chí (kích thước, mã SHA-256 hoặc loại tệp) khác với tài liệu đính kèm trong gói. Hãy đề nghị xã xuất lại gói.',
};

export const REPORT_REFUSAL_MESSAGES_EN: Readonly<Record<ReportRefusalCode, string>> = {
  ISSUER_KEY_MISMATCH: 'The dossier names another key id or public key for its sender than the key that signed it: it was pieced together. Do not use it; ask the commune for the original.',
  ISSUER_MISMATCH: 'The signing key is enrolled for another commune than the one the dossier names. Do not use it; contact the commune named and check the enrolled keys.',
  ISSUER_PROVINCE_MISMATCH: 'The dossier names a commune in another province than this reviewing unit\'s. Check that this is the right dossier, or pass it to that province\'s reviewing unit.',
  AUDIENCE_MISMATCH: 'The dossier is addressed to another reviewing unit, not this one. Pass it to the unit it names, or ask the commune to check its reviewing unit code and export again.',
  ATTACHMENT_DUPLICATE: 'Two evidence files in the dossier share one id with different content, so it is unclear which is right. Ask the commune to export again.',
  ATTACHMENT_INVALID: 'An embedded evidence file does not have the size or SHA-256 written beside it. Ask the commune to send the dossier again.',
  ATTACHMENT_MISSING: 'An item points to an evidence file the dossier does not carry. Ask the commune to attach it again and export again.',
  ATTACHMENT_MISMATCH: 'An item describes its evidence file (size, SHA-256 or type) differently from the file embedded in the dossier. Ask the commune to export again.',
};
