/**
 * The one place the report reads the appraisal council's scores. Until the appraisal feature is
 * connected here every commune is "not appraised": its appraised index is its self-assessed index
 * with every scored item still at the self-score, and the report says how many such items there
 * are instead of pretending they were reviewed.
 */
import type { Db } from '../../kernel/db/open';

/** A commune's appraisal as the report needs it (points in hundredths, indices in hundredths of a percent). */
export interface AppraisedScores {
  /** Appraised points per scored item; an item absent here is still at the self-score. */
  items: ReadonlyMap<string, number>;
  /** Items the council has not re-scored. */
  itemsAtSelfScore: number;
  /** The appraised total, bonus and penalty counted, and its applicable maximum. */
  net: number;
  max: number;
  indexPercent: number | null;
  /** Appraised points per field. */
  fields: ReadonlyMap<string, number>;
}

/** null: not appraised (yet). */
export type AppraisalSource = (db: Db, communeCode: string, year: number) => AppraisedScores | null;

export const appraisalSource: AppraisalSource = () => null;
