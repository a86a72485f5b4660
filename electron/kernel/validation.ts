import type { z } from 'zod';
import { AppError } from '../../shared/errors';

/** zod issues as field → reason, the shape INVALID_INPUT carries (the renderer marks the fields). */
export function issueFields(error: z.ZodError, root = '_'): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) fields[issue.path.join('.') || root] ??= issue.message;
  return fields;
}

/** Parse input at a boundary (the router, a CLI command) into its typed value, or refuse it with the fields. */
export function parseInput<S extends z.ZodType>(schema: S, input: unknown): z.output<S> {
  const parsed = schema.safeParse(input);
  if (!parsed.success) throw new AppError('INVALID_INPUT', 'input does not match its schema', { fields: issueFields(parsed.error) });
  return parsed.data;
}
