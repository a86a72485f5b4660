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
  'DB_NEWER_VERSION',
  'DB_BUSY',
  'DB_CORRUPT',
  'DB_READONLY',
  'DB_FULL',
  'DB_CONSTRAINT',
  'DB_IO',
  'FILE_NOT_FOUND',
  'FILE_UNREADABLE',
  'SURVEY_NOT_DEFINED',
  'SURVEY_FORM_NOT_FOUND',
  'SURVEY_FORM_EXISTS',
  'SURVEY_FORM_NOT_SAVED',
  'SURVEY_BAD_ANSWER',
  'SURVEY_IMPORT_INVALID',
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
