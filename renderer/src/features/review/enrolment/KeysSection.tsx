import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PendingRotationRow } from '@shared/ipc/enrolment';
import { sameFingerprint } from '@shared/package/fingerprint';
import { printable } from '@shared/text';
import { DateInput } from '../../../components/DateInput';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { PassphraseInput } from '../../../components/PassphraseInput';
import { formatDate } from '../../../lib/format';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { FingerprintCheck } from './FingerprintCheck';

const today = () => new Date().toISOString().slice(0, 10);

/** The keys the unit enrolled (revoke one from a date) and the rotation statements waiting for the paper check. */
export function KeysSection(props: { reload: number; needsPass: boolean; pass: string; onPass(v: string): void }) {
  const { t, i18n } = useTranslation();
  const call = useApiCall();
  const [mine, setMine] = useState(0);
  const { data: keys } = useApiLoad((api) => api.enrolment.keys(), [props.reload, mine]);
  const { data: rotations } = useApiLoad((api) => api.enrolment.rotations(), [props.reload, mine]);
  const [revoking, setRevoking] = useState<string | null>(null);
  const [from, setFrom] = useState(today());
  const [rotation, setRotation] = useState<PendingRotationRow | null>(null);
  const [typed, setTyped] = useState('');
  const [notice, setNotice] = useState<string | null>(null);

  const revoke = async (keyId: string) => {
    const r = await call.run((api) => api.enrolment.revoke({ keyId, from }));
    if (r) {
      setRevoking(null);
      setMine((n) => n + 1);
    }
  };
  const approveRotation = async () => {
    if (!rotation) return;
    const r = await call.run((api) => api.enrolment.approveRotation({ statementSha256: rotation.statementSha256, fingerprint: typed, ...(props.needsPass ? { keyPassphrase: props.pass } : {}) }));
    if (r) {
      setNotice(t('reviewEnrolment.rotationApproved', { path: printable(r.path) }));
      setRotation(null);
      setMine((n) => n + 1);
    }
  };

  return (
    <>
      <section className="card" data-testid="enrolled-keys">
        <h2>{t('reviewEnrolment.keys')}</h2>
        <ErrorNotice error={call.error} />
        {keys && keys.length === 0 && <p className="muted">{t('reviewEnrolment.noKeys')}</p>}
        {keys && keys.length > 0 && (
          <table className="table">
            <thead>
              <tr><th>{t('reviewEnrolment.commune')}</th><th>{t('reviewEnrolment.keyId')}</th><th>{t('reviewEnrolment.validFrom')}</th><th>{t('reviewEnrolment.status')}</th><th /></tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.keyId} data-key={k.keyId} data-status={k.status}>
                  <td>{printable(k.communeCode)} · {printable(k.communeName)}</td>
                  <td className="mono small" title={printable(k.fingerprint)}>{printable(k.keyId)}</td>
                  <td>{formatDate(k.validFrom, i18n.language)}</td>
                  <td>
                    {k.status === 'active' ? <span className="badge badge-ok">{t('reviewEnrolment.active')}</span>
                      : <span className="badge badge-error">{t('reviewEnrolment.revokedFrom', { date: k.revokedFrom ? formatDate(k.revokedFrom, i18n.language) : '—' })}</span>}
                  </td>
                  <td>
                    {k.status === 'active' && revoking !== k.keyId && (
                      <button type="button" className="secondary" onClick={() => { setRevoking(k.keyId); setFrom(today()); }} data-testid="key-revoke">{t('reviewEnrolment.revoke')}</button>
                    )}
                    {revoking === k.keyId && (
                      <div data-testid="revoke-form">
                        <p className="small">{t('reviewEnrolment.revokeLead')}</p>
                        <label className="small" htmlFor="revokeFrom">{t('reviewEnrolment.revokeFrom')}</label>
                        <DateInput id="revokeFrom" value={from} onChange={setFrom} data-testid="input-revokeFrom" />
                        <div className="button-row">
                          <button type="button" className="danger" disabled={call.busy} onClick={() => void revoke(k.keyId)} data-testid="key-revoke-confirm">{t('reviewEnrolment.confirmRevoke')}</button>
                          <button type="button" className="secondary" onClick={() => setRevoking(null)}>{t('reviewEnrolment.cancel')}</button>
                        </div>
                      </div>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
      <section className="card" data-testid="pending-rotations">
        <h2>{t('reviewEnrolment.rotations')}</h2>
        {notice && <div className="notice notice-ok" role="status">{notice}</div>}
        {rotations && rotations.length === 0 && <p className="muted">{t('reviewEnrolment.noRotations')}</p>}
        {rotations?.map((r) => (
          <div key={r.statementSha256} data-testid="rotation">
            <p>
              {t('reviewEnrolment.rotationLine', { code: printable(r.communeCode), date: formatDate(r.effectiveFrom, i18n.language) })}{' '}
              {rotation?.statementSha256 !== r.statementSha256 && (
                <button type="button" className="secondary" onClick={() => { setRotation(r); setTyped(''); }} data-testid="rotation-open">{t('reviewEnrolment.open')}</button>
              )}
            </p>
            {rotation?.statementSha256 === r.statementSha256 && (
              <>
                <FingerprintCheck id="rotationFingerprint" fingerprint={r.newFingerprint} typed={typed} onType={setTyped} label={t('reviewEnrolment.typeNewFingerprint')} />
                {props.needsPass && <PassphraseInput id="rotationKeyPassphrase" label={t('reviewEnrolment.keyPassphrase')} value={props.pass} onChange={props.onPass} autoComplete="current-password" />}
                <div className="button-row">
                  <button type="button" className="primary" disabled={call.busy || !sameFingerprint(typed, r.newFingerprint)} onClick={() => void approveRotation()} data-testid="rotation-approve">{t('reviewEnrolment.approveRotation')}</button>
                </div>
              </>
            )}
          </div>
        ))}
      </section>
    </>
  );
}
