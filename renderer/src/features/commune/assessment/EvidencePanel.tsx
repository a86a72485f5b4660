import { zodResolver } from '@hookform/resolvers/zod';
import { memo, useState } from 'react';
import { Controller, useForm } from 'react-hook-form';
import { useTranslation } from 'react-i18next';
import { useShallow } from 'zustand/react/shallow';
import type { EvidenceDocumentInput } from '@shared/assessment/evidence';
import { evidenceDocumentSchema } from '@shared/assessment/evidence';
import type { EvidenceFileView } from '@shared/ipc/evidence';
import { DateInput } from '../../../components/DateInput';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { formatDate } from '../../../lib/format';
import { useApiCall, useApiLoad } from '../../../lib/use-api-call';
import { useAssessment } from './assessment-store';

const EMPTY: EvidenceDocumentInput = { number: '', date: '', issuer: '', summary: '', locator: '' };

function sizeText(bytes: number): string {
  return bytes < 1024 ? `${bytes} B` : bytes < 1024 * 1024 ? `${(bytes / 1024).toFixed(1)} KB` : `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}

function Preview({ file, onClose }: { file: EvidenceFileView; onClose(): void }) {
  const { t } = useTranslation();
  const { data, error } = useApiLoad((api) => api.evidence.preview({ id: file.id }), [file.id]);
  return (
    <div className="evidence-preview" data-testid="evidence-preview">
      <div className="row"><strong>{file.name}</strong><button type="button" onClick={onClose}>{t('assessment.evidence.close')}</button></div>
      <ErrorNotice error={error} />
      {data && data.mediaType.startsWith('image/') && <img alt={file.name} src={`data:${data.mediaType};base64,${data.base64}`} />}
      {data && data.mediaType === 'application/pdf' && (
        <p className="muted" data-testid="pdf-preview-note">
          {t('assessment.evidence.pdfPreview')} (%PDF, {sizeText(file.size)}, SHA-256 {file.sha256.slice(0, 16)}…)
        </p>
      )}
      {data && !data.mediaType.startsWith('image/') && data.mediaType !== 'application/pdf' && <p className="muted">{t('assessment.evidence.officePreview')}</p>}
    </div>
  );
}

/** Evidence of one item: documents (with a form) and attached files. */
export const EvidencePanel = memo(function EvidencePanel({ code, expected }: { code: string; expected: string[] }) {
  const { t, i18n } = useTranslation();
  const docs = useAssessment(useShallow((s) => s.documents.filter((d) => d.itemCode === code)));
  const files = useAssessment(useShallow((s) => s.files.filter((f) => f.itemCode === code)));
  const locked = useAssessment((s) => !!s.lock?.finalised);
  const [open, setOpen] = useState(false);
  const { run, error } = useApiCall();
  const [note, setNote] = useState<string | null>(null);
  const [previewing, setPreviewing] = useState<EvidenceFileView | null>(null);
  const [editing, setEditing] = useState<number | null>(null);
  const form = useForm<EvidenceDocumentInput>({ resolver: zodResolver(evidenceDocumentSchema) as never, defaultValues: EMPTY });
  const refresh = (fn: (s: ReturnType<typeof useAssessment.getState>) => void): void => fn(useAssessment.getState());
  const addDoc = form.handleSubmit((values) =>
    run(async (api) => {
      const document = { ...values, date: values.date || null };
      if (editing !== null) {
        const doc = await api.evidence.updateDocument({ id: editing, document });
        refresh((s) => s.setEvidence(s.documents.map((d) => (d.id === doc.id ? doc : d)), s.files));
        setEditing(null);
      } else {
        const doc = await api.evidence.addDocument({ code, document });
        refresh((s) => s.setEvidence([...s.documents, doc], s.files));
      }
      form.reset(EMPTY);
    }),
  );
  const attach = async (): Promise<void> => {
    setNote(null);
    await run(async (api) => {
      const r = await api.evidence.attach({ code });
      if (!r) return;
      refresh((s) => s.setEvidence(s.documents, [...s.files, ...r.added]));
      if (r.duplicates.length) setNote(t('assessment.evidence.duplicates', { names: r.duplicates.join(', ') }));
    });
  };
  const removeDocument = (id: number) =>
    void run(async (api) => {
      await api.evidence.removeDocument({ id });
      refresh((s) => s.setEvidence(s.documents.filter((x) => x.id !== id), s.files));
    });
  const removeFile = (id: number) =>
    void run(async (api) => {
      await api.evidence.removeFile({ id });
      refresh((s) => s.setEvidence(s.documents, s.files.filter((x) => x.id !== id)));
    });
  const count = docs.length + files.length;
  const errs = form.formState.errors;
  const fieldErr = (k: keyof EvidenceDocumentInput) =>
    errs[k]?.message ? <span className="field-error">{i18n.exists(`fields.${errs[k].message}`) ? t(`fields.${errs[k].message}`) : errs[k].message}</span> : null;
  return (
    <section className="evidence">
      <button type="button" className="link" aria-expanded={open} data-testid="evidence-toggle" onClick={() => setOpen(!open)}>
        {open ? '▾' : '▸'} {t('assessment.evidence.title', { count })}
      </button>
      {open && (
        <div className="evidence-body" data-testid="evidence-body">
          {expected.length > 0 && <p className="muted small">{t('assessment.evidence.expected', { list: expected.join('; ') })}</p>}
          <ErrorNotice error={error} />
          {note && <p className="notice">{note}</p>}
          {docs.length === 0 && files.length === 0 && <p className="muted small">{t('assessment.evidence.none')}</p>}
          {docs.length > 0 && (
            <table className="table compact" data-testid="evidence-docs">
              <tbody>
                {docs.map((d) => (
                  <tr key={d.id}>
                    <td>{d.number}</td><td>{d.date ? formatDate(d.date, i18n.language) : ''}</td><td>{d.issuer}</td><td>{d.summary}</td><td>{d.locator}</td>
                    <td>{!locked && <button type="button" className="link" data-testid="doc-edit" onClick={() => { setEditing(d.id); form.reset({ number: d.number, date: d.date ?? '', issuer: d.issuer, summary: d.summary, locator: d.locator }); }}>{t('assessment.evidence.edit')}</button>}</td>
                    <td>{!locked && <button type="button" className="link" onClick={() => removeDocument(d.id)}>{t('assessment.evidence.remove')}</button>}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          {!locked && (
            <form className="evidence-form" data-testid="evidence-form" onSubmit={(e) => void addDoc(e)}>
              <label><span>{t('assessment.evidence.number')}</span><input data-testid="doc-number" {...form.register('number')} />{fieldErr('number')}</label>
              <label><span>{t('assessment.evidence.date')}</span><Controller
                  control={form.control}
                  name="date"
                  render={({ field }) => <DateInput data-testid="doc-date" value={field.value ?? ''} onChange={field.onChange} onBlur={field.onBlur} showError={form.formState.isSubmitted} />}
                /></label>
              <label><span>{t('assessment.evidence.issuer')}</span><input data-testid="doc-issuer" {...form.register('issuer')} />{fieldErr('issuer')}</label>
              <label className="wide"><span>{t('assessment.evidence.summary')}</span><input data-testid="doc-summary" {...form.register('summary')} />{fieldErr('summary')}</label>
              <label><span>{t('assessment.evidence.locator')}</span><input data-testid="doc-locator" {...form.register('locator')} /></label>
              <button type="submit" data-testid="doc-add">{editing === null ? t('assessment.evidence.add') : t('assessment.evidence.update')}</button>
              {editing !== null && <button type="button" onClick={() => { setEditing(null); form.reset(EMPTY); }}>{t('assessment.lock.cancel')}</button>}
            </form>
          )}
          <h5>{t('assessment.evidence.files')}</h5>
          <ul className="evidence-files" data-testid="evidence-files">
            {files.map((f) => (
              <li key={f.id}>
                <span>{f.name}</span> <span className="muted small">{sizeText(f.size)} · SHA-256 {f.sha256.slice(0, 12)}…</span>
                <button type="button" className="link" data-testid="file-preview" onClick={() => setPreviewing(f)}>{t('assessment.evidence.preview')}</button>
                <button type="button" className="link" data-testid="file-open" onClick={() => void run((api) => api.evidence.open({ id: f.id }))}>{t('assessment.evidence.open')}</button>
                {!locked && <button type="button" className="link" onClick={() => removeFile(f.id)}>{t('assessment.evidence.remove')}</button>}
              </li>
            ))}
          </ul>
          {!locked && <button type="button" data-testid="attach" onClick={() => void attach()}>{t('assessment.evidence.attach')}</button>}
          {previewing && <Preview key={previewing.id} file={previewing} onClose={() => setPreviewing(null)} />}
        </div>
      )}
    </section>
  );
});
