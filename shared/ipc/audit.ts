/** The change log: every change, who made it and when. */
import { z } from 'zod';
import type { FeatureContract } from './spec';
import { out } from './spec';

export interface AuditEntry {
  id: number;
  at: string;
  actor: string;
  action: string;
  entity: string;
  entityKey: string;
  old: unknown;
  new: unknown;
}

export const AUDIT_CHANNELS = ['audit:list'] as const;
export type AuditChannel = (typeof AUDIT_CHANNELS)[number];

export const auditContract = {
  'audit:list': {
    input: z.object({ entity: z.string().max(50).optional(), limit: z.number().int().min(1).max(1000).optional() }),
    output: out<AuditEntry[]>(),
  },
} satisfies FeatureContract<AuditChannel>;
