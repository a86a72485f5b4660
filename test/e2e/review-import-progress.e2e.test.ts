/**
 * A long import at the reviewing unit, in Chromium: the progress bar (counts, time left) with its
 * Stop button while a check runs, and an import stopped after its first file: the verdicts of
 * what was done and "Đã dừng: N tệp chưa xử lý"; then the same folder dropped on the screen.
 * Screenshots at 1280 px and at 1093×614.
 */
import { copyFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Commune } from '../fixtures/reviewer-imports';
import { Harness } from './harness';
import { HomePage } from './pages/home-page';
import { ReviewImportPage } from './pages/review-import-page';
import { reviewerReceivingFrom } from './worlds';

describe('a long import: progress and stop (reviewer)', () => {
  const h = new Harness('review-import-progress');
  let commune: Commune;
  beforeAll(async () => {
    await h.start();
  });
  afterAll(() => {
    commune?.store.cleanup();
    return h.stop();
  });

  it('shows progress with a Stop button; a stopped import keeps what was done and says how many files are left', async () => {
    const app = await h.open();
    commune = await reviewerReceivingFrom(app);
    const usb = join(h.dataDir, 'usb');
    mkdirSync(usb);
    for (const name of ['26734-r1.json', '26734-r2.json', '26734-r3.json', '26734-r4.json']) copyFileSync(commune.export(), join(usb, name));

    const screen = new ReviewImportPage(app.page);
    await screen.open();

    // While the folder is being checked: main's progress events drive the bar.
    let answer: (path: string | null) => void = () => undefined;
    app.dialogs.chooseFolder = () => new Promise((done) => { answer = done; });
    await screen.chooseFolder();
    await app.page.evaluate(() =>
      (window as unknown as { __chisoEmit(e: string, p: unknown): void }).__chisoEmit('import:progress', { done: 1, total: 4, accepted: 1, duplicates: 0, refused: 0, etaMs: 2400 }),
    );
    await expect.poll(() => screen.progressText()).toBe('1/4 tệp · nhận 1 · trùng 0 · từ chối 0 · còn khoảng 3 giây');
    expect(await screen.progressBar().getAttribute('value')).toBe('1');
    await app.shotBoth('checking-progress');
    await screen.stop().click(); // nothing runs yet in main: the cancel answers false, no error
    // The folder is answered once main has handled the Stop (a Stop that reached main after the
    // check began would stop the check, as it should).
    await expect.poll(() => app.answered.includes('import:cancel')).toBe(true);
    answer(usb);
    await expect.poll(() => screen.counts().textContent()).toBe('4 tệp: 4 sẽ nhận, 0 trùng, 0 bị từ chối');
    await expect.poll(() => screen.progress().count()).toBe(0);

    // The import: the person stops it after the first file (main gets import:cancel as from the button).
    let stopSent = false;
    app.onEvent = (event) => {
      if (event !== 'import:progress' || stopSent) return;
      stopSent = true;
      void app.runtime.route('import:cancel', undefined, { url: app.page.url() });
    };
    await screen.runButton().click();
    await expect.poll(() => screen.stopped().textContent()).toBe('Đã dừng: 3 tệp chưa xử lý. Các tệp đã xử lý được giữ nguyên; chọn lại để nhận nốt.');
    expect(await screen.rows()).toEqual([['26734-r1.json', '26734 · Xã Thử 26734', 'r1', 'Đã nhận']]);
    await expect.poll(() => screen.done().textContent()).toContain('Đã dừng nhận hồ sơ.');
    await app.shotBoth('stopped');

    // A folder dropped on the screen: checked like a chosen one (the three files left, and the one imported).
    app.dialogs.dropRoot = h.dataDir;
    await screen.dropFiles(['usb']);
    await expect.poll(() => screen.counts().textContent()).toBe('4 tệp: 3 sẽ nhận, 1 trùng, 0 bị từ chối');
    await app.shotBoth('dropped-folder');
    await app.close();
  });

  it('a folder of hundreds of files: the import button above the table, a filter by verdict, the rows shown 200 at a time', async () => {
    const app = await h.open();
    const big = join(h.dataDir, 'big');
    mkdirSync(big);
    const file = commune.export();
    for (let i = 0; i < 230; i++) copyFileSync(file, join(big, `ban-${String(i).padStart(3, '0')}.json`));
    writeFileSync(join(big, 'hong.json'), '{"format":');
    await app.page.reload();
    await new HomePage(app.page).waitFor('reviewer');
    const screen = new ReviewImportPage(app.page);
    await screen.open();
    app.dialogs.folderAnswers.push(big);
    await screen.chooseFolder();
    await expect.poll(() => screen.counts().textContent(), { timeout: 60_000 }).toBe('231 tệp: 1 sẽ nhận, 229 trùng, 1 bị từ chối');
    await expect(screen.runButton().textContent()).resolves.toBe('Nhận 1 hồ sơ');
    const first = await screen.rows();
    expect(first.length).toBe(200);
    expect(first.slice(0, 2).map((r) => r[3])).toEqual(['Bản sửa mới hơn', 'Trùng với một tệp phía trên (chỉ nhận một lần)']);
    expect(await screen.more().textContent()).toContain('Đang hiện 200/231 dòng.Hiện thêm (còn 31 dòng)');
    await app.shotBoth('big-folder');
    await screen.filter('refused').click();
    await expect.poll(() => screen.rows()).toEqual([['hong.json', '—', '—', expect.stringContaining('Bị từ chối: Tệp không đọc được') as string]]);
    expect(await screen.more().count()).toBe(0);
    await app.shotBoth('big-folder-refused');
    await screen.filter('all').click();
    await screen.more().getByRole('button').click();
    expect((await screen.rows()).length).toBe(231);
    await app.close();
  });
});
