import { useTranslation } from 'react-i18next';
import type { SurveyProgress } from '@shared/survey/types';
import { targetState } from './keying-model';

/**
 * The forms saved against the unit's target: "12/20 phiếu" while short of it, "Đủ 20/20 phiếu"
 * once reached, and how many are beyond it (still counted and sent).
 */
export function TargetLine({ progress, testId }: { progress: SurveyProgress; testId: string }) {
  const { t } = useTranslation();
  const { saved, target, min, verified } = progress;
  const { state, beyond } = targetState(saved, target);
  const head = state === 'below' ? t('survey.target.below', { saved, target }) : t('survey.target.reached', { target });
  const parts = [
    head,
    ...(state === 'beyond' ? [t('survey.target.beyond', { count: beyond })] : []),
    ...(state === 'below' && min < target ? [t('survey.target.minimum', { min })] : []),
    t('survey.target.verified', { verified }),
  ];
  return (
    <p className={`keying-progress target-${state}`} data-testid={testId} data-state={state}>
      {state !== 'below' && <span className="target-mark" aria-hidden>✓ </span>}
      <strong>{parts[0]}</strong>{parts.length > 1 ? ` · ${parts.slice(1).join(' · ')}` : ''}
    </p>
  );
}
