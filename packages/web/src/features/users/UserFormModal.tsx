// 新建用户 / 编辑用户. Only the fields that changed are sent when editing.
import {
  allRoles,
  checkPassword,
  describePasswordProblems,
  defaultPasswordPolicy,
  isAdministrator,
  roleLabels,
  type Role,
} from '@renkou/core';
import { Alert, Button, Form, Input, Modal, Select, Switch } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useState } from 'react';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { errorMessage, fieldErrors } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useCurrentSession } from '../../lib/session';
import type { User } from '../../lib/types';
import { createUser, updateUser, type UserChanges } from './api';

interface UserForm {
  username: string;
  displayName: string;
  role: Role;
  scope: string;
  password?: string;
  disabled?: boolean;
}

export type UserFormTarget = { mode: 'create' } | { mode: 'edit'; user: User };

interface Props {
  target: UserFormTarget | undefined;
  onClose: () => void;
  onCreated: (user: User, temporaryPassword: string | null) => void;
  onUpdated: (user: User) => void;
}

function changesOf(user: User, values: UserForm): UserChanges {
  const changes: UserChanges = {};
  if (values.displayName.trim() !== user.displayName) changes.displayName = values.displayName.trim();
  if (values.role !== user.role) changes.role = values.role;
  if (values.scope !== user.scope) changes.scope = values.scope;
  if ((values.disabled ?? false) !== user.disabled) changes.disabled = values.disabled ?? false;
  return changes;
}

export function UserFormModal({ target, onClose, onCreated, onUpdated }: Props) {
  const { t, lang } = useI18n();
  const session = useCurrentSession();
  const [form] = Form.useForm<UserForm>();
  const [error, setError] = useState<string>();
  const [saving, setSaving] = useState(false);
  const editing = target?.mode === 'edit' ? target.user : undefined;

  const initialValues: Partial<UserForm> = editing
    ? {
        username: editing.username,
        displayName: editing.displayName,
        role: editing.role,
        scope: editing.scope,
        disabled: editing.disabled,
      }
    : { scope: session.user.scope };

  const checkInitialPassword = (_rule: RuleObject, value: string | undefined) => {
    if (!value) return Promise.resolve();
    const role = form.getFieldValue('role') as Role | undefined;
    const administrator = role !== undefined && isAdministrator(role);
    const username = (form.getFieldValue('username') as string | undefined) ?? '';
    const problems = checkPassword(value, { username, administrator });
    return problems.length === 0
      ? Promise.resolve()
      : Promise.reject(new Error(describePasswordProblems(problems, defaultPasswordPolicy, administrator)));
  };

  const submit = async (values: UserForm) => {
    setSaving(true);
    setError(undefined);
    try {
      if (editing) {
        const changes = changesOf(editing, values);
        onUpdated(Object.keys(changes).length > 0 ? await updateUser(editing.id, changes) : editing);
      } else {
        const { user, temporaryPassword } = await createUser({
          username: values.username.trim(),
          displayName: values.displayName.trim(),
          role: values.role,
          scope: values.scope,
          ...(values.password ? { password: values.password } : {}),
        });
        onCreated(user, temporaryPassword);
      }
    } catch (e) {
      const fields = fieldErrors(e).filter((f) => f.name in values || f.name === 'password');
      if (fields.length > 0)
        form.setFields(fields.map((f) => ({ name: f.name as keyof UserForm, errors: f.errors })));
      setError(errorMessage(e));
    } finally {
      setSaving(false);
    }
  };

  const roleOptions = allRoles.map((role) => ({ value: role, label: roleLabels[role][lang] }));

  return (
    <Modal
      open={target !== undefined}
      title={editing ? t('users.editTitle') : t('users.create')}
      onCancel={onClose}
      maskClosable={false}
      destroyOnHidden
      afterOpenChange={(open) => {
        if (!open) setError(undefined);
      }}
      footer={[
        <Button key="cancel" onClick={onClose}>
          {t('common.cancel')}
        </Button>,
        <Button
          key="submit"
          type="primary"
          loading={saving}
          onClick={() => form.submit()}
          data-testid="user-form-submit"
        >
          {editing ? t('common.save') : t('users.create')}
        </Button>,
      ]}
    >
      <Form<UserForm>
        form={form}
        layout="vertical"
        initialValues={initialValues}
        onFinish={(v) => void submit(v)}
        autoComplete="off"
      >
        <Form.Item
          name="username"
          label={t('users.username')}
          rules={[{ required: true, whitespace: true, min: 3, max: 32, message: t('users.usernameRule') }]}
        >
          <Input disabled={editing !== undefined} data-testid="user-form-username" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="displayName"
          label={t('users.displayName')}
          rules={[{ required: true, whitespace: true, max: 64, message: t('users.displayNameRule') }]}
        >
          <Input data-testid="user-form-displayname" autoComplete="off" />
        </Form.Item>
        <Form.Item
          name="role"
          label={t('users.role')}
          rules={[{ required: true, message: t('users.roleRule') }]}
        >
          <Select options={roleOptions} data-testid="user-form-role" placeholder={t('users.roleRule')} />
        </Form.Item>
        <Form.Item
          name="scope"
          label={t('users.scope')}
          rules={[{ required: true, message: t('users.scopeRule') }]}
        >
          <JurisdictionSelect data-testid="user-form-scope" />
        </Form.Item>
        {editing ? (
          <Form.Item name="disabled" label={t('users.disableField')} valuePropName="checked">
            <Switch data-testid="user-form-disabled" disabled={editing.id === session.user.id} />
          </Form.Item>
        ) : (
          <Form.Item
            name="password"
            label={t('users.initialPassword')}
            extra={t('users.initialPasswordHelp')}
            dependencies={['role', 'username']}
            rules={[{ validator: checkInitialPassword }]}
          >
            <Input.Password data-testid="user-form-password" autoComplete="new-password" />
          </Form.Item>
        )}
        {error && <Alert type="error" showIcon message={error} />}
      </Form>
    </Modal>
  );
}
