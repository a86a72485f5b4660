import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams } from 'react-router-dom';
import { nextNeedingAttention, passesFilter, type AppraisalFilter, type AppraisalItem, type AppraisalState } from '@shared/appraisal/types';
import { printable } from '@shared/text';
import { overrideLines } from '@shared/package/completeness-notes';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PassphraseInput } from '../../../components/PassphraseInput';
import { formatDateTime } from '../../../lib/format';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { FieldDoneBar } from './Assignments';
import { ItemDetail, type Decision } from './ItemDetail';
import { viPoints } from './points';
import { RevisionCompare } from './RevisionCompare';

const FILTERS: AppraisalFilter[] = ['all', 'not-appraised', 'differs', 'flagged', 'evidence-missing'];

function Marks({ item }: { item: AppraisalItem }) {
  const { t } = useTranslation();
  return (
    <>
      {item.flagged && <span className="badge badge-error">{t('appraisal.screen.flagMark')}</span>}
      {item.evidenceMissing && <span className="badge badge-warn">{t('appraisal.screen.evidenceMark')}</span>}
      {item.request && <span className="badge verify-none">{t('appraisal.screen.requestMark')}</span>}
      {item.carriedFrom && <span className="badge verify-verified">{t('appraisal.screen.carriedMark')}</span>}
      {item.changed && item.changed.length > 0 && <span className="badge badge-warn" data-testid="changed-mark">{t('appraisal.screen.changedMark')}</span>}
    </>
  );
}

/**
 * The council works through a commune's items from the keyboard: ↑/↓ choose, Enter accepts the
 * self-score, a digit starts typing a score (Enter saves), N jumps to the next item needing
 * attention; after a decision the selection moves there by itself.
 */
export function AppraisalScreen() {
  const { code = '' } = useParams();
  const { t, i18n } = useTranslation();
  const loaded = useApiLoad((api) => api.appraisal.open({ communeCode: code }), [code]);
  const framework = useApiLoad((api) => api.framework.active(), []);
  const call = useApiCall();
  const [state, setState] = useState<AppraisalState | null>(null);
  const [filter, setFilter] = useState<AppraisalFilter>('all');
  const [selected, setSelected] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [pass, setPass] = useState('');
  const listRef = useRef<HTMLDivElement>(null);
  const scoreRef = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (loaded.data) setState(loaded.data);
  }, [loaded.data]);

  const titles = useMemo(() => {
    const m = new Map<string, string>();
    for (const f of framework.data?.fields ?? []) for (const c of f.criteria) for (const i of c.items) m.set(i.code, i.title);
    for (const a of framework.data?.adjustments ?? []) m.set(a.code, a.title);
    return m;
  }, [framework.data]);
  const visible = useMemo(() => (state ? state.items.filter((i) => passesFilter(i, filter)) : []), [state, filter]);
  const index = visible.findIndex((i) => i.code === selected);
  const current = index >= 0 ? visible[index]! : null;
  useEffect(() => {
    if (state && (selected === null || !visible.some((i) => i.code === selected))) setSelected(visible[0]?.code ?? null);
  }, [state, visible, selected]);

  const select = (i: number) => {
    const item = visible[i];
    if (!item) return;
    setSelected(item.code);
    listRef.current?.querySelector(`[data-code="${CSS.escape(item.code)}"]`)?.scrollIntoView({ block: 'nearest' });
  };
  const jumpNext = (items: AppraisalItem[], from: number) => {
    const n = nextNeedingAttention(items, from);
    if (n >= 0) {
      setSelected(items[n]!.code);
    }
    listRef.current?.focus();
  };

  /** From the revision comparison: show every item, select this one and give the list the keyboard. */
  const gotoItem = (itemCode: string) => {
    setFilter('all');
    setSelected(itemCode);
    requestAnimationFrame(() => {
      listRef.current?.querySelector(`[data-code="${CSS.escape(itemCode)}"]`)?.scrollIntoView({ block: 'nearest' });
      listRef.current?.focus();
    });
  };

  const decide = async (d: Decision, thenNext: boolean) => {
    if (!current) return;
    const next = await call.run((api) => api.appraisal.decide({ communeCode: code, decisions: [{ code: current.code, ...d }] }));
    if (!next) return;
    setState(next);
    if (thenNext) {
      const items = next.items.filter((i) => passesFilter(i, filter));
      const at = Math.max(0, items.findIndex((i) => i.code === current.code));
      jumpNext(items, at === -1 ? index - 1 : at);
    }
  };

  const onKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (!state || e.target !== e.currentTarget) return;
    if (e.key === 'ArrowDown' || e.key === 'j') select(Math.min(visible.length - 1, index + 1));
    else if (e.key === 'ArrowUp' || e.key === 'k') select(Math.max(0, index - 1));
    else if (e.key === 'Enter' && current && !state.locked) void decide({ points: 'self' }, true);
    else if (e.key === 'n' || e.key === 'N') jumpNext(visible, index);
    else if (/^[0-9]$/u.test(e.key) && current && !state.locked) {
      // The digit itself is not handled here: moving the focus during keydown sends the keystroke
      // (and the ",5" typed after it) to the score box, whose text is selected so the digit
      // replaces it. Nothing waits for a render, so a fast typist loses nothing.
      scoreRef.current?.focus();
      scoreRef.current?.select();
      return;
    } else return;
    e.preventDefault();
  };

  const acceptRest = async () => {
    const r = await call.run((api) => api.appraisal.acceptSelf({ communeCode: code }));
    if (!r) return;
    setState(r.state);
    setNotice([t('appraisal.screen.acceptedRest', { count: r.accepted }), r.skippedFlagged.length ? t('appraisal.screen.skipped', { count: r.skippedFlagged.length, codes: r.skippedFlagged.join(', ') }) : ''].join(' ').trim());
  };
  const lock = async () => {
    if (!window.confirm(t('appraisal.screen.lockConfirm'))) return;
    const r = await call.run((api) => api.appraisal.lock({ communeCode: code }));
    if (r) setState(r);
  };
  const exportResult = async () => {
    const r = await call.run((api) => api.appraisal.export({ communeCode: code, ...(pass ? { keyPassphrase: pass } : {}) }));
    if (!r) return;
    setPass('');
    setNotice(t('appraisal.screen.exported', { path: r.path, round: r.round, requests: r.requests }));
    await loaded.reload();
  };

  const s = state?.summary;
  return (
    <div className="appraisal">
      <ErrorNotice error={loaded.error} />
      {state && s && (
        <>
          <div className="appraisal-top">
            <h1>{t('appraisal.screen.title', { name: printable(state.communeName), code: state.communeCode })}</h1>
            <p className="appraisal-summary" data-testid="appraisal-summary">
              <strong>{t('appraisal.screen.round', { round: state.round, revision: state.revision })}</strong>
              {' · '}{t('appraisal.screen.progress', { appraised: s.appraised, items: s.items })}
              {' · '}<span className={s.stillAtSelfScore ? 'error-text' : undefined} data-testid="still-at-self">{t('appraisal.screen.still', { count: s.stillAtSelfScore })}</span>
              {' · '}{t('appraisal.screen.points', { self: viPoints(s.selfPoints), appraised: viPoints(s.appraisedPoints) })}
              {s.stillAtSelfScore > 0 && ` ${t('appraisal.screen.pointsNote')}`}
            </p>
            {state.locked && <p className="notice notice-ok" data-testid="appraisal-locked">{t('appraisal.screen.locked', { by: printable(state.locked.lockedBy), at: formatDateTime(state.locked.lockedAt, i18n.language) })}</p>}
            {state.newerRevision && <p className="notice notice-warn">{t('appraisal.screen.newer', { revision: state.newerRevision })}</p>}
            {state.completeness && state.completeness.overrides.length > 0 && (
              <div className="notice notice-warn" data-testid="appraisal-overrides">
                <strong>{t('appraisal.screen.overrides', { revision: state.revision })}</strong>
                <ul>
                  {overrideLines(state.completeness, i18n.language.startsWith('en') ? 'en' : 'vi').map((l) => <li key={l}>{l}</li>)}
                </ul>
              </div>
            )}
            <div className="row-actions" role="group" aria-label={t('appraisal.screen.filter')} data-testid="appraisal-filter">
              {FILTERS.map((f) => (
                <button key={f} type="button" className={filter === f ? 'primary' : undefined} aria-pressed={filter === f} data-filter={f} onClick={() => setFilter(f)}>
                  {t(`appraisal.screen.filters.${f}`)} ({state.items.filter((i) => passesFilter(i, f)).length})
                </button>
              ))}
            </div>
            <FieldDoneBar code={state.communeCode} appraised={s.appraised} />
            <p className="muted small">{t('appraisal.screen.keys')}</p>
            <ErrorNotice error={call.error} />
            {notice && <p className="notice notice-ok" data-testid="appraisal-notice">{notice}</p>}
          </div>
          <div className="appraisal-body">
            <div className="appraisal-list" tabIndex={0} ref={listRef} onKeyDown={onKey} role="listbox" aria-label={t('appraisal.screen.item')} data-testid="appraisal-list">
              {visible.length === 0 && <p className="muted">{t('appraisal.screen.none')}</p>}
              {visible.map((i) => (
                <div
                  key={i.code}
                  role="option"
                  aria-selected={i.code === selected}
                  data-code={i.code}
                  className={`appraisal-row${i.code === selected ? ' selected' : ''}${i.appraisedPoints === null ? ' open' : ''}`}
                  onClick={() => setSelected(i.code)}
                >
                  <span className="item-code">{printable(i.code)}</span>
                  <span className="appraisal-title">{printable(titles.get(i.code) ?? '')}</span>
                  <span className="num">{viPoints(i.selfPoints)}</span>
                  <span className="num appraised" data-testid="row-appraised">{i.appraisedPoints === null ? '—' : viPoints(i.appraisedPoints)}</span>
                  <span className="marks"><Marks item={i} /></span>
                </div>
              ))}
            </div>
            {current && (
              <ItemDetail
                item={current}
                title={titles.get(current.code) ?? ''}
                locked={state.locked !== null}
                scoreRef={scoreRef}
                onDecide={decide}
                onOpenEvidence={(id) => void call.run((api) => api.appraisal.openEvidence({ communeCode: code, revision: state.revision, evidenceId: id }))}
                onBack={() => listRef.current?.focus()}
              />
            )}
          </div>
          {!state.locked && (
            <div className="card appraisal-actions">
              <button type="button" disabled={call.busy || s.stillAtSelfScore === 0} onClick={() => void acceptRest()} data-testid="accept-rest">{t('appraisal.screen.acceptRest')}</button>
              <button type="button" disabled={call.busy || s.stillAtSelfScore > 0} onClick={() => void lock()} data-testid="appraisal-lock">{t('appraisal.screen.lock')}</button>
            </div>
          )}
          <RevisionCompare code={state.communeCode} titles={titles} onGoto={gotoItem} />
          <div className="card appraisal-actions">
            <PassphraseInput id="appraisal-pass" label={t('appraisal.screen.passphrase')} value={pass} onChange={setPass} autoComplete="current-password" />
            <button type="button" className="primary" disabled={call.busy} onClick={() => void exportResult()} data-testid="appraisal-export">{t('appraisal.screen.export')}</button>
          </div>
        </>
      )}
    </div>
  );
}
