import { createContext, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalNote, AppraisalNotes } from '@shared/appraisal/types';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { viPoints } from '../../review/appraisal/points';

interface NotesApi {
  notes: AppraisalNotes | null;
  byCode: Map<string, AppraisalNote>;
  set(n: AppraisalNotes): void;
}

const NotesContext = createContext<NotesApi>({ notes: null, byCode: new Map(), set: () => undefined });

/** The newest appraisal result held, for the criteria screen (one load; each item reads its note). */
export function AppraisalNotesProvider({ children }: { children: ReactNode }) {
  const loaded = useApiLoad((api) => api.appraisal.notes(), []);
  const [notes, set] = useState<AppraisalNotes | null>(null);
  useEffect(() => {
    if (loaded.data) set(loaded.data);
  }, [loaded.data]);
  const value = useMemo(() => ({ notes, byCode: new Map((notes?.notes ?? []).map((n) => [n.itemCode, n])), set }), [notes]);
  return <NotesContext.Provider value={value}>{children}</NotesContext.Provider>;
}

/** "Nhập kết quả thẩm định…" and what the result held asks for. */
export function AppraisalBanner() {
  const { t } = useTranslation();
  const { notes, set } = useContext(NotesContext);
  const call = useApiCall();
  const [done, setDone] = useState<string | null>(null);
  const importResult = async () => {
    const r = await call.run((api) => api.appraisal.import());
    if (!r) return;
    setDone(r.outcome === 'duplicate' ? t('communeAppraisal.duplicate') : t('communeAppraisal.imported', { comments: r.comments, requests: r.requests }));
    const fresh = await call.run((api) => api.appraisal.notes());
    if (fresh) set(fresh);
  };
  const result = notes?.result;
  const requests = notes?.notes.filter((n) => n.request) ?? [];
  return (
    <div className="appraisal-banner" data-testid="appraisal-banner">
      <button type="button" disabled={call.busy} onClick={() => void importResult()} data-testid="appraisal-import">{t('communeAppraisal.import')}</button>
      {result && (
        <span data-testid="appraisal-banner-text">
          {result.locked
            ? t('communeAppraisal.bannerLocked', { round: result.round, revision: result.answersRevision })
            : t('communeAppraisal.banner', { round: result.round, revision: result.answersRevision, requests: requests.length, answered: requests.filter((n) => n.answer).length })}
        </span>
      )}
      {done && <span className="notice-inline" data-testid="appraisal-imported">{done}</span>}
      <ErrorNotice error={call.error} />
    </div>
  );
}

/** Under an item: the council's points, comment and request, and the clerk's answer. */
export function AppraisalNoteBox({ code }: { code: string }) {
  const { t } = useTranslation();
  const { notes, byCode, set } = useContext(NotesContext);
  const note = byCode.get(code);
  const call = useApiCall();
  const [answer, setAnswer] = useState(note?.answer ?? '');
  const [saved, setSaved] = useState(false);
  useEffect(() => setAnswer(note?.answer ?? ''), [note?.answer]);
  if (!note) return null;
  const locked = notes?.result?.locked ?? false;
  const save = async () => {
    const r = await call.run((api) => api.appraisal.answer({ itemCode: code, answer: answer.trim() || null }));
    if (r) {
      set(r);
      setSaved(true);
    }
  };
  return (
    <div className="appraisal-note" data-testid={`appraisal-note-${code}`}>
      <strong>{t('communeAppraisal.note')}: </strong>
      {note.appraisedPoints === null
        ? t('communeAppraisal.notAppraised', { self: viPoints(note.selfPoints) })
        : t('communeAppraisal.appraised', { points: viPoints(note.appraisedPoints), self: viPoints(note.selfPoints) })}
      {note.comment && <p><em>{t('communeAppraisal.comment')}:</em> {printable(note.comment)}</p>}
      {note.request && note.requestKind && (
        <p className="appraisal-request" data-testid="appraisal-request-text"><em>{t(`communeAppraisal.${note.requestKind}`)}:</em> {printable(note.request)}</p>
      )}
      {note.request && !locked && (
        <label className="appraisal-answer">
          <span>{t('communeAppraisal.answer')}</span>
          {/* Leaving the box saves the answer too: one typed and left would not travel with the next revision. */}
          <textarea rows={2} value={answer} onChange={(e) => { setAnswer(e.target.value); setSaved(false); }}
            onBlur={() => { if (answer.trim() !== (note.answer ?? '')) void save(); }} data-testid="appraisal-answer" />
          <span>
            <button type="button" disabled={call.busy} onClick={() => void save()} data-testid="appraisal-answer-save">{t('communeAppraisal.save')}</button>
            {saved && <span className="muted small"> {t('communeAppraisal.saved')}</span>}
          </span>
        </label>
      )}
      <ErrorNotice error={call.error} />
    </div>
  );
}
