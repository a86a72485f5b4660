/** Enrolment of the commune's key with the reviewing unit (commune side). */
import { z } from 'zod';
import { passphrase } from './keys';
import type { FeatureContract } from './spec';
import { out } from './spec';

export interface EnrolmentStatus {
  request: { requestId: string; keyId: string; createdAt: string; officerName: string; officerTitle: string } | null;
  pinned: { unitCode: string; unitName: string; keyId: string; fingerprint: string; approvedAt: string; pinnedAt: string } | null;
}

export interface EnrolmentWritten {
  requestPath: string;
  /** The printed form: a PDF in the app; the same form as HTML where no print engine runs (the CLI). */
  formPath: string;
  fingerprint: string;
}

export interface ApprovalChoice {
  token: string;
  unitCode: string;
  unitName: string;
  fingerprint: string;
  approvedAt: string;
  /** The key differs from the one pinned before (then the approval was refused already). */
  alreadyPinned: boolean;
}

const officer = z.string().trim().min(1).max(200);

export const ENROLMENT_CHANNELS = ['enrolment:status', 'enrolment:request', 'enrolment:chooseApproval', 'enrolment:accept'] as const;
export type EnrolmentChannel = (typeof ENROLMENT_CHANNELS)[number];

export const enrolmentContract = {
  'enrolment:status': { input: z.undefined(), output: out<EnrolmentStatus>() },
  /** Main shows the folder dialog; null when cancelled. Without an officer, the one set up signs. */
  'enrolment:request': {
    input: z.object({ keyPassphrase: passphrase.optional(), officerName: officer.optional(), officerTitle: officer.optional() }),
    output: out<EnrolmentWritten | null>(),
  },
  /** Main shows the open dialog and holds the chosen approval behind a token; null when cancelled. */
  'enrolment:chooseApproval': { input: z.undefined(), output: out<ApprovalChoice | null>() },
  /** `fingerprint`: the reviewing unit's fingerprint as the person typed it from the unit's letter. */
  'enrolment:accept': { input: z.object({ token: z.string().max(100), fingerprint: z.string().max(200) }), output: out<EnrolmentStatus>() },
} satisfies FeatureContract<EnrolmentChannel>;
