/**
 * "Tạo gói hỗ trợ" on the About screen: cancelling the folder dialog writes nothing; choosing a
 * folder writes one JSON file and says where, with its size.
 */
import { mkdirSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { completeSetup } from '../../electron/features/setup/identity';
import { communeSetup, parsedSetup } from '../helpers/context';
import { Harness, SCREENSHOTS } from './harness';

describe('support bundle from the About screen', () => {
  const h = new Harness('support-bundle');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('writes the bundle into the chosen folder, nothing when cancelled', async () => {
    const app = await h.open();
    completeSetup(app.runtime.app.ctx, parsedSetup(communeSetup));
    await app.page.reload();
    await app.page.getByRole('link', { name: 'Giới thiệu' }).click();
    const section = app.page.getByTestId('support-bundle');
    await section.waitFor();
    expect(await section.textContent()).toContain('không chứa khóa ký, mật khẩu');

    const usb = join(h.dataDir, 'usb');
    mkdirSync(usb);
    app.dialogs.folderAnswers.push(null);
    await app.page.getByTestId('support-bundle-create').click();
    await expect.poll(() => app.page.getByTestId('support-bundle-create').isEnabled()).toBe(true);
    expect(await app.page.getByTestId('support-bundle-written').count()).toBe(0);
    expect(readdirSync(usb)).toEqual([]);

    app.dialogs.folderAnswers.push(usb);
    await app.page.getByTestId('support-bundle-create').click();
    const notice = app.page.getByTestId('support-bundle-written');
    await notice.waitFor();
    const files = readdirSync(usb);
    expect(files).toHaveLength(1);
    expect(await notice.textContent()).toContain(`Đã ghi gói hỗ trợ: ${join(usb, files[0]!)}`);
    const bundle = JSON.parse(readFileSync(join(usb, files[0]!), 'utf8')) as { format: string; database: { quickCheck: string[] } };
    expect(bundle.format).toBe('chiso-support-bundle');
    expect(bundle.database.quickCheck).toEqual(['ok']);
    await app.shot('about-written');
    await app.page.setViewportSize({ width: 1093, height: 614 });
    await notice.scrollIntoViewIfNeeded();
    await app.page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    await app.page.screenshot({ path: join(SCREENSHOTS, 'support-bundle', 'about-written-1093x614.png') });
  });
});
