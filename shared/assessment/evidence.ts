/**
 * An evidence document (tài liệu kiểm chứng) as entered: shared by the renderer's form
 * (react-hook-form + zodResolver), the service and the entries loader.
 */
import { z } from 'zod';
import { normaliseName, normaliseProse } from '../text';

/** One line (number, issuer, locator): controls and invisible characters removed, white space folded. */
const text = (max: number) => z.string().transform(normaliseName).pipe(z.string().max(max, { message: 'TEXT_TOO_LONG' }));
/** Prose (the summary): CRLF → LF, a tab → a space, other controls removed, trimmed. */
const prose = (max: number) => z.string().transform((s) => normaliseProse(s).trim()).pipe(z.string().max(max, { message: 'TEXT_TOO_LONG' }));

export const evidenceDocumentSchema = z.object({
  /** Số, ký hiệu: "15/KH-UBND". */
  number: text(100).pipe(z.string().min(1, { message: 'REQUIRED' })),
  /** yyyy-mm-dd, or empty/null when the document is undated. */
  date: z
    .string()
    .regex(/^(\d{4}-\d{2}-\d{2})?$/u, { message: 'DATE' })
    .nullable()
    .optional()
    .transform((d) => (d ? d : null)),
  issuer: text(200).pipe(z.string().min(1, { message: 'REQUIRED' })),
  summary: prose(1000).pipe(z.string().min(1, { message: 'REQUIRED' })),
  /** Trang, mục chứng minh: "Mục II.3, trang 4". */
  locator: text(200),
});
export type EvidenceDocumentInput = z.input<typeof evidenceDocumentSchema>;
export type EvidenceDocumentData = z.output<typeof evidenceDocumentSchema>;
