/**
 * The commune's enrolment request as the person gets it, from the app or the command line alike:
 * the signed request file and its printed form (fingerprint in large type and as a QR code), both
 * or neither, in the folder chosen. The form is a PDF where Chromium's print engine runs (the
 * app); on the command line, which has none, it is the very same document as HTML, to open in a
 * browser and print.
 */
import { rmSync } from 'node:fs';
import { AppError } from '../../../shared/errors';
import { safeFileName } from '../../../shared/file-name';
import type { EnrolmentWritten } from '../../../shared/ipc/enrolment';
import { writeFileSafely } from '../../kernel/files/package-file';
import type { Destination, PdfPrinter } from '../../kernel/ports';
import type { AppContext } from '../../kernel/use-case';
import { unlockKey } from '../keys/keys';
import { requireIdentity } from '../setup/identity';
import { enrolmentFileNames, prepareEnrolmentRequest, recordEnrolmentRequest } from './commune-enrolment';
import { enrolmentFormHtml } from './form';

export interface RequestInput {
  keyPassphrase?: string | undefined;
  /** The officer who signs the paper form; the one set up when absent. */
  officerName?: string | undefined;
  officerTitle?: string | undefined;
  folder: Destination;
}

/** A printed form: a PDF where a print engine runs, the same document as HTML otherwise (the command line). */
export async function printedForm(pdf: PdfPrinter | null, html: string, names: { pdf: string }): Promise<{ name: string; bytes: Uint8Array; check(back: Buffer): void }> {
  if (!pdf) return { name: names.pdf.replace(/\.pdf$/u, '.html'), bytes: Buffer.from(html, 'utf8'), check: () => undefined };
  let bytes: Uint8Array;
  try {
    bytes = await pdf.fromHtml(html);
  } catch (err) {
    throw new AppError('PDF_FAILED', String(err));
  }
  return {
    name: names.pdf,
    bytes,
    check(back) {
      if (back.subarray(0, 5).toString('latin1') !== '%PDF-') throw new AppError('EXPORT_VERIFY_FAILED', 'pdf read-back');
    },
  };
}

/** Unlocks the key first (a wrong passphrase is refused before the folder is asked for). */
export async function requestEnrolment(app: AppContext, input: RequestInput): Promise<EnrolmentWritten | null> {
  const identity = requireIdentity(app.ctx);
  const key = await unlockKey(app.keys, input.keyPassphrase);
  const folder = await input.folder();
  if (folder === null) return null;
  const { record, fingerprint } = prepareEnrolmentRequest(app.ctx, key, { appVersion: app.appVersion, officerName: input.officerName, officerTitle: input.officerTitle });
  const names = enrolmentFileNames(record);
  const form = await printedForm(app.pdf, await enrolmentFormHtml(record.request, fingerprint, identity.reviewerCode ?? identity.provinceCode), names);
  const requestFile = writeFileSafely(folder, names.json, Buffer.from(record.text, 'utf8'), () => undefined);
  let formFile: { path: string };
  try {
    formFile = writeFileSafely(folder, form.name, form.bytes, form.check);
  } catch (err) {
    // Both files or neither: a request without its printed form would only confuse.
    rmSync(requestFile.path, { force: true });
    throw err;
  }
  recordEnrolmentRequest(app.ctx, record);
  return { requestPath: requestFile.path, formPath: formFile.path, fingerprint };
}

/** The file name of a reviewing unit's approval, the same whoever writes it. */
export function approvalFileName(enrolled: { communeCode: string; keyId: string }): string {
  return safeFileName(`CCHC-APPROVAL-${enrolled.communeCode}-${enrolled.keyId}.json`);
}
