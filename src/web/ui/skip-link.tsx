import type { MouseEvent } from 'react';
import { useTranslation } from 'react-i18next';

export const MAIN_CONTENT_ID = 'main';

/** First focusable element of every frame; jumps past the header and navigation. */
export function SkipLink() {
  const { t } = useTranslation();
  // Focus directly instead of following the hash: the router owns the URL.
  const jump = (event: MouseEvent<HTMLAnchorElement>) => {
    const main = document.getElementById(MAIN_CONTENT_ID);
    if (!main) return;
    event.preventDefault();
    main.focus();
    main.scrollIntoView();
  };
  return (
    <a className="skip-link" href={`#${MAIN_CONTENT_ID}`} onClick={jump}>
      {t('skipToContent')}
    </a>
  );
}
