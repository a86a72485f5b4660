import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Clock, ServiceContext } from '../../electron/kernel/context';
import type { Db, OpenOptions } from '../../electron/kernel/db/open';
import { openDatabase } from '../../electron/kernel/db/open';
import type { SetupData } from '../../shared/identity';
import { setupInputSchema } from '../../shared/identity';

export const FIXED_NOW = '2026-11-22T08:00:00.000Z';

/** A clock that stands still unless a test moves it. */
export function fixedClock(iso = FIXED_NOW): Clock & { advance(ms: number): void } {
  let t = new Date(iso).getTime();
  return { now: () => new Date(t), advance: (ms) => { t += ms; } };
}

export interface TestStore {
  dir: string;
  file: string;
  db: Db;
  ctx: ServiceContext;
  clock: ReturnType<typeof fixedClock>;
  cleanup(): void;
}

/** A fresh SQLite file per test, fixed clock, fixed actor. */
export function freshStore(options: OpenOptions = {}): TestStore {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-test-'));
  const file = join(dir, 'test.sqlite');
  const db = openDatabase(file, options);
  const clock = fixedClock();
  const ctx: ServiceContext = { db, clock, actor: () => 'tester' };
  return {
    dir, file, db, ctx, clock,
    cleanup() {
      if (db.open) db.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

export function tempDir(): { dir: string; cleanup(): void } {
  const dir = mkdtempSync(join(tmpdir(), 'chiso-test-'));
  return { dir, cleanup: () => rmSync(dir, { recursive: true, force: true }) };
}

/** A commune's setup as the setup screen sends it (parse with setupInputSchema for the typed value). */
export const communeSetup = {
  role: 'commune',
  unitCode: '26734',
  unitName: 'Xã Bình Đào',
  provinceCode: '49',
  reviewerCode: '49',
  officerName: 'Nguyễn Thị Hoa',
  officerTitle: 'Công chức Văn phòng - Thống kê',
  year: 2026,
} as const;

/** A provincial Sở Nội vụ's setup as the setup screen sends it. */
export const provinceSetup = {
  role: 'reviewer',
  level: 'province',
  unitCode: '49',
  unitName: 'Sở Nội vụ tỉnh Quảng Nam',
  provinceCode: '49',
  year: 2026,
} as const;

/** What the service takes: a setup parsed at the boundary, as the router and `chiso init` do. */
export function parsedSetup(input: typeof communeSetup | typeof provinceSetup | Record<string, unknown>): SetupData {
  return setupInputSchema.parse(input);
}
