import { zodResolver } from '@hookform/resolvers/zod';
import { useState } from 'react';
import type { Resolver } from 'react-hook-form';
import { useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import type { Role } from '@shared/identity';
import type { UnitType } from '@shared/framework/schema';
import { setupInputSchema } from '@shared/identity';
import type { FrameworkChoice } from '@shared/ipc/contract';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ApiError } from '../../lib/api-error';
import { useApiCall } from '../../lib/use-api-call';
import { useAppStore } from '../../stores/app-store';
import { RoleStep } from './RoleStep';
import { TextField } from './TextField';

export interface SetupFormValues {
  role: Role;
  level: 'district' | 'province';
  unitCode: string;
  unitName: string;
  provinceCode: string;
  reviewerCode: string;
  officerName: string;
  officerTitle: string;
  year: string;
  /** xã / phường / đặc khu / thị trấn: '' until chosen (a commune must choose). */
  unitType: UnitType | '';
}

// The form holds every field; the shared schema (a union on `role`) decides which count.
const resolver = zodResolver(setupInputSchema) as unknown as Resolver<SetupFormValues>;

export function SetupScreen() {
  const { t } = useTranslation();
  const setIdentity = useAppStore((s) => s.setIdentity);
  const [role, setRole] = useState<Role | null>(null);
  const [choice, setChoice] = useState<FrameworkChoice | null>(null);
  const [useFile, setUseFile] = useState(false);
  const { run, error } = useApiCall();
  const form = useForm<SetupFormValues>({
    resolver,
    mode: 'onSubmit',
    reValidateMode: 'onChange',
    defaultValues: {
      role: 'commune', level: 'province', unitCode: '', unitName: '', provinceCode: '', reviewerCode: '',
      officerName: '', officerTitle: '', year: String(new Date().getFullYear()), unitType: '',
    },
  });
  const level = form.watch('level');

  if (role === null) {
    return (
      <RoleStep
        onChoose={(r) => {
          form.setValue('role', r);
          setRole(r);
        }}
      />
    );
  }

  async function chooseFile(): Promise<void> {
    const c = await run((api) => api.framework.choose());
    if (c) {
      setChoice(c);
      setUseFile(true);
    }
  }

  const onSubmit = form.handleSubmit(async (values) => {
    // The engine scores each type with its own variant of the framework: a commune must say which it is.
    if (values.role === 'commune' && values.unitType === '') {
      form.setError('unitType', { message: 'UNIT_TYPE' });
      return;
    }
    const { unitType, ...rest } = values;
    const setup = values.role === 'commune' ? { ...rest, unitType } : rest;
    const identity = await run(async (api) => {
      try {
        return await api.setup.complete({
          setup: setup as never,
          ...(useFile && choice ? { frameworkToken: choice.token } : {}),
        });
      } catch (err) {
        // Field errors from main land on their fields; the notice above the button shows the rest.
        const fields = err instanceof ApiError ? (err.shape.details?.['fields'] as Record<string, string> | undefined) : undefined;
        if (fields) {
          for (const [name, message] of Object.entries(fields)) {
            form.setError(name.replace(/^setup\./u, '') as keyof SetupFormValues, { message });
          }
        }
        throw err;
      }
    });
    if (identity) setIdentity(identity);
  });

  const commune = role === 'commune';
  const codeLabel = commune ? t('setup.unitCodeCommune') : level === 'province' ? t('setup.unitCodeProvince') : t('setup.unitCodeDistrict');
  return (
    <div className="setup">
      <h1>{t('setup.title')}</h1>
      <p className="muted">{t('setup.step2')} — {commune ? t('roles.commune') : t('roles.district')}</p>
      <form onSubmit={(e) => void onSubmit(e)} noValidate data-testid="setup-form">
        {!commune && (
          <fieldset className="radio-row">
            <legend>{t('setup.level')}</legend>
            <label><input type="radio" value="province" {...form.register('level')} /> {t('roles.levelProvince')}</label>
            <label><input type="radio" value="district" {...form.register('level')} /> {t('roles.levelDistrict')}</label>
          </fieldset>
        )}
        <div className="grid-2">
          <TextField form={form} name="unitCode" label={codeLabel} inputMode="numeric" autoFocus />
          <TextField form={form} name="provinceCode" label={t('setup.provinceCode')} inputMode="numeric" />
        </div>
        <TextField
          form={form}
          name="unitName"
          label={commune ? t('setup.unitNameCommune') : t('setup.unitNameReviewer')}
          placeholder={commune ? t('setup.unitNamePlaceholderCommune') : t('setup.unitNamePlaceholderReviewer')}
        />
        {commune && (
          <fieldset className="radio-row" data-testid="setup-unit-type">
            <legend>{t('setup.unitType')}</legend>
            {(['xa', 'phuong', 'dac-khu', 'thi-tran'] as const).map((ut) => (
              <label key={ut}><input type="radio" value={ut} {...form.register('unitType')} data-testid={`unit-type-${ut}`} /> {t(`setup.unitTypes.${ut}`)}</label>
            ))}
            {form.formState.errors.unitType && <small className="error" role="alert" data-testid="unit-type-error">{t('fields.UNIT_TYPE')}</small>}
          </fieldset>
        )}
        {commune && <TextField form={form} name="reviewerCode" label={t('setup.reviewerCode')} hint={t('setup.reviewerHint')} inputMode="numeric" />}
        <div className="grid-2">
          <TextField form={form} name="officerName" label={`${t('setup.officerName')} ${t('setup.optional')}`} />
          <TextField form={form} name="officerTitle" label={`${t('setup.officerTitle')} ${t('setup.optional')}`} placeholder={t('setup.officerTitlePlaceholder')} />
        </div>
        <TextField form={form} name="year" label={t('setup.year')} inputMode="numeric" />
        <fieldset className="framework-choice">
          <legend>{t('setup.framework')}</legend>
          <label>
            <input type="radio" name="fw" checked={!useFile} onChange={() => setUseFile(false)} /> {t('setup.frameworkSample')}
          </label>
          <div>
            <button type="button" className="secondary" onClick={() => void chooseFile()} data-testid="choose-framework">
              {t('setup.frameworkFile')}
            </button>
            {choice && (
              <label className="chosen">
                <input type="radio" name="fw" checked={useFile} onChange={() => setUseFile(true)} />{' '}
                {t('setup.frameworkChosen', { title: choice.title, province: choice.provinceCode, year: choice.year, items: choice.itemCount })}
              </label>
            )}
          </div>
        </fieldset>
        <ErrorNotice error={error} />
        <div className="actions">
          <button type="button" className="secondary" onClick={() => setRole(null)}>{t('common.back')}</button>
          <button type="submit" className="primary" disabled={form.formState.isSubmitting} data-testid="setup-submit">
            {form.formState.isSubmitting ? t('setup.saving') : t('setup.submit')}
          </button>
        </div>
      </form>
    </div>
  );
}
