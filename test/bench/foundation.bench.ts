import { sampleFramework } from '../../shared/framework/sample';
import { parseFramework } from '../../shared/framework/validate';
import { ms, ratio, report, sample } from './harness';

/** The framework model: validating the sample, against parsing its JSON text (the floor). */
export async function foundationBench(): Promise<void> {
  const text = JSON.stringify(sampleFramework);
  const parse = await sample(() => JSON.parse(text), 500);
  const validate = await sample(() => parseFramework(JSON.parse(text)), 500);
  report({
    suite: 'foundation',
    name: 'parse + validate the sample framework (p95)',
    figure: ms(validate.p95),
    baseline: `JSON.parse alone ${ms(parse.p95)}`,
    ratio: ratio(validate.p95, parse.p95),
  });
}
