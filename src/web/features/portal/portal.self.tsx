import { useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { ErrorMessage, LoadingState, Table } from '../../ui/index.js';
import { SelfAssessmentForm } from '../clients/index.js';
import { finnishDate, invalidateSelf, useSelfHistory } from './portal.api.js';

/**
 * "Mitä sinulle kuuluu?": the shared form of the clients feature, and my earlier answers beside it.
 * A guardian fills it with or for their child (saved as given by the guardian).
 */
export function SelfAssessmentSection({ clientId, subject }: { clientId: string; subject?: string }) {
  const { t, i18n } = useTranslation('portal');
  const qc = useQueryClient();
  const history = useSelfHistory(subject, i18n.language);
  return (
    <>
      {subject ? (
        <>
          <p>{t('self.guardianNote')}</p>
          <SelfAssessmentForm clientId={subject} savePath={`/me/self-assessments?clientId=${encodeURIComponent(subject)}`} onSaved={() => void invalidateSelf(qc, subject)} />
        </>
      ) : (
        <SelfAssessmentForm clientId={clientId} onSaved={() => void invalidateSelf(qc, subject)} />
      )}
      <h3>{t('self.history')}</h3>
      {history.isPending ? <LoadingState /> : history.isError ? <ErrorMessage error={history.error} /> : history.data.items.length === 0 ? <p>{t('self.none')}</p> : (
        <Table
          caption={t('self.history')}
          hideCaption
          rowKey={(a) => a.key}
          rows={history.data.areas}
          columns={[
            { key: 'area', header: t('self.area'), isRowHeader: true, render: (a) => a.label },
            ...history.data.items.slice(-3).map((item) => ({
              key: item.id,
              header: finnishDate(item.at, i18n.language),
              align: 'end' as const,
              render: (a: { key: string }) => item.answers[a.key] ?? '–',
            })),
            {
              key: 'change', header: t('self.change'), align: 'end' as const,
              render: (a: { key: string }) => {
                const d = history.data.change.find((c) => c.key === a.key)?.delta;
                return d === null || d === undefined ? '–' : d > 0 ? `+${d}` : String(d);
              },
            },
          ]}
        />
      )}
    </>
  );
}
