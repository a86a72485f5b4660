/**
 * The framework package's golden file (TEST reviewer key) and its payload's JSON Schema, kept in
 * step with the zod schema like the other package types (see golden.test.ts).
 *
 * After a deliberate format change: UPDATE_GOLDEN=1 npx vitest run test/unit/package/framework-golden.test.ts
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { canonicalJson, signingPrefix } from '../../../shared/package/canonical';
import { frameworkPackageSchema } from '../../../shared/package/envelope';
import { parseFramework } from '../../../shared/framework/validate';
import { buildFrameworkPackage, verifyFrameworkPackage } from '../../../electron/features/framework/package';
import { testKey } from '../../fixtures/test-keys';

const update = process.env['UPDATE_GOLDEN'] === '1';
const root = new URL('../../../', import.meta.url);

function golden(relative: string, actual: string): void {
  const path = fileURLToPath(new URL(relative, root));
  if (update) writeFileSync(path, actual);
  expect(actual, `${relative} changed; if intended, regenerate with UPDATE_GOLDEN=1`).toBe(readFileSync(path, 'utf8'));
}

const reviewer = testKey('reviewer');

describe('framework package (TEST keys)', () => {
  it('file and exact signed bytes; verifies against the reviewing unit key', () => {
    const parsed = parseFramework(JSON.parse(readFileSync(fileURLToPath(new URL('docs/examples/nam-dinh-2020.json', root)), 'utf8')));
    if (!parsed.ok) throw new Error('example invalid');
    const { text, payload } = buildFrameworkPackage(
      { framework: parsed.framework, publisher: { code: '36', name: 'Sở Nội vụ tỉnh Mẫu' }, supersedes: null, createdAt: '2026-01-15T02:00:00.000Z', packageId: 'golden-framework-0001' },
      reviewer,
    );
    golden('test/golden/framework.json', text);
    golden('test/golden/framework.signed-bytes.txt', signingPrefix('framework') + canonicalJson(payload));
    const back = readFileSync(fileURLToPath(new URL('test/golden/framework.json', root)));
    const v = verifyFrameworkPackage(back, (keyId) => (keyId === reviewer.keyId ? { publicKey: reviewer.publicKey, status: 'active', kind: 'reviewer' } : undefined));
    expect(v.framework).toEqual(parsed.framework);
  });

  it('framework.schema.json', () => {
    const json = {
      $id: 'https://chiso-cchc.invalid/schemas/framework.schema.json',
      title: 'Payload of chiso-cchc/framework v1',
      ...z.toJSONSchema(frameworkPackageSchema, { target: 'draft-2020-12', unrepresentable: 'any' }),
    };
    golden('docs/schemas/framework.schema.json', JSON.stringify(json, null, 2) + '\n');
  });
});
