import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';

export interface LoadingStateProps {
  label?: string;
  /** Known progress 0–max; without it the bar shows that work goes on. */
  value?: number;
  max?: number;
  fullPage?: boolean;
  /** Quick loads should not flash; the indicator appears only after this many ms. */
  delayMs?: number;
}

export function LoadingState({ label, value, max = 100, fullPage = false, delayMs = 200 }: LoadingStateProps) {
  const { t } = useTranslation();
  const [visible, setVisible] = useState(delayMs <= 0);
  useEffect(() => {
    if (delayMs <= 0) return;
    const timer = window.setTimeout(() => setVisible(true), delayMs);
    return () => window.clearTimeout(timer);
  }, [delayMs]);

  const text = label ?? t('loading');
  return (
    <div className={['loading-state', fullPage ? 'loading-state--page' : ''].filter(Boolean).join(' ')} role="status" aria-live="polite">
      {visible && (
        <>
          <span className="loading-state__label">{text}</span>
          <progress className="loading-state__bar" aria-label={text} max={max} {...(value === undefined ? {} : { value })} />
        </>
      )}
    </div>
  );
}
