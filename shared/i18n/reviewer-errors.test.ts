/**
 * The refusals a reviewing unit meets (its own screens and commands, files and the database) tell
 * it what to do as a reviewing unit: none sends it to the Sở Nội vụ (it may be the Sở), to its own
 * self-assessment, to finalising, or to "importing a package" (it receives dossiers).
 */
import { describe, expect, it } from 'vitest';
import type { ErrorCode } from '../errors';
import { errorMessages } from './errors';

const REVIEWER_CODES: ErrorCode[] = [
  'INVALID_INPUT', 'NOT_SET_UP', 'WRONG_ROLE', 'INTERNAL', 'FILE_NOT_FOUND', 'FILE_UNREADABLE', 'NOT_A_FILE',
  'DB_BUSY', 'DB_CORRUPT', 'DB_READONLY', 'DB_FULL', 'DB_CONSTRAINT', 'DB_IO',
  'FRAMEWORK_INVALID', 'FRAMEWORK_NOT_FOUND', 'FRAMEWORK_SAME', 'FRAMEWORK_SAMPLE_NOT_PUBLISHABLE', 'FRAMEWORK_VERSION_CONFLICT', 'FRAMEWORK_PACKAGE_WRONG_TYPE',
  'KEY_MISSING', 'KEY_EXISTS', 'KEY_FILE_INVALID', 'PASSPHRASE_REQUIRED', 'PASSPHRASE_WRONG', 'SECURE_STORAGE_UNAVAILABLE',
  'KEY_OTHER_COMMUNE', 'KEY_ALREADY_REVOKED', 'KEY_ALREADY_ENROLLED', 'FINGERPRINT_REQUIRED', 'FINGERPRINT_MISMATCH', 'ENROLMENT_NOT_FOUND',
  'ENROLMENT_ALREADY_APPROVED', 'ENROLMENT_REJECTED',
  'STALE_REVISION', 'REVISION_CONFLICT', 'COMMUNE_NOT_IN_ROSTER', 'FRAMEWORK_NOT_HELD', 'ROSTER_INVALID', 'COMMUNE_NOT_FOUND', 'COMMUNE_IN_USE', 'COMMUNE_EXISTS',
  'HISTORY_INVALID', 'APPRAISAL_NOTHING_RECEIVED', 'APPRAISAL_LOCKED', 'APPRAISAL_INCOMPLETE', 'APPRAISAL_POINTS_OUT_OF_RANGE', 'APPRAISAL_ITEM_UNKNOWN',
  'APPRAISAL_SCORES_INVALID', 'REVISION_NOT_FOUND', 'FIELD_UNKNOWN', 'PDF_FAILED', 'PRINT_UNAVAILABLE', 'PRINT_FAILED',
  'BACKUP_DISK_FULL', 'BACKUP_WRITE_PROTECTED', 'BACKUP_FOLDER_MISSING', 'BACKUP_WRITE_FAILED', 'BACKUP_NOT_FOUND', 'BACKUP_DAMAGED',
  'BACKUP_FILE_FOREIGN', 'BACKUP_FILE_DAMAGED', 'BACKUP_OTHER_UNIT',
];

const COMMUNE_ADVICE = {
  vi: [/Sở Nội vụ/u, /tự đánh giá/iu, /chốt/iu, /Mở lại để sửa/u, /nhập gói/iu, /nhập hồ sơ/iu, /xã của bạn/iu, /gửi hồ sơ lên/iu, /bảng theo dõi/iu],
  en: [/Department of Home Affairs/u, /self-assessment/iu, /finalis/iu, /import the commune/iu, /import the package/iu],
};

describe('errors a reviewing unit meets', () => {
  it('give it a reviewing unit\'s advice, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      for (const code of REVIEWER_CODES) {
        const sentence = errorMessages[lang][code];
        expect(sentence, `${lang} ${code}`).toBeTruthy();
        for (const advice of COMMUNE_ADVICE[lang]) expect(sentence, `${lang} ${code}`).not.toMatch(advice);
      }
    }
  });
});
