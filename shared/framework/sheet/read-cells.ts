/**
 * The reader's tools: one cell read as a value of the model (remembering which cell each JSON path
 * came from), the cells a row leaves unused, and a rule with its list rows from "Mức điểm".
 */
import type { Grid, GridRow } from './grid';
import { Places, grid } from './grid';
import type { Kind, SheetData } from './layout';
import { RULE_LIST, RULE_PARAMS, RULE_ROW_KINDS, booleanOf, cellText, hundredthsOf, integerOf, word } from './layout';
import type { RuleType } from '../schema';

export type Obj = Record<string, unknown>;

export function levelOf<T extends Record<string, string>>(levels: T, text: string | null): keyof T | null {
  if (text === null) return null;
  const w = word(text);
  for (const [k, v] of Object.entries(levels)) if (word(v) === w || k === w) return k as keyof T;
  return null;
}

/** "phuong, dac-khu" → ["phuong", "dac-khu"]; the normalised text keys variant rows. */
export const splitList = (s: string): string[] => s.split(/[,;]/u).map((x) => x.trim()).filter((x) => x !== '');
export const listKey = (s: string | null): string => (s === null ? '' : splitList(s).join(','));

export class Reader {
  readonly places = new Places();
  private readonly used = new Map<GridRow, Set<string>>();

  constructor(private readonly sheets: SheetData[]) {}

  grid(key: Parameters<typeof grid>[1], required: boolean): Grid {
    return grid(this.sheets, key, this.places, required);
  }

  /** Read one cell as `kind`, remembering where `path` came from; undefined when blank or wrong. */
  value(r: GridRow, key: string, path: string, kind: Kind): unknown {
    this.places.set(path, r.place(key));
    this.use(r, key);
    const raw = r.get(key);
    const text = cellText(raw);
    if (text === null) return undefined;
    const fail = (message: string): undefined => {
      this.places.issue(r.place(key), message, path);
      return undefined;
    };
    switch (kind) {
      case 'points':
      case 'signed':
      case 'percent': {
        const h = hundredthsOf(raw);
        return h.ok ? h.value : fail(h.message);
      }
      case 'int': {
        const n = integerOf(raw);
        return n.ok ? n.value : fail(n.message);
      }
      case 'bool': {
        const b = booleanOf(raw);
        return b.ok ? b.value : fail(b.message);
      }
      case 'list': {
        const items = splitList(text);
        items.forEach((t, i) => this.places.set(`${path}[${i}]`, r.place(key)));
        return items;
      }
      case 'lines':
        return text.split(/\r?\n/u).map((l) => l.trim()).filter((l) => l !== '');
      case 'raw':
        return typeof raw === 'number' ? String(raw) : text;
      default:
        return text;
    }
  }

  use(r: GridRow, key: string): void {
    let s = this.used.get(r);
    if (!s) this.used.set(r, (s = new Set()));
    s.add(key);
  }

  /** Cells filled in but not used by what the row is: reported, never silently dropped. */
  leftovers(r: GridRow, what: string): void {
    const used = this.used.get(r) ?? new Set();
    for (const k of r.filled()) if (!used.has(k)) this.places.issue(r.place(k), `Ô này không dùng cho ${what}: để trống hoặc kiểm tra lại cấp, quy tắc.`);
  }
}

/** Set `obj[k] = v` unless v is undefined (an absent key stays absent: same hash). */
export function put(obj: Obj, k: string, v: unknown): void {
  if (v !== undefined) obj[k] = v;
}

export interface RuleRowsIndex {
  take(item: string, variant: string): GridRow[];
  rest(): GridRow[];
}

export function indexRuleRows(g: Grid): RuleRowsIndex {
  const by = new Map<string, GridRow[]>();
  for (const r of g.rows) {
    const k = `${r.text('item') ?? ''}\u0000${listKey(r.text('variant'))}`;
    by.set(k, [...(by.get(k) ?? []), r]);
  }
  return {
    take(item, variant) {
      const k = `${item}\u0000${variant}`;
      const rows = by.get(k) ?? [];
      by.delete(k);
      return rows;
    },
    rest: () => [...by.values()].flat(),
  };
}

export function readRule(rd: Reader, r: GridRow, path: string, ruleRows: RuleRowsIndex, item: string, variant: string): Obj | undefined {
  const typeText = rd.value(r, 'rule', `${path}.rule`, 'text') as string | undefined;
  rd.places.set(`${path}.rule.type`, r.place('rule'));
  if (typeText === undefined) return undefined;
  const type = typeText as RuleType;
  const rule: Obj = { type: typeText };
  const params = Object.hasOwn(RULE_PARAMS, type) ? RULE_PARAMS[type] : [];
  for (const p of params) put(rule, p.key, rd.value(r, p.column, `${path}.rule.${p.key}`, p.kind));
  const part = Object.hasOwn(RULE_LIST, type) ? RULE_LIST[type] : undefined;
  const rows = ruleRows.take(item, variant);
  if (part) {
    const list: Obj[] = [];
    const listPath = `${path}.rule.${part.key}`;
    rd.places.set(listPath, r.place('rule'));
    for (const lr of rows) {
      rd.use(lr, 'item');
      rd.use(lr, 'variant');
      rd.use(lr, 'kind');
      const kind = levelOf(RULE_ROW_KINDS, lr.text('kind'));
      if (kind !== part.kind) {
        rd.places.issue(lr.place('kind'), `Quy tắc ${type} của ${item} dùng dòng "${RULE_ROW_KINDS[part.kind]}", không dùng "${lr.text('kind') ?? ''}".`);
        continue;
      }
      const at = `${listPath}[${list.length}]`;
      rd.places.set(at, lr.place('kind'));
      const o: Obj = {};
      if (kind === 'level') {
        put(o, 'id', rd.value(lr, 'id', `${at}.id`, 'text'));
        put(o, 'label', rd.value(lr, 'label', `${at}.label`, 'text'));
        put(o, 'points', rd.value(lr, 'points', `${at}.points`, 'signed'));
      } else if (kind === 'band') {
        put(o, 'minPercent', rd.value(lr, 'minPercent', `${at}.minPercent`, 'percent'));
        put(o, 'points', rd.value(lr, 'points', `${at}.points`, 'signed'));
      } else {
        put(o, 'name', rd.value(lr, 'id', `${at}.name`, 'text'));
        put(o, 'label', rd.value(lr, 'label', `${at}.label`, 'text'));
        put(o, 'kind', rd.value(lr, 'inputKind', `${at}.kind`, 'text'));
      }
      rd.leftovers(lr, `dòng ${RULE_ROW_KINDS[kind]}`);
      list.push(o);
    }
    rule[part.key] = list;
  } else {
    for (const lr of rows) rd.places.issue(lr.place('kind'), `Quy tắc ${type} của ${item} không có mức, khoảng hay biến: xóa dòng này hoặc đổi quy tắc.`);
  }
  return rule;
}
