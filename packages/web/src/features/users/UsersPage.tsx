// 用户管理: search, create, edit role and scope, disable, unlock, reset password.
import { Permission, roleLabels } from '@renkou/core';
import { App, Button, Input, Popconfirm, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/api';
import { formatDateTime } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCurrentSession } from '../../lib/session';
import type { User } from '../../lib/types';
import { useRequest } from '../../lib/useRequest';
import { listUsers, resetPassword, updateUser } from './api';
import { TempPasswordModal, type TempPassword } from './TempPasswordModal';
import { UserFormModal, type UserFormTarget } from './UserFormModal';

const PAGE_SIZE = 20;

function StatusTags({ user }: { user: User }) {
  const { t } = useI18n();
  const locked = user.lockedUntil !== null && Date.parse(user.lockedUntil) > Date.now();
  return (
    <Space size={4} wrap>
      {user.disabled ? (
        <Tag color="default">{t('users.disabled')}</Tag>
      ) : (
        <Tag color="green">{t('users.active')}</Tag>
      )}
      {locked && <Tag color="red">{t('users.locked')}</Tag>}
      {user.mustChangePassword && <Tag color="orange">{t('users.mustChange')}</Tag>}
    </Space>
  );
}

export function UsersPage() {
  const { t, lang } = useI18n();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const canManage = session.permissions.includes(Permission.UserManage);
  // The security administrator may lock, unlock and disable accounts but not create or edit them.
  const canLock = canManage || session.permissions.includes(Permission.UserLock);
  const [q, setQ] = useState('');
  const [page, setPage] = useState(1);
  const [formTarget, setFormTarget] = useState<UserFormTarget>();
  const [tempPassword, setTempPassword] = useState<TempPassword>();
  const users = useRequest((signal) => listUsers({ q, page, pageSize: PAGE_SIZE }, signal), `${q}|${page}`);

  const act = async (work: () => Promise<unknown>) => {
    try {
      await work();
      void message.success(t('common.saved'));
      users.reload();
    } catch (e) {
      void message.error(errorMessage(e));
    }
  };

  const reset = (user: User) =>
    act(async () => {
      const { temporaryPassword } = await resetPassword(user.id);
      setTempPassword({
        username: user.username,
        displayName: user.displayName,
        password: temporaryPassword,
      });
    });

  const columns: ColumnsType<User> = [
    { title: t('users.username'), dataIndex: 'username', width: 140 },
    { title: t('users.displayName'), dataIndex: 'displayName', width: 120 },
    { title: t('users.role'), dataIndex: 'role', width: 130, render: (_v, u) => roleLabels[u.role][lang] },
    {
      title: t('users.scope'),
      dataIndex: 'scope',
      render: (_v, u) => u.scopeName ?? (u.scope === '' ? t('jur.country') : u.scope),
    },
    { title: t('users.status'), key: 'status', width: 160, render: (_v, u) => <StatusTags user={u} /> },
    {
      title: t('users.lastLogin'),
      dataIndex: 'lastLoginAt',
      width: 170,
      responsive: ['md'],
      render: (v: string | null) => (v ? formatDateTime(v) : t('users.neverLoggedIn')),
    },
  ];
  if (canLock) {
    columns.push({
      title: t('common.actions'),
      key: 'actions',
      width: 220,
      render: (_v, u) => (
        <Space size={0} wrap>
          {canManage && (
            <>
              <Button type="link" size="small" onClick={() => setFormTarget({ mode: 'edit', user: u })}>
                {t('users.edit')}
              </Button>
              <Popconfirm title={t('users.resetConfirm', { name: u.displayName })} onConfirm={() => reset(u)}>
                <Button type="link" size="small" data-testid={`user-reset-${u.username}`}>
                  {t('users.resetPassword')}
                </Button>
              </Popconfirm>
            </>
          )}
          {u.lockedUntil !== null && (
            <Button
              type="link"
              size="small"
              onClick={() => void act(() => updateUser(u.id, { unlock: true }))}
            >
              {t('users.unlock')}
            </Button>
          )}
          {u.id !== session.user.id && (
            <Button
              type="link"
              size="small"
              danger={!u.disabled}
              onClick={() => void act(() => updateUser(u.id, { disabled: !u.disabled }))}
            >
              {u.disabled ? t('users.enable') : t('users.disable')}
            </Button>
          )}
        </Space>
      ),
    });
  }

  return (
    <>
      <PageHeader
        title={t('nav.users')}
        extra={
          canManage && (
            <Button
              type="primary"
              onClick={() => setFormTarget({ mode: 'create' })}
              data-testid="user-create-button"
            >
              {t('users.create')}
            </Button>
          )
        }
      />
      <Input.Search
        allowClear
        placeholder={t('users.search')}
        enterButton={t('common.search')}
        style={{ maxWidth: 360, marginBottom: 12 }}
        onSearch={(value) => {
          setQ(value);
          setPage(1);
        }}
        data-testid="user-search"
      />
      <Table<User>
        rowKey="id"
        size="middle"
        columns={columns}
        dataSource={users.data?.items ?? []}
        loading={users.loading}
        scroll={{ x: 'max-content' }}
        locale={users.error ? { emptyText: users.error } : undefined}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: users.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (n) => t('common.total', { n }),
          onChange: setPage,
        }}
        data-testid="user-table"
      />
      <UserFormModal
        target={formTarget}
        onClose={() => setFormTarget(undefined)}
        onCreated={(user, temporaryPassword) => {
          setFormTarget(undefined);
          users.reload();
          if (temporaryPassword) {
            setTempPassword({
              username: user.username,
              displayName: user.displayName,
              password: temporaryPassword,
            });
          } else {
            void message.success(t('users.createdWithPassword'));
          }
        }}
        onUpdated={() => {
          setFormTarget(undefined);
          void message.success(t('common.saved'));
          users.reload();
        }}
      />
      <TempPasswordModal value={tempPassword} onClose={() => setTempPassword(undefined)} />
    </>
  );
}
