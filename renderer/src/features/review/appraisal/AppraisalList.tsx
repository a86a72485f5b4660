import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiLoad } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';
import { Assignments } from './Assignments';

/** The communes that sent a dossier this year, each a link to its appraisal. */
export function AppraisalList() {
  const { t } = useTranslation();
  const year = useAppStore((s) => s.identity?.year) ?? new Date().getFullYear();
  const { data: board, error } = useApiLoad((api) => api.import.status({ year }), [year]);
  const rows = (board?.rows ?? []).filter((r) => r.revision !== null);
  return (
    <div>
      <h1>{t('appraisal.list.title', { year })}</h1>
      <p className="lead">{t('appraisal.list.lead')}</p>
      <ErrorNotice error={error} />
      {board && rows.length === 0 && <p>{t('appraisal.list.empty')}</p>}
      {rows.length > 0 && (
        <table className="table" data-testid="appraisal-communes">
          <thead>
            <tr><th>{t('appraisal.list.code')}</th><th>{t('appraisal.list.commune')}</th><th>{t('appraisal.list.state')}</th><th /></tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.code} data-code={r.code}>
                <td className="mono">{printable(r.code)}</td>
                <td>{printable(r.name)}</td>
                <td>r{r.revision}{r.mismatch ? ` · ${t('reviewImport.board.mismatch')}` : ''}</td>
                <td><Link to={`/review/appraisal/${r.code}`} data-testid={`appraise-${r.code}`}>{t('appraisal.list.open')}</Link></td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <Assignments />
    </div>
  );
}
