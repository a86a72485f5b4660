import { vi as diagnosticsVi } from '../features/diagnostics/i18n';
import { vi as checklistVI } from '../features/home/i18n';
import { vi as deadlineSettingVI } from '../features/settings/i18n';
import { vi as rosterVi } from '../features/review/roster/i18n';
import { vi as reviewFrameworksVi } from '../features/review/frameworks/i18n';
import { vi as assessmentVI } from '../features/commune/assessment/i18n';
import { errorMessages, fieldMessages } from '@shared/i18n/errors';
import { vi as packageVi } from '../features/commune/package/i18n';
import { vi as reviewImportVi } from '../features/review/import/i18n';
import { vi as reviewReportVi } from '../features/review/report/i18n';
import { vi as appraisalVi } from '../features/review/appraisal/i18n';
import { vi as communeAppraisalVi } from '../features/commune/appraisal/i18n';
import { vi as backupVi } from '../features/backup/i18n';
import { vi as reviewEnrolmentVi } from '../features/review/enrolment/i18n';
import { vi as surveyVi } from '../features/commune/survey/i18n';
import type { English } from './plural';

/** Vietnamese: the default language and the source of every key. */
export const vi = {
  app: { name: 'Chỉ số CCHC', subtitle: 'Chỉ số cải cách hành chính cấp xã' },
  nav: { home: 'Trang chủ', assessment: 'Tự đánh giá', framework: 'Bộ tiêu chí', audit: 'Nhật ký thay đổi', backup: 'Sao lưu và khôi phục', settings: 'Cài đặt', about: 'Giới thiệu', reviewerKey: 'Khóa ký của đơn vị' },
  common: {
    loading: 'Đang tải…', save: 'Lưu', cancel: 'Hủy', back: 'Quay lại', next: 'Tiếp tục',
    details: 'Chi tiết kỹ thuật', sample: 'Mẫu (tham khảo)', points: 'điểm', none: '—', retry: 'Thử lại', print: 'In…', printed: 'Đã gửi tới máy in.',
  },
  roles: {
    commune: 'Xã, phường, đặc khu', communeHint: 'Tự đánh giá, nhập phiếu điều tra xã hội học và gửi hồ sơ lên đơn vị thẩm định.',
    district: 'Đơn vị thẩm định', districtHint: 'Phòng Nội vụ huyện (trước 7/2025) hoặc Sở Nội vụ tỉnh: nhận hồ sơ, thẩm định, xếp hạng, báo cáo.',
    levelDistrict: 'Phòng Nội vụ cấp huyện (trước 7/2025)', levelProvince: 'Sở Nội vụ cấp tỉnh',
    communeShort: 'Xã/phường tự đánh giá', districtShort: 'Phòng Nội vụ huyện — thẩm định', provinceShort: 'Sở Nội vụ tỉnh — thẩm định',
  },
  setup: {
    unitType: 'Loại đơn vị (quyết định phương án chấm điểm trong bộ tiêu chí)', unitTypes: { xa: 'Xã', phuong: 'Phường', 'dac-khu': 'Đặc khu', 'thi-tran': 'Thị trấn (trước 7/2025)' },
    title: 'Thiết lập ban đầu', intro: 'Chọn vai trò của máy này. Thông tin được lưu trên máy, không cần mạng.',
    step1: 'Bước 1/2: Vai trò', step2: 'Bước 2/2: Thông tin đơn vị',
    level: 'Cấp thẩm định', unitCodeCommune: 'Mã xã (5 chữ số)', unitCodeDistrict: 'Mã huyện (3 chữ số)', unitCodeProvince: 'Mã tỉnh của Sở (2 chữ số)',
    unitNameCommune: 'Tên xã/phường/đặc khu', unitNameReviewer: 'Tên đơn vị', unitNamePlaceholderCommune: 'Ví dụ: Xã Bình Đào', unitNamePlaceholderReviewer: 'Ví dụ: Sở Nội vụ tỉnh Quảng Trị',
    provinceCode: 'Mã tỉnh (2 chữ số)', reviewerCode: 'Mã đơn vị thẩm định', reviewerHint: 'Mã tỉnh (2 chữ số) nếu gửi lên Sở Nội vụ; mã huyện (3 chữ số) với dữ liệu trước 7/2025.',
    officerName: 'Họ tên người thực hiện', officerTitle: 'Chức vụ', officerTitlePlaceholder: 'Ví dụ: Công chức Văn phòng - Thống kê',
    year: 'Năm đánh giá', framework: 'Bộ tiêu chí', frameworkSample: 'Dùng bộ tiêu chí mẫu đi kèm ứng dụng (để làm quen; tỉnh sẽ ban hành bộ chính thức)',
    frameworkFile: 'Chọn tệp bộ tiêu chí do tỉnh ban hành (JSON)…', frameworkChosen: 'Đã chọn: {{title}} — tỉnh {{province}}, năm {{year}}, {{items}} tiêu chí thành phần',
    submit: 'Hoàn tất thiết lập', saving: 'Đang lưu…', optional: '(không bắt buộc)',
  },
  home: {
    welcome: 'Xin chào, {{name}}', identity: 'Thông tin đơn vị', unitCode: 'Mã đơn vị', province: 'Tỉnh', reviewer: 'Đơn vị thẩm định',
    year: 'Năm đánh giá', officer: 'Người thực hiện', role: 'Vai trò', since: 'Thiết lập lúc',
    framework: 'Bộ tiêu chí đang áp dụng', frameworkVersion: 'Phiên bản {{version}} · năm {{year}} · mã SHA-256 {{sha}}',
    fields: 'Lĩnh vực', field: 'Lĩnh vực', items: 'Số tiêu chí thành phần', maxPoints: 'Điểm tối đa', total: 'Tổng',
    groups: 'Phân nhóm theo chỉ số', groupFrom: 'từ {{percent}}', sampleWarning: 'Đây là bộ tiêu chí MẪU để tham khảo, không phải văn bản chính thức của tỉnh. Hãy thay bằng bộ tiêu chí do Sở Nội vụ ban hành trước khi chấm điểm thật.',
    sampleWarningReviewer: 'Đây là bộ tiêu chí MẪU để tham khảo, không phải văn bản chính thức của tỉnh. Hãy thêm bộ tiêu chí chính thức của tỉnh (màn hình Bộ tiêu chí) trước khi thẩm định thật.',
    communeLead: 'Máy này tự đánh giá Chỉ số CCHC của {{name}} năm {{year}} theo bộ tiêu chí dưới đây.',
    reviewerLead: 'Máy này thẩm định Chỉ số CCHC năm {{year}} của các xã, phường thuộc {{name}}.',
  },
  framework: {
    title: 'Bộ tiêu chí', replaceTitle: 'Thay bộ tiêu chí', choose: 'Chọn tệp bộ tiêu chí mới (JSON)…',
    replaceIntro: 'Khi tỉnh ban hành bộ tiêu chí chính thức (hoặc bản sửa đổi), chọn tệp để áp dụng. Số liệu đã nhập của những tiêu chí giữ nguyên mã và cách chấm được chuyển sang; số liệu cũ vẫn được lưu, không mất.',
    chosenMeta: 'tỉnh {{province}}, năm {{year}}, phiên bản {{version}}, {{items}} tiêu chí thành phần',
    yearMismatch: 'Lưu ý: bộ tiêu chí này dành cho năm {{fw}}, còn đơn vị đang đánh giá năm {{unit}}. Hãy kiểm tra đã chọn đúng tệp.',
    carried: 'Số liệu của {{count}} tiêu chí sẽ được chuyển sang.',
    droppedIntro: '{{count}} tiêu chí có số liệu nhưng không chuyển được (cần nhập lại theo bộ mới):',
    reasons: { ITEM_GONE: 'không còn trong bộ mới', RULE_CHANGED: 'đổi cách chấm điểm', LEVEL_GONE: 'mức đã chọn không còn', NA_NOT_ALLOWED: 'bộ mới không cho phép "không áp dụng"' },
    apply: 'Áp dụng bộ tiêu chí mới', replaced: 'Đã áp dụng “{{title}}”: chuyển {{carried}} tiêu chí, {{dropped}} tiêu chí cần nhập lại.',
  },
  dateInput: {
    placeholder: 'dd/mm/yyyy', pick: 'Chọn ngày trên lịch', pickShort: 'Lịch', prevMonth: 'Tháng trước', nextMonth: 'Tháng sau', monthYear: 'Tháng {{month}}/{{year}}',
    weekdays: 'T2 T3 T4 T5 T6 T7 CN',
    problem: {
      FORMAT: 'Hãy nhập ngày theo dạng ngày/tháng/năm, ví dụ 15/02/2026.',
      MONTH: 'Tháng phải từ 01 đến 12 (nhập ngày trước, tháng sau: 15/02/2026).',
      DAY: 'Tháng này không có ngày đó. Hãy kiểm tra lại ngày.',
      YEAR: 'Năm phải từ 1900 đến 2100, đủ 4 chữ số.',
    },
  },
  setupCorrection: {
    title: 'Sửa thông tin thiết lập',
    intro: 'Sửa tên, mã đơn vị, mã tỉnh, đơn vị thẩm định, người thực hiện hoặc năm nếu đã gõ nhầm. Hồ sơ gửi sau mang thông tin mới; mỗi lần sửa được ghi vào nhật ký thay đổi.',
    fields: { unitName: 'Tên đơn vị', unitCode: 'Mã đơn vị', provinceCode: 'Mã tỉnh (2 chữ số)', reviewerCode: 'Mã đơn vị thẩm định', officerName: 'Họ tên người thực hiện', officerTitle: 'Chức vụ', year: 'Năm đánh giá', unitType: 'Loại đơn vị' },
    introReviewer: 'Sửa tên, mã đơn vị, mã tỉnh, người thực hiện hoặc năm nếu đã gõ nhầm. Mỗi lần sửa được ghi vào nhật ký thay đổi.',
    reason: 'Lý do sửa', reasonHint: 'Bắt buộc nếu đơn vị đã gửi hồ sơ.', reasonHintReviewer: 'Không bắt buộc; được ghi vào nhật ký thay đổi.',
    save: 'Lưu thông tin đã sửa', saved: 'Đã lưu. Hồ sơ gửi lần sau mang thông tin mới.', savedReviewer: 'Đã lưu.',
  },
  settings: { title: 'Cài đặt', language: 'Ngôn ngữ giao diện', vi: 'Tiếng Việt', en: 'English', saved: 'Đã lưu.' },
  audit: {
    title: 'Nhật ký thay đổi', intro: 'Mọi thay đổi dữ liệu đều được ghi lại: ai, khi nào, giá trị cũ → mới. Nhật ký không thể sửa hay xóa.',
    otherAction: 'Thay đổi khác',
    at: 'Thời điểm', actor: 'Người thực hiện', action: 'Thao tác', entity: 'Đối tượng', change: 'Thay đổi', empty: 'Chưa có thay đổi nào.',
    entities: { survey_form: 'Phiếu điều tra', evidence_document: 'Tài liệu kiểm chứng', evidence_file: 'Tệp đính kèm', assessment_entry: 'Kết quả tiêu chí', assessment: 'Tự đánh giá', identity: 'Đơn vị', framework: 'Bộ tiêu chí', setting: 'Cài đặt', package: 'Hồ sơ', key: 'Khóa ký', enrolment: 'Đăng ký khóa', enrolled_key: 'Khóa đã đăng ký' },
    actions: { 'survey.form.begin': 'Bắt đầu nhập phiếu', 'survey.answer': 'Nhập câu trả lời', 'survey.answer.correct': 'Sửa câu trả lời', 'survey.answer.verify': 'Nhập lần 2 câu trả lời', 'survey.form.save': 'Lưu phiếu', 'survey.form.delete': 'Xóa phiếu', 'survey.form.import': 'Nạp phiếu từ bảng tính', 'survey.verify.begin': 'Bắt đầu nhập lần 2', 'survey.verify.compare': 'So sánh hai lần nhập', 'survey.verify.resolve': 'Xử lý chênh lệch',
      'assessment.entry': 'Nhập kết quả tiêu chí', 'assessment.explanation': 'Sửa giải trình', 'assessment.finalise': 'Chốt số liệu', 'assessment.reopen': 'Mở lại số liệu', 'evidence.document.add': 'Thêm tài liệu kiểm chứng', 'evidence.document.update': 'Sửa tài liệu kiểm chứng', 'evidence.document.remove': 'Gỡ tài liệu kiểm chứng', 'evidence.file.add': 'Đính kèm tệp', 'evidence.file.remove': 'Gỡ tệp đính kèm',
      'framework.replace': 'Thay bộ tiêu chí', 'identity.setup': 'Thiết lập đơn vị', 'identity.correct': 'Sửa thông tin thiết lập', 'framework.install': 'Cài bộ tiêu chí', 'framework.import': 'Thêm bộ tiêu chí', 'framework.publish': 'Phát hành bộ tiêu chí có chữ ký', 'framework.importSigned': 'Nhận bộ tiêu chí có chữ ký', 'setting.set': 'Đổi cài đặt', 'settings.deadline': 'Nhập hạn gửi hồ sơ',
      'key.create': 'Tạo khóa ký', 'key.backup': 'Sao lưu khóa ký', 'key.restore': 'Khôi phục khóa ký', 'key.rotate': 'Đổi khóa ký',
      'package.export': 'Xuất hồ sơ đã ký', 'enrolment.request': 'Lập đề nghị đăng ký khóa', 'enrolment.accept': 'Ghi nhận khóa đơn vị thẩm định',
      'key.rotate.start': 'Lập văn bản đổi khóa', 'key.rotate.accept': 'Chuyển sang khóa mới', 'key.rotate.cancel': 'Hủy đổi khóa', 'enrolment.repin': 'Ghi nhận khóa mới của đơn vị thẩm định', 'enrolment.reject': 'Từ chối đề nghị đăng ký khóa', 'rotation.receive': 'Nhận văn bản đổi khóa', 'package.import': 'Nhận hồ sơ của xã', 'roster.add': 'Thêm xã vào danh sách', 'roster.import': 'Nạp danh sách xã', 'roster.rename': 'Đổi tên xã', 'roster.type': 'Đổi loại đơn vị', 'roster.deadline': 'Đặt hạn gửi hồ sơ', 'roster.activate': 'Đưa xã vào danh sách theo dõi', 'roster.deactivate': 'Ngừng theo dõi xã',
      'enrolment.approve': 'Duyệt đăng ký khóa', 'enrolment.revoke': 'Thu hồi khóa', 'enrolment.rotate': 'Đăng ký khóa mới (đổi khóa)',
    },
  },
  about: {
    title: 'Giới thiệu', body: 'Chỉ số CCHC giúp xã, phường tự đánh giá Chỉ số cải cách hành chính, nhập phiếu điều tra xã hội học và gửi hồ sơ có chữ ký số lên đơn vị thẩm định; đơn vị thẩm định nhận, kiểm tra, thẩm định và xếp hạng. Ứng dụng chạy ngoại tuyến; dữ liệu nằm trên máy này.',
    version: 'Phiên bản {{version}} · lược đồ dữ liệu {{schema}} · {{platform}}',
  },
  assessment: assessmentVI,
  survey: surveyVi,
  errors: { ...errorMessages.vi, title: 'Chưa thực hiện được' },
  fields: fieldMessages.vi,
  package: packageVi,
  checklist: checklistVI,
  deadlineSetting: deadlineSettingVI,
  roster: rosterVi,
  diagnostics: diagnosticsVi,
  reviewFrameworks: reviewFrameworksVi,
  reviewImport: reviewImportVi,
  reviewReport: reviewReportVi,
  appraisal: appraisalVi,
  communeAppraisal: communeAppraisalVi,
  backup: backupVi,
  reviewEnrolment: reviewEnrolmentVi,
};

export type Resources = English<typeof vi>;
