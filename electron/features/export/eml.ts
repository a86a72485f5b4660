/**
 * An email draft as a file (RFC 5322 + MIME multipart/mixed) that the user's mail program opens
 * with the package already attached. `X-Unsent: 1` makes Outlook open it as a draft to send, not
 * as a received message; Thunderbird opens it as a message it can "Edit as new". No mail server,
 * no network: the person sends it themselves.
 */
import { randomBytes } from 'node:crypto';

export interface EmlInput {
  to?: string | undefined;
  subject: string;
  body: string;
  attachment: { name: string; mediaType: string; bytes: Uint8Array };
  date: Date;
}

/** RFC 2047 encoded-word (UTF-8, base64), split so no encoded word passes 75 characters. */
export function encodeWord(text: string): string {
  if (/^[\x20-\x7e]*$/u.test(text)) return text;
  const words: string[] = [];
  let chunk = '';
  for (const ch of text) {
    // 45 bytes of UTF-8 → 60 base64 characters, plus 12 for "=?UTF-8?B??=".
    if (Buffer.byteLength(chunk + ch, 'utf8') > 45) {
      words.push(chunk);
      chunk = '';
    }
    chunk += ch;
  }
  if (chunk) words.push(chunk);
  return words.map((w) => `=?UTF-8?B?${Buffer.from(w, 'utf8').toString('base64')}?=`).join('\r\n ');
}

function base64Lines(bytes: Uint8Array): string {
  return (Buffer.from(bytes).toString('base64').match(/.{1,76}/gu) ?? []).join('\r\n');
}

/** RFC 5322 date in UTC: "Sun, 22 Nov 2026 08:00:00 +0000". */
export function rfc5322Date(d: Date): string {
  return d.toUTCString().replace('GMT', '+0000');
}

export function buildEml(input: EmlInput): string {
  const boundary = `=_chiso_${randomBytes(12).toString('hex')}`;
  const name = input.attachment.name; // our file names are ASCII by construction
  const headers = [
    ...(input.to ? [`To: ${input.to}`] : []),
    `Subject: ${encodeWord(input.subject)}`,
    `Date: ${rfc5322Date(input.date)}`,
    `Message-ID: <${randomBytes(12).toString('hex')}@chiso-cchc.invalid>`,
    'X-Unsent: 1',
    'MIME-Version: 1.0',
    `Content-Type: multipart/mixed; boundary="${boundary}"`,
  ];
  const parts = [
    `--${boundary}`,
    'Content-Type: text/plain; charset=UTF-8',
    'Content-Transfer-Encoding: base64',
    '',
    base64Lines(Buffer.from(input.body.replace(/\r?\n/gu, '\r\n'), 'utf8')),
    `--${boundary}`,
    `Content-Type: ${input.attachment.mediaType}; name="${name}"`,
    'Content-Transfer-Encoding: base64',
    `Content-Disposition: attachment; filename="${name}"`,
    '',
    base64Lines(input.attachment.bytes),
    `--${boundary}--`,
    '',
  ];
  return [...headers, '', ...parts].join('\r\n');
}
