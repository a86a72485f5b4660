import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemChange, ItemSide, ReceivedRevision, RevisionComparison, RevisionTotals } from '@shared/appraisal/types';
import { viDate, viPercent } from '@shared/report/format';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { inputText } from './ItemDetail';
import { viPoints } from './points';

interface Props {
  code: string;
  titles: ReadonlyMap<string, string>;
  /** Moves the appraisal cursor to an item. */
  onGoto(itemCode: string): void;
}

const names = (s: ItemSide | null) => new Map((s?.evidence ?? []).map((e) => [e.sha256, e.name]));
const index = (t: RevisionTotals) => (t.indexPercent === null ? '—' : viPercent(t.indexPercent));

/** "Xã tự chấm 50,00 · tính lại 45,00" where the two differ, else the one figure. */
function useTwoFigures() {
  const { t } = useTranslation();
  return (declared: string, recomputed: string | null) => (recomputed === null || recomputed === declared ? declared : t('appraisal.compare.twoFigures', { declared, recomputed }));
}

function ChangeLines({ c, from, to }: { c: ItemChange; from: number; to: number }) {
  const { t } = useTranslation();
  const a = c.from;
  const b = c.to;
  const lines: { text: string; mark?: boolean }[] = [];
  const add = (text: string) => lines.push({ text });
  if (c.changes.includes('input')) add(t('appraisal.compare.input', { from: inputText(a?.input) || t('appraisal.detail.noInput'), to: inputText(b?.input) || t('appraisal.detail.noInput') }));
  if (c.changes.includes('notApplicable')) add(t(b?.notApplicable ? 'appraisal.compare.naOn' : 'appraisal.compare.naOff'));
  if (c.changes.includes('points') && a && b) add(t('appraisal.compare.points', { from: viPoints(a.points), to: viPoints(b.points) }));
  if (c.changes.includes('explanation')) add(t('appraisal.compare.explanation', { text: b?.explanation ? printable(b.explanation) : t('appraisal.detail.noExplanation') }));
  if (c.changes.includes('documents')) add(t('appraisal.compare.documents', { from: a?.documents.length ?? 0, to: b?.documents.length ?? 0 }));
  if (c.changes.includes('evidence')) {
    const before = names(a);
    const after = names(b);
    const added = [...after].filter(([h]) => !before.has(h)).map(([, n]) => printable(n));
    const removed = [...before].filter(([h]) => !after.has(h)).map(([, n]) => printable(n));
    if (added.length) add(t('appraisal.compare.evidenceAdded', { names: added.join(', ') }));
    if (removed.length) add(t('appraisal.compare.evidenceRemoved', { names: removed.join(', ') }));
  }
  if (c.changes.includes('added')) add(t('appraisal.detail.changes.added'));
  if (c.changes.includes('removed')) add(t('appraisal.detail.changes.removed'));
  for (const [revision, s] of [[from, a], [to, b]] as const) {
    if (s && s.recomputedPoints !== null && s.recomputedPoints !== s.points) {
      lines.push({ text: t('appraisal.compare.itemRecomputed', { revision, declared: viPoints(s.points), recomputed: viPoints(s.recomputedPoints) }), mark: true });
    }
  }
  return (
    <ul className="compare-lines">
      {lines.map((l, k) => <li key={k} className={l.mark ? 'compare-recomputed' : undefined}>{l.text}</li>)}
    </ul>
  );
}

/** "nhận 22/11/2026 · đúng hạn" (the deadline's verdict only when the unit set one). */
function useReceipt() {
  const { t } = useTranslation();
  return (r: ReceivedRevision) => `${t('appraisal.compare.received', { date: viDate(r.receivedOn) })}${r.onTime === null ? '' : ` · ${t(r.onTime ? 'appraisal.compare.onTime' : 'appraisal.compare.late')}`}`;
}

/** The two revisions chosen: receipt, totals as declared beside the recompute, and a line when one was flagged at import. */
function RevisionHeader({ c }: { c: RevisionComparison }) {
  const { t } = useTranslation();
  const two = useTwoFigures();
  const receipt = useReceipt();
  return (
    <dl className="compare-header" data-testid="compare-header">
      {[c.from, c.to].map((r) => (
        <div key={r.revision} data-revision={r.revision}>
          <dt>{t('appraisal.compare.revision', { revision: r.revision })}</dt>
          <dd>
            {receipt(r)}
            {r.onTime === false && c.deadline && <span className="badge badge-warn">{t('appraisal.compare.deadline', { date: viDate(c.deadline) })}</span>}
          </dd>
          <dd className={r.declared.points !== r.recomputed.points ? 'compare-recomputed' : undefined}>
            {t('appraisal.compare.totalPoints', { value: two(viPoints(r.declared.points), viPoints(r.recomputed.points)) })}
          </dd>
          <dd className={r.declared.indexPercent !== r.recomputed.indexPercent ? 'compare-recomputed' : undefined}>
            {t('appraisal.compare.index', { value: two(index(r.declared), index(r.recomputed)) })}
          </dd>
          {r.mismatch && <dd className="compare-mismatch" data-testid={`compare-mismatch-${r.revision}`}>{t('appraisal.compare.mismatch', { revision: r.revision })}</dd>}
        </div>
      ))}
    </dl>
  );
}

/** "So sánh các lần gửi": any two received revisions of the commune, item by item (appraisal:compare). */
export function RevisionCompare({ code, titles, onGoto }: Props) {
  const { t } = useTranslation();
  const revisions = useApiLoad((api) => api.appraisal.revisions({ communeCode: code }), [code]);
  const call = useApiCall();
  const receipt = useReceipt();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [comparison, setComparison] = useState<RevisionComparison | null>(null);
  const list = revisions.data ?? [];
  useEffect(() => {
    if (list.length >= 2 && from === null) {
      setFrom(list[list.length - 2]!.revision);
      setTo(list[list.length - 1]!.revision);
    }
  }, [list, from]);
  const run = call.run;
  useEffect(() => {
    if (from === null || to === null || from === to) {
      setComparison(null);
      return;
    }
    void run((api) => api.appraisal.compare({ communeCode: code, from, to })).then((r) => setComparison(r ?? null));
  }, [code, from, to, run]);

  if (list.length < 2) return null;
  const option = (r: ReceivedRevision) => (
    <option key={r.revision} value={r.revision}>{`${t('appraisal.compare.revision', { revision: r.revision })} · ${receipt(r)}`}</option>
  );
  const changes = comparison?.changes ?? null;
  return (
    <section className="card revision-compare" aria-labelledby="compare-title" data-testid="revision-compare">
      <h2 id="compare-title">{t('appraisal.compare.title')}</h2>
      <div className="row-actions">
        <label>
          {t('appraisal.compare.from')}{' '}
          <select value={from ?? ''} onChange={(e) => setFrom(Number(e.target.value))} data-testid="compare-from">{list.map(option)}</select>
        </label>
        <label>
          {t('appraisal.compare.to')}{' '}
          <select value={to ?? ''} onChange={(e) => setTo(Number(e.target.value))} data-testid="compare-to">{list.map(option)}</select>
        </label>
      </div>
      <ErrorNotice error={call.error} />
      {from !== null && from === to && <p className="muted">{t('appraisal.compare.sameChoice')}</p>}
      {comparison && <RevisionHeader c={comparison} />}
      {changes && changes.length === 0 && <p className="notice notice-ok" data-testid="compare-empty">{t('appraisal.compare.empty')}</p>}
      {comparison && changes && changes.length > 0 && (
        <>
          <p className="muted small">{t('appraisal.compare.count', { count: changes.length })}</p>
          <ol className="compare-list" data-testid="compare-list">
            {changes.map((c) => (
              <li key={c.code} data-code={c.code}>
                <button type="button" className="link" onClick={() => onGoto(c.code)} data-testid={`compare-goto-${c.code}`}>
                  <span className="item-code">{printable(c.code)}</span> {printable(titles.get(c.code) ?? '')}
                </button>
                <ChangeLines c={c} from={comparison.from.revision} to={comparison.to.revision} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
