// The frame of a 核对 decision: a modal whose OK submits the form inside, its failure shown on top,
// and the reason every decision needs (required, audited).
import { Alert, Form, Input, Modal } from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/api';
import { useI18n } from '../../lib/i18n';

/** What a decision dialog is given: the item, and what to do when it is closed or decided. */
export interface DecisionDialogProps<E> {
  entry: E;
  onClose: () => void;
  onResolved: () => void;
}

/** One decision request with its busy state; a failure is kept to show in the modal. */
export function useDecision<V>(decide: (values: V) => Promise<void>) {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const submit = async (values: V) => {
    setBusy(true);
    setError(undefined);
    try {
      await decide(values);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };
  return { busy, error, submit };
}

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
