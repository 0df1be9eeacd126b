import { useTranslation } from 'react-i18next';
import { ErrorMessage, LoadingState, Table } from '../../ui/index.js';
import { finnishDateTime, useAccessLog } from './portal.api.js';

/** Who has viewed or received my data and why (Act 703/2023 § 11), newest first. */
export function AccessLogSection({ subject }: { subject?: string }) {
  const { t, i18n } = useTranslation('portal');
  const q = useAccessLog(subject, i18n.language);
  return (
    <>
      <p>{t('accessLog.intro')}</p>
      {q.isPending ? <LoadingState /> : q.isError ? <ErrorMessage error={q.error} /> : q.data.items.length === 0 ? <p>{t('accessLog.none')}</p> : (
        <Table
          caption={t('sections.accessLog')}
          hideCaption
          rowKey={(r) => `${r.at}-${r.action}-${r.user ?? ''}`}
          rows={q.data.items}
          columns={[
            { key: 'when', header: t('accessLog.when'), render: (r) => finnishDateTime(r.at, i18n.language) },
            { key: 'who', header: t('accessLog.who'), isRowHeader: true, render: (r) => [r.user, r.organization].filter(Boolean).join(', ') || '–' },
            { key: 'what', header: t('accessLog.what'), render: (r) => r.what },
            { key: 'why', header: t('accessLog.why'), render: (r) => (r.allowed ? r.why : <strong>{t('accessLog.refused')}</strong>) },
          ]}
        />
      )}
    </>
  );
}
