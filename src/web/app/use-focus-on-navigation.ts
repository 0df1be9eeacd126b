import { useEffect, useRef } from 'react';
import { useLocation } from 'react-router-dom';
import { MAIN_CONTENT_ID } from '../ui/index.js';

/**
 * After an in-app navigation, move focus to the main content so keyboard and screen-reader
 * users start on the new page instead of the link they left (the first load keeps focus as is).
 */
export function useFocusOnNavigation(onNavigate?: () => void): void {
  const { pathname } = useLocation();
  const previous = useRef(pathname);
  useEffect(() => {
    if (previous.current === pathname) return;
    previous.current = pathname;
    onNavigate?.();
    document.getElementById(MAIN_CONTENT_ID)?.focus({ preventScroll: false });
  }, [pathname, onNavigate]);
}
