import type { ErrorCode } from '../errors';
import { REFUSAL_MESSAGES } from '../package/verify-steps';

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
    FRAMEWORK_SAME: 'Bộ tiêu chí này đang được áp dụng; không có gì thay đổi.',
    DB_NEWER_VERSION: 'Cơ sở dữ liệu được tạo bởi phiên bản mới hơn của ứng dụng. Hãy cài phiên bản mới nhất; dữ liệu không bị thay đổi.',
    DB_BUSY: 'Cơ sở dữ liệu đang bận (có thể ứng dụng đang mở ở cửa sổ khác). Hãy đóng cửa sổ kia rồi thử lại.',
    DB_CORRUPT: 'Tệp cơ sở dữ liệu bị hỏng. Đừng xóa tệp; hãy khôi phục từ bản sao lưu hoặc liên hệ hỗ trợ.',
    DB_READONLY: 'Không ghi được vào cơ sở dữ liệu (thư mục chỉ đọc hoặc không có quyền). Hãy kiểm tra quyền ghi của thư mục.',
    DB_FULL: 'Ổ đĩa đã đầy nên chưa lưu được. Hãy giải phóng dung lượng rồi thử lại; dữ liệu trước đó vẫn còn nguyên.',
    DB_CONSTRAINT: 'Dữ liệu trùng hoặc mâu thuẫn với dữ liệu đã có nên không được lưu. Hãy kiểm tra lại.',
    DB_IO: 'Lỗi đọc/ghi ổ đĩa khi lưu dữ liệu. Hãy kiểm tra ổ đĩa rồi thử lại; dữ liệu trước đó vẫn còn nguyên.',
    FILE_NOT_FOUND: 'Không tìm thấy tệp. Hãy kiểm tra đường dẫn hoặc chọn lại tệp.',
    FILE_UNREADABLE: 'Không đọc được tệp (tệp hỏng, chưa chép xong hoặc không phải JSON). Hãy xin gửi lại tệp.',
    ...REFUSAL_MESSAGES,
    PACKAGE_VALUE_INVALID: 'Dữ liệu có giá trị không đưa được vào gói (số lẻ ngoài quy ước điểm ×100 hoặc ký tự không hợp lệ). Hãy kiểm tra lại số liệu rồi xuất lại.',
    ENROLMENT_MISMATCH: 'Tệp duyệt đăng ký không khớp với yêu cầu của đơn vị này (mã xã hoặc khóa khác). Hãy kiểm tra đã chọn đúng tệp do đơn vị thẩm định gửi.',
    KEY_MISSING: 'Máy này chưa có khóa ký của đơn vị. Hãy tạo khóa hoặc khôi phục khóa từ bản sao lưu.',
    KEY_EXISTS: 'Đơn vị đã có khóa ký; khóa cũ được giữ nguyên. Muốn thay khóa, hãy dùng chức năng đổi khóa.',
    KEY_FILE_INVALID: 'Tệp khóa hoặc bản sao lưu khóa bị hỏng hoặc không đúng loại. Hãy chọn đúng tệp sao lưu khóa.',
    PASSPHRASE_REQUIRED: 'Cần mật khẩu bảo vệ khóa. Hãy nhập mật khẩu (dòng lệnh: đặt biến môi trường CHISO_PASSPHRASE).',
    PASSPHRASE_WRONG: 'Mật khẩu bảo vệ khóa không đúng. Hãy nhập lại; khóa không bị thay đổi.',
    SECURE_STORAGE_UNAVAILABLE: 'Hệ điều hành không có kho bảo mật để giữ khóa. Hãy đặt mật khẩu bảo vệ khóa thay thế.',
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
    FRAMEWORK_SAME: 'This framework is already in use; nothing changed.',
    DB_NEWER_VERSION: 'The database was created by a newer version of the app. Install the latest version; the data is unchanged.',
    DB_BUSY: 'The database is busy (the app may be open in another window). Close it and try again.',
    DB_CORRUPT: 'The database file is damaged. Do not delete it; restore a backup or contact support.',
    DB_READONLY: 'The database cannot be written (read-only folder or no permission). Check the folder permissions.',
    DB_FULL: 'The disk is full, so nothing was saved. Free some space and try again; earlier data is intact.',
    DB_CONSTRAINT: 'The data duplicates or contradicts existing data and was not saved. Check it again.',
    DB_IO: 'A disk read/write error stopped the save. Check the disk and try again; earlier data is intact.',
    FILE_NOT_FOUND: 'The file was not found. Check the path or choose the file again.',
    FILE_UNREADABLE: 'The file cannot be read (damaged, not fully copied, or not JSON). Ask for it to be sent again.',
    FILE_TOO_LARGE: 'The file is larger than any package can be. Check that the right file was chosen, or contact the sender.',
    NOT_JSON: 'The file cannot be read as a package: it may be damaged or not fully copied. Ask the sender to send it again.',
    DUPLICATE_KEY: 'A field appears twice in the file, so its value is ambiguous: the file was edited by hand or damaged. Ask for the original.',
    ENVELOPE_INVALID: 'The file does not have the structure of a signed package. Check the file, or ask for it again.',
    FORMAT_UNKNOWN: 'This is not a kind of package this app accepts. Check that the right file was chosen.',
    VERSION_UNSUPPORTED: 'The package uses a format version this app does not support yet. Update the app and import again.',
    KEY_UNKNOWN: 'The package is signed by a key that is not enrolled. Compare the commune code and fingerprint on the enrolment form, approve the key, then import again.',
    KEY_REVOKED: 'The signing key has been revoked, so the package is not accepted. Ask the sender to sign with their new enrolled key.',
    SIGNATURE_INVALID: 'The signature does not match the content: the package was changed after signing, or damaged. Do not use it; ask for the original.',
    PAYLOAD_INVALID: 'The signature is valid but the content is not in the expected format (different app versions?). Tell the sender and include the technical details.',
    PACKAGE_VALUE_INVALID: 'Some data cannot go into a package (a fractional number outside the ×100 points convention, or an invalid character). Check the data and export again.',
    ENROLMENT_MISMATCH: 'The enrolment approval does not match this unit\'s request (another commune or key). Check that the file came from your reviewing unit.',
    KEY_MISSING: 'This computer has no signing key for the unit yet. Create one, or restore it from a backup.',
    KEY_EXISTS: 'The unit already has a signing key; it was kept. To replace it, use key rotation.',
    KEY_FILE_INVALID: 'The key file or key backup is damaged or not of the right kind. Choose the right backup file.',
    PASSPHRASE_REQUIRED: 'The key passphrase is needed. Enter it (on the command line: set CHISO_PASSPHRASE).',
    PASSPHRASE_WRONG: 'The key passphrase is wrong. Try again; the key is unchanged.',
    SECURE_STORAGE_UNAVAILABLE: 'The operating system offers no secure storage for the key. Set a passphrase to protect it instead.',
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
