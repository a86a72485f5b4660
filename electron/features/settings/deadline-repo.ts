/** The deadline keys in the `settings` table (migration 001): `deadline.signed.YYYY`, `deadline.typed.YYYY`. */
import type { Db } from '../../kernel/db/open';
import { stmt } from '../../kernel/db/statements';

export function deleteSetting(db: Db, key: string): void {
  stmt(db, 'DELETE FROM settings WHERE key = ?').run(key);
}
