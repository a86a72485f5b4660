/**
 * Stable error codes shared by every process. The renderer turns a code into a
 * Vietnamese sentence (renderer i18n `errors.<CODE>`); the CLI prints the same
 * sentence. Never show a stack trace to a user.
 */
export const ERROR_CODES = [
  'INVALID_INPUT',
  'UNTRUSTED_SENDER',
  'UNKNOWN_CHANNEL',
  'NOT_SET_UP',
  'ALREADY_SET_UP',
  'FRAMEWORK_INVALID',
  'FRAMEWORK_NOT_FOUND',
  'FRAMEWORK_SAME',
  'DB_NEWER_VERSION',
  'DB_BUSY',
  'DB_CORRUPT',
  'DB_READONLY',
  'DB_FULL',
  'DB_CONSTRAINT',
  'DB_IO',
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'NOT_A_FILE',
  // Signed packages (docs/package-format.md): refusals at import, in verification order.
  'FILE_TOO_LARGE',
  'NOT_JSON',
  'DUPLICATE_KEY',
  'ENVELOPE_INVALID',
  'FORMAT_UNKNOWN',
  'VERSION_UNSUPPORTED',
  'KEY_UNKNOWN',
  'KEY_REVOKED',
  'KEY_WEAK',
  'KEY_WRONG_KIND',
  'SIGNATURE_INVALID',
  'PAYLOAD_INVALID',
  // …and of a commune report's binding (step 7) and attachments (step 8).
  'ISSUER_KEY_MISMATCH',
  'ISSUER_MISMATCH',
  'ISSUER_PROVINCE_MISMATCH',
  'AUDIENCE_MISMATCH',
  'ATTACHMENT_DUPLICATE',
  'ATTACHMENT_INVALID',
  'ATTACHMENT_MISSING',
  'ATTACHMENT_MISMATCH',
  // Building a package, enrolment and keys.
  'PACKAGE_VALUE_INVALID',
  'ENROLMENT_MISMATCH',
  'KEY_MISSING',
  'KEY_EXISTS',
  'KEY_FILE_INVALID',
  'PASSPHRASE_REQUIRED',
  'PASSPHRASE_WRONG',
  'SECURE_STORAGE_UNAVAILABLE',
  'ASSESSMENT_LOCKED',
  'ASSESSMENT_NOT_LOCKED',
  'ASSESSMENT_HAS_ERRORS',
  'ITEM_NOT_FOUND',
  'EVIDENCE_NOT_FOUND',
  'EVIDENCE_DUPLICATE',
  'EVIDENCE_TYPE',
  'EVIDENCE_TOO_LARGE',
  'OPEN_REFUSED',
  'FILE_WRITE_FAILED',
  'ENTRIES_INVALID',
  // Exporting and writing packages, enrolment on either side.
  'EXPORT_DISK_FULL',
  'EXPORT_WRITE_PROTECTED',
  'EXPORT_FOLDER_MISSING',
  'EXPORT_WRITE_FAILED',
  'EXPORT_VERIFY_FAILED',
  'EXPORT_BLOCKED',
  'EXPORT_REASON_REQUIRED',
  'EVIDENCE_CHANGED',
  'WRONG_ROLE',
  'KEY_NOT_ENROLLED_KEY',
  'ENROLMENT_NOT_FOUND',
  // Key trust: one commune per key, no way back from revocation, fingerprints compared by a person.
  'KEY_OTHER_COMMUNE',
  'KEY_ALREADY_REVOKED',
  'KEY_ALREADY_ENROLLED',
  'FINGERPRINT_REQUIRED',
  'FINGERPRINT_MISMATCH',
  'REVIEWER_KEY_CHANGED',
  'NOT_ENROLLED',
  'ROTATION_PENDING',
  'ROTATION_NOT_FOUND',
  'ROTATION_NOT_PENDING',
  'ROTATION_MISMATCH',
  'PDF_FAILED',
  'PDF_ENGINE_MISSING',
  'PRINT_UNAVAILABLE',
  'PRINT_FAILED',
  'SURVEY_NOT_DEFINED',
  'SURVEY_FORM_NOT_FOUND',
  'SURVEY_FORM_EXISTS',
  'SURVEY_FORM_NOT_SAVED',
  'SURVEY_BAD_ANSWER',
  'SURVEY_IMPORT_INVALID',
  'SURVEY_REQUIRED_BLANK',
  // Importing commune packages at the reviewing unit (revision rules, roster, framework held).
  'STALE_REVISION',
  'REVISION_CONFLICT',
  'COMMUNE_NOT_IN_ROSTER',
  'FRAMEWORK_NOT_HELD',
  // The reviewing unit's roster and enrolment inbox.
  'ROSTER_INVALID',
  'COMMUNE_NOT_FOUND',
  'COMMUNE_EXISTS',
  'COMMUNE_IN_USE',
  'ENROLMENT_REJECTED',
  'ENROLMENT_ALREADY_APPROVED',
  'SETUP_REASON_REQUIRED',
  // The reviewing unit's report: last year's published results.
  'HISTORY_INVALID',
  // Appraisal: rounds, lock, the result package and its import at the commune.
  'APPRAISAL_NOTHING_RECEIVED',
  'APPRAISAL_LOCKED',
  'APPRAISAL_INCOMPLETE',
  'APPRAISAL_POINTS_OUT_OF_RANGE',
  'APPRAISAL_ITEM_UNKNOWN',
  'APPRAISAL_SCORES_INVALID',
  'APPRAISAL_WRONG_COMMUNE',
  'APPRAISAL_WRONG_YEAR',
  'APPRAISAL_UNKNOWN_REVISION',
  'APPRAISAL_STALE',
  'APPRAISAL_RESULT_INVALID',
  'APPRAISAL_RESULT_CONFLICT',
  'REVISION_NOT_FOUND',
  'REVISION_SAME',
  'REVISIONS_TOO_FEW',
  'FIELD_UNKNOWN',
  // Frameworks as signed data: publishing at the reviewing unit, importing at the commune.
  'FRAMEWORK_PACKAGE_INVALID',
  'FRAMEWORK_SIGNER_UNKNOWN',
  'FRAMEWORK_NO_PINNED_KEY',
  'FRAMEWORK_WRONG_PROVINCE',
  'FRAMEWORK_WRONG_YEAR',
  'DEADLINE_INVALID',
  'FRAMEWORK_UNSIGNED',
  'FRAMEWORK_SAMPLE_NOT_PUBLISHABLE',
  'FRAMEWORK_VERSION_CONFLICT',
  'FRAMEWORK_PACKAGE_WRONG_TYPE',
  // Backups of the database, restore, the whole-data file (docs/reliability.md).
  'BACKUP_DISK_FULL',
  'BACKUP_WRITE_PROTECTED',
  'BACKUP_FOLDER_MISSING',
  'BACKUP_WRITE_FAILED',
  'BACKUP_NOT_FOUND',
  'BACKUP_DAMAGED',
  'BACKUP_FILE_FOREIGN',
  'BACKUP_FILE_DAMAGED',
  'BACKUP_OTHER_UNIT',
  'INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppErrorShape {
  code: ErrorCode;
  /** i18n key under `errors.`; usually equal to the code. */
  messageKey: string;
  /** Safe, user-relevant details (a field name, a line number). Never a stack. */
  details?: Record<string, unknown>;
}

export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: Record<string, unknown> | undefined;
  constructor(code: ErrorCode, message?: string, details?: Record<string, unknown>) {
    super(message ?? code);
    this.name = 'AppError';
    this.code = code;
    this.details = details;
  }
  toShape(): AppErrorShape {
    return { code: this.code, messageKey: this.code, ...(this.details ? { details: this.details } : {}) };
  }
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppErrorShape };
