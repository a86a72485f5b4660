import { useEffect, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppraisalItem, RequestKind } from '@shared/appraisal/types';
import { printable } from '@shared/text';
import { parsePoints, viPoints } from './points';

export interface Decision {
  points?: number | 'self' | null;
  comment?: string | null;
  request?: { kind: RequestKind; text: string } | null;
}

interface Props {
  item: AppraisalItem;
  title: string;
  locked: boolean;
  scoreRef: RefObject<HTMLInputElement | null>;
  onDecide(d: Decision, thenNext: boolean): Promise<void>;
  onOpenEvidence(id: string): void;
  onBack(): void;
}

export function inputText(input: unknown): string {
  if (input === null || typeof input !== 'object') return '';
  const i = input as Record<string, unknown>;
  switch (i['type']) {
    case 'binary': return i['done'] ? 'Có / Đạt' : 'Không / Chưa đạt';
    case 'manual': return `${viPoints(Number(i['points']))} điểm`;
    case 'deduction': return `${String(i['events'])} lần vi phạm`;
    case 'tiered': return `Mức ${String(i['level'])}`;
    default: return 'numerator' in i ? `${String(i['numerator'])}/${String(i['denominator'])}` : JSON.stringify(i);
  }
}

/** One item: what the commune entered and proved, beside the council's score, comment and request. */
export function ItemDetail({ item, title, locked, scoreRef, onDecide, onOpenEvidence, onBack }: Props) {
  const { t } = useTranslation();
  const [score, setScore] = useState('');
  const [scoreError, setScoreError] = useState<string | null>(null);
  const [comment, setComment] = useState(item.comment ?? '');
  const [kind, setKind] = useState<RequestKind | 'none'>(item.requestKind ?? 'none');
  const [request, setRequest] = useState(item.request ?? '');
  // What the boxes last showed as saved. Another item resets every box; a new state of the same
  // item (a save coming back) updates only the boxes the person has not changed since, so nothing
  // typed while a save was on its way is overwritten.
  const shown = useRef<{ code: string | null; score: string; comment: string; kind: RequestKind | 'none'; request: string }>({ code: null, score: '', comment: '', kind: 'none', request: '' });
  useEffect(() => {
    const prev = shown.current;
    const next = { code: item.code, score: item.appraisedPoints === null ? '' : viPoints(item.appraisedPoints), comment: item.comment ?? '', kind: item.requestKind ?? 'none', request: item.request ?? '' } as const;
    const other = prev.code !== item.code;
    setScore((v) => (other || v === prev.score ? next.score : v));
    setComment((v) => (other || v === prev.comment ? next.comment : v));
    setKind((v) => (other || v === prev.kind ? next.kind : v));
    setRequest((v) => (other || v === prev.request ? next.request : v));
    if (other) setScoreError(null);
    shown.current = next;
  }, [item]);

  const typedComment = comment.trim() || null;
  const typedRequest = kind === 'none' || !request.trim() ? null : { kind, text: request.trim() };
  /**
   * The comment and request as typed, where they differ from what is saved. A score saved (Enter,
   * "accept the self-score", "clear") takes them along: the state that comes back would otherwise
   * reset the boxes, and moving to the next item would drop what the person typed.
   */
  const unsavedNotes = (): Decision => {
    const sameRequest = typedRequest?.kind === (item.requestKind ?? undefined) && (typedRequest?.text ?? null) === item.request;
    return {
      ...(typedComment === item.comment ? {} : { comment: typedComment }),
      ...(sameRequest ? {} : { request: typedRequest }),
    };
  };
  const saveScore = async () => {
    const v = parsePoints(score, item.max);
    if (v === null) {
      setScoreError(t('appraisal.detail.badScore', { max: viPoints(item.max) }));
      return;
    }
    await onDecide({ points: v, ...unsavedNotes() }, true);
  };
  const saveNotes = () => onDecide({ comment: typedComment, request: typedRequest }, false);
  /** Esc in a note goes back to the list, as in the score box (leaving the note saves it). */
  const backOnEscape = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      onBack();
    }
  };
  /**
   * Leaving the comment or the request (a click on another item, Tab, Escape to the list) saves
   * what was typed there: the boxes belong to this item, and another item's boxes replace them.
   */
  const keepNotes = () => {
    if (locked) return;
    const d = unsavedNotes();
    if (Object.keys(d).length > 0) void onDecide(d, false);
  };

  return (
    <section className="card appraisal-detail" data-testid="appraisal-detail" data-code={item.code}>
      <h2><span className="item-code">{printable(item.code)}</span> {printable(title)}</h2>
      <dl className="facts">
        <dt>{t('appraisal.detail.input')}</dt>
        <dd data-testid="detail-input">{item.notApplicable ? t('appraisal.detail.na') : inputText(item.input) || t('appraisal.detail.noInput')}</dd>
        <dt>{t('appraisal.detail.selfScore')}</dt>
        <dd>{viPoints(item.selfPoints)} <span className="muted small">{t('appraisal.detail.max', { max: viPoints(item.max) })}</span></dd>
        {item.declaredMax !== item.max && (
          <>
            <dt>{t('appraisal.detail.declaredMax')}</dt>
            <dd className="error-text" data-testid="detail-declared-max">{viPoints(item.declaredMax)} <span className="small">{t('appraisal.detail.declaredMaxNote', { max: viPoints(item.max) })}</span></dd>
          </>
        )}
        {item.flagged && item.recomputedPoints !== null && item.recomputedPoints !== item.selfPoints && (
          <>
            <dt>{t('appraisal.detail.recomputed')}</dt>
            <dd className="error-text">{viPoints(item.recomputedPoints)}</dd>
          </>
        )}
        <dt>{t('appraisal.detail.explanation')}</dt>
        <dd className="prose">{item.explanation ? printable(item.explanation) : <span className="muted">{t('appraisal.detail.noExplanation')}</span>}</dd>
        {item.changed && item.changed.length > 0 && (
          <>
            <dt>{t('appraisal.detail.changed')}</dt>
            <dd data-testid="detail-changed">{item.changed.map((c) => t(`appraisal.detail.changes.${c}`)).join(', ')}</dd>
          </>
        )}
        {item.answer && (
          <>
            <dt>{t('appraisal.detail.answer')}</dt>
            <dd className="prose" data-testid="detail-answer">{printable(item.answer)}</dd>
          </>
        )}
        {item.previous && (item.previous.appraisedPoints !== null || item.previous.request) && (
          <>
            <dt>{t('appraisal.detail.previous', { points: item.previous.appraisedPoints === null ? '—' : viPoints(item.previous.appraisedPoints) })}</dt>
            <dd>{item.previous.request ? t('appraisal.detail.previousRequest', { text: printable(item.previous.request) }) : ''}</dd>
          </>
        )}
      </dl>
      <h3>{t('appraisal.detail.documents')}</h3>
      {item.documents.length === 0 && item.evidence.length === 0 && <p className="muted">{t('appraisal.detail.noEvidence')}</p>}
      <ul className="evidence-list">
        {item.documents.map((d, i) => (
          <li key={`d${i}`}>{printable(d.number)} · {printable(d.issuer)}{d.date ? ` · ${d.date}` : ''}: {printable(d.summary)}{d.locator ? ` (${printable(d.locator)})` : ''}</li>
        ))}
        {item.evidence.map((e) => (
          <li key={e.id}>
            {printable(e.name)}{' '}
            <button type="button" className="link" onClick={() => onOpenEvidence(e.id)} data-testid="open-evidence">{t('appraisal.detail.open')}</button>
          </li>
        ))}
      </ul>
      <div className="appraisal-score">
        <label htmlFor="appraisal-score">{t('appraisal.detail.score')}</label>
        <input
          id="appraisal-score"
          ref={scoreRef}
          value={score}
          disabled={locked}
          inputMode="decimal"
          onChange={(e) => setScore(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              void saveScore();
            } else if (e.key === 'Escape') onBack();
          }}
          aria-invalid={scoreError ? true : undefined}
          data-testid="appraisal-score"
        />
        <span className="muted small">{t('appraisal.detail.scoreHint')}</span>
        <button type="button" disabled={locked} onClick={() => void onDecide({ points: 'self', ...unsavedNotes() }, true)} data-testid="accept-self">{t('appraisal.detail.acceptSelf')}</button>
        <button type="button" disabled={locked || item.appraisedPoints === null} onClick={() => void onDecide({ points: null, ...unsavedNotes() }, false)}>{t('appraisal.detail.clear')}</button>
        {scoreError && <span className="error" role="alert">{scoreError}</span>}
      </div>
      <div className="appraisal-notes">
        <label>
          {t('appraisal.detail.comment')}
          <textarea rows={2} value={comment} disabled={locked} onChange={(e) => setComment(e.target.value)} onBlur={keepNotes} onKeyDown={backOnEscape} data-testid="appraisal-comment" />
        </label>
        <label>
          {t('appraisal.detail.requestKind')}
          <select value={kind} disabled={locked} onChange={(e) => setKind(e.target.value as RequestKind | 'none')} onBlur={keepNotes} data-testid="appraisal-request-kind">
            {(['none', 'explain', 'evidence'] as const).map((k) => <option key={k} value={k}>{t(`appraisal.detail.kinds.${k}`)}</option>)}
          </select>
        </label>
        {kind !== 'none' && (
          <label>
            {t('appraisal.detail.requestText')}
            <textarea rows={2} value={request} disabled={locked} onChange={(e) => setRequest(e.target.value)} onBlur={keepNotes} onKeyDown={backOnEscape} data-testid="appraisal-request" />
          </label>
        )}
        <button type="button" disabled={locked} onClick={() => void saveNotes()} data-testid="appraisal-save-notes">{t('appraisal.detail.save')}</button>
      </div>
    </section>
  );
}
