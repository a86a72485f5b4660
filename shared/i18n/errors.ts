import type { ErrorCode } from '../errors';

/**
 * What each error code means to a person: what happened and what to do. Shared by the
 * renderer (i18n resources) and the CLI, so both say the same thing.
 */
export const errorMessages: Record<'vi' | 'en', Record<ErrorCode, string>> = {
  vi: {
    INVALID_INPUT: 'Dữ liệu nhập chưa hợp lệ. Hãy sửa các ô được đánh dấu rồi thử lại.',
    UNTRUSTED_SENDER: 'Yêu cầu không đến từ cửa sổ của ứng dụng nên đã bị từ chối.',
    UNKNOWN_CHANNEL: 'Ứng dụng không hỗ trợ thao tác này. Hãy cập nhật ứng dụng.',
    NOT_SET_UP: 'Ứng dụng chưa được thiết lập. Hãy hoàn tất bước thiết lập ban đầu.',
    ALREADY_SET_UP: 'Ứng dụng đã được thiết lập cho một đơn vị. Dữ liệu hiện có được giữ nguyên.',
    FRAMEWORK_INVALID: 'Tệp bộ tiêu chí không hợp lệ. Xem danh sách lỗi bên dưới, sửa tệp hoặc xin tệp đúng từ Sở Nội vụ.',
    FRAMEWORK_NOT_FOUND: 'Không tìm thấy bộ tiêu chí. Hãy chọn lại tệp bộ tiêu chí.',
    DB_NEWER_VERSION: 'Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới nhất; dữ liệu không bị thay đổi.',
    DB_BUSY: 'Cơ sở dữ liệu đang bận (có thể ứng dụng đang mở ở cửa sổ khác). Hãy đóng cửa sổ kia rồi thử lại.',
    DB_CORRUPT: 'Tệp cơ sở dữ liệu bị hỏng. Đừng xóa tệp; hãy khôi phục từ bản sao lưu hoặc liên hệ hỗ trợ.',
    DB_READONLY: 'Không ghi được vào cơ sở dữ liệu (thư mục chỉ đọc hoặc không có quyền). Hãy kiểm tra quyền ghi của thư mục.',
    DB_FULL: 'Ổ đĩa đã đầy nên chưa lưu được. Hãy giải phóng dung lượng rồi thử lại; dữ liệu trước đó vẫn còn nguyên.',
    DB_CONSTRAINT: 'Dữ liệu trùng hoặc mâu thuẫn với dữ liệu đã có nên không được lưu. Hãy kiểm tra lại.',
    DB_IO: 'Lỗi đọc/ghi ổ đĩa khi lưu dữ liệu. Hãy kiểm tra ổ đĩa rồi thử lại; dữ liệu trước đó vẫn còn nguyên.',
    FILE_NOT_FOUND: 'Không tìm thấy tệp. Hãy kiểm tra đường dẫn hoặc chọn lại tệp.',
    FILE_UNREADABLE: 'Không đọc được tệp (tệp hỏng, chưa chép xong hoặc không phải JSON). Hãy xin gửi lại tệp.',
    SURVEY_NOT_DEFINED: 'Bộ tiêu chí đang áp dụng không có phiếu điều tra xã hội học. Hãy dùng bộ tiêu chí có phần phiếu điều tra.',
    SURVEY_FORM_NOT_FOUND: 'Không tìm thấy phiếu có số này (có thể đã bị xóa). Hãy kiểm tra lại số phiếu.',
    SURVEY_FORM_EXISTS: 'Số phiếu này đã được nhập. Mỗi phiếu giấy chỉ nhập một lần; hãy kiểm tra lại số phiếu hoặc mở phiếu đã có để sửa.',
    SURVEY_FORM_NOT_SAVED: 'Phiếu này chưa được lưu ở lần nhập thứ nhất nên chưa thể nhập kiểm tra lần 2. Hãy nhập xong và lưu phiếu trước.',
    SURVEY_BAD_ANSWER: 'Câu trả lời không hợp lệ cho câu hỏi này (không có phương án đó, không phải số hoặc ngày). Hãy nhập lại theo phiếu giấy.',
    SURVEY_IMPORT_INVALID: 'Tệp phiếu điều tra có dòng lỗi nên chưa nhập phiếu nào. Xem danh sách lỗi (theo số dòng) bên dưới, sửa tệp rồi nhập lại.',
    INTERNAL: 'Đã xảy ra lỗi không mong muốn. Dữ liệu đã lưu không bị ảnh hưởng; hãy thử lại hoặc liên hệ hỗ trợ.',
  },
  en: {
    INVALID_INPUT: 'Some input is not valid. Correct the marked fields and try again.',
    UNTRUSTED_SENDER: 'The request did not come from the app window and was refused.',
    UNKNOWN_CHANNEL: 'This action is not supported. Update the app.',
    NOT_SET_UP: 'The app has not been set up yet. Finish the first-run setup.',
    ALREADY_SET_UP: 'The app is already set up for a unit. Existing data is unchanged.',
    FRAMEWORK_INVALID: 'The criteria framework file is not valid. See the issues below; fix the file or ask the provincial Department of Home Affairs for a correct one.',
    FRAMEWORK_NOT_FOUND: 'The criteria framework was not found. Choose the framework file again.',
    DB_NEWER_VERSION: 'The database was created by a newer version of the app. Install the latest version; the data is unchanged.',
    DB_BUSY: 'The database is busy (the app may be open in another window). Close it and try again.',
    DB_CORRUPT: 'The database file is damaged. Do not delete it; restore a backup or contact support.',
    DB_READONLY: 'The database cannot be written (read-only folder or no permission). Check the folder permissions.',
    DB_FULL: 'The disk is full, so nothing was saved. Free some space and try again; earlier data is intact.',
    DB_CONSTRAINT: 'The data duplicates or contradicts existing data and was not saved. Check it again.',
    DB_IO: 'A disk read/write error stopped the save. Check the disk and try again; earlier data is intact.',
    FILE_NOT_FOUND: 'The file was not found. Check the path or choose the file again.',
    FILE_UNREADABLE: 'The file cannot be read (damaged, not fully copied, or not JSON). Ask for it to be sent again.',
    SURVEY_NOT_DEFINED: 'The active criteria framework has no survey questionnaire. Use a framework that includes one.',
    SURVEY_FORM_NOT_FOUND: 'No questionnaire with this number was found (it may have been deleted). Check the number.',
    SURVEY_FORM_EXISTS: 'This questionnaire number has already been keyed. Each paper form is keyed once; check the number or open the existing form to correct it.',
    SURVEY_FORM_NOT_SAVED: 'This questionnaire has not been saved in the first pass, so it cannot be verified yet. Finish and save it first.',
    SURVEY_BAD_ANSWER: 'The answer is not valid for this question (no such option, not a number or a date). Key it again from the paper form.',
    SURVEY_IMPORT_INVALID: 'The questionnaire file has bad rows, so nothing was imported. See the problems (by line) below, fix the file and import it again.',
    INTERNAL: 'An unexpected error occurred. Saved data is not affected; try again or contact support.',
  },
};

/** Reasons a single field was refused (the `message` of a zod issue in shared/identity.ts). */
export const fieldMessages: Record<'vi' | 'en', Record<string, string>> = {
  vi: {
    COMMUNE_CODE: 'Mã xã gồm đúng 5 chữ số (ví dụ 26734).',
    PROVINCE_CODE: 'Mã tỉnh gồm đúng 2 chữ số (ví dụ 79).',
    DISTRICT_CODE: 'Mã huyện gồm đúng 3 chữ số (ví dụ 271).',
    REVIEWER_CODE: 'Mã đơn vị thẩm định gồm 2 chữ số (tỉnh) hoặc 3 chữ số (huyện, trước 7/2025).',
    NAME_TOO_SHORT: 'Tên quá ngắn.',
    NAME_TOO_LONG: 'Tên quá dài (tối đa 120 ký tự).',
    YEAR: 'Năm đánh giá phải là số từ 2015 đến 2100.',
    PROVINCE_MISMATCH: 'Sở Nội vụ dùng mã của chính tỉnh đó: mã đơn vị phải trùng mã tỉnh.',
    REQUIRED: 'Bắt buộc nhập.',
    INVALID: 'Giá trị không hợp lệ.',
  },
  en: {
    COMMUNE_CODE: 'A commune code is exactly 5 digits (e.g. 26734).',
    PROVINCE_CODE: 'A province code is exactly 2 digits (e.g. 79).',
    DISTRICT_CODE: 'A district code is exactly 3 digits (e.g. 271).',
    REVIEWER_CODE: 'The reviewing unit code is 2 digits (province) or 3 digits (district, before 7/2025).',
    NAME_TOO_SHORT: 'The name is too short.',
    NAME_TOO_LONG: 'The name is too long (120 characters at most).',
    YEAR: 'The year must be a number from 2015 to 2100.',
    PROVINCE_MISMATCH: 'A provincial department uses its province code: the unit code must equal the province code.',
    REQUIRED: 'Required.',
    INVALID: 'Invalid value.',
  },
};

export function fieldMessage(lang: 'vi' | 'en', key: string): string {
  return fieldMessages[lang][key] ?? fieldMessages[lang]['INVALID'] ?? key;
}
