import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { codeOf } from '../../../test/helpers/errors';
import { ChosenFile } from './chosen-file';

describe('ChosenFile', () => {
  it('gives the held value back for its token only; a new choice replaces it; released, it is gone', () => {
    const chosen = new ChosenFile<string>(() => new AppError('FILE_NOT_FOUND', 'expired'));
    const first = chosen.hold('/media/usb/a.json');
    expect(chosen.get(first)).toBe('/media/usb/a.json');
    expect(codeOf(() => chosen.get('made-up'))).toBe('FILE_NOT_FOUND');
    const second = chosen.hold('/media/usb/b.json');
    expect(second).not.toBe(first);
    expect(codeOf(() => chosen.get(first))).toBe('FILE_NOT_FOUND');
    expect(chosen.get(second)).toBe('/media/usb/b.json');
    chosen.release();
    expect(codeOf(() => chosen.get(second))).toBe('FILE_NOT_FOUND');
  });
});
