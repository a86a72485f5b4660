/**
 * The reviewing unit's appraisal of one commune for one year, in rounds:
 *
 *  round 1  opens on the newest received revision the first time the commune is opened;
 *  the result is exported (signed) to the commune, with comments and requests;
 *  round 2  opens on the newest revision once round 1's result was sent and a newer revision has
 *           been received; round-1 decisions are carried over to the items that did not change
 *           (inputs, points, evidence, explanation, documents) and carried no request;
 *  a round whose result was not sent yet moves onto a newer revision when one arrives, keeping
 *           its decisions on the items that did not change;
 *  lock     approves the result (who, when): refused while any item is still at the self-score;
 *           after it nothing changes.
 *
 * An item not appraised keeps appraised_points NULL: it is never counted as appraised, and every
 * summary says how many items are still at the self-score.
 */
import { AppError } from '../../../shared/errors';
import type { AppraisalItem, AppraisalState, AppraisalSummary, AppraisedScores, ChangeKind, RequestKind } from '../../../shared/appraisal/types';
import { audit } from '../../kernel/audit';
import { isoNow, type ServiceContext } from '../../kernel/context';
import type { Db } from '../../kernel/db/open';
import { receivedFor, rosterEntry } from '../import/received-repo';
import {
  decisionsOf, deleteDecision, exportsOf, insertLock, insertRound, lockOf, repointRound, roundsOf, upsertDecision, type DecisionRow, type RoundRow,
} from './appraisal-repo';
import { diffViews, packageView, type PackageView, type SourceItem } from './package-view';

export interface DecisionInput {
  itemCode: string;
  /** Hundredths; 'self' accepts the self-score; null clears the decision (back to the self-score). Absent: unchanged. */
  points?: number | 'self' | null | undefined;
  comment?: string | null | undefined;
  request?: { kind: RequestKind; text: string } | null | undefined;
}

function requireCommune(db: Db, communeCode: string): string {
  const c = rosterEntry(db, communeCode);
  if (!c) throw new AppError('COMMUNE_NOT_FOUND', `no commune ${communeCode}`, { communeCode });
  return c.name;
}

function openRound(ctx: ServiceContext, communeCode: string, year: number, round: 1 | 2, packageRef: number): void {
  insertRound(ctx.db, { communeCode, year, round, packageRef, openedAt: isoNow(ctx), openedBy: ctx.actor() });
  audit(ctx, 'appraisal.round', 'appraisal', `${communeCode}/${year}`, null, { round, packageRef });
}

/** Round 2's carry-over: round-1 decisions on items unchanged between the two revisions and not under a request. */
function carryOver(ctx: ServiceContext, communeCode: string, year: number, from: PackageView, to: PackageView): number {
  const changed = new Set(diffViews(from, to).map((c) => c.code));
  const decided = decisionsOf(ctx.db, communeCode, year, 1);
  let carried = 0;
  for (const item of to.items) {
    const d = decided.get(item.code);
    if (!d || d.appraisedPoints === null || d.request !== null || changed.has(item.code)) continue;
    upsertDecision(ctx.db, { communeCode, year, round: 2 }, { ...d, requestKind: null, request: null, carriedFrom: 1, updatedAt: isoNow(ctx) });
    carried++;
  }
  return carried;
}

/**
 * The current round, opening round 1 (first time) or round 2 (round 1 sent, a newer revision
 * received, not locked) as the rules say. Call inside a transaction.
 */
export function currentRound(ctx: ServiceContext, communeCode: string, year: number): RoundRow {
  requireCommune(ctx.db, communeCode);
  const newest = receivedFor(ctx.db, communeCode, year)[0];
  if (!newest) throw new AppError('APPRAISAL_NOTHING_RECEIVED', `nothing received from ${communeCode} for ${year}`, { communeCode, year });
  let rounds = roundsOf(ctx.db, communeCode, year);
  if (rounds.length === 0) {
    openRound(ctx, communeCode, year, 1, newest.id);
    rounds = roundsOf(ctx.db, communeCode, year);
  } else {
    const cur = rounds.at(-1)!;
    const exported = exportsOf(ctx.db, communeCode, year);
    const sent = exported.some((e) => e.round === 1);
    const open = newest.revision > cur.revision && !lockOf(ctx.db, communeCode, year);
    if (open && !exported.some((e) => e.round === cur.round)) {
      // Not sent yet: the round moves onto the newer revision; decisions on changed items go.
      const changed = diffViews(packageView(ctx.db, cur.packageRef), packageView(ctx.db, newest.id));
      repointRound(ctx.db, communeCode, year, cur.round, newest.id);
      for (const c of changed) deleteDecision(ctx.db, communeCode, year, cur.round, c.code);
      audit(ctx, 'appraisal.rebase', 'appraisal', `${communeCode}/${year}`, { round: cur.round, revision: cur.revision }, { revision: newest.revision, cleared: changed.map((c) => c.code) });
      rounds = roundsOf(ctx.db, communeCode, year);
    } else if (cur.round === 1 && sent && open) {
      openRound(ctx, communeCode, year, 2, newest.id);
      const carried = carryOver(ctx, communeCode, year, packageView(ctx.db, cur.packageRef), packageView(ctx.db, newest.id));
      audit(ctx, 'appraisal.carryOver', 'appraisal', `${communeCode}/${year}`, null, { fromRevision: cur.revision, toRevision: newest.revision, carried });
      rounds = roundsOf(ctx.db, communeCode, year);
    }
  }
  return rounds.at(-1)!;
}

function merge(source: SourceItem, d: DecisionRow | undefined, prev: DecisionRow | undefined, round: number, changed: ChangeKind[] | null): AppraisalItem {
  return {
    ...source,
    changed,
    appraisedPoints: d?.appraisedPoints ?? null,
    comment: d?.comment ?? null,
    requestKind: d?.requestKind ?? null,
    request: d?.request ?? null,
    carriedFrom: d?.carriedFrom ?? null,
    appraiser: d?.appraiser ?? null,
    updatedAt: d?.updatedAt ?? null,
    previous: round === 2 ? { appraisedPoints: prev?.appraisedPoints ?? null, comment: prev?.comment ?? null, requestKind: prev?.requestKind ?? null, request: prev?.request ?? null } : null,
  };
}

export function summarise(items: readonly AppraisalItem[]): AppraisalSummary {
  const s: AppraisalSummary = { items: items.length, appraised: 0, stillAtSelfScore: 0, differs: 0, flagged: 0, evidenceMissing: 0, requests: 0, selfPoints: 0, appraisedPoints: 0 };
  for (const i of items) {
    if (i.appraisedPoints === null) s.stillAtSelfScore++;
    else {
      s.appraised++;
      if (i.appraisedPoints !== i.selfPoints) s.differs++;
    }
    if (i.flagged) s.flagged++;
    if (i.evidenceMissing) s.evidenceMissing++;
    if (i.request !== null) s.requests++;
    if (i.kind === 'item') {
      s.selfPoints += i.selfPoints;
      s.appraisedPoints += i.appraisedPoints ?? i.selfPoints;
    }
  }
  return s;
}

/** Everything the appraisal screen shows for a round that exists (read only). */
function stateOf(db: Db, communeCode: string, year: number, communeName: string): AppraisalState | null {
  const rounds = roundsOf(db, communeCode, year);
  const cur = rounds.at(-1);
  if (!cur) return null;
  const view = packageView(db, cur.packageRef);
  const decided = decisionsOf(db, communeCode, year, cur.round);
  const previous = cur.round === 2 ? decisionsOf(db, communeCode, year, 1) : new Map<string, DecisionRow>();
  const changes = cur.round === 2 ? new Map(diffViews(packageView(db, rounds[0]!.packageRef), view).map((c) => [c.code, c.changes])) : null;
  const items = view.items.map((s) => merge(s, decided.get(s.code), previous.get(s.code), cur.round, changes ? (changes.get(s.code) ?? []) : null));
  const newest = receivedFor(db, communeCode, year)[0];
  return {
    communeCode, communeName, year, round: cur.round, revision: cur.revision, packageId: view.packageId,
    rounds: rounds.map((r) => ({ round: r.round, revision: r.revision, openedAt: r.openedAt, openedBy: r.openedBy })),
    locked: lockOf(db, communeCode, year),
    exports: exportsOf(db, communeCode, year).map(({ sha256: _sha, ...e }) => e),
    newerRevision: newest && newest.revision > cur.revision ? newest.revision : null,
    completeness: view.completeness,
    items,
    summary: summarise(items),
  };
}

/** Opens (or advances) the commune's appraisal as the round rules say, and returns its state. */
export function openAppraisal(ctx: ServiceContext, communeCode: string, year: number): AppraisalState {
  const name = requireCommune(ctx.db, communeCode);
  ctx.db.transaction(() => currentRound(ctx, communeCode, year))();
  return stateOf(ctx.db, communeCode, year, name)!;
}

/**
 * An item's points may go below 0 where its rule deducts (a deduction inside its criterion): the
 * council may keep such a self-score, or any score between it and the maximum.
 */
function checkPoints(item: SourceItem, points: number): void {
  const min = Math.min(0, item.selfPoints, item.recomputedPoints ?? 0);
  if (!Number.isSafeInteger(points) || points < min || points > item.max) {
    throw new AppError('APPRAISAL_POINTS_OUT_OF_RANGE', `${item.code}: ${points} not in ${min}..${item.max}`, { itemCode: item.code, points, min, max: item.max });
  }
}

/** Records decisions on items of the current round, all or nothing; refused once locked. */
export function appraise(ctx: ServiceContext, communeCode: string, year: number, decisions: readonly DecisionInput[]): AppraisalState {
  const name = requireCommune(ctx.db, communeCode);
  ctx.db.transaction(() => {
    const round = currentRound(ctx, communeCode, year);
    const lock = lockOf(ctx.db, communeCode, year);
    if (lock) throw new AppError('APPRAISAL_LOCKED', 'appraisal locked', { lockedAt: lock.lockedAt, lockedBy: lock.lockedBy });
    const items = new Map(packageView(ctx.db, round.packageRef).items.map((i) => [i.code, i]));
    const decided = decisionsOf(ctx.db, communeCode, year, round.round);
    const at = isoNow(ctx);
    for (const d of decisions) {
      const item = items.get(d.itemCode);
      if (!item) throw new AppError('APPRAISAL_ITEM_UNKNOWN', `no item ${d.itemCode}`, { itemCode: d.itemCode });
      const old = decided.get(d.itemCode);
      const points = d.points === undefined ? (old?.appraisedPoints ?? null) : d.points === 'self' ? item.selfPoints : d.points;
      if (points !== null) checkPoints(item, points);
      const request = d.request === undefined ? (old?.request != null ? { kind: old.requestKind!, text: old.request } : null) : d.request;
      const next: DecisionRow = {
        itemCode: d.itemCode,
        appraisedPoints: points,
        comment: d.comment === undefined ? (old?.comment ?? null) : d.comment,
        requestKind: request?.kind ?? null,
        request: request?.text ?? null,
        carriedFrom: d.points === undefined ? (old?.carriedFrom ?? null) : null,
        appraiser: ctx.actor(),
        updatedAt: at,
      };
      // A decision that changes nothing (a note saved on leaving its box, then again with the
      // score) keeps the row, its appraiser and time as they were, and logs nothing.
      const same = old !== undefined && old.appraisedPoints === next.appraisedPoints && old.comment === next.comment && old.requestKind === next.requestKind
        && old.request === next.request && old.carriedFrom === next.carriedFrom;
      if (same) continue;
      upsertDecision(ctx.db, { communeCode, year, round: round.round }, next);
      decided.set(d.itemCode, next);
      audit(ctx, 'appraisal.item', 'appraisal_item', `${communeCode}/${year}/${round.round}/${d.itemCode}`, old ?? null, next);
    }
  })();
  return stateOf(ctx.db, communeCode, year, name)!;
}

/**
 * Accepts the self-score of every item not yet appraised, except the items flagged at import
 * (recomputed ≠ declared): those need a person's look and are returned as skipped.
 */
export function acceptSelfScores(ctx: ServiceContext, communeCode: string, year: number): { state: AppraisalState; accepted: number; skippedFlagged: string[] } {
  let accepted = 0;
  let skippedFlagged: string[] = [];
  const state = ctx.db.transaction(() => {
    const round = currentRound(ctx, communeCode, year);
    const decided = decisionsOf(ctx.db, communeCode, year, round.round);
    const open = packageView(ctx.db, round.packageRef).items.filter((i) => (decided.get(i.code)?.appraisedPoints ?? null) === null);
    skippedFlagged = open.filter((i) => i.flagged).map((i) => i.code);
    const take = open.filter((i) => !i.flagged);
    accepted = take.length;
    return appraise(ctx, communeCode, year, take.map((i) => ({ itemCode: i.code, points: 'self' as const })));
  })();
  return { state, accepted, skippedFlagged };
}

/** Approves the appraisal (who, when): refused while an item is still at the self-score. */
export function lockAppraisal(ctx: ServiceContext, communeCode: string, year: number): AppraisalState {
  const name = requireCommune(ctx.db, communeCode);
  ctx.db.transaction(() => {
    const round = currentRound(ctx, communeCode, year);
    const held = lockOf(ctx.db, communeCode, year);
    if (held) throw new AppError('APPRAISAL_LOCKED', 'already locked', { lockedAt: held.lockedAt, lockedBy: held.lockedBy });
    const state = stateOf(ctx.db, communeCode, year, name)!;
    if (state.summary.stillAtSelfScore > 0) {
      const items = state.items.filter((i) => i.appraisedPoints === null).map((i) => i.code);
      throw new AppError('APPRAISAL_INCOMPLETE', `${items.length} items not appraised`, { remaining: items.length, items: items.slice(0, 20) });
    }
    const lock = { round: round.round, lockedAt: isoNow(ctx), lockedBy: ctx.actor() };
    insertLock(ctx.db, communeCode, year, lock);
    audit(ctx, 'appraisal.lock', 'appraisal', `${communeCode}/${year}`, null, { ...lock, revision: round.revision, appraisedPoints: state.summary.appraisedPoints });
  })();
  return stateOf(ctx.db, communeCode, year, name)!;
}

/** The state of a commune's appraisal without opening anything (null before it started). */
export function appraisalState(db: Db, communeCode: string, year: number): AppraisalState | null {
  return stateOf(db, communeCode, year, requireCommune(db, communeCode));
}

/**
 * The seam the report reads: per item the appraised points (null: still at the self-score) and the
 * points to count, the items still at the self-score, the round and the lock. Null when the
 * commune's appraisal has not started. Reads only.
 */
export function appraisedScores(db: Db, communeCode: string, year: number): AppraisedScores | null {
  const s = appraisalState(db, communeCode, year);
  if (!s) return null;
  return {
    communeCode, year, round: s.round, revision: s.revision, locked: s.locked !== null, lockedAt: s.locked?.lockedAt ?? null, lockedBy: s.locked?.lockedBy ?? null,
    items: s.items.map((i) => ({ code: i.code, kind: i.kind, fieldCode: i.fieldCode, criterionCode: i.criterionCode, notApplicable: i.notApplicable, selfPoints: i.selfPoints, appraisedPoints: i.appraisedPoints, points: i.appraisedPoints ?? i.selfPoints })),
    stillAtSelfScore: s.items.filter((i) => i.appraisedPoints === null).map((i) => i.code),
  };
}
