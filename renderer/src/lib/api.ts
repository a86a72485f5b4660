import type { AppErrorShape } from '@shared/errors';
import type { Api } from '@shared/ipc/api';

declare global {
  interface Window {
    api: Api;
  }
}

/** A failed call, carrying the stable code the UI turns into a sentence. */
export class ApiError extends Error {
  readonly shape: AppErrorShape;
  constructor(shape: AppErrorShape) {
    super(shape.code);
    this.shape = shape;
  }
}

/** Unwrap a Result: the value, or an ApiError to show. */
export async function call<T>(p: Promise<{ ok: true; value: T } | { ok: false; error: AppErrorShape }>): Promise<T> {
  const r = await p;
  if (r.ok) return r.value;
  throw new ApiError(r.error);
}

export const api = (): Api => window.api;
