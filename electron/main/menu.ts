import type { MenuItemConstructorOptions } from 'electron';
import { app, Menu } from 'electron';
import type { Channel } from '../../shared/ipc/contract';

export type MenuLang = 'vi' | 'en';
/** The role set up on this computer; null before the first-run setup. */
export type MenuRole = 'commune' | 'reviewer' | null;

const LABELS = {
  vi: {
    file: 'Tệp', home: 'Trang chủ', framework: 'Bộ tiêu chí…', settings: 'Cài đặt', quit: 'Thoát',
    edit: 'Sửa', view: 'Xem', reload: 'Tải lại', zoomIn: 'Phóng to', zoomOut: 'Thu nhỏ', resetZoom: 'Cỡ chữ mặc định',
    fullscreen: 'Toàn màn hình', help: 'Trợ giúp', about: 'Giới thiệu', audit: 'Nhật ký thay đổi', backup: 'Sao lưu và khôi phục',
    assessment: 'Tự đánh giá', loadEntries: 'Nạp số liệu từ tệp…', summary: 'Bảng tổng hợp tự đánh giá (in, PDF, Excel)',
    keys: 'Khóa và đăng ký', exportPackage: 'Gửi hồ sơ…',
    survey: 'Nhập phiếu điều tra XHH', surveyResults: 'Kết quả điều tra XHH',
    roster: 'Danh sách xã', enrolment: 'Đăng ký khóa của xã', importDossiers: 'Nhận hồ sơ…', board: 'Bảng theo dõi hồ sơ',
    appraisal: 'Thẩm định', report: 'Xếp hạng và báo cáo', frameworks: 'Bộ tiêu chí', reviewerKey: 'Khóa ký của đơn vị',
    undo: 'Hoàn tác', redo: 'Làm lại', cut: 'Cắt', copy: 'Sao chép', paste: 'Dán', selectAll: 'Chọn tất cả',
  },
  en: {
    file: 'File', home: 'Home', framework: 'Criteria framework…', settings: 'Settings', quit: 'Quit',
    edit: 'Edit', view: 'View', reload: 'Reload', zoomIn: 'Zoom in', zoomOut: 'Zoom out', resetZoom: 'Actual size',
    fullscreen: 'Full screen', help: 'Help', about: 'About', audit: 'Change log', backup: 'Backup and restore',
    assessment: 'Self-assessment', loadEntries: 'Load data from file…', summary: 'Self-assessment summary (print, PDF, Excel)',
    keys: 'Keys and enrolment', exportPackage: 'Send dossier…',
    survey: 'Key survey forms', surveyResults: 'Survey results',
    roster: 'Communes', enrolment: 'Commune key enrolment', importDossiers: 'Receive dossiers…', board: 'Dossier tracking board',
    appraisal: 'Appraisal', report: 'Ranking and report', frameworks: 'Criteria frameworks', reviewerKey: 'The unit\'s signing key',
    undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all',
  },
} satisfies Record<MenuLang, Record<string, string>>;

type Label = keyof (typeof LABELS)['vi'];

/** One screen of the File menu: its label, the renderer path it opens, its shortcut. */
interface Screen {
  label: Label;
  path: string;
  accelerator?: string;
}
type Entry = Screen | 'separator';

/** The commune's screens, in the order of its year. */
const COMMUNE: readonly Entry[] = [
  { label: 'home', path: '/', accelerator: 'CmdOrCtrl+H' },
  { label: 'framework', path: '/framework' },
  { label: 'assessment', path: '/assessment', accelerator: 'CmdOrCtrl+E' },
  { label: 'loadEntries', path: '/assessment/load' },
  { label: 'summary', path: '/assessment/summary', accelerator: 'CmdOrCtrl+P' },
  'separator',
  { label: 'exportPackage', path: '/package', accelerator: 'CmdOrCtrl+Shift+E' },
  { label: 'keys', path: '/keys' },
  { label: 'survey', path: '/survey', accelerator: 'CmdOrCtrl+K' },
  { label: 'surveyResults', path: '/survey/results' },
  { label: 'audit', path: '/audit' },
  { label: 'backup', path: '/backup' },
  { label: 'settings', path: '/settings', accelerator: 'CmdOrCtrl+,' },
];

/** The reviewing unit's screens: no self-assessment, survey or sending of a dossier. */
const REVIEWER: readonly Entry[] = [
  { label: 'home', path: '/', accelerator: 'CmdOrCtrl+H' },
  { label: 'roster', path: '/roster' },
  { label: 'enrolment', path: '/review/enrolment' },
  { label: 'importDossiers', path: '/review/import' },
  { label: 'board', path: '/review/board' },
  { label: 'appraisal', path: '/review/appraisal', accelerator: 'CmdOrCtrl+E' },
  { label: 'report', path: '/review/report', accelerator: 'CmdOrCtrl+P' },
  { label: 'frameworks', path: '/review/frameworks' },
  'separator',
  { label: 'reviewerKey', path: '/keys' },
  { label: 'audit', path: '/audit' },
  { label: 'backup', path: '/backup' },
  { label: 'settings', path: '/settings', accelerator: 'CmdOrCtrl+,' },
];

/** Before the first-run setup every path shows the setup screen: the menu opens no screen. */
const NOT_SET_UP: readonly Entry[] = [];

/**
 * The channels after which the role or the language may differ (setup, its correction, the
 * language setting, a restore or an import of all data): the menu is rebuilt after them.
 */
export const MENU_CHANNELS: ReadonlySet<Channel> = new Set<Channel>([
  'setup:complete', 'setup:correct', 'settings:set', 'backup:restore', 'backup:recover', 'backup:importAll',
]);

/** The screens each role's menu opens (a test checks every one has a route in the renderer). */
export function menuScreens(role: MenuRole): readonly Entry[] {
  return role === 'commune' ? COMMUNE : role === 'reviewer' ? REVIEWER : NOT_SET_UP;
}

/**
 * The application menu of a role in a language, as Electron's template (no Electron call, so a
 * test reads it in plain Node). A screen's item carries its path as `id` and asks the renderer to
 * navigate there.
 */
export function menuTemplate(role: MenuRole, lang: MenuLang, navigate: (path: string) => void = () => undefined, version = ''): MenuItemConstructorOptions[] {
  const l = LABELS[lang];
  const screens: MenuItemConstructorOptions[] = menuScreens(role).map((e) =>
    e === 'separator'
      ? { type: 'separator' }
      : { id: e.path, label: l[e.label], ...(e.accelerator ? { accelerator: e.accelerator } : {}), click: () => navigate(e.path) },
  );
  const about = `${l.about}${version ? ` (${version})` : ''}`;
  return [
    { label: l.file, submenu: [...screens, ...(screens.length ? [{ type: 'separator' as const }] : []), { label: l.quit, role: 'quit' }] },
    {
      label: l.edit,
      submenu: [
        { label: l.undo, role: 'undo' }, { label: l.redo, role: 'redo' }, { type: 'separator' },
        { label: l.cut, role: 'cut' }, { label: l.copy, role: 'copy' }, { label: l.paste, role: 'paste' },
        { label: l.selectAll, role: 'selectAll' },
      ],
    },
    {
      label: l.view,
      submenu: [
        { label: l.reload, role: 'reload' },
        { label: l.zoomIn, role: 'zoomIn' }, { label: l.zoomOut, role: 'zoomOut' },
        { label: l.resetZoom, role: 'resetZoom' }, { type: 'separator' },
        { label: l.fullscreen, role: 'togglefullscreen' },
      ],
    },
    {
      label: l.help,
      submenu: [role === null ? { label: about, enabled: false } : { id: '/about', label: about, click: () => navigate('/about') }],
    },
  ];
}

/** The application menu of the role set up on this computer, in the interface language. */
export function buildMenu(role: MenuRole, lang: MenuLang, navigate: (path: string) => void): Menu {
  return Menu.buildFromTemplate(menuTemplate(role, lang, navigate, app.getVersion()));
}
