import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupChoice, KeysStatus } from '@shared/ipc/keys';
import { printable } from '@shared/text';
import { ErrorNotice } from '../../components/ErrorNotice';
import { formatDate } from '../../lib/format';
import { useApiCall } from '../../lib/use-api-call';
import { Fingerprint, newPassphraseError, PassphraseInput } from '../../components/PassphraseInput';

/**
 * The key on this computer: its facts, or the form to create one; backup and restore. While the
 * key has no backup (`backupNeeded`, from Home's checklist) the backup form comes first, as a
 * banner asking for it, until one is made.
 */
export function KeySection({ status, backupNeeded = false, onChange }: { status: KeysStatus; backupNeeded?: boolean; onChange(): void }) {
  const { t, i18n } = useTranslation();
  const key = status.key;
  // Kept here, not in the form: the form moves from the banner to its usual place once backed up.
  const [backedUp, setBackedUp] = useState<string | null>(null);
  const nag = key !== null && backupNeeded;
  const backup = key && (
    <BackupKey
      needsKeyPassphrase={key.protection === 'passphrase'}
      nag={nag}
      done={backedUp}
      onDone={(path) => {
        setBackedUp(path);
        onChange();
      }}
    />
  );
  return (
    <>
      {nag && backup}
      <section className="card" data-testid="key-card">
        <h2>{t('package.keys.keyTitle')}</h2>
        {key ? (
          <>
            <dl className="facts">
              <dt>{t('package.keys.keyId')}</dt><dd className="mono" data-testid="key-id">{key.keyId}</dd>
              <dt>{t('package.keys.protection')}</dt>
              <dd data-testid="key-protection">{key.protection === 'os' ? t('package.keys.protectionOs') : t('package.keys.protectionPassphrase')}</dd>
              <dt>{t('package.keys.created')}</dt><dd>{formatDate(key.createdAt, i18n.language)}</dd>
            </dl>
            <h3>{t('package.keys.fingerprint')}</h3>
            <Fingerprint value={key.fingerprint} />
            <p className="muted small">{t('package.keys.fingerprintHint')}</p>
          </>
        ) : (
          <CreateKey osStorage={status.osStorageAvailable} onDone={onChange} />
        )}
      </section>
      {!nag && backup}
      {/* A new key here (created, restored, rotated) makes any earlier restore preview stale. */}
      <RestoreKey key={key?.keyId ?? 'none'} osStorage={status.osStorageAvailable} onDone={onChange} />
    </>
  );
}

function CreateKey({ osStorage, onDone }: { osStorage: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ pass: string | null; confirm: string | null }>({ pass: null, confirm: null });
  const { run, busy, error, clearError } = useApiCall();
  async function create(): Promise<void> {
    clearError();
    if (!osStorage) {
      const e = newPassphraseError(pass, confirm);
      setErrors(e);
      if (e.pass || e.confirm) return;
    }
    if (await run((api) => api.keys.create(osStorage ? {} : { passphrase: pass }))) onDone();
  }
  return (
    <div data-testid="create-key">
      <p>{t('package.keys.none')}</p>
      <p className="muted">{osStorage ? t('package.keys.createOsHint') : t('package.keys.createPassHint')}</p>
      {!osStorage && (
        <div className="grid-2">
          <PassphraseInput id="newPassphrase" label={t('package.keys.passphrase')} value={pass} onChange={setPass} error={errors.pass} />
          <PassphraseInput id="newPassphraseConfirm" label={t('package.keys.passphraseConfirm')} value={confirm} onChange={setConfirm} error={errors.confirm} />
        </div>
      )}
      <button type="button" className="primary" disabled={busy} onClick={() => void create()} data-testid="create-key-submit">
        {busy ? t('package.keys.creating') : t('package.keys.create')}
      </button>
      <ErrorNotice error={error} />
    </div>
  );
}

function BackupKey({ needsKeyPassphrase, nag, done, onDone }: { needsKeyPassphrase: boolean; nag: boolean; done: string | null; onDone(path: string): void }) {
  const { t } = useTranslation();
  const [keyPass, setKeyPass] = useState('');
  const [pass, setPass] = useState('');
  const [confirm, setConfirm] = useState('');
  const [errors, setErrors] = useState<{ pass: string | null; confirm: string | null }>({ pass: null, confirm: null });
  const { run, busy, error, clearError } = useApiCall();
  async function backup(): Promise<void> {
    clearError();
    const e = newPassphraseError(pass, confirm);
    setErrors(e);
    if (e.pass || e.confirm) return;
    const r = await run((api) => api.keys.backup({ backupPassphrase: pass, ...(needsKeyPassphrase ? { keyPassphrase: keyPass } : {}) }));
    if (r) {
      onDone(r.path);
      // Passphrases do not linger in the form once used.
      setKeyPass('');
      setPass('');
      setConfirm('');
    }
  }
  return (
    <section className={nag ? 'card card-attention' : 'card'} data-testid="backup-card" data-nag={nag || undefined}>
      {nag ? (
        <div data-testid="keys-backup-nag" role="alert">
          <h2>{t('checklist.backupNag.title')}</h2>
          <p>{t('checklist.backupNag.body')}</p>
        </div>
      ) : <h2>{t('package.keys.backupTitle')}</h2>}
      <p className="muted">{t('package.keys.backupLead')}</p>
      {needsKeyPassphrase && <PassphraseInput id="backupKeyPassphrase" label={t('package.keys.keyPassphrase')} value={keyPass} onChange={setKeyPass} autoComplete="current-password" />}
      <div className="grid-2">
        <PassphraseInput id="backupPassphrase" label={t('package.keys.backupPassphrase')} value={pass} onChange={setPass} error={errors.pass} />
        <PassphraseInput id="backupPassphraseConfirm" label={t('package.keys.passphraseConfirm')} value={confirm} onChange={setConfirm} error={errors.confirm} />
      </div>
      <button type="button" className={nag ? 'primary' : 'secondary'} disabled={busy} onClick={() => void backup()} data-testid="backup-submit">
        {nag ? t('checklist.backupNag.action') : t('package.keys.backup')}
      </button>
      {done && <p className="notice notice-ok" role="status" data-testid="backup-done">{t('package.keys.backedUp', { path: printable(done) })}</p>}
      <ErrorNotice error={error} />
    </section>
  );
}

function RestoreKey({ osStorage, onDone }: { osStorage: boolean; onDone(): void }) {
  const { t } = useTranslation();
  const [choice, setChoice] = useState<BackupChoice | null>(null);
  const [backupPass, setBackupPass] = useState('');
  const [newPass, setNewPass] = useState('');
  const [confirmDifferent, setConfirmDifferent] = useState(false);
  const [done, setDone] = useState<string | null>(null);
  const { run, busy, error } = useApiCall();
  const choose = () => void run(async (api) => { setDone(null); setChoice(await api.keys.chooseBackup()); });
  const restore = () =>
    void run(async (api) => {
      if (!choice) return;
      const k = await api.keys.restore({ token: choice.token, backupPassphrase: backupPass, confirmDifferent, ...(osStorage ? {} : { newPassphrase: newPass }) });
      setChoice(null);
      setDone(k.keyId);
      onDone();
    });
  return (
    <section className="card" data-testid="restore-card">
      <h2>{t('package.keys.restoreTitle')}</h2>
      <button type="button" className="secondary" disabled={busy} onClick={choose} data-testid="restore-choose">{t('package.keys.restoreChoose')}</button>
      {choice && (
        <div data-testid="restore-preview">
          <p>{t('package.keys.restoreShows')}</p>
          <Fingerprint value={choice.fingerprint} testId="restore-fingerprint" />
          {choice.sameAsCurrent && <p className="muted">{t('package.keys.restoreSame')}</p>}
          {!choice.sameAsCurrent && <p className="muted">{t('package.keys.restoreReplaces')}</p>}
          {choice.differsFromEnrolled && (
            <div className="notice notice-warn" role="alert">
              <p>{t('package.keys.restoreDifferent')}</p>
              <label><input type="checkbox" checked={confirmDifferent} onChange={(e) => setConfirmDifferent(e.target.checked)} data-testid="restore-confirm-different" /> {t('package.keys.restoreConfirmDifferent')}</label>
            </div>
          )}
          <div className="grid-2">
            <PassphraseInput id="restoreBackupPassphrase" label={t('package.keys.backupPassphrase')} value={backupPass} onChange={setBackupPass} autoComplete="current-password" />
            {!osStorage && <PassphraseInput id="restoreNewPassphrase" label={t('package.keys.newPassphrase')} value={newPass} onChange={setNewPass} />}
          </div>
          <button type="button" className="primary" disabled={busy || (choice.differsFromEnrolled && !confirmDifferent)} onClick={restore} data-testid="restore-submit">{t('package.keys.restore')}</button>
        </div>
      )}
      {done && <p className="notice notice-ok" role="status">{t('package.keys.restored', { keyId: done })}</p>}
      <ErrorNotice error={error} />
    </section>
  );
}
