import { useEffect, useRef } from 'react';
import type { RefObject } from 'react';
import { useTranslation } from 'react-i18next';
import type { Check } from './checks';
import { CheckPanel } from './CheckPanel';

/**
 * The check list in a side drawer opened from the totals bar. Esc or "Đóng" closes it and the
 * cursor goes back to the button that opened it; "Đến mục …" closes it and goes to the item.
 */
export function CheckDrawer({ checks, opener, onClose, onJump }: {
  checks: Check[]; opener: RefObject<HTMLButtonElement | null>; onClose(): void; onJump(code: string): void;
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  useEffect(() => {
    ref.current?.focus();
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape') return;
      e.preventDefault();
      onClose();
      opener.current?.focus();
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [onClose, opener]);
  return (
    <aside ref={ref} className="check-drawer" role="dialog" aria-labelledby="check-drawer-title" tabIndex={-1} data-testid="check-drawer">
      <div className="check-drawer-head">
        <h2 id="check-drawer-title">{t('assessment.check.title')}</h2>
        <button type="button" data-testid="check-drawer-close" onClick={() => { onClose(); opener.current?.focus(); }}>{t('assessment.check.close')}</button>
      </div>
      <CheckPanel checks={checks} onJump={(code) => { onClose(); onJump(code); }} />
    </aside>
  );
}
