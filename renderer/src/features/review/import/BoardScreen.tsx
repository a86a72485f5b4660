import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BoardRow, BoardState } from '@shared/ipc/import';
import { printable } from '@shared/text';
import { overrideLines } from '@shared/package/completeness-notes';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDate, formatDateTime } from '../../../lib/format';
import { useApiLoad } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';

type TFn = (key: string, opts?: Record<string, unknown>) => string;
type Filter = 'all' | BoardState;

const STATE_KEY: Record<BoardState, string> = { 'not-received': 'notReceived', received: 'received', flagged: 'flagged' };
const STATES: BoardState[] = ['not-received', 'received', 'flagged'];

/** What arrived (revision, day, on time), and what needs a look (score mismatch, refused attempts). */
function received(r: BoardRow, t: TFn, lang: string): string {
  if (r.revision === null || r.receivedAt === null) return '';
  const text = t('reviewImport.board.receivedRow', { revision: r.revision, date: formatDateTime(r.receivedAt, lang) });
  // On time is judged on the first revision received: a later revision says when the first came.
  const first = r.firstReceivedAt !== null && r.firstReceivedAt !== r.receivedAt ? t('reviewImport.board.firstReceived', { date: formatDate(r.firstReceivedAt, lang) }) : null;
  const judged = [first, r.onTime === null ? null : t(r.onTime ? 'reviewImport.board.onTime' : 'reviewImport.board.late')].filter((s) => s !== null);
  return judged.length === 0 ? text : `${text}, ${judged.join(', ')}`;
}

function concerns(r: BoardRow, t: TFn): string[] {
  const parts: string[] = [];
  if (r.mismatch) parts.push(t('reviewImport.board.mismatch'));
  if (r.refusedAttempts > 0) parts.push(t('reviewImport.board.refusedAttempts', { count: r.refusedAttempts }));
  return parts;
}

function StateCell({ row, t, lang }: { row: BoardRow; t: TFn; lang: string }) {
  if (row.state === 'received') {
    const rest = concerns(row, t);
    return <><span className="badge verify-verified">{received(row, t, lang)}</span>{rest.length > 0 && ` · ${rest.join(' · ')}`}</>;
  }
  const label = t(`reviewImport.board.${STATE_KEY[row.state]}`);
  const rest = [received(row, t, lang), ...concerns(row, t)].filter((s) => s !== '');
  return (
    <>
      <span className={row.state === 'flagged' ? 'badge badge-error' : 'badge verify-none'}>{label}</span>
      {rest.length > 0 && ` ${rest.join(' · ')}`}
    </>
  );
}

/** What the commune confirmed when sending its newest revision (late, too few forms…), with its reason: a mark that opens to the sentences. */
function Overrides({ row, t, lang }: { row: BoardRow; t: TFn; lang: string }) {
  const lines = overrideLines(row.completeness, lang.startsWith('en') ? 'en' : 'vi');
  if (lines.length === 0) return null;
  return (
    <details className="small board-overrides" data-testid={`board-overrides-${row.code}`}>
      <summary title={lines.join('\n')}><span className="badge badge-warn">{t('reviewImport.board.overrides', { count: lines.length })}</span></summary>
      <ul>{lines.map((l) => <li key={l}>{l}</li>)}</ul>
    </details>
  );
}

export function BoardScreen() {
  const { t, i18n } = useTranslation();
  const year = useAppStore((s) => s.identity?.year) ?? new Date().getFullYear();
  const { data: board, error } = useApiLoad((api) => api.import.status({ year }), [year]);
  const [filter, setFilter] = useState<Filter>('all');
  const rows = board?.rows ?? [];
  const shown = filter === 'all' ? rows : rows.filter((r) => r.state === filter);
  const count = (s: BoardState) => rows.filter((r) => r.state === s).length;
  return (
    <div>
      <h1>{t('reviewImport.board.title', { year })}</h1>
      <ErrorNotice error={error} />
      {board && (
        <>
          <p className="muted" data-testid="board-deadline">
            {board.deadline ? t('reviewImport.board.deadline', { date: formatDate(board.deadline, i18n.language) }) : t('reviewImport.board.noDeadline')}
          </p>
          <div className="row-actions board-filter" role="group" aria-label={t('reviewImport.board.filter')} data-testid="board-filter">
            {(['all', ...STATES] as Filter[]).map((f) => (
              <button key={f} type="button" className={filter === f ? 'primary' : undefined} aria-pressed={filter === f} data-filter={f} onClick={() => setFilter(f)}>
                {f === 'all' ? `${t('reviewImport.board.all')} (${rows.length})` : `${t(`reviewImport.board.${STATE_KEY[f]}`)} (${count(f)})`}
              </button>
            ))}
          </div>
          {rows.length === 0 && <p>{t('reviewImport.board.empty')}</p>}
          {shown.length > 0 && (
            <table className="table" data-testid="board-table">
              <thead>
                <tr><th>{t('reviewImport.board.code')}</th><th>{t('reviewImport.board.commune')}</th><th>{t('reviewImport.board.state')}</th></tr>
              </thead>
              <tbody>
                {shown.map((r) => (
                  <tr key={r.code} data-code={r.code} data-state={r.state}>
                    <td className="mono">{printable(r.code)}</td>
                    <td>
                      {r.revision !== null ? <Link to={`/review/appraisal/${r.code}`} data-testid={`board-appraise-${r.code}`}>{printable(r.name)}</Link> : printable(r.name)}
                      {!r.enrolled && (
                        <div className="small" data-testid="board-not-enrolled">
                          <span className="badge badge-warn">{t('reviewImport.board.notEnrolled')}</span> <Link to="/review/enrolment">{t('reviewEnrolment.fromBoard')}</Link>
                        </div>
                      )}
                    </td>
                    <td>
                      <StateCell row={r} t={t} lang={i18n.language} />
                      <Overrides row={r} t={t} lang={i18n.language} />
                    </td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </div>
  );
}
