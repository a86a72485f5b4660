import { useTranslation } from 'react-i18next';
import { groupMatches, sameFingerprint } from '@shared/package/fingerprint';
import { Fingerprint } from '../../../components/PassphraseInput';

export type TypedState = 'empty' | 'partial' | 'match' | 'differs';

/** Where the person is in typing the fingerprint: nothing yet, matching so far, all of it, or a difference. */
export function typedState(typed: string, fingerprint: string): TypedState {
  if (sameFingerprint(typed, fingerprint)) return 'match';
  const groups = groupMatches(typed, fingerprint);
  if (groups.includes(false)) return 'differs';
  return groups.every((g) => g === null) ? 'empty' : 'partial';
}

/**
 * The fingerprint in large groups and the box where the person types it from the stamped paper
 * form; each group shows whether it agrees. Main checks the typed text again on approval.
 */
export function FingerprintCheck(props: { id: string; fingerprint: string; typed: string; onType(v: string): void; label: string }) {
  const { t } = useTranslation();
  const state = typedState(props.typed, props.fingerprint);
  return (
    <>
      <Fingerprint value={props.fingerprint} testId={`${props.id}-fingerprint`} matches={groupMatches(props.typed, props.fingerprint)} />
      <div className="field">
        <label htmlFor={props.id}>{props.label}</label>
        <input
          id={props.id}
          className="fingerprint-input"
          value={props.typed}
          onChange={(e) => props.onType(e.target.value)}
          autoComplete="off"
          spellCheck={false}
          placeholder="XXXX-XXXX-…"
          data-testid={`input-${props.id}`}
        />
        <span className={`small fingerprint-state-${state}`} role="status" data-testid={`${props.id}-state`} data-state={state}>
          {t(`reviewEnrolment.fingerprint_${state}`)}
        </span>
      </div>
    </>
  );
}
