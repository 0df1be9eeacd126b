import { useTranslation } from 'react-i18next';
import type { ClientPath } from '../../../contracts/path.contracts.js';
import { shortDate } from './path.api.js';
import './path.css';

/**
 * The simplified path for the client (portal): the four phases as a plain list, each step with
 * its date, who takes part in everyday words, and a written mark where several parties meet.
 */
export function ClientPathView({ path, headingLevel = 2 }: { path: ClientPath; headingLevel?: 2 | 3 }) {
  const { t } = useTranslation('path');
  const Heading = `h${headingLevel + 1}` as 'h3' | 'h4';
  return (
    <ol className="client-path">
      {path.phases.map((phase, i) => (
        <li key={phase.code} className="client-path__phase">
          <Heading>
            {i + 1}. {t(`phases.${phase.code}`)}
          </Heading>
          {phase.steps.length === 0 ? null : (
            <ul className="client-path__steps">
              {phase.steps.map((s) => (
                <li key={s.id} className={s.upcoming ? 'client-path__step client-path__step--upcoming' : 'client-path__step'}>
                  <strong>{s.title}</strong>
                  <div className="client-path__meta">
                    {s.upcoming ? `${t('client.upcoming')} ` : ''}
                    {shortDate(s.at)} · {t('client.with')}: {s.sectors.map((x) => t(`sectors.${x}`)).join(', ')}
                  </div>
                  {s.interface && <span className="path-badge">{t('client.together')}</span>}
                </li>
              ))}
            </ul>
          )}
        </li>
      ))}
    </ol>
  );
}
