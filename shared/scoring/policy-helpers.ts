/** Builders for the policy tests (not shipped code: imported by *.test.ts only). */
import type { Framework, FrameworkInput } from '../framework/schema';
import { parseFramework } from '../framework/validate';

type FieldInput = FrameworkInput['fields'][number];
type ItemInput = FieldInput['criteria'][number]['items'][number];

export function leaf(code: string, maxPoints: number, rule: ItemInput['rule'], extra: Partial<ItemInput> = {}): ItemInput {
  return { code, title: `Mục ${code}`, scoringText: `Cách chấm ${code}`, maxPoints, rule, evidence: [], notApplicable: 'not-allowed', ...extra };
}

const sumItems = (fields: FieldInput[]): number => fields.reduce((a, f) => a + f.criteria.reduce((b, c) => b + c.items.reduce((x, i) => x + i.maxPoints, 0), 0), 0);

/** A valid framework around the given fields (total computed), or a thrown list of its issues. */
export function framework(fields: FieldInput[], extra: Partial<FrameworkInput> = {}): Framework {
  const r = parseFramework({
    schemaVersion: 1,
    id: 'thu-chinh-sach',
    title: 'Bộ thử',
    sample: true,
    province: { code: '00', name: 'Thử' },
    year: 2025,
    unitTypes: ['xa'],
    version: '1.0',
    totalMax: sumItems(fields),
    groups: [
      { code: 'nhom-1', label: 'Nhóm 1', minPercent: 8000 },
      { code: 'nhom-2', label: 'Nhóm 2', minPercent: 7000 },
      { code: 'nhom-3', label: 'Nhóm 3', minPercent: 0 },
    ],
    fields,
    ...extra,
  });
  if (!r.ok) throw new Error(JSON.stringify(r.issues, null, 1));
  return r.framework;
}
