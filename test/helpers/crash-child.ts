/**
 * The child of the crash and soak tests (test/helpers/crash-harness.ts): opens the app's runtime
 * over the store and writes entries through the same use cases as the renderer's autosave,
 * printing "ACK <value> <code>" after each committed pair of writes (stdout to a pipe is
 * synchronous on Linux: a line read by the parent was written after the commit); every 8 writes
 * it makes a backup ("BACKUP"), so kills land inside backups too. The parent SIGKILLs it.
 */
import { createAppRuntime } from '../../electron/app/runtime';
import { saveEntry, saveExplanation } from '../../electron/features/assessment/use-cases';
import { createBackup } from '../../electron/features/backup/backups';

async function main(): Promise<void> {
  const [dbPath, run] = process.argv.slice(2);
  if (!dbPath || !run) throw new Error('usage: crash-child DB RUN');
  const { app } = createAppRuntime({ dbPath, appVersion: '0.0.0-crash', actor: `crash-${run}` });
  process.stdout.write('READY\n');
  const codes = ['1.3', '5.4', '6.4'];
  for (let n = 1; ; n += 1) {
    const code = codes[n % codes.length]!;
    const value = Number(run) * 100_000 + n;
    await app.perform(saveEntry, { code, entry: { input: { type: 'deduction', events: value } } });
    await app.perform(saveExplanation, { code, text: `lần ${value}` });
    process.stdout.write(`ACK ${value} ${code}\n`);
    if (n % 8 === 0) {
      await createBackup(app, 'manual');
      process.stdout.write('BACKUP\n');
    }
  }
}

void main();
