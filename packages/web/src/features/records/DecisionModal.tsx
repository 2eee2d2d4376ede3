// The frame of a 核对 decision: a modal whose OK submits the form inside, its failure shown on top,
// and the reason every decision needs (required, audited).
import { Alert, Form, Input, Modal } from 'antd';
import type { ReactNode } from 'react';
import { useI18n } from '../../lib/i18n';

export function DecisionModal({
  title,
  busy,
  error,
  submitTestId,
  onClose,
  onOk,
  children,
}: {
  title: string;
  busy: boolean;
  error: string | undefined;
  submitTestId: string;
  onClose: () => void;
  onOk: () => void;
  children: ReactNode;
}) {
  const { t } = useI18n();
  return (
    <Modal
      open
      title={title}
      okText={t('common.ok')}
      cancelText={t('common.cancel')}
      confirmLoading={busy}
      onCancel={onClose}
      onOk={onOk}
      okButtonProps={{ 'data-testid': submitTestId }}
      destroyOnHidden
    >
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 12 }} />}
      {children}
    </Modal>
  );
}

export function ReasonField({ testId }: { testId: string }) {
  const { t } = useI18n();
  return (
    <Form.Item
      name="reason"
      label={t('records.reason')}
      rules={[{ required: true, whitespace: true, min: 2, message: t('records.reasonRequired') }]}
    >
      <Input.TextArea rows={3} maxLength={500} data-testid={testId} />
    </Form.Item>
  );
}
