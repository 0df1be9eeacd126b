import { useMutation } from '@tanstack/react-query';
import { useState, type ChangeEvent, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Button, Card, ErrorMessage, Field } from '../../ui/index.js';
import { importPtv, type ImportReport } from './catalog.api.js';

/** Upload of a PTV export (JSON): the file is read in the browser, sent once, and the report lists skipped records. */
export function PtvImport() {
  const { t } = useTranslation('catalog');
  const [document, setDocument] = useState<unknown>(undefined);
  const [fileError, setFileError] = useState<string | null>(null);
  const [phase, setPhase] = useState<'idle' | 'reading' | 'sending'>('idle');
  const mutation = useMutation<ImportReport, unknown, unknown>({ mutationFn: (doc) => importPtv(doc), onSettled: () => setPhase('idle') });

  const onFile = async (e: ChangeEvent<HTMLInputElement>) => {
    mutation.reset();
    setDocument(undefined);
    setFileError(null);
    const file = e.target.files?.[0];
    if (!file) return;
    setPhase('reading');
    try {
      setDocument(JSON.parse(await file.text()));
    } catch {
      setFileError(t('import.notJson'));
    } finally {
      setPhase('idle');
    }
  };
  const onSubmit = (e: FormEvent) => {
    e.preventDefault();
    if (document === undefined) {
      setFileError(fileError ?? t('import.chooseFile'));
      return;
    }
    setPhase('sending');
    mutation.mutate(document);
  };
  const report = mutation.data;
  const count = Array.isArray(document) ? document.length : null;
  return (
    <Card title={t('import.title')}>
      <p>{t('import.intro')}</p>
      <form className="catalog-edit" onSubmit={onSubmit} noValidate>
        <Field label={t('import.file')} hint={t('import.fileHint')} error={fileError ?? undefined}>
          {(c) => <input type="file" accept="application/json,.json" onChange={(e) => void onFile(e)} {...c} />}
        </Field>
        {count !== null && <p>{t('import.recordsInFile', { count })}</p>}
        <div>
          <Button type="submit" variant="primary" busy={phase === 'sending' || mutation.isPending} busyLabel={t('import.running')}>
            {t('import.start')}
          </Button>
        </div>
        <div aria-live="polite">
          {(phase !== 'idle' || mutation.isPending) && (
            <p role="status">
              <progress aria-label={t('import.progress')} /> {phase === 'reading' ? t('import.reading') : t('import.running')}
            </p>
          )}
        </div>
        {mutation.isError && <ErrorMessage error={mutation.error} />}
      </form>
      {report && (
        <section aria-labelledby="ptv-report-heading" className="catalog-import-report">
          <h3 id="ptv-report-heading">{t('import.reportTitle')}</h3>
          <dl>
            <dt>{t('import.received')}</dt>
            <dd>{report.received}</dd>
            <dt>{t('import.inserted')}</dt>
            <dd>{report.inserted}</dd>
            <dt>{t('import.updated')}</dt>
            <dd>{report.updated}</dd>
            <dt>{t('import.unchanged')}</dt>
            <dd>{report.unchanged}</dd>
            <dt>{t('import.rejected')}</dt>
            <dd>{report.rejected.length}</dd>
          </dl>
          {report.rejected.length > 0 && (
            <table className="table">
              <caption>{t('import.rejectedTitle')}</caption>
              <thead>
                <tr>
                  <th scope="col">{t('import.ref')}</th>
                  <th scope="col">{t('import.reason')}</th>
                </tr>
              </thead>
              <tbody>
                {report.rejected.map((r, i) => (
                  <tr key={`${r.ref}-${i}`}>
                    <td>{r.ref}</td>
                    <td>{r.reason}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </section>
      )}
    </Card>
  );
}
