import type { English } from '../../../i18n/plural';
/** Strings of the import screen and the completeness board (feature key `reviewImport`). */
export const vi = {
  nav: { import: 'Nhận hồ sơ', board: 'Tình hình nộp hồ sơ' },
  import: {
    title: 'Nhận hồ sơ của xã',
    lead: 'Chọn các tệp hồ sơ (hoặc cả thư mục) xã gửi lên. Ứng dụng kiểm tra từng tệp trước, chưa nhận gì; xem kết quả rồi bấm nhận.',
    chooseFiles: 'Chọn tệp…', chooseFolder: 'Chọn thư mục…', checking: 'Đang kiểm tra…', importing: 'Đang nhận…',
    counts: '{{total}} tệp: {{accept}} sẽ nhận, {{duplicate}} trùng, {{refused}} bị từ chối',
    countsDone: '{{total}} tệp: {{accept}} đã nhận, {{duplicate}} trùng, {{refused}} bị từ chối',
    run: 'Nhận {{count}} hồ sơ', done: 'Đã nhận xong. Xem tình hình nộp hồ sơ để biết xã nào còn thiếu.',
    nothing: 'Không có tệp nào để nhận.',
    file: 'Tệp', commune: 'Xã', revision: 'Lần gửi', verdict: 'Kết quả',
    new: 'Mới', newer: 'Bản sửa mới hơn', duplicate: 'Đã nhận trước đó', refused: 'Bị từ chối: {{message}}',
    accepted: 'Đã nhận', mismatch: 'Điểm tính lại khác điểm xã kê khai',
    logXlsx: 'Xuất nhật ký nhận hồ sơ (Excel)…', logCsv: 'Xuất nhật ký nhận hồ sơ (CSV)…', logSaved: 'Đã lưu nhật ký nhận hồ sơ ({{count}} dòng): {{path}}',
    progressLabel: 'Tiến độ', progress: '{{done}}/{{total}} tệp · nhận {{accept}} · trùng {{duplicate}} · từ chối {{refused}}', eta: 'còn khoảng {{seconds}} giây',
    cancel: 'Dừng', stopped: 'Đã dừng: {{count}} tệp chưa xử lý. Các tệp đã xử lý được giữ nguyên; chọn lại để nhận nốt.',
    doneStopped: 'Đã dừng nhận hồ sơ.', dropHint: 'hoặc kéo thả tệp, thư mục vào đây',
  },
  board: {
    title: 'Tình hình nộp hồ sơ năm {{year}}',
    deadline: 'Hạn nộp: {{date}}', noDeadline: 'Chưa đặt hạn nộp.',
    all: 'Tất cả', notReceived: 'Chưa nhận', received: 'Đã nhận', flagged: 'Cần xem lại',
    receivedRow: 'Đã nhận r{{revision}}, {{date}}', onTime: 'đúng hạn', late: 'trễ hạn',
    mismatch: 'lệch điểm', refusedAttempts: '{{count}} lần bị từ chối',
    code: 'Mã', commune: 'Xã', state: 'Tình trạng', empty: 'Danh sách xã trống: hãy nạp danh sách xã trước.',
    filter: 'Lọc theo tình trạng', notEnrolled: 'chưa đăng ký khóa',
  },
};

export const en: English<typeof vi> = {
  nav: { import: 'Receive dossiers', board: 'Submission status' },
  import: {
    title: 'Receive commune dossiers',
    lead: 'Choose the dossier files (or a whole folder) the communes sent. Each file is checked first and nothing is received yet; review the verdicts, then receive them.',
    chooseFiles: 'Choose files…', chooseFolder: 'Choose folder…', checking: 'Checking…', importing: 'Receiving…',
    counts: 'Files: {{total}} — {{accept}} to accept, {{duplicate}} duplicate, {{refused}} refused',
    countsDone: 'Files: {{total}} — {{accept}} accepted, {{duplicate}} duplicate, {{refused}} refused',
    run: 'Receive {{count}} dossiers', run_one: 'Receive {{count}} dossier', done: 'Dossiers received. See the submission status for communes still missing.',
    nothing: 'There is nothing to receive.',
    file: 'File', commune: 'Commune', revision: 'Revision', verdict: 'Verdict',
    new: 'New', newer: 'Newer revision', duplicate: 'Already received', refused: 'Refused: {{message}}',
    accepted: 'Accepted', mismatch: 'Recomputed scores differ from the declared ones',
    logXlsx: 'Export the receiving log (Excel)…', logCsv: 'Export the receiving log (CSV)…', logSaved: 'Receiving log saved ({{count}} rows): {{path}}', logSaved_one: 'Receiving log saved ({{count}} row): {{path}}',
    progressLabel: 'Progress', progress: '{{done}}/{{total}} files · {{accept}} accepted · {{duplicate}} duplicate · {{refused}} refused', eta: 'about {{seconds}} s left',
    cancel: 'Stop', stopped: 'Stopped: {{count}} files not processed. The files processed are kept; choose again to receive the rest.', stopped_one: 'Stopped: {{count}} file not processed. The files processed are kept; choose again to receive the rest.',
    doneStopped: 'Receiving stopped.', dropHint: 'or drop files or folders here',
  },
  board: {
    title: 'Submission status {{year}}',
    deadline: 'Deadline: {{date}}', noDeadline: 'No deadline set.',
    all: 'All', notReceived: 'Not received', received: 'Received', flagged: 'To review',
    receivedRow: 'Received r{{revision}}, {{date}}', onTime: 'on time', late: 'late',
    mismatch: 'score mismatch', refusedAttempts: '{{count}} refused attempts', refusedAttempts_one: '{{count}} refused attempt',
    code: 'Code', commune: 'Commune', state: 'State', empty: 'The list of communes is empty: load it first.',
    filter: 'Filter by state', notEnrolled: 'no key enrolled',
  },
};
