import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Result } from '@shared/errors';
import { errorCode } from '../../../lib/api-error';
import { useAssessment } from './assessment-store';

/** The preload's bridge, as far as the autosave uses it: saves of the codes in `failing` are refused. */
let failing: Set<string>;
let calls: { code: string; text: string | null }[];

function bridge() {
  const ack = (code: string): Result<{ savedAt: string }> =>
    failing.has(code) ? { ok: false, error: { code: 'DB_FULL', messageKey: 'DB_FULL' } } : { ok: true, value: { savedAt: `2026-11-22T08:00:0${calls.length}.000Z` } };
  return {
    assessment: {
      setExplanation: (input: { code: string; text: string | null }) => {
        calls.push(input);
        return Promise.resolve(ack(input.code));
      },
    },
  };
}

beforeEach(() => {
  failing = new Set();
  calls = [];
  vi.stubGlobal('window', { api: bridge() });
});
afterEach(async () => {
  failing.clear();
  await useAssessment.getState().retry();
  vi.unstubAllGlobals();
  useAssessment.setState({ unsaved: {}, saveError: null, savedAt: null, pending: 0 });
});

const state = () => useAssessment.getState();

describe('assessment autosave', () => {
  it('keeps a failed save with its reason; a later success on another item does not clear it', async () => {
    failing.add('1.1');
    state().setExplanation('1.1', 'Biên bản kiểm tra');
    await state().flush();
    expect(Object.keys(state().unsaved)).toEqual(['explanation:1.1']);
    expect(errorCode(state().saveError)).toBe('DB_FULL');
    expect(state().pending).toBe(0);

    state().setExplanation('1.2', 'Quyết định số 12');
    await state().flush();
    expect(calls.map((c) => c.code).sort()).toEqual(['1.1', '1.1', '1.2']);
    expect(Object.keys(state().unsaved)).toEqual(['explanation:1.1']);
    expect(errorCode(state().saveError)).toBe('DB_FULL');
    expect(state().savedAt).not.toBeNull();
  });

  it('retry() sends the failed save again and clears it once saved', async () => {
    failing.add('1.1');
    state().setExplanation('1.1', 'Biên bản kiểm tra');
    await state().flush();
    expect(state().unsaved).toHaveProperty('explanation:1.1');

    failing.clear();
    await state().retry();
    expect(calls.at(-1)).toEqual({ code: '1.1', text: 'Biên bản kiểm tra' });
    expect(state().unsaved).toEqual({});
    expect(state().saveError).toBeNull();
    expect(state().pending).toBe(0);
  });

  it('retries a failed save automatically with the next change of any item', async () => {
    failing.add('1.1');
    state().setExplanation('1.1', 'Biên bản kiểm tra');
    await state().flush();
    failing.clear();
    state().setExplanation('1.2', 'Quyết định số 12');
    await state().flush();
    expect(calls.filter((c) => c.code === '1.1')).toHaveLength(2);
    expect(state().unsaved).toEqual({});
    expect(state().saveError).toBeNull();
  });

  it('sends the newer value, not the failed one, when the failed item is edited again', async () => {
    failing.add('1.1');
    state().setExplanation('1.1', 'cũ');
    await state().flush();
    failing.clear();
    state().setExplanation('1.1', 'mới');
    await state().flush();
    expect(calls.map((c) => c.text)).toEqual(['cũ', 'mới']);
    expect(state().unsaved).toEqual({});
  });
});
