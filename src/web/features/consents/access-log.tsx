import { useTranslation } from 'react-i18next';
import { Card, ErrorMessage, LoadingState, Table } from '../../ui/index.js';
import { useAccessLog, type AccessLogItem } from './consents.api.js';

/** Who has seen or changed the client's data, on what basis, and refused attempts. */
export function AccessLog({ clientId, headingLevel = 2 }: { clientId: string; headingLevel?: 2 | 3 }) {
  const { t, i18n } = useTranslation('consents');
  const log = useAccessLog(clientId);
  const locale = i18n.language === 'sv' ? 'sv-FI' : i18n.language === 'en' ? 'en-GB' : 'fi-FI';
  return (
    <Card title={t('log.title')} headingLevel={headingLevel}>
      {log.isPending && <LoadingState />}
      {log.error && <ErrorMessage error={log.error} onRetry={() => void log.refetch()} />}
      {log.data && (
        <Table<AccessLogItem>
          caption={t('log.caption')}
          hideCaption
          rows={log.data.items.slice(0, 100)}
          rowKey={(r) => `${r.at}-${r.action}-${r.user}`}
          columns={[
            { key: 'at', header: t('log.at'), isRowHeader: true, render: (r) => new Date(r.at).toLocaleString(locale) },
            { key: 'user', header: t('log.user'), render: (r) => [r.user, r.organization].filter(Boolean).join(', ') },
            { key: 'action', header: t('log.action'), render: (r) => r.action },
            { key: 'basis', header: t('log.basis'), render: (r) => (r.basis ? t(`basis.${r.basis.split(':')[0]}`, { defaultValue: r.basis }) : '–') },
            { key: 'allowed', header: t('log.allowed'), render: (r) => (r.allowed ? t('log.yes') : <strong>{t('log.refused')}</strong>) },
          ]}
        />
      )}
    </Card>
  );
}
