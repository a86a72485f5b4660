/**
 * Every file name the app builds from typed or received text (a commune code, a key id, a
 * framework's id and version, a name suggested to the save dialog) is one safe path component
 * whatever that text is: `../`, a Windows device name, a colon, 300 characters, a right-to-left
 * override. And the one way a package is written (writeFileSafely) never writes outside the
 * folder chosen: a name it does not take is refused with a code and a Vietnamese sentence.
 */
import { existsSync, mkdirSync, readdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { errorMessages } from '../../shared/i18n/errors';
import { MAX_FILE_NAME, safeFileName } from '../../shared/file-name';
import type { Framework } from '../../shared/framework/schema';
import { appraisalFileName } from '../../electron/features/appraisal/result-package';
import { enrolmentFileNames } from '../../electron/features/enrolment/commune-enrolment';
import { approvalFileName } from '../../electron/features/enrolment/request';
import { rotationFileNames } from '../../electron/features/enrolment/rotation-service';
import { packageFileName } from '../../electron/features/export/export';
import { frameworkPackageFileName } from '../../electron/features/framework/package';
import { backupFileName } from '../../electron/features/keys/keys';
import type { EnrolmentRequestRecord } from '../../electron/features/enrolment/commune-enrolment';
import { writeFileSafely } from '../../electron/kernel/files/package-file';
import { AppError } from '../../shared/errors';
import { tempDir } from '../helpers/context';

const HOSTILE = ['../../etc/passwd', '..\\..\\Windows\\win.ini', 'CON', 'a:b', 'x'.repeat(300), 'Kế hoạch\u202Efdp.exe', '/abs', 'a\u0000b', ' .. ', 'LPT1.txt', 'tên có dấu'];

function names(h: string): string[] {
  const fw = { province: { code: h }, year: 2026, id: h, version: h } as unknown as Framework;
  const record = { request: { commune: { code: h } }, keyId: h } as unknown as EnrolmentRequestRecord;
  return [
    packageFileName(2026, h, 1),
    appraisalFileName(2026, h, 1, 1),
    approvalFileName({ communeCode: h, keyId: h }),
    ...Object.values(rotationFileNames({ communeCode: h, newKeyId: h })),
    ...Object.values(enrolmentFileNames(record)),
    backupFileName(h, h),
    frameworkPackageFileName(fw),
    safeFileName(h),
  ];
}

describe('file names built from typed or received text', () => {
  it.each(HOSTILE.map((h) => [JSON.stringify(h).slice(0, 40), h]))('%s: one safe path component', (_label, h) => {
    for (const n of names(h)) {
      expect(n, n).toBe(safeFileName(n));
      expect(basename(n)).toBe(n);
      expect(n).not.toMatch(/[/\\<>:"|?*\p{Cc}\u202a-\u202e\u200b-\u200f]/u);
      expect([...n].length).toBeLessThanOrEqual(MAX_FILE_NAME);
      expect(n.split('.')[0]!.trim()).not.toMatch(/^(con|prn|aux|nul|com\d|lpt\d)$/iu);
      expect(n).not.toMatch(/^\.|[. ]$/u);
    }
  });

  it('writeFileSafely writes inside the folder or refuses with a code and a Vietnamese sentence, never outside', () => {
    const { dir, cleanup } = tempDir();
    try {
      const folder = join(dir, 'usb');
      mkdirSync(folder);
      for (const h of HOSTILE) {
        for (const n of [...names(h), h]) {
          try {
            const w = writeFileSafely(folder, n, Buffer.from('{}'), () => undefined);
            expect(w.path.startsWith(folder + '/') || w.path.startsWith(folder + '\\')).toBe(true);
          } catch (err) {
            expect(err).toBeInstanceOf(AppError);
            expect(errorMessages.vi[(err as AppError).code]).toMatch(/[ạảãàáâậầấẩẫăắằặẳẵêệếềểễôộốồổỗơớờợởỡưứừựửữđ]/u);
          }
        }
      }
      expect(readdirSync(dir)).toEqual(['usb']);
      expect(existsSync(join(dir, 'etc'))).toBe(false);
    } finally {
      cleanup();
    }
  });
});
