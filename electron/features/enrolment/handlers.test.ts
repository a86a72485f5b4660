import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { ChannelApp } from '../../../test/helpers/channels';
import { channelApp } from '../../../test/helpers/channels';
import { communeSetup } from '../../../test/helpers/context';

let a: ChannelApp;
beforeEach(async () => {
  a = channelApp();
  await a.call('setup:complete', { setup: communeSetup });
  await a.call('keys:create', { passphrase: 'đủ dài rồi 123' });
});
afterEach(() => a.cleanup());

describe('enrolment channels', () => {
  it('enrolment:request writes the signed request and the printed form, and opens the form', async () => {
    const usb = a.folder('usb');
    a.folders.push(usb);
    const r = await a.call('enrolment:request', { keyPassphrase: 'đủ dài rồi 123', officerName: 'Nguyễn Thị Hoa', officerTitle: 'Công chức' });
    expect(r.ok).toBe(true);
    const files = readdirSync(usb).sort();
    expect(files).toHaveLength(2);
    expect(files[0]).toMatch(/^CCHC-ENROL-26734-[0-9A-Z]{16}\.json$/u);
    expect(files[1]).toBe(files[0]!.replace(/\.json$/u, '.pdf'));
    expect(a.opened).toEqual([join(usb, files[1]!)]);
    expect(await a.call('enrolment:status')).toMatchObject({ ok: true, value: { request: { officerName: 'Nguyễn Thị Hoa' }, pinned: null } });
  });

  it('a failed print writes neither file and records no request', async () => {
    const failing = channelApp({ pdf: { fromHtml: async () => Promise.reject(new Error('printer gone')) } });
    try {
      await failing.call('setup:complete', { setup: communeSetup });
      await failing.call('keys:create', { passphrase: 'đủ dài rồi 123' });
      const usb = failing.folder('usb');
      failing.folders.push(usb);
      expect(await failing.call('enrolment:request', { keyPassphrase: 'đủ dài rồi 123' })).toMatchObject({ ok: false, error: { code: 'PDF_FAILED' } });
      expect(readdirSync(usb)).toEqual([]);
      expect(await failing.call('enrolment:status')).toMatchObject({ ok: true, value: { request: null } });
    } finally {
      failing.cleanup();
    }
  });

  it('enrolment:accept takes only the token of the approval just chosen', async () => {
    expect(await a.call('enrolment:accept', { token: 'bịa ra', fingerprint: 'ABCD' })).toMatchObject({ ok: false, error: { code: 'FILE_NOT_FOUND' } });
  });
});
