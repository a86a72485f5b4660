/**
 * A child process for the crash test: opens the app's runtime over the store and writes entries
 * through the same use cases as the renderer's autosave, printing "ACK n code" after each
 * committed write. The parent SIGKILLs it mid-stream.
 */
import { createAppRuntime } from '../../electron/app/runtime';
import { saveEntry, saveExplanation } from '../../electron/features/assessment/use-cases';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: autosave-child DB');
const { app } = createAppRuntime({ dbPath, appVersion: '0.0.0-test', actor: 'crash-test' });
const codes = ['1.3', '5.4', '6.4'];
for (let n = 1; n <= 100000; n += 1) {
  const code = codes[n % codes.length]!;
  await app.perform(saveEntry, { code, entry: { input: { type: 'deduction', events: n } } });
  await app.perform(saveExplanation, { code, text: `lần ${n}` });
  process.stdout.write(`ACK ${n} ${code}\n`);
}
