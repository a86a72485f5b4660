/**
 * What a commune said of its own package reaches the reviewing unit: a package exported with
 * overrides (late, too few forms, the sample framework, one reason) is imported, and its
 * completeness block is stored with the row and shown on the board and in the appraisal header;
 * a package without one shows none. Real databases, real export, real import.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { TestStore } from '../../../test/helpers/context';
import { addToRoster, enrol, makeCommune, makeReviewer, type Commune } from '../../../test/fixtures/reviewer-imports';
import { overrideLines } from '../../../shared/package/completeness-notes';
import { storeTypedDeadline } from '../settings/deadline';
import { openAppraisal } from '../appraisal/appraisal';
import { summaryLines } from '../appraisal/commands';
import { importPackages } from './import';
import { receivedFor } from './received-repo';
import { statusBoard } from './status';

const unit = { unitCode: '49', provinceCode: '49' };
// Commune text with an invisible character (allowed in prose) that must show as an escape.
const REASON = 'Chờ UBND huyện ký văn bản\u200b';
let r: TestStore;
let a: Commune;

beforeEach(() => {
  r = makeReviewer();
  a = makeCommune('26734', 'commune');
  enrol(r, a);
  addToRoster(r, '26734');
});
afterEach(() => {
  a.store.cleanup();
  r.cleanup();
});

describe('a received package\'s completeness and overrides', () => {
  it('are stored at import and shown on the board and in the appraisal header, in the reviewer\'s words', () => {
    storeTypedDeadline(a.store.ctx, 2026, '2026-01-02');
    const file = a.exportOverriding(REASON);
    expect(importPackages(r.ctx, [file], unit, { dryRun: false })[0]).toMatchObject({ outcome: 'accepted' });

    const stored = receivedFor(r.db, '26734', 2026)[0]!.completeness!;
    expect(stored.overrides.map((o) => o.code).sort()).toEqual(['DEADLINE_PASSED', 'SAMPLE_FRAMEWORK', 'SURVEY_BELOW_MINIMUM']);
    expect(stored.overrides.every((o) => o.reason === REASON)).toBe(true);
    expect(stored.forms.minimum).toBeGreaterThan(stored.forms.saved);

    const row = statusBoard(r.ctx, 2026).rows.find((x) => x.code === '26734')!;
    expect(row.completeness).toEqual(stored);

    const state = openAppraisal(r.ctx, '26734', 2026);
    expect(state.completeness).toEqual(stored);
    const vi = overrideLines(state.completeness, 'vi');
    const { saved, minimum } = stored.forms;
    expect(vi).toContain('Xã gửi muộn (sau hạn gửi hồ sơ) và đã xác nhận gửi, lý do: Chờ UBND huyện ký văn bản\\u200b');
    expect(vi).toContain(`Xã đã xác nhận gửi khi chưa đủ số phiếu tối thiểu (${saved}/${minimum}), lý do: Chờ UBND huyện ký văn bản\\u200b`);
    expect(vi.some((l) => l.startsWith('Xã đã xác nhận gửi khi đang dùng bộ tiêu chí mẫu'))).toBe(true);
    // `chiso appraise status` prints the same sentences under its summary.
    expect(summaryLines(state).slice(-3)).toEqual(vi);
    expect(overrideLines(state.completeness, 'en')).toContain('The commune sent after the submission deadline and confirmed sending, reason: Chờ UBND huyện ký văn bản\\u200b');
  });

  it('a package from an earlier version (no completeness block) shows none', () => {
    const file = a.export();
    importPackages(r.ctx, [file], unit, { dryRun: false });
    expect(receivedFor(r.db, '26734', 2026)[0]!.completeness).toBeNull();
    expect(statusBoard(r.ctx, 2026).rows[0]!.completeness).toBeNull();
    expect(openAppraisal(r.ctx, '26734', 2026).completeness).toBeNull();
    expect(overrideLines(null, 'vi')).toEqual([]);
  });
});
