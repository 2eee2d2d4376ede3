// Route guards: signed in, password changed, and holding the permission a page needs.
import type { Permission } from '@renkou/core';
import { Button, Result } from 'antd';
import type { ReactNode } from 'react';
import { Navigate, useLocation } from 'react-router-dom';
import { Forbidden } from '../components/Forbidden';
import { PageLoading } from '../components/PageLoading';
import { useI18n } from '../lib/i18n';
import { can, useSession } from '../lib/session';

export interface FromState {
  from?: string;
}

function ServerUnreachable() {
  const { t } = useI18n();
  const { refresh } = useSession();
  return (
    <Result
      status="warning"
      title={t('error.server')}
      extra={
        <Button type="primary" onClick={refresh}>
          {t('common.retry')}
        </Button>
      }
    />
  );
}

/** Children only for a signed-in user; a user who must change the password is sent to /password. */
export function RequireAuth({
  children,
  passwordPage = false,
}: {
  children: ReactNode;
  passwordPage?: boolean;
}) {
  const { status, session } = useSession();
  const location = useLocation();
  if (status === 'loading') return <PageLoading fullScreen />;
  if (status === 'error') return <ServerUnreachable />;
  if (!session) {
    const from = `${location.pathname}${location.search}`;
    return <Navigate to="/login" replace state={{ from } satisfies FromState} />;
  }
  if (session.mustChangePassword && !passwordPage) return <Navigate to="/password" replace />;
  return children;
}

/** The login page is for signed-out users only. */
export function RequireGuest({ children }: { children: ReactNode }) {
  const { status, session } = useSession();
  if (status === 'loading') return <PageLoading fullScreen />;
  if (session) return <Navigate to={session.mustChangePassword ? '/password' : '/'} replace />;
  return children;
}

export function RequirePermission({ permission, children }: { permission: Permission; children: ReactNode }) {
  const { session } = useSession();
  return can(session, permission) ? children : <Forbidden />;
}
