import { Suspense, useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, NavLink, Outlet } from 'react-router-dom';
import { LanguageSwitcher, LoadingState, MAIN_CONTENT_ID, SkipLink } from '../ui/index.js';
import { useCurrentUser } from './auth.js';
import { LogoutButton } from './logout-button.js';
import { modulesFor } from './modules.js';
import { useFocusOnNavigation } from './use-focus-on-navigation.js';

/** The working frame of professionals: header, side navigation for their role, main content. */
export function ProfessionalFrame() {
  const { t } = useTranslation();
  const user = useCurrentUser();
  const [menuOpen, setMenuOpen] = useState(false);
  const closeMenu = useCallback(() => setMenuOpen(false), []);
  useFocusOnNavigation(closeMenu);

  return (
    <div className="frame">
      <SkipLink />
      <header className="frame-header">
        <Link to="/" className="brand">
          <span className="brand__name">{t('appName')}</span> <span className="brand__tagline">{t('appTagline')}</span>
        </Link>
        <button
          type="button"
          className="frame-header__menu-toggle"
          aria-expanded={menuOpen}
          aria-controls="main-navigation"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true" className="menu-icon" /> {t('nav.menu')}
        </button>
        <div className="frame-header__tools">
          <p className="user-badge">
            <span className="visually-hidden">{t('user.signedInAs')}: </span>
            <span className="user-badge__name">{user.displayName}</span>
            <span className="user-badge__org">
              {t(`roles.${user.role}`, { defaultValue: user.role })} · {user.organization.name}
            </span>
          </p>
          <LanguageSwitcher />
          <LogoutButton />
        </div>
      </header>
      <div className="frame-body">
        <nav id="main-navigation" className={['side-nav', menuOpen ? 'side-nav--open' : ''].filter(Boolean).join(' ')} aria-label={t('nav.label')}>
          <ul className="side-nav__list">
            {modulesFor(user.role).map((module) => (
              <li key={module.key}>
                <NavLink to={module.path} className="side-nav__link">
                  {t(`nav.${module.key}`)}
                </NavLink>
              </li>
            ))}
          </ul>
        </nav>
        <main id={MAIN_CONTENT_ID} tabIndex={-1} className="frame-main">
          <Suspense fallback={<LoadingState />}>
            <Outlet />
          </Suspense>
        </main>
      </div>
    </div>
  );
}
