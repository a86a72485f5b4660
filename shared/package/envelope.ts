/**
 * Zod schemas of the signed envelope and of each payload type. docs/schemas/*.schema.json are
 * generated from these (test/unit/package/json-schema.test.ts keeps them in step), so the
 * patterns here are plain regular expressions that JSON Schema can carry too.
 */
import { FORMULA_NAME } from '../framework/formula';
import { z } from 'zod';
import { FORMAT_NAME, FORMAT_VERSION, PACKAGE_TYPES, type PackageType } from './canonical';
import { NAME_CHARS_PATTERN, NAME_TEXT_PATTERN, PROSE_TEXT_PATTERN } from '../text';
import { answersSchema } from './survey-answers';

// Canonical unpadded base64url of exactly 32 and 64 bytes: the last character may only use the
// bits that exist, so every key and signature has one spelling.
export const PUBLIC_KEY_PATTERN = /^[A-Za-z0-9_-]{42}[AEIMQUYcgkosw048]$/;
export const SIGNATURE_PATTERN = /^[A-Za-z0-9_-]{85}[AQgw]$/;
/** Key id: the first 16 Crockford base32 characters of SHA-256(raw public key) (80 bits). */
export const KEY_ID_PATTERN = /^[0-9A-HJKMNP-TV-Z]{16}$/;
/** Fingerprint: SHA-256(raw public key) in Crockford base32, 52 characters in 13 groups of four. */
export const FINGERPRINT_PATTERN = /^(?:[0-9A-HJKMNP-TV-Z]{4}-){12}[0-9A-HJKMNP-TV-Z]{4}$/;
export const SHA256_HEX_PATTERN = /^[0-9a-f]{64}$/;
export const COMMUNE_CODE_PATTERN = /^[0-9]{5}$/;
export const PROVINCE_CODE_PATTERN = /^[0-9]{2}$/;
/** Reviewing unit: a province (2 digits), a former district (3 digits) or a department code. */
export const UNIT_CODE_PATTERN = /^[0-9A-Za-z._-]{1,32}$/;
export const APP_VERSION_PATTERN = /^[0-9]+\.[0-9]+\.[0-9]+(?:[-+][0-9A-Za-z.-]+)?$/;
export const PACKAGE_ID_PATTERN = /^[0-9A-Za-z-]{8,64}$/;

/*
 * Text a person will read (shared/text.ts): a name is one trimmed line without controls or
 * invisible characters; a code or label has none of them either; prose may break lines (LF only)
 * but holds no other control and no bidi override or isolate. Step 6 refuses the rest, so no
 * payload can rewrite the line a reviewing officer reads or reorder what they see.
 */
const HIDDEN_CHARACTER = 'control, line separator or invisible format character';
const text = (max: number) => z.string().min(1).max(max).regex(NAME_TEXT_PATTERN, `trimmed text without ${HIDDEN_CHARACTER}`);
const label = (min: number, max: number) => z.string().min(min).max(max).regex(NAME_CHARS_PATTERN, `no ${HIDDEN_CHARACTER}`);
const prose = (max: number) => z.string().max(max).regex(PROSE_TEXT_PATTERN, 'no control character but LF, no line separator, no bidi override or isolate');
const utcTimestamp = z.iso.datetime({ offset: false, local: false });
const isoDate = z.iso.date();

export const publicKeySchema = z.string().regex(PUBLIC_KEY_PATTERN);
export const keyIdSchema = z.string().regex(KEY_ID_PATTERN);
export const fingerprintSchema = z.string().regex(FINGERPRINT_PATTERN);

export const signatureEntrySchema = z.strictObject({
  alg: z.literal('Ed25519'),
  keyId: keyIdSchema,
  sig: z.string().regex(SIGNATURE_PATTERN),
});
export type SignatureEntry = z.infer<typeof signatureEntrySchema>;

/** The first look at an envelope: enough to say which format and version it claims. */
export const envelopeHeadSchema = z.object({ format: z.string(), formatVersion: z.number().int() });

export const envelopeSchema = z.strictObject({
  format: z.enum(PACKAGE_TYPES.map((t) => FORMAT_NAME[t]) as [string, ...string[]]),
  formatVersion: z.literal(FORMAT_VERSION),
  payload: z.record(z.string(), z.unknown()),
  signatures: z.array(signatureEntrySchema).min(1).max(4),
});
export type Envelope = z.infer<typeof envelopeSchema>;

// ---------- enrolment-request: the commune asks the reviewing unit to trust its key ----------
export const enrolmentRequestSchema = z.strictObject({
  requestId: z.string().regex(PACKAGE_ID_PATTERN),
  commune: z.strictObject({
    code: z.string().regex(COMMUNE_CODE_PATTERN),
    name: text(200),
    provinceCode: z.string().regex(PROVINCE_CODE_PATTERN),
  }),
  officer: z.strictObject({ name: text(200), title: text(200) }),
  key: z.strictObject({ alg: z.literal('Ed25519'), publicKey: publicKeySchema, keyId: keyIdSchema }),
  createdAt: utcTimestamp,
  validFrom: isoDate,
  appVersion: z.string().regex(APP_VERSION_PATTERN),
});
export type EnrolmentRequest = z.infer<typeof enrolmentRequestSchema>;

// ---------- enrolment-approval: the reviewing unit answers, signed with its own key ----------
export const enrolmentApprovalSchema = z.strictObject({
  reviewer: z.strictObject({
    code: z.string().regex(UNIT_CODE_PATTERN),
    name: text(200),
    key: z.strictObject({ alg: z.literal('Ed25519'), publicKey: publicKeySchema, keyId: keyIdSchema }),
  }),
  approved: z.strictObject({
    requestId: z.string().regex(PACKAGE_ID_PATTERN),
    /** SHA-256 (hex) of the request's signed bytes: binds the approval to that exact request. */
    requestSha256: z.string().regex(SHA256_HEX_PATTERN),
    communeCode: z.string().regex(COMMUNE_CODE_PATTERN),
    keyId: keyIdSchema,
    fingerprint: fingerprintSchema,
  }),
  approvedAt: utcTimestamp,
  validFrom: isoDate,
});
export type EnrolmentApproval = z.infer<typeof enrolmentApprovalSchema>;

// ---------- key-rotation: signed by the old key AND the new key ----------
export const keyRotationSchema = z.strictObject({
  communeCode: z.string().regex(COMMUNE_CODE_PATTERN),
  oldKeyId: keyIdSchema,
  newKey: z.strictObject({ alg: z.literal('Ed25519'), publicKey: publicKeySchema, keyId: keyIdSchema }),
  effectiveFrom: isoDate,
  createdAt: utcTimestamp,
});
export type KeyRotation = z.infer<typeof keyRotationSchema>;

// ---------- key-rotation-approval: the reviewing unit answers a rotation, after the paper check ----------
export const keyRotationApprovalSchema = z.strictObject({
  reviewer: z.strictObject({ code: z.string().regex(UNIT_CODE_PATTERN), name: text(200), keyId: keyIdSchema }),
  approved: z.strictObject({
    /** SHA-256 (hex) of the rotation statement's signed bytes: binds the approval to that exact statement. */
    rotationSha256: z.string().regex(SHA256_HEX_PATTERN),
    communeCode: z.string().regex(COMMUNE_CODE_PATTERN),
    oldKeyId: keyIdSchema,
    newKeyId: keyIdSchema,
    /** The new key's fingerprint, as the person compared it with the stamped paper form. */
    newFingerprint: fingerprintSchema,
    effectiveFrom: isoDate,
  }),
  approvedAt: utcTimestamp,
});
export type KeyRotationApproval = z.infer<typeof keyRotationApprovalSchema>;

// ---------- commune-report (PACKAGE.md "What a commune report payload holds") ----------
// Every number is a safe integer: points and maxima in hundredths of a point, percentages in
// hundredths of a percent, sizes in bytes. Codes are the framework's own item/question codes.
const safeInt = z.number().int().min(-Number.MAX_SAFE_INTEGER).max(Number.MAX_SAFE_INTEGER);
const count = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);
const code = label(1, 64);
export const ITEM_STATUSES = ['empty', 'scored', 'na', 'error'] as const;

/** Metadata of one evidence file; the bytes travel once, in the report's `evidence` list. */
export const evidenceRefSchema = z.strictObject({
  id: label(1, 64),
  name: text(255),
  mediaType: label(1, 127),
  size: count,
  sha256: z.string().regex(SHA256_HEX_PATTERN),
});
export const evidenceEntrySchema = evidenceRefSchema.extend({
  /** The file's bytes, base64url without padding; must decode to `size` bytes hashing to `sha256`. */
  content: z.string().regex(/^[A-Za-z0-9_-]*$/),
});

/** An evidence document's metadata (tài liệu kiểm chứng): what proves the item, where. */
export const reportDocumentSchema = z.strictObject({
  number: text(100),
  /** yyyy-mm-dd, or null for an undated document. */
  date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).nullable(),
  issuer: text(200),
  /** What the document says: prose (may break lines), trimmed. */
  summary: prose(1000).min(1).regex(/^\S(?:[\s\S]*\S)?$/, 'trimmed text'),
  /** May be empty: the whole document proves the item. */
  locator: label(0, 200),
});

/** What the clerk entered for one item (shared/scoring/entry.ts), as safe integers. */
export const reportItemInputSchema = z.discriminatedUnion('type', [
  z.strictObject({ type: z.literal('manual'), points: safeInt }),
  z.strictObject({ type: z.literal('binary'), done: z.boolean() }),
  z.strictObject({ type: z.literal('tiered'), level: label(0, 64) }),
  ...(['bands', 'ratio', 'ratio-target'] as const).map((t) =>
    z.strictObject({ type: z.literal(t), numerator: safeInt, denominator: safeInt, complement: safeInt.optional() }),
  ),
  z.strictObject({ type: z.literal('deduction'), events: safeInt }),
  z.strictObject({ type: z.literal('increment'), units: safeInt }),
  /**
   * A formula rule's inputs by the names the framework gives them (at most 20, as the framework
   * allows): a count as an integer, a decimal input ("number" kind: 98,89) as its decimal text
   * "98.89" — a package carries no floating-point number.
   */
  z.strictObject({
    type: z.literal('formula'),
    values: z
      .record(z.string().regex(FORMULA_NAME), z.union([safeInt, z.string().regex(/^-?\d{1,15}(?:\.\d{1,9})?$/u)]))
      .refine((v) => Object.keys(v).length <= 20, 'at most 20 formula inputs'),
  }),
]);

export const reportItemSchema = z.strictObject({
  code,
  /** A scored item of the tree, or a bonus/penalty adjustment outside the maximum. */
  kind: z.enum(['item', 'bonus', 'penalty']),
  /** Codes of the field and criterion the item sits under (null for adjustments). */
  fieldCode: code.nullable(),
  criterionCode: code.nullable(),
  notApplicable: z.boolean(),
  input: reportItemInputSchema.nullable(),
  status: z.enum(ITEM_STATUSES),
  points: safeInt,
  max: count,
  applicableMax: count,
  /** Ratio rules: the entered ratio in hundredths of a percent. */
  percent: safeInt.nullable(),
  explanation: prose(10000).nullable(),
  /** Evidence documents (number, date, issuer, summary, the page that proves the item). */
  documents: z.array(reportDocumentSchema),
  /** Attached files; their bytes travel once each in the report's `evidence`, by id. */
  evidence: z.array(evidenceRefSchema),
});

const nodeTotalSchema = z.strictObject({ points: safeInt, max: count, applicableMax: count });

export const reportTotalsSchema = z.strictObject({
  selfAssessment: nodeTotalSchema,
  survey: nodeTotalSchema,
  total: nodeTotalSchema,
  /** Counted after the framework's caps (penalty as a positive number). */
  bonus: count,
  penalty: count,
  /** (points + bonus − penalty) × 10000 / applicableMax, half up; null when nothing applies. */
  indexPercent: count.nullable(),
  groupCode: label(0, 64).nullable(),
  fields: z.array(z.strictObject({ code, points: safeInt, max: count, applicableMax: count })),
});

/** One paper questionnaire as keyed: answers by question code (checked by survey-answers.ts). */
export const questionnaireSchema = z.strictObject({
  formNo: label(1, 64),
  answers: answersSchema,
});

/** Per question: forms answered / blank / invalid and the count of every option (0 included). */
export const surveyCountSchema = z.strictObject({
  questionCode: code,
  answered: count,
  blank: count,
  invalid: count,
  counts: z.record(label(1, 16), count),
});

/**
 * How complete the report was when sent, and which warnings of the pre-export check the commune
 * overrode, with its reason (docs/package-format.md). Optional: packages of earlier versions have
 * none.
 */
export const reportCompletenessSchema = z.strictObject({
  items: z.strictObject({ total: count, entered: count, required: count, requiredEntered: count }),
  forms: z.strictObject({ saved: count, minimum: count.nullable(), target: count.nullable() }),
  overrides: z.array(z.strictObject({ code: label(1, 64), reason: prose(1000).min(1) })).max(16),
});

export const communeReportSchema = z.strictObject({
  packageId: z.string().regex(PACKAGE_ID_PATTERN),
  /** Grows with every export (never reused, even across keys); recorded in the same transaction as the export. */
  revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER),
  /** The package this one replaces (null for the first): its id and the SHA-256 (hex) of its file. */
  supersedes: z.strictObject({ packageId: z.string().regex(PACKAGE_ID_PATTERN), sha256: z.string().regex(SHA256_HEX_PATTERN) }).nullable(),
  createdAt: utcTimestamp,
  issuer: z.strictObject({
    communeCode: z.string().regex(COMMUNE_CODE_PATTERN),
    communeName: text(200),
    provinceCode: z.string().regex(PROVINCE_CODE_PATTERN),
    keyId: keyIdSchema,
    /**
     * The signing key itself, so anyone can check the signature without our registry. It proves
     * nothing about WHO signed: a reviewing unit trusts only the key it enrolled for the commune.
     */
    publicKey: publicKeySchema,
    appVersion: z.string().regex(APP_VERSION_PATTERN),
  }),
  audience: z.strictObject({ reviewingUnitCode: z.string().regex(UNIT_CODE_PATTERN) }),
  subject: z.strictObject({
    year: z.number().int().min(2000).max(2100),
    framework: z.strictObject({ id: label(1, 128), version: z.string().regex(/^[0-9]+(?:\.[0-9]+)*$/), sha256: z.string().regex(SHA256_HEX_PATTERN) }),
  }),
  /** Lock state of the self-assessment when exported: a reviewer can tell a draft from a final. */
  assessment: z.strictObject({ locked: z.boolean(), lockedAt: utcTimestamp.nullable(), revision: count }),
  items: z.array(reportItemSchema),
  /**
   * Criteria the commune marked not applicable as a whole ("không có nhiệm vụ được giao"), by
   * code: the entry keyed by the criterion, which the engine reads beside its items' entries.
   * Absent in packages from before criterion-level N/A existed (then: none).
   */
  notApplicableCriteria: z.array(code).max(10000).optional(),
  questionnaires: z.array(questionnaireSchema),
  surveyCounts: z.strictObject({ forms: count, questions: z.array(surveyCountSchema) }),
  /** Totals and index as the commune computed them, in integer hundredths. */
  totals: reportTotalsSchema,
  evidence: z.array(evidenceEntrySchema),
  /**
   * The commune's answers to the requests of an appraisal result (absent when there is none to
   * answer): the result answered (its id and the SHA-256 of its file) and one answer per item asked.
   */
  appraisalAnswers: z
    .strictObject({
      appraisal: z.strictObject({ packageId: z.string().regex(PACKAGE_ID_PATTERN), sha256: z.string().regex(SHA256_HEX_PATTERN) }),
      items: z.array(z.strictObject({ itemCode: code, answer: prose(5000).min(1) })),
    })
    .optional(),
  completeness: reportCompletenessSchema.optional(),
});
export type CommuneReport = z.infer<typeof communeReportSchema>;
export type ReportItem = z.infer<typeof reportItemSchema>;
export type ReportTotals = z.infer<typeof reportTotalsSchema>;
export type Questionnaire = z.infer<typeof questionnaireSchema>;
export type SurveyCount = z.infer<typeof surveyCountSchema>;
export type EvidenceRef = z.infer<typeof evidenceRefSchema>;
export type ReportDocument = z.infer<typeof reportDocumentSchema>;

// ---------- appraisal: the reviewing unit's result for one commune, signed with its key ----------
export const appraisalItemSchema = z.strictObject({
  code,
  /** The commune's declared points for the item in the revision appraised. */
  selfPoints: safeInt,
  /** The council's points, or null: not appraised, still at the self-score. */
  appraisedPoints: safeInt.nullable(),
  comment: prose(5000).nullable(),
  /** "Yêu cầu giải trình" (explain) or "bổ sung tài liệu" (evidence), or null. */
  request: z.strictObject({ kind: z.enum(['explain', 'evidence']), text: prose(5000).min(1) }).nullable(),
});

export const appraisalResultSchema = z.strictObject({
  packageId: z.string().regex(PACKAGE_ID_PATTERN),
  createdAt: utcTimestamp,
  issuer: z.strictObject({ unitCode: z.string().regex(UNIT_CODE_PATTERN), unitName: text(200), keyId: keyIdSchema, appVersion: z.string().regex(APP_VERSION_PATTERN) }),
  audience: z.strictObject({ communeCode: z.string().regex(COMMUNE_CODE_PATTERN), communeName: text(200) }),
  subject: z.strictObject({
    year: z.number().int().min(2000).max(2100),
    /** The commune's package this result answers: its revision, id and the SHA-256 (hex) of its file. */
    answers: z.strictObject({ revision: z.number().int().min(1).max(Number.MAX_SAFE_INTEGER), packageId: z.string().regex(PACKAGE_ID_PATTERN), sha256: z.string().regex(SHA256_HEX_PATTERN) }),
  }),
  round: z.union([z.literal(1), z.literal(2)]),
  /** Locked: the council approved this result (final); otherwise the commune may answer and send a new revision. */
  approval: z.strictObject({ locked: z.boolean(), lockedAt: utcTimestamp.nullable(), lockedBy: text(200).nullable() }),
  items: z.array(appraisalItemSchema),
  summary: z.strictObject({ items: count, appraised: count, stillAtSelfScore: count, requests: count, selfPoints: safeInt, appraisedPoints: safeInt }),
});
export type AppraisalResult = z.infer<typeof appraisalResultSchema>;

// ---------- framework: a criteria framework published by the reviewing unit, signed with its key ----------
// The framework travels whole (`framework.content`, docs/framework-format.md); the fields beside it
// repeat what a commune checks before opening it (province, year, unit types, version) and must
// agree with it. The content's own rules are checked by parseFramework once the signature passed.
const FRAMEWORK_VERSION_PATTERN = /^[0-9]{1,6}(?:\.[0-9]{1,6}){0,5}$/;
export const frameworkPackageSchema = z.strictObject({
  packageId: z.string().regex(PACKAGE_ID_PATTERN),
  createdAt: utcTimestamp,
  /** The reviewing unit that publishes it; its key signs the package. */
  publisher: z.strictObject({ code: z.string().regex(UNIT_CODE_PATTERN), name: text(200), keyId: keyIdSchema }),
  province: z.strictObject({ code: z.string().regex(PROVINCE_CODE_PATTERN), name: text(200) }),
  year: z.number().int().min(2000).max(2100),
  unitTypes: z.array(z.enum(['xa', 'phuong', 'dac-khu', 'thi-tran'])).min(1).max(4),
  version: z.string().regex(FRAMEWORK_VERSION_PATTERN),
  framework: z.strictObject({
    id: z.string().regex(/^[a-z0-9]+(?:-[a-z0-9]+)*$/).max(128),
    /** SHA-256 (hex) of the RFC 8785 form of `content`: what a report names as its framework. */
    sha256: z.string().regex(SHA256_HEX_PATTERN),
    content: z.record(z.string(), z.unknown()),
  }),
  /** The version this one replaces (null for the first published): its version and SHA-256. */
  supersedes: z.strictObject({ version: z.string().regex(FRAMEWORK_VERSION_PATTERN), sha256: z.string().regex(SHA256_HEX_PATTERN) }).nullable(),
  /**
   * Optional: the year's submission deadline (yyyy-mm-dd) the reviewing unit set, beside the
   * framework and outside its content (so the framework's SHA-256 does not change with it).
   * Files published before it existed carry no such field and stay valid.
   */
  deadline: isoDate.optional(),
});
export type FrameworkPackage = z.infer<typeof frameworkPackageSchema>;

/**
 * Step 6 of the verifier: every type's payload against its strict schema. A framework's content
 * (`framework.content`) is checked here as an object only; its own rules (parseFramework) run in
 * the framework importer right after the signature (electron/features/framework/package.ts).
 */
export const PAYLOAD_SCHEMAS: Readonly<Record<PackageType, z.ZodType<Record<string, unknown>>>> = {
  'commune-report': communeReportSchema,
  'enrolment-request': enrolmentRequestSchema,
  'enrolment-approval': enrolmentApprovalSchema,
  'key-rotation': keyRotationSchema,
  'key-rotation-approval': keyRotationApprovalSchema,
  framework: frameworkPackageSchema,
  appraisal: appraisalResultSchema,
};

/** The two kinds of key: a commune's (enrolled by its reviewing unit) and a reviewing unit's (pinned by its communes). */
export type SignerKind = 'commune' | 'reviewer';

/**
 * Who may sign what, signature by signature: a report and an enrolment request, the commune's
 * key; a rotation, the commune's old key then its new key; an approval (of an enrolment or of a
 * rotation), a framework and an appraisal result, the reviewing unit's key. The verifier refuses any other kind (KEY_WRONG_KIND).
 */
export const SIGNER_KINDS: Readonly<Record<PackageType, readonly SignerKind[]>> = {
  'commune-report': ['commune'],
  'enrolment-request': ['commune'],
  'enrolment-approval': ['reviewer'],
  'key-rotation': ['commune', 'commune'],
  'key-rotation-approval': ['reviewer'],
  framework: ['reviewer'],
  appraisal: ['reviewer'],
};

/** How many signatures each type carries: a rotation is signed by the old and the new key. */
export const SIGNATURE_COUNT: Readonly<Record<PackageType, number>> = Object.fromEntries(
  Object.entries(SIGNER_KINDS).map(([type, kinds]) => [type, kinds.length]),
) as Record<PackageType, number>;

/**
 * The public key a payload carries for its own signer, if the type has one: an enrolment request
 * names the key that signs it, an approval names the reviewing unit's key, a rotation names the
 * new key, a report names its issuer's key. Read BEFORE the signature is checked, so it is only ever used as a candidate key for
 * the signature whose keyId it hashes to, never as data.
 */
export function embeddedPublicKeyOf(type: PackageType, unverifiedPayload: Record<string, unknown>): string | undefined {
  const path: Partial<Record<PackageType, readonly string[]>> = {
    'enrolment-request': ['key', 'publicKey'],
    'enrolment-approval': ['reviewer', 'key', 'publicKey'],
    'key-rotation': ['newKey', 'publicKey'],
    'commune-report': ['issuer', 'publicKey'],
  };
  let at: unknown = unverifiedPayload;
  for (const step of path[type] ?? []) {
    if (typeof at !== 'object' || at === null || Array.isArray(at)) return undefined;
    at = Object.prototype.hasOwnProperty.call(at, step) ? (at as Record<string, unknown>)[step] : undefined;
  }
  return path[type] && typeof at === 'string' && PUBLIC_KEY_PATTERN.test(at) ? at : undefined;
}
