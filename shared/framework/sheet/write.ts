/**
 * A framework as spreadsheet rows (the layout in layout.ts). Every key of the JSON model lands
 * in a cell, so reading the rows back (read.ts) gives the same framework and the same SHA-256.
 */
import type { Framework, FrameworkGroup, Rule, SurveyQuestion } from '../schema';
import type { CellValue, SheetData, SheetKey } from './layout';
import { COLUMNS, INFO_ROWS, RESPONDENT, RULE_LIST, RULE_PARAMS, RULE_ROW_KINDS, SHEET, TREE_LEVELS, VARIANT_LEVELS, pointsCell, yesNo } from './layout';

type Row = Record<string, CellValue>;

function toRows(sheet: Exclude<SheetKey, 'guide'>, rows: Row[]): SheetData {
  const cols = COLUMNS[sheet];
  return { name: SHEET[sheet], rows: [cols.map((c) => c.header), ...rows.map((r) => cols.map((c) => r[c.key] ?? null))] };
}

const opt = <T>(v: T | undefined, f: (x: T) => CellValue): CellValue => (v === undefined ? null : f(v));
const list = (v: readonly string[] | undefined): CellValue => (v === undefined ? null : v.join(', '));

function get(obj: unknown, dotted: string): unknown {
  let at: unknown = obj;
  for (const k of dotted.split('.')) at = at !== null && typeof at === 'object' && Object.hasOwn(at, k) ? (at as Record<string, unknown>)[k] : undefined;
  return at;
}

/** The rule's type and its scalar keys into `row`; its list part into `ruleRows`. */
function writeRule(rule: Rule, row: Row, ruleRows: Row[], item: string, variant: string | null): void {
  row['rule'] = rule.type;
  for (const p of RULE_PARAMS[rule.type]) {
    const v = (rule as Record<string, unknown>)[p.key];
    if (v === undefined) continue;
    row[p.column] = p.kind === 'points' || p.kind === 'signed' || p.kind === 'percent' ? pointsCell(v as number) : (v as string);
  }
  const part = RULE_LIST[rule.type];
  if (!part) return;
  const base = { item, variant, kind: RULE_ROW_KINDS[part.kind] };
  if (rule.type === 'tiered') for (const l of rule.levels) ruleRows.push({ ...base, id: l.id, label: l.label, points: pointsCell(l.points) });
  if (rule.type === 'bands') for (const b of rule.bands) ruleRows.push({ ...base, minPercent: pointsCell(b.minPercent), points: pointsCell(b.points) });
  if (rule.type === 'formula') for (const i of rule.inputs) ruleRows.push({ ...base, id: i.name, label: i.label, inputKind: i.kind ?? null });
}

function questionRows(section: string, title: string | null, q: SurveyQuestion): Row[] {
  const head: Row = { section, sectionTitle: title, code: q.code, text: q.text, type: q.type, required: yesNo(q.required), feeds: q.feeds ?? null };
  const options = q.options ?? [];
  if (options.length === 0) return [head];
  return options.map((o, i) => ({ ...(i === 0 ? head : {}), value: o.value, label: o.label, weight: o.weight === null ? null : pointsCell(o.weight) }));
}

export function frameworkToSheets(fw: Framework): SheetData[] {
  const info: Row[] = INFO_ROWS.map((r) => {
    const v = get(fw, r.key);
    const value: CellValue =
      v === undefined ? null : r.kind === 'points' ? pointsCell(v as number) : r.kind === 'bool' ? yesNo(v as boolean) : r.kind === 'list' ? list(v as string[]) : (v as string | number);
    return { label: r.label, value, key: r.key };
  });

  const tree: Row[] = [];
  const ruleRows: Row[] = [];
  const variants: Row[] = [];
  const groups: Row[] = fw.groups.map((g) => groupRow(g, null));
  for (const f of fw.fields) {
    tree.push({ level: TREE_LEVELS.field, code: f.code, numbering: f.numbering ?? null, title: f.title, maxPoints: opt(f.maxPoints, pointsCell), floor: opt(f.floor, pointsCell), unitTypes: list(f.unitTypes) });
    for (const v of f.variants ?? []) variants.push({ level: VARIANT_LEVELS.field, code: f.code, unitTypes: list(v.unitTypes), maxPoints: opt(v.maxPoints, pointsCell), floor: opt(v.floor, pointsCell) });
    for (const c of f.criteria) {
      tree.push({
        level: TREE_LEVELS.criterion, code: c.code, numbering: c.numbering ?? null, title: c.title, maxPoints: opt(c.maxPoints, pointsCell), floor: opt(c.floor, pointsCell),
        notApplicable: c.notApplicable ?? null, notApplicablePoints: opt(c.notApplicablePoints, pointsCell), notApplicableWhen: c.notApplicableWhen ?? null, unitTypes: list(c.unitTypes),
      });
      for (const v of c.variants ?? []) {
        variants.push({ level: VARIANT_LEVELS.criterion, code: c.code, unitTypes: list(v.unitTypes), maxPoints: opt(v.maxPoints, pointsCell), floor: opt(v.floor, pointsCell), notApplicablePoints: opt(v.notApplicablePoints, pointsCell) });
      }
      for (const i of c.items) {
        const row: Row = {
          level: TREE_LEVELS.item, code: i.code, numbering: i.numbering ?? null, title: i.title, maxPoints: pointsCell(i.maxPoints), scoringText: i.scoringText,
          evidence: i.evidence.length > 0 ? i.evidence.join('\n') : null, notApplicable: i.notApplicable, notApplicablePoints: opt(i.notApplicablePoints, pointsCell),
          required: yesNo(i.required), unitTypes: list(i.unitTypes),
        };
        writeRule(i.rule, row, ruleRows, i.code, null);
        tree.push(row);
        for (const v of i.variants ?? []) {
          const vr: Row = {
            level: VARIANT_LEVELS.item, code: i.code, unitTypes: list(v.unitTypes), maxPoints: opt(v.maxPoints, pointsCell), scoringText: v.scoringText ?? null,
            notApplicable: v.notApplicable ?? null, notApplicablePoints: opt(v.notApplicablePoints, pointsCell),
          };
          if (v.rule) writeRule(v.rule, vr, ruleRows, i.code, v.unitTypes.join(', '));
          variants.push(vr);
        }
      }
    }
  }
  for (const a of fw.adjustments ?? []) {
    const row: Row = { level: TREE_LEVELS[a.kind], code: a.code, numbering: a.numbering ?? null, title: a.title, maxPoints: pointsCell(a.cap), scoringText: a.scoringText, evidence: a.evidence.length > 0 ? a.evidence.join('\n') : null };
    writeRule(a.rule, row, ruleRows, a.code, null);
    tree.push(row);
  }
  for (const v of fw.variants ?? []) {
    variants.push({ level: VARIANT_LEVELS.framework, unitTypes: list(v.unitTypes), maxPoints: opt(v.totalMax, pointsCell) });
    for (const g of v.groups ?? []) groups.push(groupRow(g, v.unitTypes.join(', ')));
  }
  const survey: Row[] = [];
  if (fw.survey) {
    for (const q of fw.survey.respondentFacts) survey.push(...questionRows(RESPONDENT, null, q));
    for (const s of fw.survey.sections) s.questions.forEach((q, k) => survey.push(...questionRows(s.code, k === 0 ? s.title : null, q)));
    for (const v of fw.survey.variants ?? []) {
      variants.push({ level: VARIANT_LEVELS.survey, unitTypes: list(v.unitTypes), targetForms: v.targetForms ?? null, minForms: v.minForms ?? null });
    }
  }
  return [
    toRows('info', info),
    toRows('tree', tree),
    toRows('ruleRows', ruleRows),
    toRows('groups', groups),
    toRows('survey', survey),
    toRows('variants', variants),
  ];
}

function groupRow(g: FrameworkGroup, variant: string | null): Row {
  return { code: g.code, label: g.label, minPercent: pointsCell(g.minPercent), variant };
}
