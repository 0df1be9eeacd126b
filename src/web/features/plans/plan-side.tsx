import { useTranslation } from 'react-i18next';
import type { Plan } from '../../../contracts/plans.contracts.js';
import { useCurrentUser } from '../../app/auth.js';
import { Button, Card, Table } from '../../ui/index.js';
import { usePlanMutations, usePlanVersions } from './plans.api.js';

const date = (iso: string) => new Date(iso).toLocaleDateString('fi-FI');

/** Who has confirmed their commitment to this version; a worker confirms for their organisation. */
export function PlanCommitments({ plan, clientId }: { plan: Plan; clientId: string }) {
  const { t } = useTranslation('plans');
  const user = useCurrentUser();
  const { confirm } = usePlanMutations(clientId);
  const mine = `org:${user.organization.id}`;
  return (
    <Card title={t('commitments')}>
      <ul className="plan-commitments">
        {plan.commitments.map((c) => (
          <li key={c.participantKey}>
            <strong>{c.label}</strong>: <span className={`plan-commitment--${c.state}`}>{t(`commitmentState.${c.state}`)}</span>
            {c.confirmedByName && c.confirmedAt && ` (${c.confirmedByName}, ${date(c.confirmedAt)})`}
            {c.participantKey === mine && c.state !== 'confirmed' && (
              <div>
                <Button size="small" busy={confirm.isPending} onClick={() => confirm.mutate({ version: plan.version, participantKey: mine })}>
                  {t('confirm', { who: c.label })}
                </Button>
              </div>
            )}
          </li>
        ))}
      </ul>
    </Card>
  );
}

export function PlanVersions({ plan, clientId }: { plan: Plan; clientId: string }) {
  const { t } = useTranslation('plans');
  const versions = usePlanVersions(clientId, plan.version);
  type Row = NonNullable<typeof versions.data>['items'][number];
  return (
    <Table<Row>
      caption={t('versions')}
      rows={versions.data?.items ?? []}
      rowKey={(r) => String(r.version)}
      columns={[
        { key: 'v', header: t('versionRow', { version: '' }).trim(), render: (r) => r.version, isRowHeader: true },
        { key: 'when', header: t('when'), render: (r) => date(r.changedAt) },
        { key: 'by', header: t('changedBy'), render: (r) => `${r.changedBy}, ${r.organizationName}` },
        { key: 'what', header: t('changes'), render: (r) => r.changes.map((c) => t(`fields.${c}`)).join(', ') },
      ]}
    />
  );
}
