/**
 * `npm run soak`: the crash test at length. A child writing entries through the real use cases
 * (and making a backup every 8 writes) is SIGKILLed 1,000 times at seeded random moments; after
 * each kill the store must open, pass quick_check and hold every write the child acknowledged,
 * and every backup must be a sound database. Prints the kills, corrupt databases, lost
 * acknowledged writes and bad backups; exits 1 if any is not zero.
 *
 *   npm run soak                    # 1,000 kills, seed 1
 *   npm run soak -- 200 42          # 200 kills, seed 42 (replay a failure with its seed)
 */
import { communeStore } from '../test/helpers/assessment';
import { killRepeatedly } from '../test/helpers/crash-harness';

const kills = Number(process.argv[2] ?? 1000);
const seed = Number(process.argv[3] ?? 1);
const s = communeStore();
s.db.close();
const started = Date.now();
console.log(`soak: ${kills} kills, seed ${seed}, store ${s.file}`);
const r = await killRepeatedly(s.file, {
  kills,
  seed,
  maxDelayMs: 500,
  onKill(i, rep) {
    if (i % 50 === 0) console.log(`  ${i} kills · ${rep.acknowledged} acknowledged writes · ${rep.backupsMade} backups · corrupt ${rep.corrupt} · lost ${rep.lost} · bad backups ${rep.badBackups}`);
  },
});
for (const p of r.problems.slice(0, 20)) console.log(`  ! ${p}`);
console.log(`kills: ${r.kills}`);
console.log(`acknowledged writes: ${r.acknowledged}`);
console.log(`backups made: ${r.backupsMade}`);
console.log(`corrupt databases: ${r.corrupt}`);
console.log(`lost acknowledged writes: ${r.lost}`);
console.log(`bad backups: ${r.badBackups}`);
console.log(`time: ${Math.round((Date.now() - started) / 1000)} s`);
const ok = r.kills === kills && r.corrupt === 0 && r.lost === 0 && r.badBackups === 0;
if (ok) s.cleanup();
else console.log(`store kept for inspection: ${s.file}`);
process.exitCode = ok ? 0 : 1;
