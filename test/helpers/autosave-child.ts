/**
 * A child process for the crash test: opens the store through the services and writes
 * entries as the renderer's autosave does, printing "ACK n code" after each committed
 * write. The parent SIGKILLs it mid-stream.
 */
import { setEntry, setExplanation } from '../../electron/features/assessment/assessment';
import type { ServiceContext } from '../../electron/kernel/context';
import { systemClock } from '../../electron/kernel/context';
import { openDatabase } from '../../electron/kernel/db/open';

const [dbPath] = process.argv.slice(2);
if (!dbPath) throw new Error('usage: autosave-child DB');
const db = openDatabase(dbPath);
const ctx: ServiceContext = { db, clock: systemClock, actor: () => 'crash-test' };
const codes = ['1.3', '5.4', '6.4'];
for (let n = 1; ; n += 1) {
  const code = codes[n % codes.length]!;
  setEntry(ctx, code, { input: { type: 'deduction', events: n } });
  setExplanation(ctx, code, `lần ${n}`);
  process.stdout.write(`ACK ${n} ${code}\n`);
  if (n > 100000) break;
}
