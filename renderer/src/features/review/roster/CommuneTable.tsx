import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { COMMUNE_TYPES, type Commune, type CommuneType } from '@shared/ipc/roster';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { useApiCall } from '../../../lib/use-api-call';

function TypeSelect(props: { id: string; value: CommuneType; onChange(v: CommuneType): void }) {
  const { t } = useTranslation();
  return (
    <select id={props.id} value={props.value} onChange={(e) => props.onChange(e.target.value as CommuneType)} data-testid={`input-${props.id}`}>
      {COMMUNE_TYPES.map((ty) => <option key={ty} value={ty}>{t(`roster.types.${ty}`)}</option>)}
    </select>
  );
}

/** The roster by hand: add a commune (code, name, type), edit one in its row, remove one nothing names yet. */
export function CommuneTable({ list, onChange }: { list: Commune[]; onChange(): void }) {
  const { t } = useTranslation();
  const { run, busy, error } = useApiCall();
  const [code, setCode] = useState('');
  const [name, setName] = useState('');
  const [type, setType] = useState<CommuneType>('xa');
  const [editing, setEditing] = useState<{ code: string; name: string; type: CommuneType; active: boolean } | null>(null);

  const add = async () => {
    const r = await run((api) => api.roster.add({ code, name, type }));
    if (r) {
      setCode('');
      setName('');
      onChange();
    }
  };
  const save = async () => {
    if (!editing) return;
    const r = await run((api) => api.roster.edit(editing));
    if (r) {
      setEditing(null);
      onChange();
    }
  };
  const remove = async (c: string) => {
    const r = await run((api) => api.roster.remove({ code: c }));
    if (r !== undefined) onChange();
  };

  return (
    <div className="card" data-testid="roster-by-hand">
      <h2>{t('roster.byHand')}</h2>
      <div className="button-row" data-testid="roster-add-form">
        <label className="field">{t('roster.code')}<input value={code} onChange={(e) => setCode(e.target.value)} inputMode="numeric" maxLength={5} size={7} data-testid="input-addCode" /></label>
        <label className="field">{t('roster.name')}<input value={name} onChange={(e) => setName(e.target.value)} data-testid="input-addName" /></label>
        <label className="field">{t('roster.type')}<TypeSelect id="addType" value={type} onChange={setType} /></label>
        <button type="button" className="secondary" style={{ alignSelf: 'flex-end' }} disabled={busy || code.trim() === '' || name.trim() === ''} onClick={() => void add()} data-testid="roster-add">{t('roster.add')}</button>
      </div>
      <ErrorNotice error={error} />
      {list.length === 0 && <p>{t('roster.empty')}</p>}
      {list.length > 0 && (
        <>
          <p className="muted">{t('roster.total', { count: list.length })}</p>
          <table className="table" data-testid="roster-table">
            <thead>
              <tr><th>{t('roster.code')}</th><th>{t('roster.name')}</th><th>{t('roster.type')}</th><th>{t('roster.active')}</th><th /></tr>
            </thead>
            <tbody>
              {list.map((c) =>
                editing?.code === c.code ? (
                  <tr key={c.code} data-code={c.code} data-editing="true">
                    <td className="mono">{printable(c.code)}</td>
                    <td><input value={editing.name} onChange={(e) => setEditing({ ...editing, name: e.target.value })} aria-label={t('roster.name')} data-testid="input-editName" /></td>
                    <td><TypeSelect id="editType" value={editing.type} onChange={(v) => setEditing({ ...editing, type: v })} /></td>
                    <td>
                      <label className="small"><input type="checkbox" checked={editing.active} onChange={(e) => setEditing({ ...editing, active: e.target.checked })} data-testid="input-editActive" /> {t('roster.isActive')}</label>
                    </td>
                    <td>
                      <div className="button-row">
                        <button type="button" className="primary" disabled={busy} onClick={() => void save()} data-testid="roster-save">{t('roster.save')}</button>
                        <button type="button" className="secondary" onClick={() => setEditing(null)}>{t('roster.cancel')}</button>
                      </div>
                    </td>
                  </tr>
                ) : (
                  <tr key={c.code} data-code={c.code}>
                    <td className="mono">{printable(c.code)}</td>
                    <td>{printable(c.name)}</td>
                    <td>{t(`roster.types.${c.type}`)}</td>
                    <td>{c.active ? t('roster.isActive') : <span className="badge badge-warn">{t('roster.inactive')}</span>}</td>
                    <td>
                      <div className="button-row">
                        <button type="button" className="link" onClick={() => setEditing({ code: c.code, name: c.name, type: c.type, active: c.active })} data-testid="roster-edit">{t('roster.edit')}</button>
                        <button type="button" className="link danger" disabled={busy} onClick={() => void remove(c.code)} data-testid="roster-remove">{t('roster.remove')}</button>
                      </div>
                    </td>
                  </tr>
                ),
              )}
            </tbody>
          </table>
        </>
      )}
    </div>
  );
}
