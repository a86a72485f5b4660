/**
 * Everything the export and the printed summary need about the self-assessment of the framework
 * in use, read in one transaction so the parts agree with each other.
 */
import type { Framework, UnitType } from '../../../shared/framework/schema';
import type { EvidenceDocumentView } from '../../../shared/ipc/evidence';
import type { ItemEntry, ItemStatus, ScoreSummary } from '../../../shared/scoring/engine';
import { computeScores } from '../../../shared/scoring/engine';
import type { SurveyTally } from '../../../shared/scoring/survey';
import type { ServiceContext } from '../../kernel/context';
import { readDocuments, readFiles } from '../evidence/evidence-repo';
import { activeFramework } from '../framework/active';
import { identityUnitType } from '../setup/identity-repo';
import { readEntries, scoredEntries } from './entries-repo';
import type { LockState } from './lock-repo';
import { readLock } from './lock-repo';

export interface SnapshotFile {
  name: string;
  mediaType: string;
  size: number;
  sha256: string;
  /** Relative to the data folder (the folder of the database): "evidence/<sha256>". */
  storagePath: string;
}

export interface SnapshotItem {
  code: string;
  /** 'adjustment' for a bonus/penalty line (framework.adjustments). */
  kind: 'item' | 'adjustment';
  entry: ItemEntry | null;
  points: number;
  max: number;
  applicableMax: number;
  status: ItemStatus;
  explanation: string | null;
  documents: Omit<EvidenceDocumentView, 'itemCode'>[];
  files: SnapshotFile[];
}

export interface AssessmentSnapshot {
  frameworkRef: number;
  framework: Framework;
  items: SnapshotItem[];
  scores: ScoreSummary;
  lock: LockState;
  /** The commune's type the scores were computed for (undefined: not stated, the framework's first assumed). */
  unitType: UnitType | undefined;
  /** Entries keyed by a criterion's own code (a whole criterion marked not applicable). */
  criterionEntries: Record<string, ItemEntry>;
}

export function assessmentSnapshot(ctx: ServiceContext, survey?: SurveyTally): AssessmentSnapshot {
  return ctx.db.transaction((): AssessmentSnapshot => {
    const active = activeFramework(ctx);
    const stored = readEntries(ctx.db, active.ref);
    const unitType = identityUnitType(ctx.db);
    const scored = scoredEntries(stored);
    const scores = computeScores(active.framework, scored, survey, { unitType });
    const criterionEntries: Record<string, ItemEntry> = {};
    for (const f of active.framework.fields) for (const c of f.criteria) if (Object.hasOwn(scored, c.code)) criterionEntries[c.code] = scored[c.code]!;
    const docs = readDocuments(ctx.db, active.ref);
    const files = readFiles(ctx.db, active.ref);
    const line = (code: string, kind: SnapshotItem['kind']): SnapshotItem => {
      const score = kind === 'item' ? scores.items[code] : scores.adjustments.items[code];
      return {
        code,
        kind,
        entry: stored[code]?.entry ?? null,
        points: score?.points ?? 0,
        max: score?.max ?? 0,
        applicableMax: score?.applicableMax ?? 0,
        status: score?.status ?? 'empty',
        explanation: stored[code]?.explanation ?? null,
        documents: docs.filter((d) => d.itemCode === code).map(({ itemCode: _drop, ...d }) => d),
        files: files
          .filter((f) => f.itemCode === code)
          .map((f) => ({ name: f.name, mediaType: f.mediaType, size: f.size, sha256: f.sha256, storagePath: `evidence/${f.sha256}` })),
      };
    };
    const items: SnapshotItem[] = [];
    for (const f of active.framework.fields) for (const c of f.criteria) for (const i of c.items) items.push(line(i.code, 'item'));
    for (const a of active.framework.adjustments ?? []) items.push(line(a.code, 'adjustment'));
    return { frameworkRef: active.ref, framework: active.framework, items, scores, lock: readLock(ctx.db, active.ref), unitType, criterionEntries };
  })();
}
