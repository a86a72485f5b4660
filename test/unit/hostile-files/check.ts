/**
 * What every reader must do with a hostile file: either take it (a damage that left a valid file)
 * or refuse it with a stable code and a Vietnamese sentence, never INTERNAL (a TypeError, a crash),
 * never an English-only message, and leave its database exactly as it was.
 */
import { closeSync, copyFileSync, existsSync, ftruncateSync, mkdirSync, openSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { errorMessages } from '../../../shared/i18n/errors';
import { cli, dump, type Reader } from './world';
import { USER_FILE_LIMITS } from '../../../electron/kernel/files/user-file';
import type { Variant } from './mutations';

/** A letter only Vietnamese has: the sentence is Vietnamese, not English. */
const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

/** A file's bytes, or a directory in its place, or a sparse file of that many bytes. */
interface PathVariant {
  name: string;
  bytes: Buffer | 'directory' | number;
  code?: string | null;
}

export interface Finding {
  reader: string;
  variant: string;
  problem: string;
}

/** Runs `reader` on each variant; returns what went wrong (nothing, when all is well). */
/** `seen`, when given, collects the refusal codes printed (for the inventory in docs/security.md). */
/** `pathVariants: false`: the file variants only (no directory, no sparse file over the limit). */
/** `taken`, when given, collects the names of the variants the reader took. */
export async function attack(dir: string, reader: Reader, fileVariants: Variant[], seen?: Set<string>, pathVariants = true, taken?: string[]): Promise<Finding[]> {
  const findings: Finding[] = [];
  const variants: PathVariant[] = [...fileVariants];
  if (pathVariants) variants.push({ name: 'a directory', bytes: 'directory' }, { name: 'a sparse file one byte over the limit', bytes: USER_FILE_LIMITS[reader.kind] + 1 });
  const work = join(dir, 'attack');
  mkdirSync(work, { recursive: true });
  if (reader.db) copyFileSync(join(dir, reader.db), join(dir, `${reader.db}.pristine`));
  for (const k of reader.keyFiles ?? []) copyFileSync(join(dir, k), join(dir, `${k}.pristine`));
  for (const [i, v] of variants.entries()) {
    const name = `attack/${i}.${reader.ext}`;
    const path = join(dir, name);
    rmSync(path, { recursive: true, force: true });
    if (v.bytes === 'directory') mkdirSync(path);
    else if (typeof v.bytes === 'number') {
      const fd = openSync(path, 'w');
      ftruncateSync(fd, v.bytes);
      closeSync(fd);
    } else writeFileSync(path, v.bytes);
    const before = reader.db ? dump(join(dir, reader.db), reader.refusalLog) : undefined;
    let problem: string | undefined;
    let last: string | undefined;
    try {
      const r = await cli(dir, reader.argv(name));
      last = `${r.out}\n${r.err}`;
      problem = judge(r.code, `${r.out}\n${r.err}`) ?? generic(reader, v.bytes, `${r.out}\n${r.err}`) ?? expected(v.code, r.code, last);
      // The file is really read by this command: the bounded reader's own refusal comes back.
      if (!problem && v.bytes === 'directory' && !reader.takesFolders && !last.includes('NOT_A_FILE')) problem = `a directory was not refused as NOT_A_FILE: ${last.slice(0, 200)}`;
      if (!problem && r.code !== 0 && reader.db && dump(join(dir, reader.db), reader.refusalLog) !== before) problem = 'refused, but the database changed';
      // A damage that still made a valid file was taken: the next variant starts from the same state.
      if (r.code === 0) taken?.push(v.name);
      if (r.code === 0 && reader.db) copyFileSync(join(dir, `${reader.db}.pristine`), join(dir, reader.db));
      if (r.code === 0) for (const k of reader.keyFiles ?? []) copyFileSync(join(dir, `${k}.pristine`), join(dir, k));
      if (r.code !== 0) for (const k of reader.keyFiles ?? []) if (!sameBytes(join(dir, k), join(dir, `${k}.pristine`))) problem ??= `refused, but ${k} changed`;
    } catch (err) {
      problem = `threw ${String(err)}`;
    }
    if (problem) findings.push({ reader: reader.name, variant: v.name, problem });
    if (seen && last) for (const [, c] of last.matchAll(/\[([A-Z][A-Z0-9_]{3,})\]/gu)) seen.add(c!);
    rmSync(path, { recursive: true, force: true });
    // What a taken variant created (a new database, its key file, its folders) goes before the next.
    for (const leftover of readdirSync(dir)) if (/^(?:moi|xa3)\./u.test(leftover)) rmSync(join(dir, leftover), { recursive: true, force: true });
  }
  return findings;
}

/** Both files missing, or both present with the same bytes. */
function sameBytes(a: string, b: string): boolean {
  return existsSync(a) === existsSync(b) && (!existsSync(a) || readFileSync(a).equals(readFileSync(b)));
}

/** What is wrong with an outcome, or undefined. */
export function judge(code: number, text: string): string | undefined {
  if (code === 0) return undefined;
  if (code !== 1) return `exit ${code}: ${text.slice(0, 300)}`;
  if (/INTERNAL|TypeError|RangeError|SyntaxError|\bat .+:\d+:\d+|\[object Object\]|\bundefined\b|\bNaN\b/u.test(text)) return `crash or leaked internals: ${text.slice(0, 400)}`;
  for (const [, c] of text.matchAll(/\[([A-Z][A-Z0-9_]{3,})\]/gu)) if (!(c! in errorMessages.vi)) return `code ${c} has no Vietnamese sentence`;
  for (const [, c, sentence] of text.matchAll(/Lỗi \[([A-Z_]+)\]: (.*)/gu)) {
    if (!sentence || !VIETNAMESE.test(sentence)) return `code ${c} sentence not Vietnamese: ${sentence}`;
  }
  if (!VIETNAMESE.test(text)) return `refused without a Vietnamese sentence: ${text.slice(0, 300)}`;
  return undefined;
}

/** A variant that must be taken, or refused with its own code. */
function expected(code: string | null | undefined, exit: number, text: string): string | undefined {
  if (code === undefined) return undefined;
  if (code === null) return exit === 0 ? undefined : `not taken: ${text.slice(0, 300)}`;
  return exit !== 0 && text.includes(`[${code}]`) ? undefined : `not refused as ${code}: ${text.slice(0, 300)}`;
}

/** The generic refusal this reader must not give a damaged file (it hides which damage it was). */
function generic(reader: Reader, bytes: PathVariant['bytes'], text: string): string | undefined {
  const g = reader.notGeneric;
  if (!g || !text.includes(`[${g.code}]`) || (Buffer.isBuffer(bytes) && g.valid(bytes))) return undefined;
  return `refused with the generic ${g.code}, not the file's own refusal: ${text.slice(0, 300)}`;
}
