import { useTranslation } from 'react-i18next';
import { printable } from '@shared/text';

/** A passphrase box; `error` is a key of `fields.` (PASSPHRASE_SHORT…). */
export function PassphraseInput(props: { id: string; label: string; value: string; onChange(v: string): void; error?: string | null | undefined; autoComplete?: string }) {
  const { t } = useTranslation();
  return (
    <div className={`field${props.error ? ' has-error' : ''}`}>
      <label htmlFor={props.id}>{props.label}</label>
      <input
        id={props.id}
        type="password"
        autoComplete={props.autoComplete ?? 'new-password'}
        value={props.value}
        onChange={(e) => props.onChange(e.target.value)}
        data-testid={`input-${props.id}`}
        aria-invalid={props.error ? true : undefined}
      />
      {props.error && <span className="error" role="alert">{t(`fields.${props.error}`)}</span>}
    </div>
  );
}

/** Field error for a new passphrase and its confirmation, or null when both are fine. */
export function newPassphraseError(pass: string, confirm: string): { pass: string | null; confirm: string | null } {
  if (pass.length < 8) return { pass: 'PASSPHRASE_SHORT', confirm: null };
  if (pass !== confirm) return { pass: null, confirm: 'PASSPHRASE_MISMATCH' };
  return { pass: null, confirm: null };
}

/**
 * The fingerprint as people compare it: 13 groups of four, in large monospaced type. With
 * `matches`, each group shows whether what the person typed agrees with it (null: not typed yet).
 */
export function Fingerprint({ value, testId, matches }: { value: string; testId?: string; matches?: readonly (boolean | null)[] }) {
  return (
    <div className="fingerprint mono" data-testid={testId ?? 'fingerprint'} data-value={value} aria-label={value}>
      {value.split('-').map((g, i) => {
        const m = matches?.[i];
        return (
          <span key={i} className={m === true ? 'fp-match' : m === false ? 'fp-differs' : undefined} data-match={m === undefined || m === null ? undefined : String(m)}>
            {printable(g)}
          </span>
        );
      })}
    </div>
  );
}
