/**
 * The report's input gathered from the store: every commune of the roster in scope (active ones,
 * and any other that sent a package for the year), its newest accepted package as the
 * self-assessed basis (the scores recomputed here, never the declared ones), the appraisal through
 * `appraisalSource`, receipt against the year's deadline, and last year: the unit's own previous
 * year when the database holds packages for it, else the published results imported for it.
 */
import type { Framework } from '../../../shared/framework/schema';
import { roundingOf } from '../../../shared/framework/rounding';
import { frameworkFor } from '../../../shared/framework/unit-types';
import type { ReportTotals } from '../../../shared/package/envelope';
import type { CommuneRow, CommuneType, GroupOn, LastYear, ReportInput, RoundingRule } from '../../../shared/report/report';
import { COMMUNE_TYPES } from '../../../shared/report/report';
import type { Db } from '../../kernel/db/open';
import { frameworkJson } from '../framework/framework-repo';
import { deadlineFor } from '../import/received-repo';
import { vietnamDay } from '../../../shared/calendar-date';
import { identityFrameworkRef } from '../setup/identity-repo';
import { appraisalSource as defaultSource, type AppraisalSource } from './appraisal-source';
import { hasPackages, historyRows, latestItems, latestPackages, rosterCommunes, type LatestPackage } from './report-repo';

export type LastYearSource = 'database' | 'imported' | null;

export interface ReportData {
  year: number;
  input: ReportInput;
  rounding: RoundingRule;
  groupOn: GroupOn;
  deadline: string | null;
  lastYearSource: LastYearSource;
  /** The framework the report's bands and titles come from (id, version, title). */
  framework: { id: string; version: string; title: string } | null;
}

interface FrameworkFacts {
  framework: Framework;
  /** Item maxima as the recomputation scores them (the framework's first unit type). */
  itemMax: Map<string, number>;
  itemField: Map<string, string>;
}

function frameworkCache(db: Db): (ref: number) => FrameworkFacts | null {
  const byRef = new Map<number, FrameworkFacts | null>();
  return (ref) => {
    if (byRef.has(ref)) return byRef.get(ref)!;
    const json = frameworkJson(db, ref);
    let facts: FrameworkFacts | null = null;
    if (json !== null) {
      const framework = JSON.parse(json) as Framework;
      const scored = frameworkFor(framework).framework;
      const itemMax = new Map<string, number>();
      const itemField = new Map<string, string>();
      for (const f of scored.fields) for (const c of f.criteria) for (const i of c.items) {
        itemMax.set(i.code, i.maxPoints);
        itemField.set(i.code, f.code);
      }
      facts = { framework, itemMax, itemField };
    }
    byRef.set(ref, facts);
    return facts;
  };
}

const isType = (t: string): t is CommuneType => (COMMUNE_TYPES as readonly string[]).includes(t);
const clamp = (n: number, max: number): number => Math.min(Math.max(n, 0), max);

function targetForms(framework: Framework, type: CommuneType): number | null {
  const supported = (framework.unitTypes as readonly string[]).includes(type);
  const resolved = frameworkFor(framework, supported ? (type as Framework['unitTypes'][number]) : null).framework;
  return resolved.survey?.targetForms ?? null;
}

/** The most common framework among the year's packages, else the one in force. */
function reportFrameworkRef(db: Db, packages: readonly LatestPackage[]): number | null {
  const counts = new Map<number, number>();
  for (const p of packages) counts.set(p.frameworkRef, (counts.get(p.frameworkRef) ?? 0) + 1);
  let best: number | null = null;
  for (const [ref, n] of counts) if (best === null || n > counts.get(best)! || (n === counts.get(best)! && ref > best)) best = ref;
  return best ?? identityFrameworkRef(db).ref;
}

interface YearRows {
  rows: CommuneRow[];
  facts: FrameworkFacts | null;
}

function communeRows(db: Db, year: number, source: AppraisalSource): YearRows {
  const packages = latestPackages(db, year);
  const load = frameworkCache(db);
  const ref = reportFrameworkRef(db, packages);
  const facts = ref === null ? null : load(ref);
  const byCommune = new Map(packages.map((p) => [p.communeCode, p]));
  const itemsByPackage = latestItems(db, year);
  const rows: CommuneRow[] = [];
  for (const c of rosterCommunes(db)) {
    const pkg = byCommune.get(c.code);
    if (!c.active && !pkg) continue;
    if (!isType(c.type)) continue;
    if (!pkg) {
      rows.push({ code: c.code, name: c.name, type: c.type, appraisedIndex: null, selfIndex: null, receivedOn: null });
      continue;
    }
    const pkgFacts = load(pkg.frameworkRef);
    const totals = JSON.parse(pkg.totalsJson) as ReportTotals;
    const net = Math.max(0, totals.total.points + totals.bonus - totals.penalty);
    const selfExact = totals.total.applicableMax > 0 ? { points: net, max: totals.total.applicableMax } : null;
    const appraisal = source(db, c.code, year, { totals, framework: pkgFacts?.framework });
    const items: { code: string; points: number; max: number }[] = [];
    for (const [code, points, notApplicable] of itemsByPackage.get(pkg.id) ?? []) {
      const max = pkgFacts?.itemMax.get(code);
      if (max === undefined || notApplicable === 1) continue;
      // An item's own points may go below 0 (a deduction inside its field); "points lost" counts up to the item's maximum.
      items.push({ code, points: clamp(appraisal?.items.get(code) ?? points, max), max });
    }
    const fields = totals.fields.map((f) => ({ code: f.code, points: clamp(appraisal?.fields.get(f.code) ?? f.points, f.applicableMax), max: f.applicableMax }));
    const target = pkgFacts ? targetForms(pkgFacts.framework, c.type) : null;
    rows.push({
      code: c.code,
      name: c.name,
      type: c.type,
      selfIndex: pkg.indexPercent,
      selfExact,
      appraisedIndex: appraisal ? appraisal.indexPercent : pkg.indexPercent,
      appraisedExact: appraisal ? (appraisal.max > 0 ? { points: appraisal.net, max: appraisal.max } : null) : selfExact,
      itemsAtSelfScore: appraisal ? appraisal.itemsAtSelfScore : items.length,
      fields,
      items,
      survey: totals.survey.applicableMax > 0 ? { points: clamp(totals.survey.points, totals.survey.applicableMax), max: totals.survey.applicableMax } : null,
      forms: target === null ? null : { collected: pkg.forms, target },
      receivedOn: vietnamDay(pkg.firstReceivedAt),
    });
  }
  return { rows, facts };
}

function lastYearOf(db: Db, year: number, source: AppraisalSource): { lastYear: LastYear | null; from: LastYearSource } {
  const previous = year - 1;
  if (hasPackages(db, previous)) {
    const { rows } = communeRows(db, previous, source);
    return {
      lastYear: { year: previous, rows: rows.filter((r) => r.selfIndex !== null || r.appraisedIndex !== null).map((r) => ({ code: r.code, name: r.name, index: r.appraisedIndex ?? r.selfIndex, type: r.type })) },
      from: 'database',
    };
  }
  const published = historyRows(db, previous);
  if (published.length === 0) return { lastYear: null, from: null };
  return { lastYear: { year: previous, rows: published.map((r) => ({ code: r.code, name: r.name, index: r.index, group: r.group })) }, from: 'imported' };
}

/** Everything the report of a year is computed from, read in one pass over the store. */
export function reportData(db: Db, year: number, source: AppraisalSource = defaultSource): ReportData {
  const { rows, facts } = communeRows(db, year, source);
  const { lastYear, from } = lastYearOf(db, year, source);
  const fw = facts?.framework;
  const fieldTitles: Record<string, string> = {};
  const itemTitles: Record<string, string> = {};
  if (fw) {
    for (const f of fw.fields) {
      fieldTitles[f.code] = f.title;
      for (const c of f.criteria) for (const i of c.items) itemTitles[i.code] = i.title;
    }
  }
  const rounding = fw ? roundingOf(fw) : { index: 'half-up' as const, groupOn: 'rounded' as const };
  return {
    year,
    input: { communes: rows, bands: fw?.groups ?? [], lastYear, fieldTitles, itemTitles },
    rounding: rounding.index,
    groupOn: rounding.groupOn,
    deadline: deadlineFor(db, year),
    lastYearSource: from,
    framework: fw ? { id: fw.id, version: fw.version, title: fw.title } : null,
  };
}
