/**
 * The same hostile files through the window's way in: each channel that opens a file the person
 * picks in a dialog (the real router, policy and use case over a fresh database). Each call ends
 * taken or refused with a stable code that has a Vietnamese sentence, never INTERNAL; a refusal
 * leaves the database as it was. Evidence attachments, which only the window takes, are here too.
 */
import { closeSync, ftruncateSync, mkdirSync, openSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { errorMessages } from '../../../shared/i18n/errors';
import { completeSetup } from '../../../electron/features/setup/identity';
import { USER_FILE_LIMITS, type UserFileKind } from '../../../electron/kernel/files/user-file';
import { channelApp, type ChannelApp } from '../../helpers/channels';
import { communeSetup, parsedSetup, provinceSetup, tempDir } from '../../helpers/context';
import { namedVariants, randomVariants } from './mutations';
import { buildWorld, dump, type Reader } from './world';

const VIETNAMESE = /[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu;

interface Channel {
  channel: string;
  input?: unknown;
  side: 'commune' | 'reviewer';
  /** The reader (world.ts) whose valid file the variants start from. */
  seed: string;
  kind: UserFileKind;
}

const CHANNELS: Channel[] = [
  { channel: 'assessment:loadFile', side: 'commune', seed: 'entries (load)', kind: 'entries' },
  { channel: 'assessment:chooseFile', side: 'commune', seed: 'entries (load)', kind: 'entries' },
  { channel: 'survey:import', side: 'commune', seed: 'survey forms JSON', kind: 'survey' },
  { channel: 'survey:import', side: 'commune', seed: 'survey forms CSV', kind: 'survey' },
  { channel: 'survey:import', side: 'commune', seed: 'survey forms xlsx', kind: 'survey' },
  { channel: 'keys:chooseBackup', side: 'commune', seed: 'key backup', kind: 'keyBackup' },
  { channel: 'enrolment:chooseApproval', side: 'commune', seed: 'enrolment approval', kind: 'enrolment' },
  { channel: 'keys:chooseRotationApproval', side: 'commune', seed: 'key rotation approval', kind: 'enrolment' },
  { channel: 'framework:chooseSigned', side: 'commune', seed: 'signed framework', kind: 'framework' },
  { channel: 'appraisal:import', side: 'commune', seed: 'appraisal package', kind: 'package' },
  { channel: 'evidence:attach', input: { code: '1.1' }, side: 'commune', seed: 'appraisal package', kind: 'evidence' },
  { channel: 'roster:choose', side: 'reviewer', seed: 'roster CSV', kind: 'roster' },
  { channel: 'roster:choose', side: 'reviewer', seed: 'roster xlsx', kind: 'roster' },
  { channel: 'report:historyChoose', input: { year: 2025 }, side: 'reviewer', seed: "last year's results CSV", kind: 'history' },
  { channel: 'report:historyChoose', input: { year: 2025 }, side: 'reviewer', seed: "last year's results xlsx", kind: 'history' },
  { channel: 'framework:chooseSource', side: 'reviewer', seed: 'framework JSON (import)', kind: 'framework' },
  { channel: 'framework:chooseSource', side: 'reviewer', seed: 'framework xlsx', kind: 'framework' },
];

let dir: string;
let cleanup: () => void;
let readers: Reader[];
beforeAll(async () => {
  ({ dir, cleanup } = tempDir());
  readers = await buildWorld(dir);
}, 120_000);
afterAll(() => cleanup());

/** A channel app whose open dialogs (one file or several) answer with `picked`. */
function app(side: Channel['side'], picked: string[]): ChannelApp {
  const c = channelApp({
    dialogs: {
      openFile: async () => picked.shift() ?? null,
      openFiles: async () => picked.splice(0),
      chooseFolder: async () => null,
      saveFile: async () => null,
      openPath: async () => undefined,
    },
  });
  completeSetup(c.ctx, parsedSetup(side === 'commune' ? communeSetup : provinceSetup));
  return c;
}

describe('hostile files through the channels that open them', () => {
  it.each(CHANNELS.map((c) => [`${c.channel} (${c.seed})`, c] as const))('%s', async (_name, ch) => {
    const reader = readers.find((r) => r.name === ch.seed)!;
    const ext = ch.channel === 'evidence:attach' ? 'pdf' : reader.ext;
    const picked: string[] = [];
    const c = app(ch.side, picked);
    const problems: string[] = [];
    const codes = new Map<string, string>();
    try {
      const variants = [...namedVariants(reader.seed, reader.form), ...randomVariants(reader.seed, 4, 7)];
      const paths: [string, string][] = variants.map((v, i) => {
        const p = join(dir, `ch-${i}.${ext}`);
        writeFileSync(p, v.bytes);
        return [v.name, p];
      });
      const folder = join(dir, `ch-dir.${ext}`);
      mkdirSync(folder, { recursive: true });
      const sparse = join(dir, `ch-sparse.${ext}`);
      const fd = openSync(sparse, 'w');
      ftruncateSync(fd, USER_FILE_LIMITS[ch.kind] + 1);
      closeSync(fd);
      paths.push(['a directory', folder], ['a sparse file one byte over the limit', sparse], ['a missing file', join(dir, `missing.${ext}`)]);
      for (const [name, p] of paths) {
        const before = dump(c.file);
        picked.push(p);
        const r = await c.call(ch.channel, ch.input);
        picked.length = 0;
        if (r.ok) continue;
        const code = r.error.code;
        codes.set(name, code);
        if (code === 'INTERNAL' || !(code in errorMessages.vi) || !VIETNAMESE.test(errorMessages.vi[code])) problems.push(`${name}: ${code} ${JSON.stringify(r.error).slice(0, 200)}`);
        else if (dump(c.file) !== before) problems.push(`${name}: ${code}, but the database changed`);
      }
      for (const [, p] of paths) rmSync(p, { recursive: true, force: true });
    } finally {
      c.cleanup();
    }
    expect(problems).toEqual([]);
    // The file was really read: the bounded reader's own refusals came back.
    expect(codes.get('a directory')).toBe('NOT_A_FILE');
    expect(codes.get('a sparse file one byte over the limit')).toMatch(/^(?:FILE|EVIDENCE)_TOO_LARGE$/u);
    expect(codes.get('a missing file')).toBe('FILE_NOT_FOUND');
  }, 300_000);
});
