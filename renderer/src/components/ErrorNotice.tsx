import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError, errorCode } from '../lib/api-error';
import { printable, printableJson } from '@shared/text';

/** What happened and what to do, in the user's language; the technical part one click away. */
export function ErrorNotice({ error }: { error: unknown }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  if (!error) return null;
  const shape = error instanceof ApiError ? error.shape : null;
  const code = errorCode(error);
  const issues = (shape?.details?.['issues'] as { path: string; message: string }[] | undefined) ?? [];
  return (
    <div className="notice notice-error" role="alert" data-testid="error-notice" data-code={code}>
      <strong>{t('errors.title')}</strong>
      <p>{t(`errors.${code}`)}</p>
      {issues.length > 0 && (
        <ul className="issue-list">
          {issues.map((i, n) => (
            <li key={n}><code>{printable(String(i.path))}</code> {printable(String(i.message))}</li>
          ))}
        </ul>
      )}
      <button type="button" className="link" onClick={() => setOpen(!open)}>{t('common.details')}</button>
      {open && <pre className="details">{printableJson(JSON.stringify(shape ?? { message: String(error) }, null, 2))}</pre>}
    </div>
  );
}
