import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { KeysStatus, RotationApprovalChoice, RotationWritten } from '@shared/ipc/keys';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Fingerprint, newPassphraseError, PassphraseInput } from '../../components/PassphraseInput';
import { formatDate } from '../../lib/format';
import { useApiCall } from '../../lib/use-api-call';

/**
 * Commune: change the signing key. The reviewing unit approves a rotation only after comparing the
 * new fingerprint with the printed, stamped rotation form, and the commune keeps signing with its
 * current key until that approval file is imported here.
 */
export function RotationSection({ keys, onChange }: { keys: KeysStatus; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const [keyPass, setKeyPass] = useState('');
  const [newPass, setNewPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ pass: string | null; confirm: string | null }>({ pass: null, confirm: null });
  const [written, setWritten] = useState<RotationWritten | null>(null);
  const [approval, setApproval] = useState<RotationApprovalChoice | null>(null);
  const [switched, setSwitched] = useState<string | null>(null);
  const { run, busy, error } = useApiCall();
  const key = keys.key;
  if (!key) return null;
  const needsKeyPass = key.protection === 'passphrase';
  const start = () =>
    run(async (api) => {
      if (!keys.osStorageAvailable) {
        const e = newPassphraseError(newPass, confirm);
        setErrors(e);
        if (e.pass || e.confirm) return;
      }
      const r = await api.keys.rotate({ ...(needsKeyPass ? { keyPassphrase: keyPass } : {}), ...(keys.osStorageAvailable ? {} : { newPassphrase: newPass }) });
      if (r) {
        setWritten(r);
        setKeyPass('');
        setNewPass('');
        setConfirm('');
        onChange();
      }
    });
  const printAgain = () =>
    run(async (api) => {
      await api.keys.rotationForm();
    });
  const chooseApproval = () => run(async (api) => setApproval(await api.keys.chooseRotationApproval()));
  const accept = () =>
    run(async (api) => {
      if (!approval) return;
      await api.keys.acceptRotation({ token: approval.token });
      setSwitched(approval.newKeyId);
      setApproval(null);
      setWritten(null);
      onChange();
    });
  const pending = keys.pendingRotation;
  return (
    <section className="card" data-testid="rotation-card">
      <h2>{t('package.rotate.title')}</h2>
      {switched && <p className="notice notice-ok" role="status" data-testid="rotation-switched">{t('package.rotate.switched', { keyId: switched })}</p>}
      {pending ? (
        <div data-testid="rotation-pending">
          <div className="notice notice-warn">
            <p>{t('package.rotate.pending', { date: formatDate(pending.createdAt, i18n.language), from: formatDate(pending.effectiveFrom, i18n.language) })}</p>
            <Fingerprint value={pending.newFingerprint} testId="rotation-new-fingerprint" />
            <p>{t('package.rotate.pendingStillOld')}</p>
          </div>
          {written && (
            <div className="notice notice-ok" role="status" data-testid="rotation-written">
              <p>{t('package.rotate.made')}</p>
              <p className="small">{t('package.rotate.statementFile')}: <span className="mono">{printable(written.statementPath)}</span></p>
              <p className="small">{t('package.rotate.formFile')}: <span className="mono">{printable(written.formPath)}</span></p>
            </div>
          )}
          <div className="button-row">
            <button type="button" className="secondary" disabled={busy} onClick={() => void printAgain()} data-testid="rotation-print">{t('package.rotate.print')}</button>
            <button type="button" className="primary" disabled={busy} onClick={() => void chooseApproval()} data-testid="rotation-choose-approval">{t('package.rotate.chooseApproval')}</button>
          </div>
          {approval && (
            <div className="notice notice-warn" data-testid="rotation-approval-preview">
              <p>{t('package.rotate.approvalShows', { unit: printable(approval.unitName), code: printable(approval.unitCode), date: formatDate(approval.approvedAt, i18n.language) })}</p>
              <Fingerprint value={approval.newFingerprint} testId="rotation-approved-fingerprint" />
              <p>{t('package.rotate.approvalSwitch')}</p>
              <button type="button" className="primary" disabled={busy} onClick={() => void accept()} data-testid="rotation-accept">{t('package.rotate.accept')}</button>
            </div>
          )}
        </div>
      ) : (
        <div data-testid="rotation-start">
          <p className="muted">{t('package.rotate.lead')}</p>
          {needsKeyPass && <PassphraseInput id="rotateKeyPassphrase" label={t('package.keys.keyPassphrase')} value={keyPass} onChange={setKeyPass} autoComplete="current-password" />}
          {!keys.osStorageAvailable && (
            <div className="grid-2">
              <PassphraseInput id="rotateNewPassphrase" label={t('package.rotate.newPassphrase')} value={newPass} onChange={setNewPass} error={errors.pass} />
              <PassphraseInput id="rotateNewPassphraseConfirm" label={t('package.keys.passphraseConfirm')} value={confirm} onChange={setConfirm} error={errors.confirm} />
            </div>
          )}
          <button type="button" className="secondary" disabled={busy} onClick={() => void start()} data-testid="rotation-submit">{busy ? t('package.enrol.making') : t('package.rotate.make')}</button>
        </div>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
