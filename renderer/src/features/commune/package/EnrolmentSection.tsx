import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ApprovalChoice, EnrolmentStatus, EnrolmentWritten } from '@shared/ipc/enrolment';
import type { KeysStatus } from '@shared/ipc/keys';
import { groupMatches, sameFingerprint } from '@shared/package/fingerprint';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDate } from '../../../lib/format';
import { useApiCall } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';
import { Fingerprint, PassphraseInput } from '../../../components/PassphraseInput';

/** Where the person is in typing the fingerprint: nothing yet, matching so far, all of it, or a difference. */
function fingerprintState(typed: string, fingerprint: string): 'empty' | 'partial' | 'match' | 'differs' {
  if (sameFingerprint(typed, fingerprint)) return 'match';
  const groups = groupMatches(typed, fingerprint);
  if (groups.includes(false)) return 'differs';
  return groups.every((g) => g === null) ? 'empty' : 'partial';
}

/** Commune side of enrolment: the signed request + printed form, then the approval to pin. */
export function EnrolmentSection({ keys, status, onChange }: { keys: KeysStatus; status: EnrolmentStatus; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const identity = useAppStore((s) => s.identity);
  const [officerName, setOfficerName] = useState(identity?.officerName ?? '');
  const [officerTitle, setOfficerTitle] = useState(identity?.officerTitle ?? '');
  const [keyPass, setKeyPass] = useState('');
  const [written, setWritten] = useState<EnrolmentWritten | null>(null);
  const [approval, setApproval] = useState<ApprovalChoice | null>(null);
  const [typedFingerprint, setTypedFingerprint] = useState('');
  const { run, busy, error } = useApiCall();
  const key = keys.key;
  if (!key) return null;
  const needsPass = key.protection === 'passphrase';
  const makeRequest = () =>
    run(async (api) => {
      const r = await api.enrolment.request({ officerName, officerTitle, ...(needsPass ? { keyPassphrase: keyPass } : {}) });
      if (r) {
        setWritten(r);
        onChange();
      }
    });
  const chooseApproval = () =>
    run(async (api) => {
      setTypedFingerprint('');
      setApproval(await api.enrolment.chooseApproval());
    });
  // Main checks the typed fingerprint again; the screen only keeps the button shut until it matches.
  const fingerprintOk = approval !== null && sameFingerprint(typedFingerprint, approval.fingerprint);
  const accept = () =>
    run(async (api) => {
      if (!approval || !fingerprintOk) return;
      await api.enrolment.accept({ token: approval.token, fingerprint: typedFingerprint });
      setApproval(null);
      setTypedFingerprint('');
      onChange();
    });
  const enrolledHere = keys.enrolledKeyId === key.keyId;
  return (
    <section className="card" data-testid="enrolment-card">
      <h2>{t('package.enrol.title')}</h2>
      {status.pinned ? (
        <div className={`notice ${enrolledHere ? 'notice-ok' : 'notice-warn'}`} data-testid="enrolment-pinned">
          <p>{t('package.enrol.pinned', { unit: printable(status.pinned.unitName), code: printable(status.pinned.unitCode), date: formatDate(status.pinned.approvedAt, i18n.language) })}</p>
          {!enrolledHere && <p>{t('package.enrol.enrolledOther')}</p>}
          <p className="small">{t('package.enrol.pinnedKey')}: <span className="mono">{printable(status.pinned.fingerprint)}</span></p>
        </div>
      ) : (
        <p className="muted" data-testid="enrolment-none">{t('package.enrol.notEnrolled')}</p>
      )}
      <p className="muted">{t('package.enrol.lead')}</p>
      <div className="grid-2">
        <div className="field">
          <label htmlFor="officerName">{t('package.enrol.officerName')}</label>
          <input id="officerName" value={officerName} onChange={(e) => setOfficerName(e.target.value)} data-testid="input-officerName" />
        </div>
        <div className="field">
          <label htmlFor="officerTitle">{t('package.enrol.officerTitle')}</label>
          <input id="officerTitle" value={officerTitle} onChange={(e) => setOfficerTitle(e.target.value)} data-testid="input-officerTitle" />
        </div>
      </div>
      {needsPass && <PassphraseInput id="enrolKeyPassphrase" label={t('package.keys.keyPassphrase')} value={keyPass} onChange={setKeyPass} autoComplete="current-password" />}
      <div className="button-row">
        <button type="button" className="primary" disabled={busy} onClick={() => void makeRequest()} data-testid="enrol-request">{busy ? t('package.enrol.making') : t('package.enrol.make')}</button>
        <button type="button" className="secondary" disabled={busy} onClick={() => void chooseApproval()} data-testid="enrol-choose-approval">{t('package.enrol.chooseApproval')}</button>
      </div>
      {status.request && !written && (
        <p className="muted small">{t('package.enrol.lastRequest', { date: formatDate(status.request.createdAt, i18n.language), officer: printable(status.request.officerName) })}</p>
      )}
      {written && (
        <div className="notice notice-ok" role="status" data-testid="enrol-written">
          <p>{t('package.enrol.made')}</p>
          <p className="small">{t('package.enrol.requestFile')}: <span className="mono">{printable(written.requestPath)}</span></p>
          <p className="small">{t('package.enrol.formFile')}: <span className="mono">{printable(written.formPath)}</span></p>
        </div>
      )}
      {approval && (
        <div className="notice notice-warn" data-testid="approval-preview">
          <p>{t('package.enrol.approvalShows', { unit: printable(approval.unitName), code: printable(approval.unitCode) })}</p>
          <Fingerprint value={approval.fingerprint} testId="approval-fingerprint" matches={groupMatches(typedFingerprint, approval.fingerprint)} />
          <p>{t('package.enrol.approvalCompare')}</p>
          <div className="field">
            <label htmlFor="reviewerFingerprint">{t('package.enrol.typeFingerprint')}</label>
            <input
              id="reviewerFingerprint"
              className="fingerprint-input"
              value={typedFingerprint}
              onChange={(e) => setTypedFingerprint(e.target.value)}
              autoComplete="off"
              spellCheck={false}
              placeholder="XXXX-XXXX-…"
              aria-describedby="reviewerFingerprintState"
              data-testid="input-reviewerFingerprint"
            />
            <span id="reviewerFingerprintState" className={`small fingerprint-state-${fingerprintState(typedFingerprint, approval.fingerprint)}`} role="status" data-testid="fingerprint-state" data-state={fingerprintState(typedFingerprint, approval.fingerprint)}>
              {t(`package.enrol.fingerprint_${fingerprintState(typedFingerprint, approval.fingerprint)}`)}
            </span>
          </div>
          <button type="button" className="primary" disabled={busy || !fingerprintOk} onClick={() => void accept()} data-testid="enrol-accept">{t('package.enrol.accept')}</button>
        </div>
      )}
      <ErrorNotice error={error} />
    </section>
  );
}
