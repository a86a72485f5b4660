import type { HTMLAttributes } from 'react';
import type { UseFormReturn } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { SetupFormValues } from './SetupScreen';

interface Props {
  form: UseFormReturn<SetupFormValues>;
  name: keyof SetupFormValues;
  label: string;
  hint?: string;
  placeholder?: string;
  inputMode?: HTMLAttributes<HTMLInputElement>['inputMode'];
  autoFocus?: boolean;
}

/** A labelled input whose error is the shared schema's reason, translated. */
export function TextField({ form, name, label, hint, placeholder, inputMode, autoFocus }: Props) {
  const { t, i18n } = useTranslation();
  const message = form.formState.errors[name]?.message;
  const id = `f-${name}`;
  const text = message ? (i18n.exists(`fields.${message}`) ? t(`fields.${message}`) : t('fields.INVALID')) : null;
  return (
    <div className={`field${text ? ' has-error' : ''}`}>
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        {...form.register(name)}
        placeholder={placeholder}
        inputMode={inputMode}
        autoFocus={autoFocus}
        aria-invalid={text ? true : undefined}
        aria-describedby={text ? `${id}-err` : hint ? `${id}-hint` : undefined}
        data-testid={`input-${name}`}
      />
      {hint && !text && <small id={`${id}-hint`} className="hint">{hint}</small>}
      {text && <small id={`${id}-err`} className="error" role="alert">{text}</small>}
    </div>
  );
}
