/**
 * The report's input read straight from the reviewing unit's database, for the demo until
 * `chiso report` (the ranking use case) is on this branch: the roster, the newest accepted
 * package of each commune for the year (the index the council recomputed from it, per field
 * and per item), questionnaires and the day the first package arrived, plus last year's
 * published results. No appraisal exists yet, so the ranking is on the self-assessed index
 * (basis 'self'), as the council would see it before appraising.
 */
import Database from 'better-sqlite3';
import type { CommuneRow, CommuneType, GroupBand, PointsOf, ReportInput } from '../../shared/report/types';
import type { DemoProvince } from './province';

interface Framework {
  groups: GroupBand[];
  fields: { code: string; title: string; criteria: { items: { code: string; title: string; maxPoints: number }[] }[] }[];
}

interface Totals {
  survey: { points: number; max: number; applicableMax: number };
  fields: { code: string; points: number; max: number; applicableMax: number }[];
}

/** The calendar day (YYYY-MM-DD) of an instant in Vietnam (UTC+7). */
function vietnamDay(iso: string): string {
  return new Date(Date.parse(iso) + 7 * 3600 * 1000).toISOString().slice(0, 10);
}

export function reportInputFromDb(dbPath: string, framework: Framework, province: DemoProvince, target = 20): ReportInput {
  const db = new Database(dbPath, { readonly: true, fileMustExist: true });
  try {
    const items = framework.fields.flatMap((f) => f.criteria.flatMap((c) => c.items));
    const itemMax = new Map(items.map((i) => [i.code, i.maxPoints]));
    const roster = db.prepare('SELECT code, name, type FROM communes WHERE active = 1 ORDER BY code').all() as { code: string; name: string; type: CommuneType }[];
    const newest = db.prepare(
      `SELECT id, recomputed_index_percent AS idx, recomputed_totals_json AS totals, forms,
              (SELECT MIN(received_at) FROM received_packages f WHERE f.commune_code = p.commune_code AND f.year = p.year) AS first
         FROM received_packages p WHERE commune_code = ? AND year = ? ORDER BY revision DESC LIMIT 1`,
    );
    const itemRows = db.prepare("SELECT item_code AS code, recomputed_points AS points FROM received_items WHERE package_ref = ? AND kind = 'item' AND not_applicable = 0 AND recomputed_points IS NOT NULL");
    const communes: CommuneRow[] = roster.map((c) => {
      const p = newest.get(c.code, province.year) as { id: number; idx: number | null; totals: string; forms: number; first: string } | undefined;
      if (!p) return { code: c.code, name: c.name, type: c.type, appraisedIndex: null, selfIndex: null, receivedOn: null };
      const totals = JSON.parse(p.totals) as Totals;
      const fields: PointsOf[] = totals.fields.filter((f) => f.applicableMax > 0).map((f) => ({ code: f.code, points: Math.max(0, f.points), max: f.applicableMax }));
      const its = (itemRows.all(p.id) as { code: string; points: number }[]).flatMap((i) => {
        const max = itemMax.get(i.code);
        return max === undefined ? [] : [{ code: i.code, points: Math.min(Math.max(0, i.points), max), max }];
      });
      return {
        code: c.code,
        name: c.name,
        type: c.type,
        appraisedIndex: null,
        selfIndex: p.idx,
        fields,
        items: its,
        survey: totals.survey.applicableMax > 0 ? { points: totals.survey.points, max: totals.survey.applicableMax } : null,
        forms: { collected: p.forms, target },
        receivedOn: vietnamDay(p.first),
      };
    });
    return {
      communes,
      bands: framework.groups,
      lastYear: { year: province.year - 1, rows: province.communes.flatMap((c) => (c.lastYear ? [{ code: c.code, name: c.lastYear.name, index: c.lastYear.index }] : [])) },
      fieldTitles: Object.fromEntries(framework.fields.map((f) => [f.code, f.title])),
      itemTitles: Object.fromEntries(items.map((i) => [i.code, i.title])),
    };
  } finally {
    db.close();
  }
}
