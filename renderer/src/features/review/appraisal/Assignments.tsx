import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OwedRow } from '@shared/appraisal/types';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';

function AssignRow({ row, onSave }: { row: OwedRow; onSave(fieldCode: string, appraiser: string | null): Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState(row.appraiser ?? '');
  useEffect(() => setName(row.appraiser ?? ''), [row.appraiser]);
  const owing = row.communes.filter((c) => !c.done).map((c) => c.code);
  return (
    <tr data-field={row.fieldCode}>
      <td className="mono">{printable(row.fieldCode)}</td>
      <td>{printable(row.fieldTitle)}</td>
      <td>
        <input className="assign-input" value={name} aria-label={t('appraisal.assign.appraiser')} onChange={(e) => setName(e.target.value)}
          onKeyDown={(e) => { if (e.key === 'Enter') void onSave(row.fieldCode, name.trim() || null); }} data-testid={`assign-${row.fieldCode}`} />
        <button type="button" className="link" onClick={() => void onSave(row.fieldCode, name.trim() || null)}>{t('common.save')}</button>
      </td>
      <td data-testid={`owing-${row.fieldCode}`}>{row.communes.length === 0 ? '' : owing.length === 0 ? t('appraisal.assign.done') : t('appraisal.assign.owes', { count: owing.length, codes: owing.join(', ') })}</td>
    </tr>
  );
}

/** The secretary's table: each field's appraiser, and which communes each still owes. */
export function Assignments() {
  const { t } = useTranslation();
  const owed = useApiLoad((api) => api.appraisal.owed({}), []);
  const call = useApiCall();
  const [rows, setRows] = useState<OwedRow[]>([]);
  useEffect(() => {
    if (owed.data) setRows(owed.data);
  }, [owed.data]);
  const save = async (fieldCode: string, appraiser: string | null) => {
    if (await call.run((api) => api.appraisal.assign({ fieldCode, appraiser }))) await owed.reload();
  };
  return (
    <section className="card">
      <h2>{t('appraisal.assign.title')}</h2>
      <p className="muted small">{t('appraisal.assign.lead')}</p>
      <ErrorNotice error={owed.error ?? call.error} />
      <table className="table" data-testid="assignments">
        <thead>
          <tr><th>{t('appraisal.assign.field')}</th><th /><th>{t('appraisal.assign.appraiser')}</th><th>{t('appraisal.assign.owing')}</th></tr>
        </thead>
        <tbody>{rows.map((r) => <AssignRow key={r.fieldCode} row={r} onSave={save} />)}</tbody>
      </table>
    </section>
  );
}

/** On a commune's screen: its fields, each marked done by its appraiser (possible once every item of the field is appraised). */
export function FieldDoneBar({ code, appraised }: { code: string; appraised: number }) {
  const { t } = useTranslation();
  const owed = useApiLoad((api) => api.appraisal.owed({}), [appraised]);
  const call = useApiCall();
  const [rows, setRows] = useState<OwedRow[]>([]);
  useEffect(() => {
    if (owed.data) setRows(owed.data);
  }, [owed.data]);
  const toggle = async (fieldCode: string, done: boolean) => {
    const r = await call.run((api) => api.appraisal.fieldDone({ communeCode: code, fieldCode, done }));
    if (r) setRows(r);
  };
  return (
    <div className="field-done" data-testid="field-done">
      <span className="muted small">{t('appraisal.assign.fields')}:</span>
      {rows.map((r) => {
        const c = r.communes.find((x) => x.code === code);
        if (!c) return null;
        const label = r.appraiser ? `${r.fieldCode} · ${r.appraiser}` : r.fieldCode;
        return (
          <button key={r.fieldCode} type="button" className={c.done ? 'primary' : undefined} aria-pressed={c.done} data-field={r.fieldCode}
            disabled={call.busy || (!c.done && c.stillAtSelfScore !== 0)} title={`${r.fieldTitle} · ${r.appraiser ?? t('appraisal.assign.unassigned')} · ${c.done ? t('appraisal.assign.reopen') : t('appraisal.assign.markDone')}`}
            onClick={() => void toggle(r.fieldCode, !c.done)}>
            {c.done ? `✓ ${label}` : label}
          </button>
        );
      })}
      <ErrorNotice error={call.error} />
    </div>
  );
}
