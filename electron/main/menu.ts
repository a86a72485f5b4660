import type { MenuItemConstructorOptions } from 'electron';
import { app, Menu } from 'electron';

type Lang = 'vi' | 'en';

const LABELS: Record<Lang, Record<string, string>> = {
  vi: {
    file: 'Tệp', home: 'Trang chủ', framework: 'Bộ tiêu chí…', settings: 'Cài đặt', quit: 'Thoát',
    edit: 'Sửa', view: 'Xem', reload: 'Tải lại', zoomIn: 'Phóng to', zoomOut: 'Thu nhỏ', resetZoom: 'Cỡ chữ mặc định',
    fullscreen: 'Toàn màn hình', help: 'Trợ giúp', about: 'Giới thiệu', audit: 'Nhật ký thay đổi',
    assessment: 'Tự đánh giá', loadEntries: 'Nạp số liệu từ tệp…', summary: 'Bảng tổng hợp tự đánh giá (in, PDF, Excel)',
    keys: 'Khóa và đăng ký', exportPackage: 'Gửi hồ sơ…',
    survey: 'Nhập phiếu điều tra XHH', surveyResults: 'Kết quả điều tra XHH',
    undo: 'Hoàn tác', redo: 'Làm lại', cut: 'Cắt', copy: 'Sao chép', paste: 'Dán', selectAll: 'Chọn tất cả',
  },
  en: {
    file: 'File', home: 'Home', framework: 'Criteria framework…', settings: 'Settings', quit: 'Quit',
    edit: 'Edit', view: 'View', reload: 'Reload', zoomIn: 'Zoom in', zoomOut: 'Zoom out', resetZoom: 'Actual size',
    fullscreen: 'Full screen', help: 'Help', about: 'About', audit: 'Change log',
    assessment: 'Self-assessment', loadEntries: 'Load data from file…', summary: 'Self-assessment summary (print, PDF, Excel)',
    keys: 'Keys and enrolment', exportPackage: 'Send dossier…',
    survey: 'Key survey forms', surveyResults: 'Survey results',
    undo: 'Undo', redo: 'Redo', cut: 'Cut', copy: 'Copy', paste: 'Paste', selectAll: 'Select all',
  },
};

/** The application menu; items that open a screen ask the renderer to navigate. */
export function buildMenu(lang: Lang, navigate: (path: string) => void): Menu {
  const l = LABELS[lang];
  const template: MenuItemConstructorOptions[] = [
    {
      label: l['file'],
      submenu: [
        { label: l['home'], accelerator: 'CmdOrCtrl+H', click: () => navigate('/') },
        { label: l['framework'], click: () => navigate('/framework') },
        { label: l['assessment'], accelerator: 'CmdOrCtrl+E', click: () => navigate('/assessment') },
        { label: l['loadEntries'], click: () => navigate('/assessment/load') },
        { label: l['summary'], accelerator: 'CmdOrCtrl+P', click: () => navigate('/assessment/summary') },
        { type: 'separator' },
        { label: l['exportPackage'], accelerator: 'CmdOrCtrl+Shift+E', click: () => navigate('/package') },
        { label: l['keys'], click: () => navigate('/keys') },
        { label: l['survey'], accelerator: 'CmdOrCtrl+K', click: () => navigate('/survey') },
        { label: l['surveyResults'], click: () => navigate('/survey/results') },
        { label: l['audit'], click: () => navigate('/audit') },
        { label: l['settings'], accelerator: 'CmdOrCtrl+,', click: () => navigate('/settings') },
        { type: 'separator' },
        { label: l['quit'], role: 'quit' },
      ],
    },
    {
      label: l['edit'],
      submenu: [
        { label: l['undo'], role: 'undo' }, { label: l['redo'], role: 'redo' }, { type: 'separator' },
        { label: l['cut'], role: 'cut' }, { label: l['copy'], role: 'copy' }, { label: l['paste'], role: 'paste' },
        { label: l['selectAll'], role: 'selectAll' },
      ],
    },
    {
      label: l['view'],
      submenu: [
        { label: l['reload'], role: 'reload' },
        { label: l['zoomIn'], role: 'zoomIn' }, { label: l['zoomOut'], role: 'zoomOut' },
        { label: l['resetZoom'], role: 'resetZoom' }, { type: 'separator' },
        { label: l['fullscreen'], role: 'togglefullscreen' },
      ],
    },
    {
      label: l['help'],
      submenu: [{ label: `${l['about']} (${app.getVersion()})`, click: () => navigate('/about') }],
    },
  ];
  return Menu.buildFromTemplate(template);
}
