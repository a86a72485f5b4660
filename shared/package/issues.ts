/**
 * A schema's complaints about a received or chosen file, as the app shows every refusal's details:
 * `{ path, message }` with the message in Vietnamese (the framework validator's error map: plain
 * sentences for the common shape errors, zod's Vietnamese for the rest). A schema's own message
 * (a text rule's sentence) wins over the map. At most `limit` of them.
 */
import type { z } from 'zod';
import { viErrorMap } from '../framework/validate';

export interface FileIssue {
  path: string;
  message: string;
}

/** Parse with the Vietnamese error map, so every issue's message is a Vietnamese sentence. */
export function safeParseVi<T extends z.ZodType>(schema: T, value: unknown): ReturnType<T['safeParse']> {
  return schema.safeParse(value, { error: viErrorMap }) as ReturnType<T['safeParse']>;
}

export function issuesVi(error: z.ZodError, limit = 20): FileIssue[] {
  return error.issues.slice(0, limit).map((i) => ({ path: i.path.map(String).join('.') || '(gốc)', message: i.message }));
}
