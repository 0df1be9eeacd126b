import { useTranslation } from 'react-i18next';
import type { ClientPath, PathStep } from '../../../contracts/path.contracts.js';
import { Table, type TableColumn } from '../../ui/index.js';
import { shortDate } from './path.api.js';

type Row = PathStep & { n: number; phase: string };

/** The text alternative of the path picture: the same steps, sectors and interfaces as a table. */
export function PathTable({ path }: { path: ClientPath }) {
  const { t } = useTranslation('path');
  let n = 0;
  const rows: Row[] = path.phases.flatMap((p) => p.steps.map((s) => ({ ...s, n: ++n, phase: p.code })));
  const columns: TableColumn<Row>[] = [
    { key: 'n', header: t('table.number'), render: (r) => r.n, align: 'end' },
    { key: 'date', header: t('table.date'), render: (r) => `${shortDate(r.at)}${r.upcoming ? ` ${t('table.upcoming')}` : ''}` },
    { key: 'phase', header: t('table.phase'), render: (r) => t(`phases.${r.phase}`) },
    {
      key: 'step',
      header: t('table.step'),
      isRowHeader: true,
      render: (r) => (
        <>
          {r.title}
          {r.organizationName && <div className="client-path__meta">{r.organizationName}</div>}
        </>
      ),
    },
    { key: 'sectors', header: t('table.sectors'), render: (r) => r.sectors.map((s) => t(`sectors.${s}`)).join(', ') },
    {
      key: 'interface',
      header: t('table.interface'),
      render: (r) =>
        r.interface ? (
          <>
            <span className="path-badge">{t('table.yes')}</span>
            {r.interfaceNote && <div className="client-path__meta">{r.interfaceNote}</div>}
          </>
        ) : (
          t('table.no')
        ),
    },
  ];
  return <Table caption={t('table.caption')} columns={columns} rows={rows} rowKey={(r) => r.id} />;
}
