import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sampleFramework } from '../../shared/framework/sample';
import { Harness } from './harness';
import { HomePage } from './pages/home-page';
import { SetupPage } from './pages/setup-page';

describe('first-run setup, commune', () => {
  const h = new Harness('setup-commune');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('refuses a bad code with a Vietnamese reason, then saves the identity; reopening shows it', async () => {
    const app = await h.open();
    const setup = new SetupPage(app.page);
    await expect.poll(() => setup.heading().textContent()).toBe('Thiết lập ban đầu');
    await app.shot('role-choice');
    await setup.chooseRole('commune');
    await setup.fillCommune({
      unitCode: '2673', // one digit short
      provinceCode: '49',
      unitName: 'Xã Bình Đào'.normalize('NFD'),
      reviewerCode: '49',
      officerName: 'Nguyễn Thị Hoa',
      officerTitle: 'Công chức Văn phòng - Thống kê',
      year: '2026',
    });
    await setup.submit();
    await expect.poll(() => setup.fieldError('unitCode').textContent()).toBe('Mã xã gồm đúng 5 chữ số (ví dụ 26734).');
    await app.shot('commune-code-error');
    expect(app.runtime.db.prepare('SELECT count(*) AS n FROM identity').get()).toEqual({ n: 0 });

    await setup.fill('unitCode', '26734');
    // The unit type decides the framework's variant: the form asks for it rather than guessing.
    await setup.submit();
    await expect.poll(() => setup.unitTypeError().textContent()).toBe('Loại đơn vị phải là xã, phường, đặc khu hoặc thị trấn (trước 7/2025).');
    expect(app.runtime.db.prepare('SELECT count(*) AS n FROM identity').get()).toEqual({ n: 0 });
    await app.page.getByTestId('unit-type-xa').check();
    await app.shot('commune-form-filled');
    await setup.submit();
    const home = new HomePage(app.page);
    await home.waitFor('commune');
    expect(await home.title().textContent()).toBe('Xã Bình Đào');
    expect(await home.facts().textContent()).toContain('26734');
    expect(await home.frameworkTotal().textContent()).toBe('100,00');
    expect(app.runtime.db.prepare('SELECT unit_type FROM identity').get()).toEqual({ unit_type: 'xa' });
    expect(await app.page.getByTestId('sample-warning').isVisible()).toBe(true);
    await app.shot('commune-home');
    await app.close();

    // "Restart": a new runtime over the same file, a new page.
    const again = await h.open();
    const home2 = new HomePage(again.page);
    await home2.waitFor('commune');
    expect(await home2.title().textContent()).toBe('Xã Bình Đào'.normalize('NFC'));
    expect(await home2.unitChip().textContent()).toContain('26734');
    expect(await home2.facts().textContent()).toContain('Nguyễn Thị Hoa');
    await again.shot('commune-home-after-restart');

    // The application menu opens the change log, which shows the setup.
    await again.menu('/audit');
    await again.page.getByTestId('audit-table').waitFor();
    expect(await again.page.getByTestId('audit-table').textContent()).toContain('Thiết lập đơn vị');
    await again.shot('audit-log');

    // Switch to English and back: the choice is stored.
    await again.menu('/settings');
    await again.page.getByTestId('lang-en').check(); // on at once, while the choice is saved
    await expect.poll(() => again.page.getByRole('heading', { level: 1 }).textContent()).toBe('Settings');
    await again.shot('settings-english');
    await again.page.getByTestId('lang-vi').click();
    await expect.poll(() => again.page.getByRole('heading', { level: 1 }).textContent()).toBe('Cài đặt');

    // The province issues its framework: replace the sample from the framework screen.
    const official = join(h.dataDir, 'quang-nam.json');
    writeFileSync(official, JSON.stringify({ ...sampleFramework, id: 'quang-nam-2026', sample: false, title: 'Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Quảng Nam năm 2026', province: { code: '49', name: 'Quảng Nam' } }));
    await again.menu('/framework');
    again.dialogs.openAnswers.push(official);
    await again.page.getByTestId('replace-choose').click();
    await again.page.getByTestId('replace-preview').waitFor();
    await again.shot('framework-replace-preview');
    await again.page.getByTestId('replace-apply').click();
    await again.page.getByTestId('replace-done').waitFor();
    // The overview reloads after the unit's identity does, a moment after the notice appears.
    await expect.poll(() => again.page.getByTestId('framework-overview').textContent()).toContain('Quảng Nam năm 2026');
    expect(await again.page.getByTestId('sample-warning').count()).toBe(0);
    await again.shot('framework-replaced');
    await again.close();
  });
});

describe('first-run setup, reviewing unit', () => {
  const h = new Harness('setup-reviewer');
  beforeAll(() => h.start());
  afterAll(() => h.stop());

  it('sets up a provincial department with a framework file and shows it after a restart', async () => {
    const app = await h.open();
    const setup = new SetupPage(app.page);
    await setup.heading().waitFor();
    await setup.chooseRole('district');
    // A broken framework file is refused with its problems listed; nothing is stored.
    const broken = join(h.dataDir, 'broken.json');
    writeFileSync(broken, JSON.stringify({ ...sampleFramework, groups: [], fields: [] }));
    app.dialogs.openAnswers.push(broken);
    await setup.chooseFrameworkFile();
    await app.page.getByTestId('error-notice').waitFor();
    expect(await app.page.getByTestId('error-notice').getAttribute('data-code')).toBe('FRAMEWORK_INVALID');
    await app.shot('reviewer-framework-refused');

    const good = join(h.dataDir, 'quang-nam.json');
    writeFileSync(good, JSON.stringify({ ...sampleFramework, id: 'quang-nam-2026', sample: false, title: 'Bộ tiêu chí Chỉ số CCHC cấp xã tỉnh Quảng Nam năm 2026', province: { code: '49', name: 'Quảng Nam' } }));
    app.dialogs.openAnswers.push(good);
    await setup.chooseFrameworkFile();
    await app.page.getByText('Đã chọn:').waitFor();
    await setup.fillReviewer({ level: 'province', unitCode: '49', provinceCode: '49', unitName: 'Sở Nội vụ tỉnh Quảng Nam', year: '2026' });
    await app.shot('reviewer-form-filled');
    await setup.submit();
    const home = new HomePage(app.page);
    await home.waitFor('reviewer');
    expect(await home.facts().textContent()).toContain('Sở Nội vụ tỉnh — thẩm định');
    expect(await app.page.getByTestId('sample-warning').count()).toBe(0);
    await app.shot('reviewer-home');
    await app.close();

    const again = await h.open();
    const home2 = new HomePage(again.page);
    await home2.waitFor('reviewer');
    expect(await home2.title().textContent()).toBe('Sở Nội vụ tỉnh Quảng Nam');
    expect(await again.page.getByTestId('framework-overview').textContent()).toContain('Quảng Nam năm 2026');
    await again.shot('reviewer-home-after-restart');
    await again.close();
  });
});
