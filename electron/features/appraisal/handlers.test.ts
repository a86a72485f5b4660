/** The appraisal channels through the router: policy before any dialog, the evidence opened for the user, the decisions parsed once. */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { communeSetup, provinceSetup } from '../../../test/helpers/context';
import { addToRoster, enrol, makeCommune, type Commune } from '../../../test/fixtures/reviewer-imports';
import type { AppraisalState } from '../../../shared/appraisal/types';
import { importPackages } from '../import/import';

let a: ChannelApp;
let c: Commune;
beforeEach(async () => {
  a = channelApp();
  await a.call('setup:complete', { setup: provinceSetup });
  c = makeCommune('26734', 'commune');
  enrol(a, c);
  addToRoster(a, '26734');
  importPackages(a.ctx, [c.export()], { unitCode: '49', provinceCode: '49' }, { dryRun: false });
});
afterEach(() => {
  c.store.cleanup();
  a.cleanup();
});

describe('appraisal channels', () => {
  it('open, decide, open an evidence file of the revision; bad input is refused at the boundary', async () => {
    const open = (await a.call('appraisal:open', { communeCode: '26734' })) as { ok: true; value: AppraisalState };
    expect(open.value).toMatchObject({ round: 1, revision: 1 });
    const evidence = open.value.items.find((i) => i.code === '1.1')!.evidence[0]!;
    expect(await a.call('appraisal:openEvidence', { communeCode: '26734', revision: 1, evidenceId: evidence.id })).toEqual({ ok: true, value: null });
    expect(a.opened[0]).toMatch(/Kế hoạch CCHC 2026\.pdf$/u);
    expect(await a.call('appraisal:decide', { communeCode: '26734', decisions: [{ code: '1.1', points: 'self' }] })).toMatchObject({ ok: true, value: { summary: { appraised: 1 } } });
    expect(await a.call('appraisal:decide', { communeCode: '26734', decisions: [{ code: '1.1', points: -1 }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    expect(await a.call('appraisal:decide', { communeCode: '26734', decisions: [{ code: '1.1', request: { kind: 'maybe', text: 'x' } }] })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
  });

  it('a commune installation may not appraise, and a reviewing unit may not import a result (refused before any dialog)', async () => {
    const b = channelApp();
    try {
      await b.call('setup:complete', { setup: communeSetup });
      expect(await b.call('appraisal:open', { communeCode: '26734' })).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
      expect(await b.call('appraisal:notes')).toEqual({ ok: true, value: { result: null, notes: [] } });
    } finally {
      b.cleanup();
    }
    a.files.push('/nowhere.json');
    expect(await a.call('appraisal:import')).toMatchObject({ ok: false, error: { code: 'WRONG_ROLE' } });
    expect(a.files).toHaveLength(1);
  });
});
