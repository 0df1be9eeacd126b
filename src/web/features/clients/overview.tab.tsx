import { useTranslation } from 'react-i18next';
import type { ClientDetail } from '../../../contracts/clients.contracts.js';
import { Card } from '../../ui/index.js';
import { formatDate } from './format.js';

export function OverviewTab({ client: c }: { client: ClientDetail }) {
  const { t } = useTranslation('clients');
  const yesNo = (v: boolean) => (v ? t('overview.yes') : t('overview.no'));
  return (
    <div className="tab-grid">
      <Card title={t('overview.person')}>
        <dl className="facts">
          <dt>{t('overview.identityCode')}</dt><dd>{c.identityCodeMasked ?? '–'}</dd>
          <dt>{t('overview.municipality')}</dt><dd>{c.municipalityName ?? '–'}</dd>
          <dt>{t('overview.language')}</dt><dd>{c.languageOther ?? c.language}</dd>
          <dt>{t('overview.interpreter')}</dt><dd>{yesNo(c.interpreterNeeded)}</dd>
          <dt>{t('overview.plainLanguage')}</dt><dd>{yesNo(c.plainLanguage)}</dd>
          <dt>{t('overview.channel')}</dt><dd>{t(`register.channels.${c.preferredChannel}`)}</dd>
          <dt>{t('overview.phone')}</dt><dd>{c.phone ?? '–'}</dd>
          <dt>{t('overview.address')}</dt><dd>{c.nonDisclosure ? <strong>{t('overview.addressHidden')}</strong> : (c.address ?? '–')}</dd>
          <dt>{t('overview.specialSupport')}</dt><dd>{yesNo(c.specialSupportNeed)}</dd>
        </dl>
      </Card>
      <Card title={t('overview.relationships')}>
        <ul className="plain-list">
          {c.relationships.map((r, i) => (
            <li key={i}>
              <strong>{r.organizationName}</strong>{r.unitName ? `, ${r.unitName}` : ''} – {t(`levels.${r.level}`)} ({t('overview.since')} {formatDate(r.startedAt)})
              {r.responsibleName && <div>{t('overview.responsible')}: {r.responsibleName}{r.responsiblePhone ? `, ${r.responsiblePhone}` : ''}</div>}
            </li>
          ))}
        </ul>
      </Card>
      <Card title={t('overview.closeOnes')}>
        {c.closeOnes.length === 0 ? (
          <p>{t('overview.noCloseOnes')}</p>
        ) : (
          <ul className="plain-list">
            {c.closeOnes.map((o) => (
              <li key={o.id}>
                {o.name} ({o.relation}{o.isGuardian ? `, ${t('overview.guardian')}` : ''}){o.phone ? ` – ${o.phone}` : ''}
              </li>
            ))}
          </ul>
        )}
        {c.household && (
          <>
            <h3 className="subheading">{t('overview.household')}: {c.household.name}</h3>
            <ul className="plain-list">
              {c.household.members.map((m) => <li key={m.id}>{m.firstName} {m.lastName} ({formatDate(m.birthDate)})</li>)}
            </ul>
          </>
        )}
      </Card>
    </div>
  );
}
