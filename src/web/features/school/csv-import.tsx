import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportReport } from '../../../contracts/absence.contracts.js';
import { Button, Card, ErrorMessage, Field, Table } from '../../ui/index.js';
import { importCsv } from './school.api.js';

type Phase = 'idle' | 'reading' | 'checking' | 'checked' | 'writing' | 'done';

/**
 * CSV import: the file is read with real progress, checked on the server (dry run) and shown as a
 * report of rejected rows; the user then imports everything, or only the valid rows, in one go.
 */
export function CsvImport({ unitId }: { unitId: string }) {
  const { t } = useTranslation('school');
  const qc = useQueryClient();
  const [phase, setPhase] = useState<Phase>('idle');
  const [progress, setProgress] = useState(0);
  const [file, setFile] = useState<{ name: string; text: string } | null>(null);
  const [report, setReport] = useState<ImportReport | null>(null);
  const [error, setError] = useState<unknown>(null);

  function read(f: File) {
    setError(null); setReport(null); setPhase('reading'); setProgress(0);
    const reader = new FileReader();
    reader.onprogress = (e) => e.lengthComputable && setProgress(Math.round((e.loaded / e.total) * 40));
    reader.onload = () => { setFile({ name: f.name, text: String(reader.result) }); setProgress(40); setPhase('idle'); };
    reader.onerror = () => { setError(reader.error); setPhase('idle'); };
    reader.readAsText(f, 'utf-8');
  }

  async function run(dryRun: boolean, skipRejected = false) {
    if (!file) return;
    setError(null); setPhase(dryRun ? 'checking' : 'writing'); setProgress(dryRun ? 55 : 80);
    try {
      const r = await importCsv(unitId, { csv: file.text, fileName: file.name, dryRun, skipRejected });
      setReport(r); setPhase(dryRun ? 'checked' : 'done'); setProgress(dryRun ? 70 : 100);
      if (!dryRun) void qc.invalidateQueries({ queryKey: ['schools'] });
    } catch (e) {
      setError(e); setPhase(dryRun ? 'idle' : 'checked');
    }
  }

  const ok = report ? report.total - report.rejected.length : 0;
  const busy = phase === 'reading' || phase === 'checking' || phase === 'writing';
  return (
    <Card title={t('import.title')}>
      <p>{t('import.hint')}</p>
      <div className="form-row">
        <Field label={t('import.file')}>
          {(c) => <input {...c} type="file" accept=".csv,text/csv" onChange={(e) => e.target.files?.[0] && read(e.target.files[0])} />}
        </Field>
        <Button onClick={() => void run(true)} disabled={!file || busy}>{t('import.check')}</Button>
      </div>
      {phase !== 'idle' || progress > 0 ? (
        <div>
          <label htmlFor={`import-progress-${unitId}`}>{t('import.progress')}</label>
          <progress id={`import-progress-${unitId}`} className="import-progress" max={100} value={progress} />
          <p aria-live="polite">
            {phase === 'reading' && t('import.reading')}
            {phase === 'checking' && t('import.checking')}
            {phase === 'writing' && t('import.writing')}
            {phase === 'checked' && report && t('import.ready', { ok, bad: report.rejected.length, total: report.total })}
            {phase === 'done' && report && t('import.done', { n: report.imported, pupils: report.pupils })}
          </p>
        </div>
      ) : null}
      {error ? <ErrorMessage error={error} /> : null}
      {phase === 'checked' && report && ok > 0 && (
        <div className="form-row">
          {report.rejected.length === 0
            ? <Button variant="primary" onClick={() => void run(false)}>{t('import.importAll', { n: ok })}</Button>
            : <Button variant="primary" onClick={() => void run(false, true)}>{t('import.importValid', { n: ok })}</Button>}
        </div>
      )}
      {report && report.levelChanges.length > 0 && (
        <>
          <h3>{t('import.changes')}</h3>
          <ul>{report.levelChanges.map((c) => <li key={c.clientId}>{t('import.change', { name: c.pupilName, from: t(`level.${c.from}`), to: t(`level.${c.to}`) })}</li>)}</ul>
        </>
      )}
      {report && report.rejected.length > 0 && (
        <Table
          caption={t('import.rejected')}
          columns={[
            { key: 'line', header: t('import.line'), isRowHeader: true, render: (r: { line: number }) => r.line },
            { key: 'reason', header: t('import.reason'), render: (r: { reason: string }) => r.reason },
          ]}
          rows={report.rejected}
          rowKey={(r) => String(r.line)}
        />
      )}
    </Card>
  );
}
