import { useQuery } from '@tanstack/react-query';
import { useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useLocation, useNavigate } from 'react-router-dom';
import { fetchDemoAccounts, type DemoAccount } from '../api/auth.api.js';
import { Button, Card, ErrorMessage, LanguageSwitcher, LoadingState, MAIN_CONTENT_ID, PageHeader, SkipLink, TextField } from '../ui/index.js';
import { useLogin, useSession } from './auth.js';
import { homePathFor, PUBLIC_CATALOG_PATH } from './modules.js';

export function LoginPage() {
  const { t } = useTranslation();
  const session = useSession();
  const location = useLocation();
  const from = (location.state as { from?: string } | null)?.from;

  if (session.data) return <Navigate to={from ?? homePathFor(session.data.role)} replace />;

  return (
    <div className="login-layout">
      <SkipLink />
      <header className="login-layout__header">
        <p className="brand">
          <span className="brand__name">{t('appName')}</span> <span className="brand__tagline">{t('appTagline')}</span>
        </p>
        <LanguageSwitcher />
      </header>
      <main id={MAIN_CONTENT_ID} tabIndex={-1} className="login-layout__main">
        <PageHeader title={t('login.title')} description={t('login.intro')} />
        {session.isPending ? <LoadingState /> : <LoginForm from={from} />}
        <p className="login-layout__public">
          <Link to={PUBLIC_CATALOG_PATH}>{t('login.publicLink')}</Link>
        </p>
      </main>
    </div>
  );
}

function LoginForm({ from }: { from: string | undefined }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const login = useLogin();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [missing, setMissing] = useState(false);
  const submitRef = useRef<HTMLButtonElement>(null);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!username.trim() || !password) {
      setMissing(true);
      return;
    }
    setMissing(false);
    login.mutate(
      { username: username.trim(), password },
      { onSuccess: () => void navigate(from ?? '/', { replace: true }) },
    );
  };

  const chooseDemoAccount = (account: DemoAccount) => {
    setUsername(account.username);
    setPassword('demo');
    setMissing(false);
    submitRef.current?.focus();
  };

  return (
    <>
      <Card>
        <form className="form" onSubmit={submit} noValidate>
          {missing && (
            <p className="form__problem" role="alert">
              <span aria-hidden="true">⚠ </span>
              {t('login.required')}
            </p>
          )}
          {login.isError && <ErrorMessage error={login.error} />}
          <TextField
            label={t('login.username')}
            name="username"
            autoComplete="username"
            autoCapitalize="none"
            spellCheck={false}
            required
            value={username}
            onChange={(event) => setUsername(event.target.value)}
          />
          <TextField
            label={t('login.password')}
            name="password"
            type="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(event) => setPassword(event.target.value)}
          />
          <Button ref={submitRef} type="submit" variant="primary" busy={login.isPending} busyLabel={t('login.submitting')}>
            {t('login.submit')}
          </Button>
        </form>
      </Card>
      <DemoAccounts onChoose={chooseDemoAccount} />
    </>
  );
}

/** Shown only when the server runs in demo mode and lists its demo logins. */
function DemoAccounts({ onChoose }: { onChoose: (account: DemoAccount) => void }) {
  const { t } = useTranslation();
  const demo = useQuery({ queryKey: ['auth', 'demo-accounts'], queryFn: fetchDemoAccounts, staleTime: Infinity, retry: false });
  const accounts: DemoAccount[] = demo.data ?? [];
  if (accounts.length === 0) return null;
  return (
    <Card title={t('login.demoTitle')} className="demo-accounts">
      <p>{t('login.demoIntro')}</p>
      <ul className="demo-accounts__list">
        {accounts.map((account) => (
          <li key={account.username}>
            <button
              type="button"
              className="demo-accounts__item"
              onClick={() => onChoose(account)}
            >
              <span className="demo-accounts__name">{account.displayName}</span>
              <span className="demo-accounts__role">{t(`roles.${account.role}`, { defaultValue: account.role })}</span>
              <code className="demo-accounts__username">{account.username}</code>
            </button>
          </li>
        ))}
      </ul>
    </Card>
  );
}
