import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { saveKeyItem, useAssessment } from './assessment-store';

/**
 * A failed autosave, shown with its reason (the error catalogue sentence), the items still not
 * saved and a retry. Stays until every failed save has gone through.
 */
export function SaveFailure() {
  const { t } = useTranslation();
  const unsaved = useAssessment((s) => s.unsaved);
  const saveError = useAssessment((s) => s.saveError);
  const retry = useAssessment((s) => s.retry);
  const [busy, setBusy] = useState(false);
  const keys = Object.keys(unsaved);
  if (keys.length === 0 || !saveError) return null;
  const items = [...new Set(keys.map(saveKeyItem))].sort((a, b) => a.localeCompare(b, 'vi', { numeric: true }));
  return (
    <div className="save-failure" data-testid="save-failure">
      <ErrorNotice error={saveError} />
      <p>
        {t('assessment.unsavedItems', { count: items.length, items: items.join(', ') })}{' '}
        <button
          type="button"
          data-testid="save-retry"
          disabled={busy}
          onClick={() => {
            setBusy(true);
            void retry().finally(() => setBusy(false));
          }}
        >
          {t('common.retry')}
        </button>
      </p>
    </div>
  );
}
