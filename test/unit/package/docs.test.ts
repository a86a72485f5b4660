/**
 * docs/package-format.md is the reference another system implements from: it must name every
 * package type with its exact format and prefix line and who may sign it, and every refusal code
 * of verification with the exact Vietnamese sentence the app shows.
 */
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { FORMAT_NAME, PACKAGE_TYPES, signingPrefix } from '../../../shared/package/canonical';
import { SIGNER_KINDS } from '../../../shared/package/envelope';
import { REFUSAL_CODES, REFUSAL_MESSAGES } from '../../../shared/package/verify-steps';

const doc = readFileSync(fileURLToPath(new URL('../../../docs/package-format.md', import.meta.url)), 'utf8');
const section = (n: number) => doc.slice(doc.indexOf(`## ${n}. `), doc.indexOf(`## ${n + 1}. `));

describe('docs/package-format.md', () => {
  it('§2 lists every package type: format, prefix line and who may sign, signature by signature', () => {
    const table = section(2);
    for (const t of PACKAGE_TYPES) {
      const row = table.split('\n').find((l) => l.includes(`\`${FORMAT_NAME[t]}\``));
      expect(row, t).toBeDefined();
      expect(row).toContain(`\`${signingPrefix(t).replace('\n', '\\n')}\``);
      const kinds = SIGNER_KINDS[t];
      expect(row).toContain(`| ${kinds.length}: `);
      for (const k of kinds) expect(row).toContain(k === 'commune' ? 'commune' : 'reviewing unit');
    }
  });
  it('§5 gives every refusal code with its exact Vietnamese sentence', () => {
    const table = section(5);
    for (const code of REFUSAL_CODES) expect(table, code).toContain(`| \`${code}\` | ${REFUSAL_MESSAGES[code]} |`);
  });
  it('§6 states the paper checks, who may sign what, and the key rules', () => {
    const s6 = section(6);
    for (const phrase of ['held as\n     pending', 'FINGERPRINT_REQUIRED', 'REVIEWER_KEY_CHANGED', 'KEY_OTHER_COMMUNE', 'KEY_ALREADY_REVOKED', 'continuity evidence, never authority', 'rotationSha256'])
      expect(s6.replace(/\s+/gu, ' '), phrase).toContain(phrase.replace(/\s+/gu, ' '));
    expect(section(4)).toContain('KEY_WEAK');
  });
});
