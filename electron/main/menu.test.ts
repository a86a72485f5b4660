/**
 * The application menu of each role, read as Electron's template in plain Node (the `electron`
 * module is the stand-in of test/helpers/fake-electron.ts): the reviewing unit's menu has none of
 * the commune's screens or words, every item opens a screen the renderer has a route for, and the
 * backup screen is reachable from both.
 */
import { readFileSync } from 'node:fs';
import type { MenuItemConstructorOptions } from 'electron';
import { describe, expect, it, vi } from 'vitest';

vi.mock('electron', () => import('../../test/helpers/fake-electron'));

const { buildMenu, menuTemplate } = await import('./menu');

/** Every item with a label, depth first. */
function items(template: MenuItemConstructorOptions[]): MenuItemConstructorOptions[] {
  return template.flatMap((i) => [i, ...(Array.isArray(i.submenu) ? items(i.submenu) : [])]);
}
const labels = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.label).filter((l): l is string => typeof l === 'string');
const paths = (t: MenuItemConstructorOptions[]) => items(t).map((i) => i.id).filter((p): p is string => typeof p === 'string');

/** The paths the renderer routes (App.tsx, and the survey's own routes under /survey). */
function rendererPaths(): Set<string> {
  const app = readFileSync('renderer/src/App.tsx', 'utf8');
  const survey = readFileSync('renderer/src/features/commune/survey/SurveyRoutes.tsx', 'utf8');
  const found = new Set([...app.matchAll(/path="([^"*:]+)"/gu)].map((m) => m[1]!));
  for (const m of survey.matchAll(/path="([a-z-]+)"/gu)) found.add(`/survey/${m[1]!}`);
  found.add('/survey');
  return found;
}

/** Words that address the user as a commune: never in the reviewing unit's menu. */
const COMMUNE_ONLY = {
  vi: ['Tự đánh giá', 'tự đánh giá', 'Gửi hồ sơ', 'Nạp số liệu', 'phiếu điều tra', 'điều tra XHH', 'Bảng tổng hợp'],
  en: ['Self-assessment', 'self-assessment', 'Send dossier', 'Load data', 'survey', 'Survey', 'summary'],
};

describe('the application menu', () => {
  it('gives the reviewing unit its own screens and none of the commune\'s, in both languages', () => {
    for (const lang of ['vi', 'en'] as const) {
      const all = labels(menuTemplate('reviewer', lang)).join(' | ');
      for (const word of COMMUNE_ONLY[lang]) expect(all, `${lang}: ${word}`).not.toContain(word);
    }
    expect(labels(menuTemplate('reviewer', 'vi'))).toEqual(expect.arrayContaining([
      'Trang chủ', 'Danh sách xã', 'Đăng ký khóa của xã', 'Nhận hồ sơ…', 'Bảng theo dõi hồ sơ', 'Thẩm định',
      'Xếp hạng và báo cáo', 'Bộ tiêu chí', 'Khóa ký của đơn vị', 'Nhật ký thay đổi', 'Sao lưu và khôi phục', 'Cài đặt', 'Giới thiệu',
    ]));
    expect(paths(menuTemplate('reviewer', 'vi'))).not.toContain('/assessment');
    expect(paths(menuTemplate('reviewer', 'vi'))).not.toContain('/package');
  });

  it('keeps the commune\'s menu, with the backup screen added', () => {
    const vi = labels(menuTemplate('commune', 'vi'));
    expect(vi).toEqual(expect.arrayContaining(['Tự đánh giá', 'Gửi hồ sơ…', 'Nhập phiếu điều tra XHH', 'Sao lưu và khôi phục']));
    expect(paths(menuTemplate('commune', 'vi'))).toEqual([
      '/', '/framework', '/assessment', '/assessment/load', '/assessment/summary', '/package', '/keys', '/survey',
      '/survey/results', '/audit', '/backup', '/settings', '/about',
    ]);
    for (const word of ['Danh sách xã', 'Thẩm định', 'Nhận hồ sơ']) expect(vi.join(' | ')).not.toContain(word);
  });

  it('opens only screens the renderer has a route for, each once, with no shortcut used twice', () => {
    const routes = rendererPaths();
    for (const role of ['commune', 'reviewer'] as const) {
      const t = menuTemplate(role, 'vi');
      for (const p of paths(t)) expect(routes.has(p), `${role}: ${p}`).toBe(true);
      expect(new Set(paths(t)).size).toBe(paths(t).length);
      const keys = items(t).map((i) => i.accelerator).filter(Boolean);
      expect(new Set(keys).size, `${role} accelerators`).toBe(keys.length);
    }
  });

  it('an item asks the renderer for its screen', () => {
    const asked: string[] = [];
    const t = menuTemplate('reviewer', 'vi', (p) => asked.push(p));
    const appraisal = items(t).find((i) => i.id === '/review/appraisal')!;
    (appraisal.click as () => void)();
    expect(asked).toEqual(['/review/appraisal']);
  });

  it('offers no screen before the setup, where every path shows the setup screen', () => {
    const t = menuTemplate(null, 'vi');
    expect(paths(t)).toEqual([]);
    expect(labels(t)).toContain('Thoát');
  });

  it('translates every label: the English menu has no Vietnamese one', () => {
    for (const role of ['commune', 'reviewer'] as const) {
      const en = labels(menuTemplate(role, 'en'));
      for (const l of en) expect(l, l).not.toMatch(/[ăâđêôơưạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]/iu);
    }
  });

  it('builds the Electron menu with the version in the About item', () => {
    const menu = buildMenu('reviewer', 'vi', () => undefined) as unknown as { template: MenuItemConstructorOptions[] };
    expect(labels(menu.template)).toContain('Giới thiệu (0.0.0-test)');
  });
});
