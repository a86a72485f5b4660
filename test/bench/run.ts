import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { assessmentBench } from './assessment.bench';
import { foundationBench } from './foundation.bench';
import { importBench } from './import.bench';
import { rows } from './harness';
import { jsonBench } from './json.bench';
import { packageBench } from './package.bench';
import { parseLimitsBench } from './parse-limits.bench';
import { surveyBench } from './survey.bench';

/** `npm run bench`: every suite; add a feature's suite here. Results also in test-output/bench.json. */
const SUITES: [string, () => Promise<void>][] = [
  ['foundation', foundationBench],
  ['assessment', assessmentBench],
  ['package', packageBench],
  ['parse-limits', parseLimitsBench],
  ['survey', surveyBench],
  ['json', jsonBench],
  ['import', importBench],
];

const only = process.argv[2];
for (const [name, run] of SUITES) {
  if (only && only !== name) continue;
  await run();
}
const root = fileURLToPath(new URL('../..', import.meta.url));
mkdirSync(join(root, 'test-output'), { recursive: true });
writeFileSync(join(root, 'test-output', 'bench.json'), `${JSON.stringify(rows, null, 2)}\n`);
