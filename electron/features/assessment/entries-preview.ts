/**
 * What loading an entries file would change, item by item, before anything is written: the file
 * is loaded inside a transaction that is then rolled back, and the audit rows it would have
 * written say exactly what changes (new / changed), the file's other items being the same.
 */
import type { EntriesPreview, ItemChange } from '../../../shared/ipc/assessment';
import type { ItemEntry } from '../../../shared/scoring/engine';
import type { ServiceContext } from '../../kernel/context';
import { auditAfter, lastAuditId } from '../audit/audit-repo';
import { loadEntriesText } from './entries-load';

export type { EntriesPreview, ItemChange };

const ROLLBACK = Symbol('preview');

export function previewEntriesText(ctx: ServiceContext, text: string): EntriesPreview {
  let preview: EntriesPreview | undefined;
  try {
    ctx.db.transaction(() => {
      const from = lastAuditId(ctx);
      loadEntriesText(ctx, text);
      preview = summarise(auditAfter(ctx, from), codesInFile(text));
      throw ROLLBACK;
    })();
  } catch (e) {
    if (e !== ROLLBACK) throw e;
  }
  return preview!;
}

/** The item and adjustment codes the file names (it parsed, or the load above refused it). */
function codesInFile(text: string): string[] {
  const json = JSON.parse(text.replace(/^\uFEFF/u, '')) as Record<string, unknown>;
  const keys = (v: unknown) => (typeof v === 'object' && v !== null && !Array.isArray(v) ? Object.keys(v) : []);
  return [...keys(json['items']), ...keys(json['adjustments'])];
}

function summarise(rows: ReturnType<typeof auditAfter>, inFile: string[]): EntriesPreview {
  const byCode = new Map<string, ItemChange>();
  const line = (code: string): ItemChange => {
    let c = byCode.get(code);
    if (!c) byCode.set(code, (c = { code, change: 'same', before: null, after: null, explanation: false, documents: 0 }));
    return c;
  };
  let forms = 0;
  for (const r of rows) {
    if (r.action === 'assessment.entry') {
      const c = line(r.entityKey);
      c.before = r.old as ItemEntry | null;
      c.after = r.new as ItemEntry | null;
      c.change = c.before === null && c.change !== 'changed' ? 'new' : 'changed';
    } else if (r.action === 'assessment.explanation') {
      const c = line(r.entityKey);
      c.explanation = true;
      if (r.old !== null) c.change = 'changed';
      else if (c.change === 'same') c.change = 'new';
    } else if (r.action === 'evidence.document.add') {
      const c = line(String((r.new as { itemCode?: string }).itemCode));
      c.documents++;
      if (c.change === 'same') c.change = 'new';
    } else if (r.action === 'survey.form.import') forms++;
  }
  for (const code of inFile) line(code);
  const items = [...byCode.values()];
  const counts = { new: 0, changed: 0, same: 0 };
  for (const i of items) counts[i.change]++;
  return { items, forms, counts };
}
