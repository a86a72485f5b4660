import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { InboxRequest } from '@shared/ipc/enrolment';
import { sameFingerprint } from '@shared/package/fingerprint';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Fingerprint, PassphraseInput } from '../../../components/PassphraseInput';
import { formatDateTime } from '../../../lib/format';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { FingerprintCheck } from './FingerprintCheck';
import { KeysSection } from './KeysSection';

const BADGE: Record<InboxRequest['state'], string> = { pending: 'badge-warn', approved: 'badge-ok', rejected: 'badge-error', refused: 'badge-error' };

/**
 * The reviewing unit's enrolment inbox: request files opened (files or a folder), one chosen to
 * compare with its stamped paper form, approved (fingerprint typed) or rejected (reason); below,
 * the enrolled keys (revoke) and the pending key rotations.
 */
export function EnrolmentScreen() {
  const { t, i18n } = useTranslation();
  const call = useApiCall();
  const { data: keyStatus } = useApiLoad((api) => api.keys.status(), []);
  const [items, setItems] = useState<InboxRequest[] | null>(null);
  const [selected, setSelected] = useState<number | null>(null);
  const [typed, setTyped] = useState('');
  const [reason, setReason] = useState('');
  const [pass, setPass] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [reload, setReload] = useState(0);
  const needsPass = keyStatus?.key?.protection === 'passphrase';
  const detailRef = useRef<HTMLElement>(null);
  const [opened, setOpened] = useState(0);
  // A request opened from the list comes into view (on a small screen it is below the list).
  useEffect(() => {
    if (opened > 0) detailRef.current?.scrollIntoView({ block: 'start' });
  }, [opened]);

  const select = (i: number | null) => {
    setSelected(i);
    setTyped('');
    setReason('');
    setNotice(null);
  };
  const choose = async (from: 'files' | 'folder') => {
    const r = await call.run((api) => api.enrolment.inbox({ from }));
    if (r === undefined || r === null) return;
    setItems(r);
    select(r.findIndex((x) => x.state === 'pending' && x.kind === 'request') >= 0 ? r.findIndex((x) => x.state === 'pending' && x.kind === 'request') : null);
    setReload((n) => n + 1);
  };
  const replace = (i: number, item: InboxRequest) => setItems((all) => (all ? all.map((x, j) => (j === i ? item : x)) : all));
  const item = items !== null && selected !== null ? items[selected] ?? null : null;
  const approve = async () => {
    if (!item?.token || selected === null) return;
    const r = await call.run((api) => api.enrolment.approve({ token: item.token!, fingerprint: typed, ...(needsPass ? { keyPassphrase: pass } : {}) }));
    if (!r) return;
    replace(selected, r.item);
    setNotice(t('reviewEnrolment.approved', { path: printable(r.path) }));
    setReload((n) => n + 1);
  };
  const reject = async () => {
    if (!item?.token || selected === null) return;
    const r = await call.run((api) => api.enrolment.reject({ token: item.token!, reason }));
    if (r) replace(selected, r);
  };

  return (
    <div data-testid="review-enrolment-screen">
      <h1>{t('reviewEnrolment.title')}</h1>
      <p className="muted">{t('reviewEnrolment.lead')}</p>
      <div className="row-actions">
        <button type="button" className="primary" disabled={call.busy} onClick={() => void choose('files')} data-testid="enrol-inbox-files">{t('reviewEnrolment.chooseFiles')}</button>
        <button type="button" disabled={call.busy} onClick={() => void choose('folder')} data-testid="enrol-inbox-folder">{t('reviewEnrolment.chooseFolder')}</button>
        {call.busy && <span className="muted">{t('reviewEnrolment.reading')}</span>}
      </div>
      <ErrorNotice error={call.error} />
      {notice && <div className="notice notice-ok" role="status" data-testid="enrol-notice">{notice}</div>}
      {items !== null && (
        <section className="card">
          <h2>{t('reviewEnrolment.inbox')}</h2>
          {items.length === 0 && <p>{t('reviewEnrolment.nothing')}</p>}
          {items.length > 0 && (
            <table className="table" data-testid="enrol-inbox">
              <thead>
                <tr><th>{t('reviewEnrolment.file')}</th><th>{t('reviewEnrolment.commune')}</th><th>{t('reviewEnrolment.officer')}</th><th>{t('reviewEnrolment.state')}</th><th /></tr>
              </thead>
              <tbody>
                {items.map((x, i) => (
                  <tr key={`${x.file}-${i}`} data-state={x.state} data-code={x.communeCode ?? ''} className={i === selected ? 'selected' : undefined}>
                    <td className="mono small">{printable(x.file)}</td>
                    <td>
                      {x.communeCode ? `${printable(x.communeCode)} · ${printable(x.rosterName ?? x.communeName ?? '')}` : '—'}
                      {x.communeCode && x.rosterName === null && <div className="small"><span className="badge badge-warn">{t('reviewEnrolment.notOnRoster')}</span></div>}
                    </td>
                    <td>{x.kind === 'rotation' ? t('reviewEnrolment.rotationFile') : x.officerName ? printable(x.officerName) : '—'}</td>
                    <td>
                      <span className={`badge ${BADGE[x.state]}`}>{t(`reviewEnrolment.states.${x.state}`)}</span>
                      {x.state === 'refused' && x.message && <div className="small">{x.message}</div>}
                    </td>
                    <td>{x.kind === 'request' && x.fingerprint && <button type="button" className="secondary" onClick={() => { select(i); setOpened((n) => n + 1); }} data-testid="enrol-open">{t('reviewEnrolment.open')}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
      {item && item.fingerprint && (
        <section className="card" ref={detailRef} data-testid="enrol-detail" data-state={item.state}>
          <h2>{printable(item.communeCode ?? '')} · {printable(item.rosterName ?? item.communeName ?? '')}</h2>
          <p data-testid="enrol-roster">
            {item.rosterName === null ? <span className="badge badge-warn">{t('reviewEnrolment.notOnRoster')}</span> : t('reviewEnrolment.onRoster', { name: printable(item.rosterName) })}
            {' · '}{t('reviewEnrolment.requestName', { name: printable(item.communeName ?? '') })}
          </p>
          <p>
            {t('reviewEnrolment.officerLine', { name: printable(item.officerName ?? ''), title: printable(item.officerTitle ?? '') })}
            {item.createdAt && ` · ${t('reviewEnrolment.createdAt', { date: formatDateTime(item.createdAt, i18n.language) })}`}
          </p>
          <p className="muted">{t('reviewEnrolment.fingerprintLead')}</p>
          {item.state === 'pending' && item.token ? (
            <>
              <FingerprintCheck id="requestFingerprint" fingerprint={item.fingerprint} typed={typed} onType={setTyped} label={t('reviewEnrolment.typeFingerprint')} />
              {needsPass && <PassphraseInput id="reviewerKeyPassphrase" label={t('reviewEnrolment.keyPassphrase')} value={pass} onChange={setPass} autoComplete="current-password" />}
              <div className="button-row">
                <button type="button" className="primary" disabled={call.busy || !sameFingerprint(typed, item.fingerprint)} onClick={() => void approve()} data-testid="enrol-approve">{t('reviewEnrolment.approve')}</button>
              </div>
              <div className="field">
                <label htmlFor="rejectReason">{t('reviewEnrolment.reason')}</label>
                <input id="rejectReason" value={reason} onChange={(e) => setReason(e.target.value)} data-testid="input-rejectReason" />
              </div>
              <div className="button-row">
                <button type="button" className="secondary" disabled={call.busy || reason.trim().length < 5} onClick={() => void reject()} data-testid="enrol-reject">{t('reviewEnrolment.reject')}</button>
              </div>
            </>
          ) : (
            <Fingerprint value={item.fingerprint} testId="requestFingerprint-fingerprint" />
          )}
          {item.rejection && (
            <p className="notice notice-warn" data-testid="enrol-rejection">
              {t('reviewEnrolment.rejectedLine', { by: printable(item.rejection.rejectedBy), date: formatDateTime(item.rejection.rejectedAt, i18n.language), reason: printable(item.rejection.reason) })}
            </p>
          )}
        </section>
      )}
      <KeysSection reload={reload} needsPass={needsPass} pass={pass} onPass={setPass} />
    </div>
  );
}
