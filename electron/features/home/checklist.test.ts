import { mkdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChecklistStep, YearChecklist } from '../../../shared/ipc/home';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { loadEntriesText } from '../assessment/entries-load';
import { finaliseAssessment, reopenAssessment, saveExplanation } from '../assessment/use-cases';
import { requestKeyEnrolment } from '../enrolment/use-cases';
import { exportPackage } from '../export/use-cases';
import { backUpKey, createKey } from '../keys/use-cases';
import { checklist } from './use-cases';

const SAMPLE = fileURLToPath(new URL('../../../docs/examples/sample-entries.json', import.meta.url));
const PASS = 'mật khẩu đủ dài 2026';

let s: TestApp;
let usb: string;
beforeEach(() => {
  s = testApp(communeSetup);
  usb = join(s.dir, 'usb');
  mkdirSync(usb);
});
afterEach(() => s.cleanup());

const list = () => s.app.perform(checklist, undefined);
const row = (c: YearChecklist, id: ChecklistStep['step']) => c.steps.find((r) => r.step === id)!;
const states = (c: YearChecklist) => Object.fromEntries(c.steps.map((r) => [r.step, r.state]));

describe('Việc cần làm năm YYYY', () => {
  it('a fresh commune: every step in order, the sample framework flagged, nothing entered', async () => {
    const c = await list();
    expect(c.year).toBe(2026);
    expect(c.steps.map((r) => r.step)).toEqual(['framework', 'assessment', 'survey', 'finalise', 'key', 'backup', 'enrolment', 'export']);
    expect(states(c)).toEqual({ framework: 'attention', assessment: 'todo', survey: 'todo', finalise: 'todo', key: 'todo', backup: 'todo', enrolment: 'todo', export: 'todo' });
    expect(row(c, 'framework').note).toBe('sample');
    expect(row(c, 'assessment').counts).toMatchObject({ entered: 0, errors: 0, missingEvidence: 0 });
    expect(row(c, 'assessment').counts['total']).toBeGreaterThan(10);
    expect(row(c, 'survey').counts).toMatchObject({ forms: 0, secondPassPercent: 0 });
    expect(c.exportCheck.stops.map((p) => p.code).slice(0, 2)).toEqual(['NOT_FINALISED', 'NO_KEY']);
  }, 30_000);

  it('follows the year: entries, finalising, key, its backup, enrolment, export, then a change asks to send again', async () => {
    loadEntriesText(s.ctx, readFileSync(SAMPLE, 'utf8'));
    let c = await list();
    const a = row(c, 'assessment').counts;
    expect(a['entered']).toBe(a['total']);
    expect(row(c, 'survey')).toMatchObject({ state: 'done', note: 'beyond', counts: { forms: 24, target: 20, beyondTarget: 4 } });
    expect(row(c, 'finalise').state).toBe('todo');

    await s.app.perform(finaliseAssessment, undefined);
    await s.app.perform(createKey, { passphrase: PASS });
    c = await list();
    expect(states(c)).toMatchObject({ finalise: 'done', key: 'done', backup: 'attention', enrolment: 'todo', export: 'todo' });
    expect(row(c, 'finalise').counts['revision']).toBe(1);

    await s.app.perform(backUpKey, { keyPassphrase: PASS, backupPassphrase: 'sao lưu đủ dài 2026', folder: async () => usb });
    await s.app.perform(requestKeyEnrolment, { keyPassphrase: PASS, folder: async () => usb });
    c = await list();
    expect(states(c)).toMatchObject({ backup: 'done', enrolment: 'waiting' });

    await s.app.perform(exportPackage, { keyPassphrase: PASS, overrideReason: 'Thử với bộ tiêu chí mẫu', folder: async () => usb });
    c = await list();
    expect(row(c, 'export')).toMatchObject({ state: 'done', counts: { revision: 1, changes: 0 }, note: null });

    expect(await refusal(s.app.perform(saveExplanation, { code: '1.1', text: 'đổi' }))).toBe('ASSESSMENT_LOCKED');
    s.clock.advance(60_000);
    await s.app.perform(reopenAssessment, { reason: 'Bổ sung giải trình mục 1.1' });
    await s.app.perform(saveExplanation, { code: '1.1', text: 'Giải trình bổ sung' });
    c = await list();
    expect(row(c, 'export')).toMatchObject({ state: 'attention', note: 'resend', counts: { revision: 1, changes: 2 } });
    expect(row(c, 'finalise').state).toBe('todo');
  }, 30_000);

  it('is the commune\'s: the reviewing unit is refused (WRONG_ROLE)', async () => {
    const so = testApp(provinceSetup);
    try {
      expect(await refusal(so.app.perform(checklist, undefined))).toBe('WRONG_ROLE');
    } finally {
      so.cleanup();
    }
  }, 30_000);
});
