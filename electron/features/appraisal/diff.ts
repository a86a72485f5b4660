/** What changed between two received revisions of a commune, item by item. */
import { AppError } from '../../../shared/errors';
import type { Db } from '../../kernel/db/open';
import { packageRefOf } from './appraisal-repo';
import type { ItemChange } from '../../../shared/appraisal/types';
import { diffViews, packageView } from './package-view';

export function diffRevisions(db: Db, communeCode: string, year: number, fromRevision: number, toRevision: number): ItemChange[] {
  const ref = (revision: number) => {
    const r = packageRefOf(db, communeCode, year, revision);
    if (r === undefined) throw new AppError('REVISION_NOT_FOUND', `no revision ${revision}`, { communeCode, year, revision });
    return r;
  };
  return diffViews(packageView(db, ref(fromRevision)), packageView(db, ref(toRevision)));
}
