import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { appraisalBench } from './appraisal.bench';
import { assessmentBench } from './assessment.bench';
import { diagnosticsBench } from './diagnostics.bench';
import { backupBench } from './backup.bench';
import { foundationBench } from './foundation.bench';
import { frameworkBench } from './framework.bench';
import { importBench } from './import.bench';
import { rows } from './harness';
import { jsonBench } from './json.bench';
import { packageBench } from './package.bench';
import { parseLimitsBench } from './parse-limits.bench';
import { reportBench } from './report.bench';
import { reportPdfBench } from './report-pdf.bench';
import { surveyBench } from './survey.bench';

/** `npm run bench`: every suite; add a feature's suite here. Results also in test-output/bench.json. */
const SUITES: [string, () => Promise<void>][] = [
  ['foundation', foundationBench],
  ['assessment', assessmentBench],
  ['package', packageBench],
  ['parse-limits', parseLimitsBench],
  ['survey', surveyBench],
  ['json', jsonBench],
  ['report', reportBench],
  ['report-pdf', reportPdfBench],
  ['diagnostics', diagnosticsBench],
  ['appraisal', appraisalBench],
  ['framework', frameworkBench],
  ['backup', backupBench],
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
