import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { AppError } from '../../../shared/errors';
import type { TestApp } from '../../../test/helpers/app';
import { refusal, testApp } from '../../../test/helpers/app';
import { communeSetup, parsedSetup } from '../../../test/helpers/context';
import { completeSetup } from '../setup/identity';
import { validateFramework } from '../framework/frameworks';
import { listEntries } from './assessment';
import { assessmentSnapshot } from './snapshot';
import { loadEntries, saveEntry } from './use-cases';
import { activeFramework } from '../framework/active';

// An illustrative decision: criterion 2 "không có nhiệm vụ được giao → được tính 03 điểm", an increment rule (3), a formula rule (4).
const example = validateFramework(JSON.parse(readFileSync(fileURLToPath(new URL('../../../docs/examples/minh-hoa-chi-dao-dieu-hanh.json', import.meta.url)), 'utf8')));

let s: TestApp;
beforeEach(() => {
  s = testApp();
  completeSetup(s.ctx, parsedSetup(communeSetup), example);
});
afterEach(() => s.cleanup());

describe('a whole criterion marked not applicable', () => {
  it('is saved under the criterion code, counted by its mode, and cleared', async () => {
    await s.app.perform(saveEntry, { code: '2', entry: { notApplicable: true } });
    const scores = assessmentSnapshot(s.ctx).scores;
    expect(scores.criteria['2']).toMatchObject({ notApplicable: 'points', points: 300 });
    await s.app.perform(saveEntry, { code: '2', entry: null });
    expect(assessmentSnapshot(s.ctx).scores.criteria['2']?.notApplicable).toBeUndefined();
  });

  it('takes only the mark: inputs on a criterion code or an unknown code are refused, nothing stored', async () => {
    expect(await refusal(s.app.perform(saveEntry, { code: '2', entry: { input: { type: 'binary', done: true } } }))).toBe('INVALID_INPUT');
    expect(await refusal(s.app.perform(saveEntry, { code: '77', entry: { notApplicable: true } }))).toBe('ITEM_NOT_FOUND');
    expect(listEntries(s.ctx, activeFramework(s.ctx).ref)).toEqual({});
  });

  it('loads from an entries file beside increment and formula inputs; a criterion line with figures is refused by line', async () => {
    const text = JSON.stringify({
      items: {
        '2': { notApplicable: true },
        '3': { input: { type: 'increment', units: 2 } },
        '4': { input: { type: 'formula', values: { da_kiem_tra: 4, ke_hoach: 5, ton_tai: 6, da_khac_phuc: 3 } } },
      },
    }, null, 1);
    await s.app.perform(loadEntries, { file: 'e.json', text });
    const scores = assessmentSnapshot(s.ctx).scores;
    expect(scores.criteria['2']?.points).toBe(300);
    expect(scores.items['3']?.status).toBe('scored');
    expect(scores.items['4']?.status).toBe('scored');

    const bad = JSON.stringify({ items: { '2': { notApplicable: true, input: { type: 'binary', done: true } } } }, null, 1);
    try {
      await s.app.perform(loadEntries, { file: 'bad.json', text: bad });
      expect.fail('refused');
    } catch (err) {
      expect((err as AppError).code).toBe('ENTRIES_INVALID');
      expect(JSON.stringify((err as AppError).details)).toContain('Tiêu chí 2');
    }
  });
});
