import { LockOutlined, UserOutlined } from '@ant-design/icons';
import { Alert, Button, Form, Input, Typography } from 'antd';
import { useState } from 'react';
import { useLocation, useNavigate } from 'react-router-dom';
import { errorMessage } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useSession } from '../../lib/session';
import { login } from './api';
import { AuthCard } from './AuthCard';

interface LoginForm {
  username: string;
  password: string;
}

/** Where the guard sent the user from, when it is a page of this app. */
function fromOf(state: unknown): string | undefined {
  const from = typeof state === 'object' && state !== null ? (state as { from?: unknown }).from : undefined;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('/login') ? from : undefined;
}

export function LoginPage() {
  const { t } = useI18n();
  const { setSession } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const [error, setError] = useState<string>();
  const [submitting, setSubmitting] = useState(false);
  const [form] = Form.useForm<LoginForm>();

  const submit = async ({ username, password }: LoginForm) => {
    setSubmitting(true);
    setError(undefined);
    try {
      const session = await login(username.trim(), password);
      setSession(session);
      void navigate(session.mustChangePassword ? '/password' : (fromOf(location.state) ?? '/'), {
        replace: true,
      });
    } catch (e) {
      setError(errorMessage(e, '登录失败'));
      form.setFieldValue('password', '');
      setSubmitting(false);
    }
  };

  return (
    <AuthCard title={t('login.title')}>
      <Form<LoginForm>
        form={form}
        layout="vertical"
        size="large"
        onFinish={(v) => void submit(v)}
        requiredMark={false}
      >
        <Form.Item
          name="username"
          label={t('login.username')}
          rules={[{ required: true, whitespace: true, message: t('login.usernameRequired') }]}
        >
          <Input
            prefix={<UserOutlined />}
            autoComplete="username"
            autoFocus
            data-testid="login-username"
            onChange={() => setError(undefined)}
          />
        </Form.Item>
        <Form.Item
          name="password"
          label={t('login.password')}
          rules={[{ required: true, message: t('login.passwordRequired') }]}
        >
          <Input.Password
            prefix={<LockOutlined />}
            autoComplete="current-password"
            data-testid="login-password"
            onChange={() => setError(undefined)}
          />
        </Form.Item>
        {error && (
          <Alert
            type="error"
            showIcon
            message={error}
            data-testid="login-error"
            style={{ marginBottom: 16 }}
          />
        )}
        <Button type="primary" htmlType="submit" block loading={submitting} data-testid="login-submit">
          {t('login.submit')}
        </Button>
        <Typography.Paragraph type="secondary" style={{ marginTop: 12, marginBottom: 0, fontSize: 13 }}>
          {t('login.hint')}
        </Typography.Paragraph>
      </Form>
    </AuthCard>
  );
}
