import type { AppErrorShape, ErrorCode } from '@shared/errors';

/** A failed call, carrying the stable code the UI turns into a sentence. */
export class ApiError extends Error {
  readonly shape: AppErrorShape;
  constructor(shape: AppErrorShape) {
    super(shape.code);
    this.shape = shape;
  }
}

/**
 * The code whose sentence (i18n `errors.<CODE>`, from shared/i18n/errors.ts) describes a
 * failure: a refusal's own code, INTERNAL for anything else (a bug, a broken channel).
 */
export function errorCode(error: unknown): ErrorCode {
  return error instanceof ApiError ? error.shape.code : 'INTERNAL';
}
