import type { Identity } from '../../../shared/identity';

export function formatIdentity(id: Identity): string[] {
  const role =
    id.role === 'commune' ? 'Xã/phường (tự đánh giá)' : id.level === 'province' ? 'Sở Nội vụ (thẩm định)' : 'Phòng Nội vụ huyện (thẩm định)';
  const lines = [
    `  Vai trò:      ${role}`,
    `  Đơn vị:       ${id.unitName} (${id.unitCode})`,
    `  Tỉnh:         ${id.provinceCode}`,
  ];
  if (id.reviewerCode) lines.push(`  Thẩm định:    ${id.reviewerCode}`);
  lines.push(`  Năm:          ${id.year}`);
  if (id.framework) lines.push(`  Bộ tiêu chí:  ${id.framework.title} (v${id.framework.version}${id.framework.sample ? ', mẫu tham khảo' : ''})`);
  return lines;
}
