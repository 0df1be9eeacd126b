import { useId, type ReactNode } from 'react';

export interface CardProps {
  title?: ReactNode;
  /** Heading level of the title; keep the page outline unbroken (h1 → h2 → h3). */
  headingLevel?: 2 | 3 | 4;
  actions?: ReactNode;
  children: ReactNode;
  className?: string;
}

export function Card({ title, headingLevel = 2, actions, children, className }: CardProps) {
  const headingId = useId();
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={['card', className ?? ''].filter(Boolean).join(' ')} aria-labelledby={title ? headingId : undefined}>
      {(title || actions) && (
        <div className="card__header">
          {title && (
            <Heading className="card__title" id={headingId}>
              {title}
            </Heading>
          )}
          {actions && <div className="card__actions">{actions}</div>}
        </div>
      )}
      <div className="card__body">{children}</div>
    </section>
  );
}
