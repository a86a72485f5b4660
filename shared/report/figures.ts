/**
 * The unit's figures for the report, from a ranking: mean and its change, highest and lowest,
 * gap and ratio, group members, per-field averages, where points were lost, survey, forms and
 * receipt. Integers throughout (see arithmetic.ts); O(n + items) after the ranking's sort,
 * plus a sort of the distinct field and item codes.
 */
import { onTimeDay } from '../calendar-date';
import { divRound, sum } from './arithmetic';
import { sortBands } from './ranking';
import type {
  CommuneRef,
  Extreme,
  FieldFigure,
  Figures,
  FormsFigure,
  LostItemFigure,
  RankedCommune,
  Ranking,
  ReportInput,
  SubmissionFigure,
  SurveyFigure,
} from './types';

/** "1" < "2" < "10" < "10.1": codes as the framework prints them. */
const codeOrder = new Intl.Collator('en', { numeric: true });

const ref = (c: RankedCommune): CommuneRef => ({ code: c.code, name: c.name, type: c.type });

interface Tally {
  points: number;
  max: number;
  communes: number;
  losing: number;
}

function tallyBy(ranked: readonly RankedCommune[], pick: (c: RankedCommune) => readonly { code: string; points: number; max: number }[] | undefined): Map<string, Tally> {
  const out = new Map<string, Tally>();
  for (const c of ranked) {
    for (const p of pick(c) ?? []) {
      let t = out.get(p.code);
      if (!t) {
        t = { points: 0, max: 0, communes: 0, losing: 0 };
        out.set(p.code, t);
      }
      t.points += p.points;
      t.max += p.max;
      t.communes += 1;
      if (p.points < p.max) t.losing += 1;
    }
  }
  return out;
}

function lastYearMean(input: ReportInput, ranking: Ranking): { mean: number | null; source: 'published' | 'computed' | null } {
  const last = input.lastYear;
  if (!last) return { mean: null, source: null };
  const types = ranking.options.types;
  // The published mean covers every unit type; with a type filter it is not the same population.
  if (types === null && last.publishedMean !== undefined && last.publishedMean !== null) {
    return { mean: last.publishedMean, source: 'published' };
  }
  const typeNow = new Map(input.communes.map((c) => [c.code, c.type]));
  const indices: number[] = [];
  for (const r of last.rows) {
    if (r.index === null) continue;
    if (types !== null) {
      const t = r.type ?? typeNow.get(r.code);
      if (t === undefined || !types.includes(t)) continue;
    }
    indices.push(r.index);
  }
  if (indices.length === 0) return { mean: null, source: null };
  return { mean: divRound(sum(indices), indices.length, ranking.options.rounding), source: 'computed' };
}

function extremes(ranked: readonly RankedCommune[]): { highest: Extreme | null; lowest: Extreme | null } {
  const first = ranked[0];
  const last = ranked.at(-1);
  if (!first || !last || first.index === null || last.index === null) return { highest: null, lowest: null };
  const top = first.index;
  const bottom = last.index;
  const highTied = ranked.filter((c) => c.index === top).map(ref);
  const lowTied = ranked.filter((c) => c.index === bottom).map(ref);
  const lowFirst = ranked.find((c) => c.index === bottom) as RankedCommune;
  return {
    highest: { ...ref(first), index: top, tied: highTied },
    lowest: { ...ref(lowFirst), index: bottom, tied: lowTied },
  };
}

function surveyFigure(ranked: readonly RankedCommune[], rule: Ranking['options']['rounding']): SurveyFigure | null {
  const with_ = ranked.filter((c) => c.row.survey);
  if (with_.length === 0) return null;
  const points = sum(with_.map((c) => c.row.survey?.points ?? 0));
  const max = sum(with_.map((c) => c.row.survey?.max ?? 0));
  return {
    communes: with_.length,
    points,
    max,
    share: max > 0 ? divRound(points * 10000, max, rule) : null,
    averagePoints: divRound(points, with_.length, rule),
    averageMax: divRound(max, with_.length, rule),
  };
}

function formsFigure(all: readonly RankedCommune[], rule: Ranking['options']['rounding']): FormsFigure | null {
  const with_ = all.filter((c) => c.row.forms);
  if (with_.length === 0) return null;
  const collected = sum(with_.map((c) => c.row.forms?.collected ?? 0));
  const target = sum(with_.map((c) => c.row.forms?.target ?? 0));
  return {
    communes: with_.length,
    collected,
    target,
    share: target > 0 ? divRound(collected * 10000, target, rule) : null,
    belowTarget: with_.filter((c) => (c.row.forms?.collected ?? 0) < (c.row.forms?.target ?? 0)).map((c) => c.code),
  };
}

function submissionFigure(all: readonly RankedCommune[], deadline: string | null): SubmissionFigure | null {
  const tracked = all.filter((c) => c.row.receivedOn !== undefined);
  if (tracked.length === 0) return null;
  const received = tracked.filter((c) => c.row.receivedOn !== null && c.row.receivedOn !== undefined);
  return {
    deadline,
    tracked: tracked.length,
    received: received.length,
    // The one on-time rule (shared/calendar-date.ts): received on the deadline day is on time.
    late: deadline === null ? [] : received.filter((c) => !onTimeDay(c.row.receivedOn as string, deadline)).map((c) => c.code),
    notReceived: tracked.filter((c) => c.row.receivedOn === null).map((c) => c.code),
  };
}

/** Every figure of the report from a ranking made of the same input. */
export function figuresOf(input: ReportInput, ranking: Ranking): Figures {
  const { rounding: rule, topItems } = ranking.options;
  const all = ranking.communes;
  const ranked = all.slice(0, ranking.rankedCount);
  const n = ranked.length;
  const indices = ranked.map((c) => c.index as number);
  const mean = n > 0 ? divRound(sum(indices), n, rule) : null;
  const last = lastYearMean(input, ranking);
  const { highest, lowest } = extremes(ranked);

  const groups = sortBands(input.bands).map((b) => ({ code: b.code, label: b.label, minPercent: b.minPercent, members: [] as string[] }));
  const groupByCode = new Map(groups.map((g) => [g.code, g]));
  const changes = { up: 0, down: 0, same: 0, unknown: 0 };
  for (const c of ranked) {
    if (c.group) groupByCode.get(c.group.code)?.members.push(c.code);
    if (c.change === null) changes.unknown += 1;
    else if (c.change > 0) changes.up += 1;
    else if (c.change < 0) changes.down += 1;
    else changes.same += 1;
  }

  const fieldTally = tallyBy(ranked, (c) => c.row.fields);
  const fields: FieldFigure[] = [...fieldTally.entries()]
    .sort(([a], [b]) => codeOrder.compare(a, b))
    .map(([code, t]) => ({
      code,
      title: input.fieldTitles?.[code] ?? null,
      communes: t.communes,
      averagePoints: divRound(t.points, t.communes, rule),
      averageMax: divRound(t.max, t.communes, rule),
      share: t.max > 0 ? divRound(t.points * 10000, t.max, rule) : null,
    }));

  const lostItems: LostItemFigure[] = [...tallyBy(ranked, (c) => c.row.items).entries()]
    .map(([code, t]) => ({
      code,
      title: input.itemTitles?.[code] ?? null,
      lost: t.max - t.points,
      communesLosing: t.losing,
      communes: t.communes,
      max: t.max,
    }))
    .filter((i) => i.lost > 0)
    .sort((a, b) => b.lost - a.lost || b.communesLosing - a.communesLosing || codeOrder.compare(a.code, b.code))
    .slice(0, topItems);

  const pending = ranked.filter((c) => (c.itemsAtSelfScore ?? 0) > 0);

  return {
    communes: n,
    unranked: all.slice(ranking.rankedCount).map((c) => c.code),
    mean,
    lastYear: input.lastYear?.year ?? null,
    lastYearMean: last.mean,
    lastYearMeanSource: last.source,
    meanChange: mean !== null && last.mean !== null ? mean - last.mean : null,
    highest,
    lowest,
    highestGapToMean: highest && mean !== null ? highest.index - mean : null,
    lowestGapToMean: lowest && mean !== null ? mean - lowest.index : null,
    ratio: highest && lowest && lowest.index > 0 ? divRound(highest.index * 100, lowest.index, rule) : null,
    groups,
    changes,
    fields,
    lostItems,
    survey: surveyFigure(ranked, rule),
    forms: formsFigure(all, rule),
    submissions: submissionFigure(all, ranking.options.deadline),
    pendingAppraisal: { communes: pending.map((c) => c.code), items: sum(pending.map((c) => c.itemsAtSelfScore ?? 0)) },
  };
}
