import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router-dom';
import { Button } from '../ui/index.js';
import { LOGIN_PATH, useLogout } from './auth.js';

export function LogoutButton({ className }: { className?: string }) {
  const { t } = useTranslation();
  const logout = useLogout();
  const navigate = useNavigate();
  return (
    <Button
      variant="quiet"
      size="small"
      className={className}
      busy={logout.isPending}
      busyLabel={t('user.loggingOut')}
      onClick={() => logout.mutate(undefined, { onSettled: () => void navigate(LOGIN_PATH, { replace: true }) })}
    >
      {t('user.logout')}
    </Button>
  );
}
