import type { English } from '../../i18n/plural';
/** Strings of the support bundle section (feature key `diagnostics`), on the About screen. */
export const vi = {
  title: 'Gói hỗ trợ',
  lead: 'Khi ứng dụng gặp sự cố, hãy tạo gói hỗ trợ và gửi cho bộ phận hỗ trợ. Gói gồm nhật ký, phiên bản và số liệu thống kê cơ sở dữ liệu; không chứa khóa ký, mật khẩu, họ tên hay nội dung hồ sơ, phiếu điều tra.',
  create: 'Tạo gói hỗ trợ…',
  written: 'Đã ghi gói hỗ trợ: {{path}} ({{size}}).',
};

export const en: English<typeof vi> = {
  title: 'Support bundle',
  lead: 'When something goes wrong, create a support bundle and send it to support. It holds the logs, versions and database statistics; no signing key, passphrase, names, dossier or survey content.',
  create: 'Create support bundle…',
  written: 'Support bundle written: {{path}} ({{size}}).',
};
