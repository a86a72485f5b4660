import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Identity } from '@shared/identity';
import type { UnitType } from '@shared/framework/schema';
import type { SetupCorrection as Correction } from '@shared/ipc/setup';
import { ErrorNotice } from '../../components/ErrorNotice';
import { useApiCall } from '../../lib/use-api-call';
import { useAppStore } from '../../stores/app-store';

type FieldName = 'unitName' | 'unitCode' | 'provinceCode' | 'reviewerCode' | 'officerName' | 'officerTitle' | 'year';

function valuesOf(id: Identity): Record<FieldName, string> {
  return {
    unitName: id.unitName, unitCode: id.unitCode, provinceCode: id.provinceCode, reviewerCode: id.reviewerCode ?? '',
    officerName: id.officerName ?? '', officerTitle: id.officerTitle ?? '', year: String(id.year),
  };
}

/**
 * Correct the setup (a mistyped name, code or year). Only changed fields are sent; after a
 * package was exported main asks for a reason (SETUP_REASON_REQUIRED) and logs it.
 */
export function SetupCorrection({ identity }: { identity: Identity }) {
  const { t } = useTranslation();
  const setIdentity = useAppStore((s) => s.setIdentity);
  const [values, setValues] = useState(() => valuesOf(identity));
  const [unitType, setUnitType] = useState<UnitType | ''>(identity.unitType ?? '');
  const [reason, setReason] = useState('');
  const [saved, setSaved] = useState(false);
  const { run, error, busy } = useApiCall();
  const commune = identity.role === 'commune';
  const fields: FieldName[] = commune
    ? ['unitName', 'unitCode', 'provinceCode', 'reviewerCode', 'officerName', 'officerTitle', 'year']
    : ['unitName', 'unitCode', 'provinceCode', 'officerName', 'officerTitle', 'year'];
  const before = valuesOf(identity);
  const typeChanged = identity.role === 'commune' && unitType !== '' && unitType !== (identity.unitType ?? '');
  const changed = fields.filter((f) => values[f].trim() !== before[f]);

  async function save(): Promise<void> {
    setSaved(false);
    const correction: Correction = Object.fromEntries(changed.map((f) => [f, values[f]]));
    if (typeChanged) correction.unitType = unitType;
    if (reason.trim()) correction.reason = reason;
    const next = await run((api) => api.setup.correct(correction));
    if (next) {
      setIdentity(next);
      setValues(valuesOf(next));
      setUnitType(next.unitType ?? '');
      setReason('');
      setSaved(true);
    }
  }

  return (
    <section className="card" data-testid="setup-correction">
      <h2>{t('setupCorrection.title')}</h2>
      <p className="muted small">{t(commune ? 'setupCorrection.intro' : 'setupCorrection.introReviewer')}</p>
      <form className="form-grid" onSubmit={(e) => { e.preventDefault(); void save(); }}>
        {fields.map((f) => (
          <label key={f}>
            <span>{t(`setupCorrection.fields.${f}`)}</span>
            <input data-testid={`correct-${f}`} value={values[f]} maxLength={f === 'year' ? 4 : 120}
              onChange={(e) => setValues({ ...values, [f]: e.target.value })} />
          </label>
        ))}
        {identity.role === 'commune' && (
          <label>
            <span>{t('setupCorrection.fields.unitType')}</span>
            <select data-testid="correct-unitType" value={unitType} onChange={(e) => setUnitType(e.target.value as UnitType)}>
              {unitType === '' && <option value="">—</option>}
              {(['xa', 'phuong', 'dac-khu', 'thi-tran'] as const).map((ut) => <option key={ut} value={ut}>{t(`setup.unitTypes.${ut}`)}</option>)}
            </select>
          </label>
        )}
        <label className="wide">
          <span>{t('setupCorrection.reason')}</span>
          <input data-testid="correct-reason" value={reason} maxLength={1000} onChange={(e) => setReason(e.target.value)} />
          <span className="hint small">{t(commune ? 'setupCorrection.reasonHint' : 'setupCorrection.reasonHintReviewer')}</span>
        </label>
        <div>
          <button type="submit" data-testid="correct-save" disabled={busy || (changed.length === 0 && !typeChanged)}>{t('setupCorrection.save')}</button>
        </div>
      </form>
      {saved && <p className="notice notice-ok" role="status" data-testid="correct-saved">{t(commune ? 'setupCorrection.saved' : 'setupCorrection.savedReviewer')}</p>}
      <ErrorNotice error={error} />
    </section>
  );
}
