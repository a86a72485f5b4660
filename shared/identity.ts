import { z } from 'zod';
import { normaliseName } from './text';
import { UNIT_TYPES, type UnitType } from './framework/schema';

/**
 * Who this installation is. A commune (xã, phường, đặc khu) scores itself; a reviewing
 * unit (role "reviewer") imports, appraises and ranks. Its level is an attribute: a
 * district's Phòng Nội vụ before 7/2025, the province's Sở Nội vụ since.
 * Codes are zero-padded strings (Decision 19/2025/QĐ-TTg): never numbers.
 */
export const ROLES = ['commune', 'reviewer'] as const;
export type Role = (typeof ROLES)[number];
export const REVIEWER_LEVELS = ['district', 'province'] as const;
export type ReviewerLevel = (typeof REVIEWER_LEVELS)[number];

export const communeCode = z.string().trim().regex(/^\d{5}$/u, { message: 'COMMUNE_CODE' });
export const provinceCode = z.string().trim().regex(/^\d{2}$/u, { message: 'PROVINCE_CODE' });
/** Pre-2025 districts have 3-digit codes. */
export const districtCode = z.string().trim().regex(/^\d{3}$/u, { message: 'DISTRICT_CODE' });

const name = z
  .string()
  .transform(normaliseName)
  .pipe(z.string().min(2, { message: 'NAME_TOO_SHORT' }).max(120, { message: 'NAME_TOO_LONG' }));
const optionalName = z
  .string()
  .transform(normaliseName)
  .pipe(z.string().max(120, { message: 'NAME_TOO_LONG' }))
  .optional()
  .transform((s) => (s ? s : undefined));
const year = z.coerce.number().int({ message: 'YEAR' }).min(2015, { message: 'YEAR' }).max(2100, { message: 'YEAR' });

export const communeSetupSchema = z.object({
  role: z.literal('commune'),
  unitCode: communeCode,
  unitName: name,
  provinceCode,
  /** The reviewing unit: a 2-digit province (Sở Nội vụ, since 7/2025) or a 3-digit district. */
  reviewerCode: z.string().trim().regex(/^\d{2,3}$/u, { message: 'REVIEWER_CODE' }),
  officerName: optionalName,
  officerTitle: optionalName,
  year,
  /** xã / phường / đặc khu: decides the framework's variant. Optional for old callers (then the framework's first type, said so). */
  unitType: z.enum(UNIT_TYPES, { message: 'UNIT_TYPE' }).optional(),
});

export const reviewerSetupSchema = z
  .object({
    role: z.literal('reviewer'),
    level: z.enum(REVIEWER_LEVELS),
    unitCode: z.string().trim(),
    unitName: name,
    provinceCode,
    officerName: optionalName,
    officerTitle: optionalName,
    year,
  })
  .superRefine((v, ctx) => {
    // A Sở Nội vụ is identified by its province's code; a district by its own 3 digits.
    const ok = v.level === 'province' ? /^\d{2}$/u.test(v.unitCode) : /^\d{3}$/u.test(v.unitCode);
    if (!ok) ctx.addIssue({ code: 'custom', path: ['unitCode'], message: v.level === 'province' ? 'PROVINCE_CODE' : 'DISTRICT_CODE' });
    if (v.level === 'province' && v.unitCode !== v.provinceCode)
      ctx.addIssue({ code: 'custom', path: ['unitCode'], message: 'PROVINCE_MISMATCH' });
  });

export const setupInputSchema = z.discriminatedUnion('role', [communeSetupSchema, reviewerSetupSchema]);
export type SetupInput = z.input<typeof setupInputSchema>;
export type SetupData = z.output<typeof setupInputSchema>;

export interface Identity {
  role: Role;
  level: ReviewerLevel | null;
  unitCode: string;
  unitName: string;
  provinceCode: string;
  reviewerCode: string | null;
  officerName: string | null;
  officerTitle: string | null;
  year: number;
  /** A commune's type; null for a reviewing unit and for a commune set up before it was asked. */
  unitType: UnitType | null;
  framework: FrameworkRef | null;
  createdAt: string;
  updatedAt: string;
}

export interface FrameworkRef {
  ref: number;
  id: string;
  version: string;
  title: string;
  year: number;
  provinceCode: string;
  sample: boolean;
  sha256: string;
}
