import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ItemChange, ItemSide } from '@shared/appraisal/types';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDate } from '../../../lib/format';
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

function ChangeLines({ c }: { c: ItemChange }) {
  const { t } = useTranslation();
  const a = c.from;
  const b = c.to;
  const lines: string[] = [];
  if (c.changes.includes('input')) lines.push(t('appraisal.compare.input', { from: inputText(a?.input) || t('appraisal.detail.noInput'), to: inputText(b?.input) || t('appraisal.detail.noInput') }));
  if (c.changes.includes('notApplicable')) lines.push(t(b?.notApplicable ? 'appraisal.compare.naOn' : 'appraisal.compare.naOff'));
  if (c.changes.includes('points') && a && b) lines.push(t('appraisal.compare.points', { from: viPoints(a.points), to: viPoints(b.points) }));
  if (c.changes.includes('explanation')) lines.push(t('appraisal.compare.explanation', { text: b?.explanation ? printable(b.explanation) : t('appraisal.detail.noExplanation') }));
  if (c.changes.includes('documents')) lines.push(t('appraisal.compare.documents', { from: a?.documents.length ?? 0, to: b?.documents.length ?? 0 }));
  if (c.changes.includes('evidence')) {
    const before = names(a);
    const after = names(b);
    const added = [...after].filter(([h]) => !before.has(h)).map(([, n]) => printable(n));
    const removed = [...before].filter(([h]) => !after.has(h)).map(([, n]) => printable(n));
    if (added.length) lines.push(t('appraisal.compare.evidenceAdded', { names: added.join(', ') }));
    if (removed.length) lines.push(t('appraisal.compare.evidenceRemoved', { names: removed.join(', ') }));
  }
  if (c.changes.includes('added')) lines.push(t('appraisal.detail.changes.added'));
  if (c.changes.includes('removed')) lines.push(t('appraisal.detail.changes.removed'));
  return (
    <ul className="compare-lines">
      {lines.map((l, k) => <li key={k}>{l}</li>)}
    </ul>
  );
}

/** "So sánh các lần gửi": any two received revisions of the commune, item by item (appraisal:diff). */
export function RevisionCompare({ code, titles, onGoto }: Props) {
  const { t, i18n } = useTranslation();
  const revisions = useApiLoad((api) => api.appraisal.revisions({ communeCode: code }), [code]);
  const call = useApiCall();
  const [from, setFrom] = useState<number | null>(null);
  const [to, setTo] = useState<number | null>(null);
  const [changes, setChanges] = useState<ItemChange[] | null>(null);
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
      setChanges(null);
      return;
    }
    void run((api) => api.appraisal.diff({ communeCode: code, from, to })).then((r) => setChanges(r ?? null));
  }, [code, from, to, run]);

  if (list.length < 2) return null;
  const option = (r: (typeof list)[number]) => (
    <option key={r.revision} value={r.revision}>{t('appraisal.compare.option', { revision: r.revision, date: formatDate(r.receivedAt, i18n.language) })}</option>
  );
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
      {changes && changes.length === 0 && <p className="notice notice-ok" data-testid="compare-empty">{t('appraisal.compare.empty')}</p>}
      {changes && changes.length > 0 && (
        <>
          <p className="muted small">{t('appraisal.compare.count', { count: changes.length })}</p>
          <ol className="compare-list" data-testid="compare-list">
            {changes.map((c) => (
              <li key={c.code} data-code={c.code}>
                <button type="button" className="link" onClick={() => onGoto(c.code)} data-testid={`compare-goto-${c.code}`}>
                  <span className="item-code">{printable(c.code)}</span> {printable(titles.get(c.code) ?? '')}
                </button>
                <ChangeLines c={c} />
              </li>
            ))}
          </ol>
        </>
      )}
    </section>
  );
}
