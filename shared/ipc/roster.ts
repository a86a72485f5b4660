/** The reviewing unit's roster of communes and the deadline per year. */
import { z } from 'zod';
import type { FeatureContract } from './spec';
import { out } from './spec';

export const COMMUNE_TYPES = ['xa', 'phuong', 'dac-khu', 'thi-tran'] as const;
export type CommuneType = (typeof COMMUNE_TYPES)[number];

export interface Commune {
  code: string;
  name: string;
  type: CommuneType;
  active: boolean;
  createdAt: string;
  updatedAt: string;
}

export type RowStatus = 'new' | 'changed' | 'unchanged' | 'refused';

export interface RosterPreviewRow {
  line: number | null;
  code: string | null;
  name: string | null;
  type: CommuneType | null;
  status: RowStatus;
  /** Why a row is refused (Vietnamese), or what changes ("tên", "loại", "hoạt động lại"). */
  reason: string | null;
  before: { name: string; type: CommuneType; active: boolean } | null;
}

export interface RosterPreview {
  rows: RosterPreviewRow[];
  counts: Record<RowStatus, number>;
  /** Communes in the roster the file does not list: left as they are (an import never removes one). */
  notInFile: number;
}

export const ROSTER_CHANNELS = ['roster:list', 'roster:choose', 'roster:import', 'roster:deadlines', 'roster:setDeadline', 'roster:add', 'roster:edit', 'roster:remove'] as const;

const communeCode = z.string().max(20);
const communeName = z.string().max(400);
const communeType = z.string().max(20);
export type RosterChannel = (typeof ROSTER_CHANNELS)[number];

export const rosterContract = {
  'roster:list': { input: z.undefined(), output: out<Commune[]>() },
  /** Main shows the open dialog, reads the file and previews every row; null when cancelled. */
  'roster:choose': { input: z.undefined(), output: out<{ token: string; file: string; preview: RosterPreview } | null>() },
  /** Import the file previewed: all rows or none (ROSTER_INVALID). */
  'roster:import': { input: z.object({ token: z.string().max(100) }), output: out<RosterPreview>() },
  'roster:deadlines': { input: z.undefined(), output: out<{ year: number; deadline: string }[]>() },
  'roster:setDeadline': { input: z.object({ year: z.number().int(), deadline: z.string().max(20) }), output: out<{ year: number; deadline: string }>() },
  /** One commune by hand: the code (5 digits) is checked in main (INVALID_INPUT, COMMUNE_EXISTS). */
  'roster:add': { input: z.object({ code: communeCode, name: communeName, type: communeType }), output: out<Commune>() },
  'roster:edit': {
    input: z.object({ code: communeCode, name: communeName.optional(), type: communeType.optional(), active: z.boolean().optional() }),
    output: out<Commune>(),
  },
  /** Only a commune nothing names yet (COMMUNE_IN_USE: deactivate it instead). */
  'roster:remove': { input: z.object({ code: communeCode }), output: out<null>() },
} satisfies FeatureContract<RosterChannel>;
