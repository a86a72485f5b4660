import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { captureIO } from '../../../test/helpers/cli-io';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { sampleFramework } from '../../../shared/framework/sample';
import { tempDir } from '../../../test/helpers/context';
import { openDatabase } from '../../kernel/db/open';
import { getIdentity } from './identity';
import { runCli } from '../../app/cli/chiso';
import type { CliIO } from '../../kernel/commands/io';

let dir: string;
let cleanup: () => void;
let out: string[];
let err: string[];
let io: CliIO;

beforeEach(() => {
  ({ dir, cleanup } = tempDir());
  ({ io, out, err } = captureIO(dir));
});
afterEach(() => cleanup());

function identityIn(file: string) {
  const db = openDatabase(file);
  try {
    return getIdentity({ db, clock: { now: () => new Date() }, actor: () => 't' });
  } finally {
    db.close();
  }
}

describe('chiso init', () => {
  it('sets up a commune with the sample framework', async () => {
    const code = await runCli(['init', '--db', 'x.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Xã Bình Đào (26734)');
    const id = identityIn(join(dir, 'x.sqlite'));
    expect(id).toMatchObject({ role: 'commune', unitCode: '26734', reviewerCode: '49', year: 2026 });
    expect(id?.framework?.sample).toBe(true);
  });

  it('sets up a reviewing unit with a framework file', async () => {
    writeFileSync(join(dir, 'fw.json'), JSON.stringify({ ...sampleFramework, sample: false, id: 'qn-2026' }));
    const code = await runCli(['init', '--db', 'r.sqlite', '--role', 'district', '--unit', '49', '--name', 'Sở Nội vụ tỉnh Quảng Nam', '--year', '2026', '--framework', 'fw.json'], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    const id = identityIn(join(dir, 'r.sqlite'));
    expect(id).toMatchObject({ role: 'reviewer', level: 'province', unitCode: '49', provinceCode: '49' });
    expect(id?.framework).toMatchObject({ id: 'qn-2026', sample: false });
  });

  it('explains a bad commune code in Vietnamese and exits 1 without setting up', async () => {
    const code = await runCli(['init', '--db', 'x.sqlite', '--role', 'commune', '--unit', '123', '--name', 'Xã A', '--province', '49'], io);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('Mã xã gồm đúng 5 chữ số');
    expect(identityIn(join(dir, 'x.sqlite'))).toBeNull();
  });

  it.each([
    [['init', '--role', 'commune']],
    [['init', '--db', 'x.sqlite', '--role', 'mayor', '--unit', '1', '--name', 'A']],
    [['init', '--db', 'x.sqlite', '--bogus']],
    [['frobnicate']],
    [[]],
  ])('exits 2 on bad arguments %j', async (argv) => {
    expect(await runCli(argv, io)).toBe(2);
    expect(err.join('\n') + out.join('\n')).toMatch(/Lỗi cú pháp|chiso/u);
  });
});

describe('chiso setup correct', () => {
  const init = () => runCli(['init', '--db', 'x.sqlite', '--role', 'commune', '--unit', '26734', '--name', 'Xã Bình Đào', '--province', '49', '--year', '2026'], io);

  it('corrects the codes and the year, prints the identity and logs the change', async () => {
    expect(await init()).toBe(0);
    out.length = 0;
    const code = await runCli(['setup', 'correct', '--db', 'x.sqlite', '--unit', '26735', '--reviewer', '48', '--year', '2025', '--officer', 'Trần Văn An'], io);
    expect(err).toEqual([]);
    expect(code).toBe(0);
    expect(out.join('\n')).toContain('Xã Bình Đào (26735)');
    expect(identityIn(join(dir, 'x.sqlite'))).toMatchObject({ unitCode: '26735', reviewerCode: '48', year: 2025, officerName: 'Trần Văn An' });
  });

  it('refuses a bad code in Vietnamese, exits 1 and changes nothing', async () => {
    await init();
    const code = await runCli(['setup', 'correct', '--db', 'x.sqlite', '--unit', '12'], io);
    expect(code).toBe(1);
    expect(err.join('\n')).toContain('Mã xã gồm đúng 5 chữ số');
    expect(identityIn(join(dir, 'x.sqlite'))).toMatchObject({ unitCode: '26734' });
  });

  it.each([
    [['setup', 'correct', '--db', 'x.sqlite']],
    [['setup', 'fix', '--db', 'x.sqlite', '--unit', '26735']],
    [['setup', 'correct', '--db', 'x.sqlite', '--role', 'reviewer']],
  ])('exits 2 on bad arguments %j', async (argv) => {
    await init();
    expect(await runCli(argv, io)).toBe(2);
  });
});
