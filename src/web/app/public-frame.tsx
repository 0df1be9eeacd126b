import { Suspense } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Outlet } from 'react-router-dom';
import { LanguageSwitcher, LoadingState, MAIN_CONTENT_ID, SkipLink } from '../ui/index.js';
import { LOGIN_PATH, useSession } from './auth.js';
import { homePathFor } from './modules.js';
import { useFocusOnNavigation } from './use-focus-on-navigation.js';

/** Frame for pages anyone may open without logging in (public service search). */
export function PublicFrame() {
  const { t } = useTranslation();
  const session = useSession();
  useFocusOnNavigation();
  const user = session.data;
  return (
    <div className="public">
      <SkipLink />
      <header className="frame-header frame-header--public">
        <Link to="/palvelut" className="brand">
          <span className="brand__name">{t('appName')}</span> <span className="brand__tagline">{t('appTagline')}</span>
        </Link>
        <div className="frame-header__tools">
          <LanguageSwitcher />
          {user ? <Link to={homePathFor(user.role)}>{t('public.toApp')}</Link> : <Link to={LOGIN_PATH}>{t('public.login')}</Link>}
        </div>
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="public-main">
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
