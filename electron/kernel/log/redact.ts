/**
 * What may reach a log file. Logs are sent to support (the "gói hỗ trợ"), so nothing secret or
 * personal goes in: no private keys or passphrases, no respondents' answers, no officer's or
 * keyer's name, no phone number or e-mail address. Redaction works three ways:
 *
 *  - by field name: a detail named like a secret or a person's data is replaced whole;
 *  - by shape: PEM blocks, long base64/base64url or hex runs (a key, a sealed key, a signature),
 *    e-mail addresses and phone numbers inside any text;
 *  - by value: secrets the process knows (a passphrase read from the environment) are registered
 *    and cut out of every text, wherever they appear.
 *
 * Values are also bounded (depth, array length, text length) so one log line stays small.
 */

export const REDACTED = '[đã ẩn]';

/** Field names whose value never reaches a log, matched without case anywhere in the name. */
const SECRET_FIELD = /pass(?:word|phrase)?|secret|private|seed|sealed|token|mnemonic|signature|answers?|respondent|officer|keyer|keyedby|verifiedby|phone|email|address|birth|cccd|cmnd|fullname|^name$|actor/iu;

const PEM = /-----BEGIN [A-Z ]+-----[\s\S]*?(?:-----END [A-Z ]+-----|$)/gu;
/** 40+ characters of base64/base64url: an Ed25519 key is 43, a signature 86. */
const LONG_BASE64 = /[A-Za-z0-9+/_-]{40,}={0,2}/gu;
const LONG_HEX = /\b[0-9a-fA-F]{64,}\b/gu;
const EMAIL = /[^\s@"'<>]+@[^\s@"'<>]+\.[A-Za-z]{2,}/gu;
/** Vietnamese phone numbers: 0 or +84 followed by 9–10 digits, with optional spaces or dots. */
const PHONE = /(?:\+84|\b0)(?:[\s.-]?\d){8,10}\b/gu;

const MAX_TEXT = 2000;
const MAX_ARRAY = 20;
const MAX_DEPTH = 5;

export class Redactor {
  private readonly secrets = new Set<string>();

  /** A value to cut out of every later log line (a passphrase the process was given). */
  addSecret(value: string | undefined | null): void {
    if (value && value.length >= 1) this.secrets.add(value);
  }

  text(s: string): string {
    let out = s;
    // Longest first, so a secret containing another is cut whole.
    for (const secret of [...this.secrets].sort((a, b) => b.length - a.length)) out = out.split(secret).join(REDACTED);
    out = out.replace(PEM, REDACTED).replace(LONG_HEX, REDACTED).replace(LONG_BASE64, REDACTED).replace(EMAIL, REDACTED).replace(PHONE, REDACTED);
    return out.length > MAX_TEXT ? `${out.slice(0, MAX_TEXT)}…` : out;
  }

  /** A JSON-safe copy of `value` with every secret and personal detail replaced. */
  value(value: unknown, depth = 0): unknown {
    if (value === null || value === undefined) return value ?? null;
    if (typeof value === 'string') return this.text(value);
    if (typeof value === 'number' || typeof value === 'boolean') return value;
    if (typeof value === 'bigint') return value.toString();
    if (value instanceof Uint8Array) return `[${value.length} byte]`;
    if (value instanceof Error) return this.error(value, depth);
    if (depth >= MAX_DEPTH) return '[…]';
    if (Array.isArray(value)) {
      const items = value.slice(0, MAX_ARRAY).map((v) => this.value(v, depth + 1));
      return value.length > MAX_ARRAY ? [...items, `[+${value.length - MAX_ARRAY}]`] : items;
    }
    if (typeof value === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
        out[k] = SECRET_FIELD.test(k) ? REDACTED : this.value(v, depth + 1);
      }
      return out;
    }
    return `[${typeof value}]`;
  }

  private error(err: Error, depth: number): unknown {
    const e = err as Error & { code?: unknown; details?: unknown; cause?: unknown };
    const out: Record<string, unknown> = { name: err.name, message: this.text(err.message) };
    if (typeof e.code === 'string') out['code'] = e.code;
    if (e.details !== undefined) out['details'] = this.value(e.details, depth + 1);
    if (err.stack) out['stack'] = this.text(err.stack.split('\n').slice(0, 12).join('\n'));
    if (e.cause !== undefined && depth < MAX_DEPTH) out['cause'] = this.value(e.cause, depth + 1);
    return out;
  }
}
