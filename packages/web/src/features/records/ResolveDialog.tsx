// Resolving one worklist item: what was done and why (the reason is required and audited). When the
// register must change, the register's own form opens next, prefilled from the department's record.
import { ACTIONS_OF, type ResolveAction, type WorklistEntry } from '@renkou/core';
import { App, Form, Radio } from 'antd';
import { useNavigate } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { prefillTarget, resolveItem } from './api';
import { DecisionModal, ReasonField, useDecision, type DecisionDialogProps } from './DecisionModal';
import { SameBirthNote } from './SameBirthNote';

export function ResolveDialog({ entry, onClose, onResolved }: DecisionDialogProps<WorklistEntry>) {
  const { t } = useI18n();
  const { message } = App.useApp();
  const navigate = useNavigate();
  const [form] = Form.useForm<{ action: ResolveAction; reason: string }>();
  // Only a move in is registered from the hukou list (the hukou form); the server refuses the others.
  // Only a birth paired with a hukou row can be split from it.
  const actions = ACTIONS_OF[entry.item].filter(
    (a) =>
      !(entry.item === 'hukou_unmatched' && a === 'register' && entry.record.event !== 'move_in') &&
      !(a === 'split' && !entry.sameBirth),
  );
  const actionLabel = (a: ResolveAction) =>
    t(
      (entry.item === 'hukou_unmatched'
        ? `records.action.${entry.item}.${a}`
        : `records.action.${a}`) as MessageKey,
    );

  const { busy, error, submit } = useDecision(async (values: { action: ResolveAction; reason: string }) => {
    const split = values.action === 'split' ? { sameBirthRecordId: entry.sameBirth?.recordId } : {};
    const result = await resolveItem(entry.id, { item: entry.item, ...values, ...split });
    void message.success(t(values.action === 'split' ? 'records.split' : 'records.resolved'));
    onResolved();
    if (result.prefill) {
      const target = prefillTarget(result.prefill);
      void navigate(target.path, { state: target.state });
    }
  });

  return (
    <DecisionModal
      title={`${t('records.resolve')}：${entry.record.name || entry.person?.name || entry.recordId}`}
      busy={busy}
      error={error}
      submitTestId="resolve-submit"
      onClose={onClose}
      onOk={() => form.submit()}
    >
      {entry.sameBirth && <SameBirthNote record={entry.sameBirth} />}
      <Form
        form={form}
        layout="vertical"
        initialValues={{ action: actions[0] }}
        onFinish={(values) => void submit(values)}
      >
        <Form.Item name="action" label={t('records.action')} rules={[{ required: true }]}>
          <Radio.Group
            data-testid="resolve-action"
            options={actions.map((a) => ({ value: a, label: actionLabel(a) }))}
          />
        </Form.Item>
        <ReasonField testId="resolve-reason" />
      </Form>
    </DecisionModal>
  );
}
