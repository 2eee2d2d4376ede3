// Change password: forced after first login, a reset or expiry; also reachable from the header.
// The rules are checked as the user types (the core's policy); the server has the last word and its
// PASSWORD_POLICY message is shown beside the field.
import {
  checkPassword,
  defaultPasswordPolicy,
  describePasswordProblems,
  isAdministrator,
} from '@renkou/core';
import { Alert, App, Button, Flex, Form, Input } from 'antd';
import type { RuleObject } from 'antd/es/form';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { ApiError, errorMessage } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useCurrentSession, useSession } from '../../lib/session';
import { changePassword } from './api';
import { AuthCard } from './AuthCard';

interface PasswordForm {
  currentPassword: string;
  newPassword: string;
  confirmPassword: string;
}

export function PasswordPage() {
  const { t } = useI18n();
  const { message } = App.useApp();
  const session = useCurrentSession();
  const { setSession, logout } = useSession();
  const navigate = useNavigate();
  const [form] = Form.useForm<PasswordForm>();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const administrator = isAdministrator(session.user.role);
  const minLength = administrator ? defaultPasswordPolicy.adminMinLength : defaultPasswordPolicy.minLength;

  const checkNew = (_rule: RuleObject, value: string | undefined) => {
    if (!value) return Promise.resolve();
    const problems = checkPassword(value, { username: session.user.username, administrator });
    if (problems.length > 0)
      return Promise.reject(
        new Error(describePasswordProblems(problems, defaultPasswordPolicy, administrator)),
      );
    if (value === form.getFieldValue('currentPassword')) return Promise.reject(new Error(t('password.same')));
    return Promise.resolve();
  };

  const submit = async (values: PasswordForm) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const next = await changePassword(values.currentPassword, values.newPassword);
      void message.success(t('password.changed'));
      setSession(next);
      void navigate('/', { replace: true });
    } catch (e) {
      setSubmitting(false);
      if (e instanceof ApiError && e.code === 'PASSWORD_POLICY') {
        form.setFields([{ name: 'newPassword', errors: [e.message] }]);
      } else if (e instanceof ApiError && e.code === 'INVALID_CREDENTIALS') {
        form.setFields([{ name: 'currentPassword', errors: [e.message] }]);
      } else {
        setError(errorMessage(e));
      }
    }
  };

  const signOut = () => {
    logout()
      .catch(() => undefined)
      .finally(() => void navigate('/login', { replace: true }));
  };

  return (
    <AuthCard title={t('password.title')}>
      {session.mustChangePassword && (
        <Alert type="warning" showIcon message={t('password.required')} style={{ marginBottom: 16 }} />
      )}
      <Form<PasswordForm> form={form} layout="vertical" onFinish={(v) => void submit(v)} requiredMark={false}>
        <input
          type="text"
          name="username"
          autoComplete="username"
          value={session.user.username}
          readOnly
          hidden
        />
        <Form.Item
          name="currentPassword"
          label={t('password.current')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password autoComplete="current-password" data-testid="current-password" />
        </Form.Item>
        <Form.Item
          name="newPassword"
          label={t('password.new')}
          extra={t('password.rule', { min: minLength })}
          dependencies={['currentPassword']}
          hasFeedback
          rules={[{ required: true, message: t('password.new') }, { validator: checkNew }]}
        >
          <Input.Password autoComplete="new-password" data-testid="new-password" />
        </Form.Item>
        <Form.Item
          name="confirmPassword"
          label={t('password.confirm')}
          dependencies={['newPassword']}
          hasFeedback
          rules={[
            { required: true, message: t('password.confirm') },
            ({ getFieldValue }) => ({
              validator: (_rule, value: string | undefined) =>
                !value || value === getFieldValue('newPassword')
                  ? Promise.resolve()
                  : Promise.reject(new Error(t('password.mismatch'))),
            }),
          ]}
        >
          <Input.Password autoComplete="new-password" data-testid="confirm-password" />
        </Form.Item>
        {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 16 }} />}
        <Button
          type="primary"
          htmlType="submit"
          block
          size="large"
          loading={submitting}
          data-testid="password-submit"
        >
          {t('password.submit')}
        </Button>
        <Flex justify="center" style={{ marginTop: 12 }}>
          {session.mustChangePassword ? (
            <Button type="link" onClick={signOut}>
              {t('header.logout')}
            </Button>
          ) : (
            <Link to="/">{t('common.cancel')}</Link>
          )}
        </Flex>
      </Form>
    </AuthCard>
  );
}
