/**
 * Reading one sheet by its headers, and remembering which cell every JSON path came from, so a
 * problem the validator finds at "fields[2].criteria[0].items[3].maxPoints" is shown as
 * "Cấu trúc, dòng 14, cột E (Điểm tối đa)".
 */
import type { CellValue, ColumnSpec, SheetData, SheetKey } from './layout';
import { COLUMNS, SHEET, cellText, columnLetter, word } from './layout';

export interface CellPlace {
  sheet: string;
  /** 1-based, as Excel shows it. */
  row: number;
  /** Excel's letter ("E"); the header says what it holds. */
  column: string;
  header: string;
}

export interface SheetIssue extends CellPlace {
  /** The JSON path the problem concerns, when there is one. */
  path: string | null;
  message: string;
}

export class Places {
  readonly issues: SheetIssue[] = [];
  private readonly byPath = new Map<string, CellPlace>();
  private readonly reported = new Set<string>();

  set(path: string, place: CellPlace): void {
    if (!this.byPath.has(path)) this.byPath.set(path, place);
  }

  issue(place: CellPlace, message: string, path: string | null = null): void {
    this.issues.push({ ...place, path, message });
    if (path !== null) this.reported.add(path);
  }

  wasReported(path: string): boolean {
    return this.reported.has(path);
  }

  /** The cell a path came from: the path itself, or the nearest enclosing path that has one. */
  placeOf(path: string, fallback: CellPlace): CellPlace {
    let p = path;
    for (;;) {
      const found = this.byPath.get(p);
      if (found) return found;
      const cut = Math.max(p.lastIndexOf('.'), p.lastIndexOf('['));
      if (cut <= 0) return this.byPath.get('') ?? fallback;
      p = p.slice(0, cut);
    }
  }
}

export interface GridRow {
  /** 1-based row number. */
  row: number;
  get(key: string): CellValue;
  text(key: string): string | null;
  place(key: string): CellPlace;
  /** Keys of the non-blank cells of this row. */
  filled(): string[];
}

export interface Grid {
  name: string;
  present: boolean;
  header: CellPlace;
  rows: GridRow[];
}

/** The sheet `key` from the workbook, its columns found by header; missing ones reported. */
export function grid(sheets: SheetData[], key: Exclude<SheetKey, 'guide'>, places: Places, required: boolean): Grid {
  const name = SHEET[key];
  const cols: ColumnSpec[] = COLUMNS[key];
  const sheet = sheets.find((s) => word(s.name) === word(name));
  const header: CellPlace = { sheet: name, row: 1, column: 'A', header: cols[0]!.header };
  if (!sheet) {
    if (required) places.issue(header, `Thiếu trang "${name}".`);
    return { name, present: false, header, rows: [] };
  }
  const head = sheet.rows[0] ?? [];
  const index = new Map<string, number>();
  for (const c of cols) {
    const at = head.findIndex((h) => cellText(h) !== null && word(cellText(h)!) === word(c.header));
    if (at >= 0) index.set(c.key, at);
    else places.issue({ ...header, column: columnLetter(head.length) }, `Trang "${name}" thiếu cột "${c.header}".`);
  }
  const headerOf = new Map(cols.map((c) => [c.key, c.header]));
  const rows: GridRow[] = [];
  sheet.rows.forEach((cells, i) => {
    if (i === 0) return;
    const get = (k: string): CellValue => {
      const at = index.get(k);
      return at === undefined ? null : (cells[at] ?? null);
    };
    const filled = [...index.keys()].filter((k) => cellText(get(k)) !== null);
    if (filled.length === 0) return;
    rows.push({
      row: i + 1,
      get,
      text: (k) => cellText(get(k)),
      place: (k) => ({ sheet: name, row: i + 1, column: columnLetter(index.get(k) ?? 0), header: headerOf.get(k) ?? k }),
      filled: () => filled,
    });
  });
  return { name, present: true, header, rows };
}

/** "Cấu trúc, dòng 14, cột E (Điểm tối đa)". */
export function describePlace(p: CellPlace): string {
  return `${p.sheet}, dòng ${p.row}, cột ${p.column} (${p.header})`;
}
