/**
 * Spreadsheet rows (layout.ts) → the framework JSON → parseFramework, the one validator. Every
 * problem, whether the reader finds it (a word that is not a level, "3,7x" in a points column,
 * a cell a row does not use) or the validator does (sums, bands, weights, survey wiring), is
 * reported at its sheet, row and column.
 */
import type { Framework } from '../schema';
import { parseFramework } from '../validate';
import type { CellPlace, Grid, GridRow, Places, SheetIssue } from './grid';
import type { SheetData } from './layout';
import { INFO_ROWS, RESPONDENT, SHEET, TREE_LEVELS, VARIANT_LEVELS, word } from './layout';
import type { Obj } from './read-cells';
import { Reader, indexRuleRows, levelOf, listKey, put, readRule, splitList } from './read-cells';

export type ParseSheetsResult = { ok: true; framework: Framework } | { ok: false; issues: SheetIssue[] };

const SHEET_ORDER = Object.values(SHEET) as string[];

export function readFrameworkSheets(sheets: SheetData[]): { json: Obj; places: Places } {
  const rd = new Reader(sheets);
  const P = rd.places;
  const json: Obj = { schemaVersion: 1 };

  // ---- Thông tin
  const info = rd.grid('info', true);
  P.set('', info.header);
  const seenKeys = new Set<string>();
  for (const r of info.rows) {
    rd.use(r, 'label');
    const key = rd.value(r, 'key', '', 'text') as string | undefined;
    const spec = INFO_ROWS.find((s) => s.key === key);
    if (!spec) {
      P.issue(r.place('key'), key === undefined ? 'Thiếu khóa ở cột "Khóa".' : `Khóa "${key}" không có trong định dạng.`);
      continue;
    }
    if (seenKeys.has(spec.key)) {
      P.issue(r.place('key'), `Khóa "${spec.key}" đã có ở một dòng phía trên.`);
      continue;
    }
    seenKeys.add(spec.key);
    const v = rd.value(r, 'value', spec.key, spec.kind);
    if (v === undefined) continue;
    const parts = spec.key.split('.');
    let at = json;
    for (const part of parts.slice(0, -1)) at = (at[part] ??= {}) as Obj;
    put(at, parts.at(-1)!, v);
    rd.leftovers(r, 'dòng thông tin');
  }

  // ---- Cấu trúc
  const tree = rd.grid('tree', true);
  const rulesGrid = rd.grid('ruleRows', false);
  const ruleRows = indexRuleRows(rulesGrid);
  P.set('fields', tree.header);
  P.set('adjustments', tree.header);
  const fields: Obj[] = [];
  const adjustments: Obj[] = [];
  const nodes = { field: new Map<string, [Obj, string]>(), criterion: new Map<string, [Obj, string]>(), item: new Map<string, [Obj, string]>() };
  let field: { obj: Obj; path: string } | null = null;
  let criterion: { obj: Obj; path: string } | null = null;
  for (const r of tree.rows) {
    rd.use(r, 'level');
    const level = levelOf(TREE_LEVELS, r.text('level'));
    if (level === null) {
      P.issue(r.place('level'), `Cấp "${r.text('level') ?? ''}" không hợp lệ: ghi ${Object.values(TREE_LEVELS).join(', ')}.`);
      continue;
    }
    const common = (obj: Obj, path: string): void => {
      P.set(path, r.place('code'));
      put(obj, 'code', rd.value(r, 'code', `${path}.code`, 'text'));
      put(obj, 'numbering', rd.value(r, 'numbering', `${path}.numbering`, 'text'));
      put(obj, 'title', rd.value(r, 'title', `${path}.title`, 'text'));
    };
    const code = r.text('code') ?? '';
    if (level === 'field') {
      const path = `fields[${fields.length}]`;
      const obj: Obj = {};
      common(obj, path);
      put(obj, 'maxPoints', rd.value(r, 'maxPoints', `${path}.maxPoints`, 'points'));
      put(obj, 'floor', rd.value(r, 'floor', `${path}.floor`, 'signed'));
      obj['criteria'] = [];
      P.set(`${path}.criteria`, r.place('level'));
      put(obj, 'unitTypes', rd.value(r, 'unitTypes', `${path}.unitTypes`, 'list'));
      fields.push(obj);
      nodes.field.set(code, [obj, path]);
      field = { obj, path };
      criterion = null;
      rd.leftovers(r, 'lĩnh vực');
    } else if (level === 'criterion') {
      if (!field) {
        P.issue(r.place('level'), 'Tiêu chí phải nằm dưới một dòng Lĩnh vực.');
        continue;
      }
      const list = field.obj['criteria'] as Obj[];
      const path = `${field.path}.criteria[${list.length}]`;
      const obj: Obj = {};
      common(obj, path);
      put(obj, 'maxPoints', rd.value(r, 'maxPoints', `${path}.maxPoints`, 'points'));
      put(obj, 'floor', rd.value(r, 'floor', `${path}.floor`, 'signed'));
      put(obj, 'notApplicable', rd.value(r, 'notApplicable', `${path}.notApplicable`, 'text'));
      put(obj, 'notApplicablePoints', rd.value(r, 'notApplicablePoints', `${path}.notApplicablePoints`, 'points'));
      put(obj, 'notApplicableWhen', rd.value(r, 'notApplicableWhen', `${path}.notApplicableWhen`, 'text'));
      obj['items'] = [];
      P.set(`${path}.items`, r.place('level'));
      put(obj, 'unitTypes', rd.value(r, 'unitTypes', `${path}.unitTypes`, 'list'));
      list.push(obj);
      nodes.criterion.set(code, [obj, path]);
      criterion = { obj, path };
      rd.leftovers(r, 'tiêu chí');
    } else if (level === 'item') {
      if (!criterion) {
        P.issue(r.place('level'), 'Thành phần phải nằm dưới một dòng Tiêu chí (tiêu chí chấm trực tiếp: một dòng Tiêu chí và một dòng Thành phần cùng mã).');
        continue;
      }
      const list = criterion.obj['items'] as Obj[];
      const path = `${criterion.path}.items[${list.length}]`;
      const obj: Obj = {};
      common(obj, path);
      put(obj, 'scoringText', rd.value(r, 'scoringText', `${path}.scoringText`, 'text'));
      put(obj, 'maxPoints', rd.value(r, 'maxPoints', `${path}.maxPoints`, 'points'));
      put(obj, 'rule', readRule(rd, r, path, ruleRows, code, ''));
      obj['evidence'] = rd.value(r, 'evidence', `${path}.evidence`, 'lines') ?? [];
      put(obj, 'notApplicable', rd.value(r, 'notApplicable', `${path}.notApplicable`, 'text'));
      put(obj, 'notApplicablePoints', rd.value(r, 'notApplicablePoints', `${path}.notApplicablePoints`, 'points'));
      put(obj, 'required', rd.value(r, 'required', `${path}.required`, 'bool'));
      put(obj, 'unitTypes', rd.value(r, 'unitTypes', `${path}.unitTypes`, 'list'));
      list.push(obj);
      nodes.item.set(code, [obj, path]);
      rd.leftovers(r, `thành phần${obj['rule'] ? ` (quy tắc ${String((obj['rule'] as Obj)['type'])})` : ''}`);
    } else {
      const path = `adjustments[${adjustments.length}]`;
      const obj: Obj = { kind: level };
      common(obj, path);
      P.set(`${path}.kind`, r.place('level'));
      put(obj, 'scoringText', rd.value(r, 'scoringText', `${path}.scoringText`, 'text'));
      put(obj, 'cap', rd.value(r, 'maxPoints', `${path}.cap`, 'points'));
      put(obj, 'rule', readRule(rd, r, path, ruleRows, code, ''));
      obj['evidence'] = rd.value(r, 'evidence', `${path}.evidence`, 'lines') ?? [];
      adjustments.push(obj);
      rd.leftovers(r, level === 'bonus' ? 'điểm thưởng' : 'điểm trừ');
    }
  }
  json['fields'] = fields;
  if (adjustments.length > 0) json['adjustments'] = adjustments;

  // ---- Nhóm
  const groupsGrid = rd.grid('groups', true);
  P.set('groups', groupsGrid.header);
  const groups: Obj[] = [];
  const variantGroups = new Map<string, GridRow[]>();
  for (const r of groupsGrid.rows) {
    const v = listKey(r.text('variant'));
    rd.use(r, 'variant');
    if (v !== '') {
      variantGroups.set(v, [...(variantGroups.get(v) ?? []), r]);
      continue;
    }
    groups.push(readGroup(rd, r, `groups[${groups.length}]`));
  }
  json['groups'] = groups;

  // ---- Phiếu khảo sát
  const surveyGrid = rd.grid('survey', false);
  if (surveyGrid.rows.length > 0) readSurvey(rd, surveyGrid, (json['survey'] ??= {}) as Obj);
  else if (json['survey'] !== undefined) {
    const s = json['survey'] as Obj;
    s['respondentFacts'] = [];
    s['sections'] = [];
  }
  P.set('survey', surveyGrid.present ? surveyGrid.header : info.header);

  // ---- Biến thể
  const variantsGrid = rd.grid('variants', false);
  P.set('variants', variantsGrid.header);
  const top: Obj[] = [];
  for (const r of variantsGrid.rows) {
    rd.use(r, 'level');
    const level = levelOf(VARIANT_LEVELS, r.text('level'));
    if (level === null) {
      P.issue(r.place('level'), `Cấp "${r.text('level') ?? ''}" không hợp lệ: ghi ${Object.values(VARIANT_LEVELS).join(', ')}.`);
      continue;
    }
    const types = listKey(r.text('unitTypes'));
    let owner: Obj;
    let path: string;
    if (level === 'framework') {
      owner = json;
      path = `variants[${top.length}]`;
    } else if (level === 'survey') {
      if (json['survey'] === undefined) {
        P.issue(r.place('level'), 'Có biến thể phiếu khảo sát nhưng bộ tiêu chí chưa có phiếu khảo sát.');
        continue;
      }
      owner = json['survey'] as Obj;
      const n = ((owner['variants'] as Obj[] | undefined) ?? []).length;
      path = `survey.variants[${n}]`;
    } else {
      rd.use(r, 'code');
      const found = nodes[level].get(r.text('code') ?? '');
      if (!found) {
        P.issue(r.place('code'), `Không có ${VARIANT_LEVELS[level].toLocaleLowerCase('vi')} mã "${r.text('code') ?? ''}" ở trang ${SHEET.tree}.`);
        continue;
      }
      [owner] = found;
      path = `${found[1]}.variants[${((owner['variants'] as Obj[] | undefined) ?? []).length}]`;
    }
    const v: Obj = {};
    P.set(path, r.place('unitTypes'));
    put(v, 'unitTypes', rd.value(r, 'unitTypes', `${path}.unitTypes`, 'list') ?? []);
    if (level === 'framework') {
      put(v, 'totalMax', rd.value(r, 'maxPoints', `${path}.totalMax`, 'points'));
      const rows = variantGroups.get(types);
      variantGroups.delete(types);
      if (rows) v['groups'] = rows.map((g, k) => readGroup(rd, g, `${path}.groups[${k}]`));
      top.push(v);
    } else if (level === 'survey') {
      put(v, 'targetForms', rd.value(r, 'targetForms', `${path}.targetForms`, 'int'));
      put(v, 'minForms', rd.value(r, 'minForms', `${path}.minForms`, 'int'));
    } else {
      put(v, 'maxPoints', rd.value(r, 'maxPoints', `${path}.maxPoints`, 'points'));
      if (level !== 'item') put(v, 'floor', rd.value(r, 'floor', `${path}.floor`, 'signed'));
      if (level === 'criterion') put(v, 'notApplicablePoints', rd.value(r, 'notApplicablePoints', `${path}.notApplicablePoints`, 'points'));
      if (level === 'item') {
        put(v, 'rule', readRule(rd, r, path, ruleRows, r.text('code') ?? '', types));
        put(v, 'scoringText', rd.value(r, 'scoringText', `${path}.scoringText`, 'text'));
        put(v, 'notApplicable', rd.value(r, 'notApplicable', `${path}.notApplicable`, 'text'));
        put(v, 'notApplicablePoints', rd.value(r, 'notApplicablePoints', `${path}.notApplicablePoints`, 'points'));
      }
    }
    if (level !== 'framework') owner['variants'] = [...((owner['variants'] as Obj[] | undefined) ?? []), v];
    rd.leftovers(r, `biến thể ${VARIANT_LEVELS[level].toLocaleLowerCase('vi')}`);
  }
  // Group rows naming unit types with no "Bộ tiêu chí" variant row: that row is implied.
  for (const [types, rows] of variantGroups) {
    const path = `variants[${top.length}]`;
    P.set(path, rows[0]!.place('variant'));
    top.push({ unitTypes: splitList(types), groups: rows.map((g, k) => readGroup(rd, g, `${path}.groups[${k}]`)) });
  }
  if (top.length > 0) json['variants'] = top;

  for (const r of ruleRows.rest()) {
    P.issue(r.place('item'), `Không có thành phần mã "${r.text('item') ?? ''}"${r.text('variant') ? ` với biến thể "${r.text('variant') ?? ''}"` : ''} dùng dòng này.`);
  }
  return { json, places: P };
}

function readGroup(rd: Reader, r: GridRow, path: string): Obj {
  const o: Obj = {};
  rd.places.set(path, r.place('code'));
  put(o, 'code', rd.value(r, 'code', `${path}.code`, 'text'));
  put(o, 'label', rd.value(r, 'label', `${path}.label`, 'text'));
  put(o, 'minPercent', rd.value(r, 'minPercent', `${path}.minPercent`, 'percent'));
  rd.leftovers(r, 'nhóm');
  return o;
}

function readSurvey(rd: Reader, g: Grid, survey: Obj): void {
  const P = rd.places;
  const facts: Obj[] = [];
  const sections: Obj[] = [];
  let section: { code: string; obj: Obj; path: string } | null = null;
  let question: { obj: Obj; path: string } | null = null;
  P.set('survey.sections', g.header);
  P.set('survey.respondentFacts', g.header);
  for (const r of g.rows) {
    rd.use(r, 'section');
    const sectionText = r.text('section');
    if (r.text('code') !== null) {
      let qPath: string;
      let list: Obj[];
      if (sectionText === null) {
        P.issue(r.place('section'), `Ghi mã phần, hoặc "${RESPONDENT}".`);
        continue;
      }
      if (word(sectionText) === word(RESPONDENT)) {
        list = facts;
        qPath = `survey.respondentFacts[${facts.length}]`;
        section = null;
        rd.use(r, 'sectionTitle');
      } else {
        if (!section || section.code !== sectionText) {
          const path = `survey.sections[${sections.length}]`;
          const obj: Obj = { code: sectionText, questions: [] };
          P.set(path, r.place('section'));
          P.set(`${path}.code`, r.place('section'));
          P.set(`${path}.questions`, r.place('section'));
          sections.push(obj);
          section = { code: sectionText, obj, path };
        }
        if (section.obj['title'] === undefined) put(section.obj, 'title', rd.value(r, 'sectionTitle', `${section.path}.title`, 'text'));
        else rd.use(r, 'sectionTitle');
        list = section.obj['questions'] as Obj[];
        qPath = `${section.path}.questions[${list.length}]`;
      }
      const q: Obj = {};
      P.set(qPath, r.place('code'));
      put(q, 'code', rd.value(r, 'code', `${qPath}.code`, 'text'));
      put(q, 'text', rd.value(r, 'text', `${qPath}.text`, 'text'));
      put(q, 'type', rd.value(r, 'type', `${qPath}.type`, 'text'));
      put(q, 'required', rd.value(r, 'required', `${qPath}.required`, 'bool'));
      put(q, 'feeds', rd.value(r, 'feeds', `${qPath}.feeds`, 'text'));
      P.set(`${qPath}.options`, r.place('value'));
      list.push(q);
      question = { obj: q, path: qPath };
    } else if (sectionText !== null && section?.code !== sectionText && word(sectionText) !== word(RESPONDENT)) {
      P.issue(r.place('code'), 'Thiếu mã câu hỏi.');
      continue;
    }
    if (r.text('value') !== null || r.text('label') !== null || r.text('weight') !== null) {
      if (!question) {
        P.issue(r.place('value'), 'Phương án phải nằm dưới một câu hỏi.');
        continue;
      }
      const options = (question.obj['options'] ??= []) as Obj[];
      const oPath = `${question.path}.options[${options.length}]`;
      P.set(oPath, r.place('value'));
      const o: Obj = {};
      put(o, 'value', rd.value(r, 'value', `${oPath}.value`, 'raw'));
      put(o, 'label', rd.value(r, 'label', `${oPath}.label`, 'text'));
      o['weight'] = rd.value(r, 'weight', `${oPath}.weight`, 'percent') ?? null;
      options.push(o);
    }
    rd.leftovers(r, 'dòng phiếu khảo sát');
  }
  survey['respondentFacts'] = facts;
  survey['sections'] = sections;
}

/** The framework a workbook describes, through parseFramework; every problem placed on a cell. */
export function parseFrameworkSheets(sheets: SheetData[]): ParseSheetsResult {
  const { json, places } = readFrameworkSheets(sheets);
  const fallback: CellPlace = { sheet: SHEET.info, row: 1, column: 'A', header: 'Mục' };
  const parsed = parseFramework(json);
  const issues = [...places.issues];
  if (!parsed.ok) {
    for (const i of parsed.issues) {
      const path = i.path === '(gốc)' ? '' : i.path;
      if (places.wasReported(path)) continue;
      issues.push({ ...places.placeOf(path, fallback), path: i.path, message: i.message });
    }
  }
  if (issues.length === 0 && parsed.ok) return { ok: true, framework: parsed.framework };
  issues.sort((a, b) => SHEET_ORDER.indexOf(a.sheet) - SHEET_ORDER.indexOf(b.sheet) || a.row - b.row || a.column.length - b.column.length || a.column.localeCompare(b.column));
  return { ok: false, issues };
}

