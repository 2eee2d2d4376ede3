// Deciding one pair of register records: the same person (keep one, the other merged into it by a
// correction, both histories kept) or two people. The reason is required and audited.
import type { DuplicateAction, DuplicateEntry } from '@renkou/core';
import { App, Form, Radio } from 'antd';
import { useI18n } from '../../lib/i18n';
import { resolveDuplicate } from './api';
import { DecisionModal, ReasonField, useDecision, type DecisionDialogProps } from './DecisionModal';

type Choice = 'keepA' | 'keepB' | 'distinct';

export function DuplicateDialog({ entry, onClose, onResolved }: DecisionDialogProps<DuplicateEntry>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const [form] = Form.useForm<{ choice: Choice; reason: string }>();
  const { busy, error, submit } = useDecision(
    async ({ choice, reason }: { choice: Choice; reason: string }) => {
      const action: DuplicateAction = choice === 'distinct' ? 'distinct' : 'merge';
      const keep =
        choice === 'keepA' ? entry.a.personKey : choice === 'keepB' ? entry.b.personKey : undefined;
      await resolveDuplicate(entry.id, { action, reason, ...(keep ? { keep } : {}) });
      void message.success(action === 'merge' ? t('records.merged') : t('records.resolved'));
      onResolved();
    },
  );

  return (
    <DecisionModal
      title={`${t('records.resolve')}：${entry.a.name} / ${entry.b.name}`}
      busy={busy}
      error={error}
      submitTestId="duplicate-submit"
      onClose={onClose}
      onOk={() => form.submit()}
    >
      <Form
        form={form}
        layout="vertical"
        initialValues={{ choice: 'keepA' }}
        onFinish={(v) => void submit(v)}
      >
        <Form.Item name="choice" label={t('records.action')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="duplicate-choice"
            style={{ display: 'flex', flexDirection: 'column', gap: 4 }}
            options={[
              { value: 'keepA', label: t('records.mergeKeepA') },
              { value: 'keepB', label: t('records.mergeKeepB') },
              { value: 'distinct', label: t('records.distinct') },
            ]}
          />
        </Form.Item>
        <ReasonField testId="duplicate-reason" />
      </Form>
    </DecisionModal>
  );
}
