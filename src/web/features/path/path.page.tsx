import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router-dom';
import { Card, EmptyState, ErrorMessage, LoadingState, PageHeader } from '../../ui/index.js';
import { PathPicture } from './path-picture.js';
import { PathTable } from './path-table.js';
import { useClientPath } from './path.api.js';

/** /asiakkaat/:id/polku – the client's path across organisations for the worker. */
export default function PathPage() {
  const { t } = useTranslation('path');
  const { id = '' } = useParams();
  const path = useClientPath(id);
  const steps = path.data?.phases.reduce((n, p) => n + p.steps.length, 0) ?? 0;
  return (
    <>
      <PageHeader
        title={t('title')}
        description={t('description')}
        actions={<Link to={`/asiakkaat/${id}/suunnitelma`}>{t('back')}</Link>}
      />
      {path.isPending && <LoadingState />}
      {path.isError && <ErrorMessage error={path.error} onRetry={() => void path.refetch()} />}
      {path.data && steps === 0 && <EmptyState title={t('empty')} />}
      {path.data && steps > 0 && (
        <>
          <Card title={t('count', { steps, interfaces: path.data.interfaceCount })}>
            <PathPicture path={path.data} />
          </Card>
          <PathTable path={path.data} />
        </>
      )}
    </>
  );
}
