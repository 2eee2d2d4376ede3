// 查看完整号码: the purpose is asked first; when the server wants the password again
// (401 STEP_UP_REQUIRED) the modal asks for it, confirms it and retries. The number lives only in this
// modal's state and is gone when it closes.
import { Alert, App, Form, Input, Modal, Typography } from 'antd';
import { useState } from 'react';
import { ApiError, errorMessage, fieldErrors } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { revealIdNumber, stepUp } from './api';

interface Values {
  purpose: string;
  password?: string;
}

export function RevealIdModal({
  personKey,
  open,
  onClose,
}: {
  personKey: string;
  open: boolean;
  onClose: () => void;
}) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<Values>();
  const [needPassword, setNeedPassword] = useState(false);
  const [busy, setBusy] = useState(false);
  const [revealed, setRevealed] = useState<{ idNumber: string | null }>();

  const close = () => {
    setRevealed(undefined);
    setNeedPassword(false);
    form.resetFields();
    onClose();
  };

  const submit = async (values: Values) => {
    setBusy(true);
    try {
      if (needPassword && values.password) {
        await stepUp(values.password);
        form.setFieldValue('password', '');
      }
      setRevealed(await revealIdNumber(personKey, values.purpose.trim()));
    } catch (e) {
      if (e instanceof ApiError && e.code === 'STEP_UP_REQUIRED') {
        setNeedPassword(true);
      } else if (e instanceof ApiError && e.code === 'INVALID_CREDENTIALS') {
        form.setFields([{ name: 'password', errors: [e.message] }]);
      } else {
        const fields = fieldErrors(e).filter((f) => f.name === 'purpose');
        if (fields.length > 0)
          form.setFields(fields.map((f) => ({ name: 'purpose' as const, errors: f.errors })));
        else void message.error(errorMessage(e));
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Modal
      open={open}
      title={t('reveal.title')}
      onCancel={close}
      destroyOnHidden
      okText={revealed ? t('common.close') : t('reveal.submit')}
      cancelText={t('common.cancel')}
      cancelButtonProps={revealed ? { style: { display: 'none' } } : undefined}
      okButtonProps={{ loading: busy, ...{ 'data-testid': 'reveal-submit' } }}
      onOk={() => (revealed ? close() : form.submit())}
    >
      {revealed && (
        <>
          <Typography.Paragraph
            className="temp-password"
            data-testid="revealed-id"
            style={{ fontSize: 20, marginBottom: 8 }}
          >
            {revealed.idNumber ?? t('reveal.none')}
          </Typography.Paragraph>
          <Typography.Text type="secondary">{t('reveal.notice')}</Typography.Text>
        </>
      )}
      <div hidden={revealed !== undefined}>
        <Form<Values> form={form} layout="vertical" onFinish={(v) => void submit(v)}>
          <Form.Item
            name="purpose"
            label={t('reveal.purpose')}
            extra={t('reveal.purposeHelp')}
            rules={[{ required: true, min: 2, whitespace: true, message: t('reveal.purposeRule') }]}
          >
            <Input maxLength={200} autoFocus data-testid="reveal-purpose" />
          </Form.Item>
          {needPassword && (
            <>
              <Alert type="info" showIcon message={t('reveal.passwordHelp')} style={{ marginBottom: 12 }} />
              <Form.Item
                name="password"
                label={t('reveal.password')}
                rules={[{ required: true, message: t('login.passwordRequired') }]}
              >
                <Input.Password autoComplete="current-password" autoFocus data-testid="reveal-password" />
              </Form.Item>
            </>
          )}
        </Form>
      </div>
    </Modal>
  );
}
