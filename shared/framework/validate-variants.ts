/**
 * The unit-type keys themselves (`unitTypes` on a node, `variants` anywhere): every type named
 * is one the framework lists, a node applies to no type its parent does not, two variants of a
 * node never claim the same type, a variant changes something, and every unit type keeps at
 * least one field. What a variant produces is checked by resolving the framework per type.
 */
import type { Framework, UnitType } from './schema';
import { UNIT_TYPE_NAMES } from './schema';
import type { Add } from './validate-rules';

const names = (types: readonly UnitType[]): string => types.map((t) => UNIT_TYPE_NAMES[t]).join(', ');

export function checkUnitTypes(fw: Framework, add: Add): void {
  const all = fw.unitTypes;
  if (new Set(all).size !== all.length) add('unitTypes', 'Loại đơn vị bị lặp.');

  /** Checks a node's `unitTypes` against its parent's; returns the node's effective types. */
  const scope = (list: UnitType[] | undefined, parent: readonly UnitType[], path: string, what: string): UnitType[] => {
    if (list === undefined) return [...parent];
    const seen = new Set<UnitType>();
    list.forEach((t, i) => {
      if (seen.has(t)) add(`${path}.unitTypes[${i}]`, `${what}: loại đơn vị ${UNIT_TYPE_NAMES[t]} bị lặp.`);
      seen.add(t);
      if (!all.includes(t)) add(`${path}.unitTypes[${i}]`, `${what}: loại đơn vị ${UNIT_TYPE_NAMES[t]} không có trong danh sách loại đơn vị của bộ tiêu chí (${names(all)}).`);
      else if (!parent.includes(t)) add(`${path}.unitTypes[${i}]`, `${what} áp dụng cho ${UNIT_TYPE_NAMES[t]} nhưng cấp trên của nó không áp dụng cho ${UNIT_TYPE_NAMES[t]}.`);
    });
    return list.filter((t) => parent.includes(t));
  };

  const variants = (list: { unitTypes: UnitType[] }[] | undefined, within: readonly UnitType[], path: string, what: string): void => {
    const claimed = new Map<UnitType, number>();
    (list ?? []).forEach((v, vi) => {
      const vPath = path === '' ? `variants[${vi}]` : `${path}.variants[${vi}]`;
      if (Object.keys(v).length <= 1) add(vPath, `${what}: biến thể cho ${names(v.unitTypes)} không thay đổi gì; hãy khai giá trị khác biệt hoặc bỏ biến thể.`);
      v.unitTypes.forEach((t, ti) => {
        const first = claimed.get(t);
        if (first !== undefined) add(`${vPath}.unitTypes[${ti}]`, `${what}: loại đơn vị ${UNIT_TYPE_NAMES[t]} đã có ở biến thể thứ ${first + 1}.`);
        else claimed.set(t, vi);
        if (!all.includes(t)) add(`${vPath}.unitTypes[${ti}]`, `${what}: loại đơn vị ${UNIT_TYPE_NAMES[t]} không có trong danh sách loại đơn vị của bộ tiêu chí (${names(all)}).`);
        else if (!within.includes(t)) add(`${vPath}.unitTypes[${ti}]`, `${what}: biến thể cho ${UNIT_TYPE_NAMES[t]} nhưng ${what.toLowerCase()} không áp dụng cho ${UNIT_TYPE_NAMES[t]}.`);
      });
    });
  };

  variants(fw.variants, all, '', 'Bộ tiêu chí');
  if (fw.survey) variants(fw.survey.variants, all, 'survey', 'Phiếu khảo sát');
  const covered = new Set<UnitType>();
  fw.fields.forEach((field, fi) => {
    const fPath = `fields[${fi}]`;
    const fTypes = scope(field.unitTypes, all, fPath, `Lĩnh vực ${field.code}`);
    variants(field.variants, fTypes, fPath, `Lĩnh vực ${field.code}`);
    field.criteria.forEach((c, ci) => {
      const cPath = `${fPath}.criteria[${ci}]`;
      const cTypes = scope(c.unitTypes, fTypes, cPath, `Tiêu chí ${c.code}`);
      variants(c.variants, cTypes, cPath, `Tiêu chí ${c.code}`);
      c.items.forEach((item, ii) => {
        const iPath = `${cPath}.items[${ii}]`;
        const iTypes = scope(item.unitTypes, cTypes, iPath, `Tiêu chí thành phần ${item.code}`);
        variants(item.variants, iTypes, iPath, `Tiêu chí thành phần ${item.code}`);
        for (const t of iTypes) covered.add(t);
      });
    });
  });
  const empty = all.filter((t) => !covered.has(t));
  if (empty.length > 0) add('unitTypes', `Không có tiêu chí nào áp dụng cho ${names(empty)}.`);
}
