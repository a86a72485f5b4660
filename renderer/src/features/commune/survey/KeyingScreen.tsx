import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import './survey.css';
import { useTranslation } from 'react-i18next';
import { useNavigate, useSearchParams } from 'react-router-dom';
import type { FinishResult, SurveyFormView, SurveyPass } from '@shared/survey/types';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDateTime } from '../../../lib/format';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { useAppStore } from '../../../stores/app-store';
import type { KeyingDone } from './KeyingForm';
import { KeyingForm } from './KeyingForm';
import { PaperForm } from './PaperForm';
import { ResolvePanel } from './ResolvePanel';
import { SurveyTabs } from './SurveyTabs';
import { TargetLine } from './TargetLine';
import { useSurveyStore } from './survey-store';
import { useSurveyDef } from './use-survey-def';

type Phase =
  | { kind: 'number' }
  | { kind: 'exists'; form: SurveyFormView }
  | { kind: 'keying'; form: SurveyFormView; correcting: boolean }
  | { kind: 'resolve'; form: SurveyFormView; result: FinishResult };

/** "007" after "006": the paper forms usually come in order, so Enter alone accepts it. */
function nextNumber(formNo: string): string {
  return /^\d+$/u.test(formNo) ? String(Number(formNo) + 1).padStart(formNo.length, '0') : '';
}

/** Keying screen for pass 1 (and corrections, ?edit=ID) or the blind pass 2 (?no=N prefills). */
export function KeyingScreen({ pass }: { pass: SurveyPass }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const { def, error: defError } = useSurveyDef();
  const officer = useAppStore((s) => s.identity?.officerName ?? '');
  const { keyedBy, setKeyedBy } = useSurveyStore();
  // The name typed last time (remembered across restarts), else the officer set up.
  const remembered = useApiLoad((api) => api.settings.get({ key: 'surveyKeyer' }), []);
  const who = keyedBy ?? (remembered.data || officer);
  const keyerRef = useRef<HTMLInputElement>(null);
  const [keyerMissing, setKeyerMissing] = useState(false);
  const [formNo, setFormNo] = useState(params.get('no') ?? '');
  const [phase, setPhase] = useState<Phase>({ kind: 'number' });
  const [notice, setNotice] = useState<{ kind: 'ok' | 'warn'; text: string } | null>(null);
  const { run, error } = useApiCall();
  const tally = useApiLoad(async (api) => (await api.survey.results()).progress, []);
  const progress = tally.data;
  const refresh = () => void tally.reload();
  const numberRef = useRef<HTMLInputElement>(null);
  // While a form is opening, keys already typed for its first answers are kept here.
  const opening = useRef(false);
  const pending = useRef<string[]>([]);
  const autoBegin = useRef(false);

  // Reset when switching between pass 1 and pass 2 through the tabs.
  useEffect(() => {
    setPhase({ kind: 'number' });
    setNotice(null);
  }, [pass]);

  const editId = Number(params.get('edit') ?? 0);
  useEffect(() => {
    if (pass !== 1 || !editId) return;
    void run((api) => api.survey.get({ formId: editId })).then((form) => form && setPhase({ kind: 'keying', form, correcting: true }));
  }, [run, pass, editId]);

  useLayoutEffect(() => {
    if (phase.kind === 'number' || phase.kind === 'exists') {
      numberRef.current?.focus();
      numberRef.current?.select();
    }
  }, [phase]);

  const begin = async (no = formNo) => {
    if (opening.current) return;
    if (who.trim() === '') {
      // Never ignore the keys silently: say what is missing and go to it.
      setKeyerMissing(true);
      setNotice({ kind: 'warn', text: t('survey.keyerMissing') });
      keyerRef.current?.focus();
      return;
    }
    if (no.trim() === '') return;
    setNotice(null);
    opening.current = true;
    pending.current = [];
    await run(async (api) => {
      const r = await api.survey.begin({ formNo: no, keyedBy: who.trim(), pass });
      if (r.kind === 'exists' && pass === 2 && r.form.verify === 'differences') {
        setPhase({ kind: 'resolve', form: r.form, result: await api.survey.differences({ formId: r.form.id }) });
      } else if (r.kind === 'exists') {
        setPhase({ kind: 'exists', form: r.form });
        setNotice({
          kind: 'warn',
          text: pass === 1
            ? t('survey.exists', { formNo: r.form.formNo, keyedBy: r.form.keyedBy, at: formatDateTime(r.form.createdAt, i18n.language) })
            : t('survey.existsVerify', { formNo: r.form.formNo }),
        });
      } else {
        if (r.kind === 'resume') setNotice({ kind: 'ok', text: t('survey.resumed', { formNo: r.form.formNo }) });
        setPhase({ kind: 'keying', form: r.form, correcting: false });
      }
    });
    opening.current = false;
  };

  // Digits typed during the save, then Enter: open that number at once.
  useEffect(() => {
    if (autoBegin.current && phase.kind === 'number') {
      autoBegin.current = false;
      void begin();
    }
  });

  const done = (form: SurveyFormView, d: KeyingDone) => {
    if (d.kind === 'exit') {
      // "Phiếu mới": the next number is proposed (selected: typing replaces it). Esc: as it was.
      if (d.next) setFormNo(nextNumber(form.formNo));
      setPhase({ kind: 'number' });
      refresh();
      return;
    }
    if (d.kind === 'saved' && phase.kind === 'keying' && phase.correcting) {
      navigate('/survey/forms');
      return;
    }
    if (d.kind === 'compared' && d.result.verify === 'differences') {
      setPhase({ kind: 'resolve', form, result: d.result });
      return;
    }
    setNotice({ kind: 'ok', text: d.kind === 'saved' ? t('survey.savedNotice', { formNo: form.formNo }) : t('survey.verifiedNotice', { formNo: form.formNo }) });
    const ahead = d.kind === 'saved' ? d.typedAhead : [];
    const enter = ahead.indexOf('Enter');
    const digits = (enter < 0 ? ahead : ahead.slice(0, enter)).join('');
    setFormNo(digits !== '' ? digits : nextNumber(form.formNo));
    autoBegin.current = enter >= 0;
    setPhase({ kind: 'number' });
    refresh();
  };

  const inForm = phase.kind === 'keying' || phase.kind === 'resolve';
  return (
    <div className="survey" data-pass={pass}>
      <h1>{t('survey.title')}</h1>
      <SurveyTabs />
      <ErrorNotice error={defError} />
      <div className="keying-top card">
        <div className="field">
          <label htmlFor="keyed-by">{t('survey.keyer')}</label>
          <input
            id="keyed-by"
            ref={keyerRef}
            data-testid="keyed-by"
            value={who}
            maxLength={100}
            disabled={inForm}
            required
            aria-invalid={keyerMissing && who.trim() === ''}
            placeholder={t('survey.keyerPlaceholder')}
            onChange={(e) => {
              setKeyedBy(e.target.value);
              if (e.target.value.trim() !== '') setKeyerMissing(false);
            }}
            onBlur={() => {
              const name = who.trim();
              if (name !== '' && name !== (remembered.data ?? '')) void run((api) => api.settings.set({ key: 'surveyKeyer', value: name }), { background: true });
            }}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && who.trim() !== '') {
                e.preventDefault();
                setNotice(null);
                numberRef.current?.focus();
              }
            }}
          />
          <span className="hint small">{t('survey.keyerHint')}</span>
        </div>
        <div className="field">
          <label htmlFor="form-no">{t('survey.formNo')} · {pass === 1 ? t('survey.pass1') : t('survey.pass2')}</label>
          <div className="form-no-row">
            <input
              id="form-no"
              ref={numberRef}
              data-testid="form-no"
              className="form-no"
              inputMode="numeric"
              autoComplete="off"
              value={phase.kind === 'keying' || phase.kind === 'resolve' ? phase.form.formNo : formNo}
              disabled={inForm}
              maxLength={30}
              onChange={(e) => setFormNo(e.target.value)}
              onKeyDown={(e) => {
                if (opening.current) {
                  // The form is opening: these keys are its first answers, not the number.
                  e.preventDefault();
                  if (e.key.length === 1 || e.key === 'Enter' || e.key === 'Backspace') pending.current.push(e.key);
                } else if (e.key === 'Enter') {
                  e.preventDefault();
                  void begin();
                }
              }}
            />
            {!inForm && (
              <button type="button" className="primary open-form" data-testid="open-form" disabled={formNo.trim() === ''} onClick={() => void begin()}>
                {t('survey.open')}
              </button>
            )}
          </div>
          <span className="hint small">{t('survey.formNoHint')}</span>
        </div>
        {progress && <TargetLine progress={progress} testId="keying-progress" />}
      </div>
      {notice && <div className={`notice notice-${notice.kind}`} role="status" data-testid="keying-notice">{notice.text}</div>}
      <ErrorNotice error={error ?? tally.error} />
      {def && phase.kind === 'keying' && (
        <>
          <h2>{phase.correcting ? t('survey.correcting', { formNo: phase.form.formNo }) : t('survey.keying', { formNo: phase.form.formNo })}</h2>
          <KeyingForm key={`${phase.form.id}-${pass}`} def={def} form={phase.form} correcting={phase.correcting} pendingKeys={pending.current} onDone={(d) => done(phase.form, d)} />
        </>
      )}
      {def && phase.kind === 'exists' && (
        <div data-testid="existing-form">
          {pass === 1 && (
            <button type="button" className="secondary" onClick={() => setPhase({ kind: 'keying', form: phase.form, correcting: true })}>
              {t('survey.editExisting')}
            </button>
          )}
          {pass === 1 && <PaperForm def={def} answers={phase.form.answers} current={null} />}
        </div>
      )}
      {def && phase.kind === 'resolve' && (
        <ResolvePanel
          def={def}
          formId={phase.form.id}
          formNo={phase.form.formNo}
          initial={phase.result}
          onDone={() => {
            setNotice({ kind: 'ok', text: t('survey.resolvedNotice', { formNo: phase.form.formNo }) });
            setFormNo('');
            setPhase({ kind: 'number' });
            refresh();
          }}
        />
      )}
    </div>
  );
}
