import { useTranslation } from 'react-i18next';
import type { ClientPlanView } from '../../../contracts/plans.contracts.js';

/** The client's version of the plan as a printable document (also used by the portal). */
export function ClientPlanDocument({ view, headingLevel = 3 }: { view: ClientPlanView; headingLevel?: 2 | 3 }) {
  const Heading = `h${headingLevel}` as 'h2' | 'h3';
  return (
    <article className="client-plan" lang={view.lang}>
      <p className="client-plan__name">{view.clientName}</p>
      {view.sections.map((s) => (
        <section key={s.heading}>
          <Heading>{s.heading}</Heading>
          <ul>
            {s.lines.map((l, i) => (
              <li key={i}>{l}</li>
            ))}
          </ul>
        </section>
      ))}
    </article>
  );
}

/** Print and PDF buttons for the client version in the three languages. */
export function ClientPlanActions({ clientId }: { clientId: string }) {
  const { t } = useTranslation('plans');
  return (
    <div className="client-plan__actions">
      <button type="button" className="button button--secondary" onClick={() => window.print()}>
        {t('print')}
      </button>
      {(['fi', 'sv', 'en'] as const).map((lang) => (
        <a key={lang} className="button button--quiet" href={`/api/v1/clients/${clientId}/plan.pdf?lang=${lang}`} lang={lang} hrefLang={lang}>
          {t('pdf', { lang: lang.toUpperCase() })}
        </a>
      ))}
    </div>
  );
}
