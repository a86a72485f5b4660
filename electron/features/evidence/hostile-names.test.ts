/**
 * Evidence names are hostile input: sanitised when a file is attached (what is stored, shown and
 * sent in the package) and again when a copy is made for the system's viewer; and the app never
 * hands a program, a script or a shortcut to the system, whatever name a row holds.
 */
import { existsSync, mkdirSync } from 'node:fs';
import { basename, dirname, join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { writeTinyPdf } from '../../../test/helpers/assessment';
import { refusal } from '../../../test/helpers/app';
import { completeSetup } from '../setup/identity';
import { communeSetup, parsedSetup } from '../../../test/helpers/context';
import { activeFramework } from '../framework/active';
import { attachFiles } from './evidence';
import { evidenceCopy } from './use-cases';

let c: ChannelApp;
let src: string;
beforeEach(() => {
  c = channelApp();
  completeSetup(c.ctx, parsedSetup(communeSetup));
  src = join(c.dir, 'chosen');
  mkdirSync(src);
});
afterEach(() => c.cleanup());

const attach = (name: string) => attachFiles(c.ctx, c.dir, activeFramework(c.ctx), '1.1', [writeTinyPdf(src, name, name)]).added[0]!;

describe('evidence names on the way in', () => {
  it.each([
    ['a\\..\\..\\evil.pdf', 'a_.._.._evil.pdf'],
    ['Kế hoạch\u202Efdp.pdf', 'Kế hoạchfdp.pdf'],
    ['bien\u0007ban\u001b[2K.pdf', 'bienban[2K.pdf'],
    ['CON.pdf', '_CON.pdf'],
    ['lpt1.pdf', '_lpt1.pdf'],
    ['bien ban.pdf. ', 'bien ban.pdf'],
    ['a<b>|c?.pdf', 'a_b__c_.pdf'],
  ])('%j is stored as %j', (name, stored) => {
    expect(attach(name).name).toBe(stored);
  });

  it('a long name is cut, keeping its extension', () => {
    const f = attach(`${'Bao cao ket qua '.repeat(14)}.pdf`);
    expect([...f.name].length).toBeLessThanOrEqual(150);
    expect(f.name.endsWith('.pdf')).toBe(true);
  });
});

describe('opening evidence', () => {
  it('opens a named copy of a document, on the user asking (evidence:open), and nothing else', async () => {
    const f = attach('Biên bản.pdf');
    expect(c.opened).toEqual([]);
    expect(await c.call('evidence:open', { id: f.id })).toMatchObject({ ok: true });
    expect(c.opened).toHaveLength(1);
    expect(basename(c.opened[0]!)).toBe('Biên bản.pdf');
    expect(existsSync(c.opened[0]!)).toBe(true);
  });

  it.each(['lenh.exe', 'a.bat', 'a.cmd', 'a.js', 'a.vbs', 'a.ps1', 'a.lnk', 'a.scr', 'a.msi', 'a.pdf.exe', 'noext', 'a.html', '..\\..\\a.exe', 'CON'])(
    'a row naming %j (an older version, a crafted database) is refused with OPEN_REFUSED, nothing opened or copied',
    async (name) => {
      const f = attach('x.pdf');
      c.runtime.db.prepare('UPDATE evidence_files SET name = ? WHERE id = ?').run(name, f.id);
      const res = await c.call('evidence:open', { id: f.id });
      expect(res).toMatchObject({ ok: false, error: { code: 'OPEN_REFUSED' } });
      expect(c.opened).toEqual([]);
      expect(await refusal(c.app.perform(evidenceCopy, { id: f.id }))).toBe('OPEN_REFUSED');
    },
  );

  it('the copy stays inside its temporary folder whatever the stored name', async () => {
    const f = attach('x.pdf');
    c.runtime.db.prepare('UPDATE evidence_files SET name = ? WHERE id = ?').run('../../../../tmp/owned.pdf', f.id);
    const copy = await c.app.perform(evidenceCopy, { id: f.id });
    expect(basename(copy)).toBe('_.._.._.._tmp_owned.pdf');
    expect(basename(dirname(dirname(copy)))).toBe('chiso-evidence');
  });
});
