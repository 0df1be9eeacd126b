import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitcher, LoadingState, MAIN_CONTENT_ID, SkipLink } from '../ui/index.js';
import { useCurrentUser } from './auth.js';
import { PORTAL_PATH } from './modules.js';
import { LogoutButton } from './logout-button.js';
import { useFocusOnNavigation } from './use-focus-on-navigation.js';

/** "Oma polku": the client's own simple, phone-first frame. */
export function PortalFrame() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  useFocusOnNavigation();
  return (
    <div className="portal">
      <SkipLink />
      <header className="portal-header">
        <div className="portal-header__row">
          <Link to={PORTAL_PATH} className="brand brand--portal">
            <span className="brand__name">{t('portal.title')}</span>
          </Link>
          <LogoutButton />
        </div>
        <div className="portal-header__row">
          <p className="user-badge">
            <span className="visually-hidden">{t('user.signedInAs')}: </span>
            <span className="user-badge__name">{user.displayName}</span>
          </p>
          <LanguageSwitcher />
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="portal-main">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
      <footer className="portal-footer">
        <p>{t('portal.emergency')}</p>
      </footer>
    </div>
  );
}
