import { audit } from '../../kernel/audit';
import type { ServiceContext } from '../../kernel/context';
import { readSetting, writeSetting } from './settings-repo';

export function getSetting(ctx: ServiceContext, key: string): string | null {
  return readSetting(ctx.db, key);
}

export function setSetting(ctx: ServiceContext, key: string, value: string): void {
  ctx.db.transaction(() => {
    const old = readSetting(ctx.db, key);
    if (old === value) return;
    writeSetting(ctx.db, key, value);
    audit(ctx, 'setting.set', 'setting', key, old, value);
  })();
}
