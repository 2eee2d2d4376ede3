// One application: who, what, the screening at entry, 公示 and objections, the approvals of each level
// and the review trail; buttons for the actions its status allows. A return, rejection, withdrawal,
// suspension or termination asks for the reason the applicant will see (补正, never a dead end).
import { Permission, allowedCommands, type ApplicationStatus } from '@renkou/core';
import {
  Alert,
  App,
  Button,
  Descriptions,
  Drawer,
  Form,
  Input,
  InputNumber,
  Modal,
  Popconfirm,
  Radio,
  Space,
  Tag,
  Timeline,
  Typography,
} from 'antd';
import { useState, type ReactNode } from 'react';
import { errorMessage } from '../../lib/api';
import { formatDate, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { useCan } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { act, getApplication, type ActionCommand, type Application } from './api';
import { appStatusColor, codeLabel, formatFen } from './labels';

type ActionName = ActionCommand['action'];
/** Actions that carry a reason the applicant is told. */
const REASONED: ActionName[] = [
  'return',
  'reject',
  'withdraw',
  'suspend',
  'terminate',
  'resume',
  'raiseObjection',
];
const PRIMARY: ActionName[] = [
  'villageApprove',
  'closeNotice',
  'townshipApprove',
  'countyApprove',
  'resubmit',
];
const ENTRY_ACTIONS: ActionName[] = ['withdraw', 'resubmit'];

interface Pending {
  action: ActionName;
  objectionId?: string;
}

export interface ApplicationDrawerProps {
  id: string | undefined;
  programmeName: (code: string) => string;
  onClose: () => void;
  onChanged: () => void;
}

export function ApplicationDrawer({ id, programmeName, onClose, onChanged }: ApplicationDrawerProps) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const { message } = App.useApp();
  const canReview = useCan(Permission.BenefitReview);
  const canEnter = useCan(Permission.PersonWrite) || canReview;
  const detail = useRequest((signal) => getApplication(id!, signal), id ?? '', id !== undefined);
  const [pending, setPending] = useState<Pending>();
  const [busy, setBusy] = useState(false);
  const [form] = Form.useForm<{ reason?: string; noticeDays?: number; upheld?: boolean }>();
  const app = id !== undefined && detail.data?.id === id ? detail.data : undefined;

  const run = async (command: ActionCommand) => {
    setBusy(true);
    try {
      const next = await act(id!, command);
      void message.success(t('benefit.done', { status: statusText(next) }));
      setPending(undefined);
      form.resetFields();
      detail.reload();
      onChanged();
    } catch (error) {
      void message.error(errorMessage(error));
    } finally {
      setBusy(false);
    }
  };

  const statusText = (a: { status: string; statusLabel: string }) =>
    codeLabel(t, 'benefit.appStatus', a.status, a.statusLabel);
  const actionLabel = (action: ActionName) => codeLabel(t, 'benefit.action', action);

  const allowed = (app ? (allowedCommands[app.status as ApplicationStatus] ?? []) : []).filter(
    (action) => (ENTRY_ACTIONS.includes(action) ? canEnter : canReview) && action !== 'resolveObjection',
  ) as ActionName[];

  const submitPending = async () => {
    if (!pending) return;
    const values = await form.validateFields().catch(() => undefined);
    if (!values) return;
    const reason = values.reason?.trim() ?? '';
    const { action } = pending;
    let command: ActionCommand;
    if (action === 'villageApprove') {
      command = values.noticeDays ? { action, noticeDays: values.noticeDays } : { action };
    } else if (action === 'raiseObjection') {
      command = { action, summary: reason };
    } else if (action === 'resolveObjection') {
      command = {
        action,
        objectionId: pending.objectionId!,
        upheld: values.upheld === true,
        finding: reason,
      };
    } else if (action === 'resubmit') {
      command = reason ? { action, note: reason } : { action };
    } else if (action === 'return' || action === 'reject' || action === 'withdraw') {
      command = { action, reason };
    } else if (action === 'suspend' || action === 'resume' || action === 'terminate') {
      command = { action, reason };
    } else {
      command = { action } as ActionCommand;
    }
    await run(command);
  };

  const actionButton = (action: ActionName) => {
    const needsForm = REASONED.includes(action) || action === 'villageApprove' || action === 'resubmit';
    const button = (
      <Button
        key={action}
        type={PRIMARY.includes(action) ? 'primary' : 'default'}
        danger={action === 'reject' || action === 'terminate'}
        loading={busy && pending?.action === action}
        onClick={needsForm ? () => setPending({ action }) : undefined}
        data-testid={`application-action-${action}`}
      >
        {actionLabel(action)}
      </Button>
    );
    if (needsForm) return button;
    return (
      <Popconfirm
        key={action}
        title={t('benefit.confirmAction', { action: actionLabel(action) })}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        onConfirm={() => run({ action } as ActionCommand)}
      >
        {button}
      </Popconfirm>
    );
  };

  const reasonRequired = pending && pending.action !== 'villageApprove' && pending.action !== 'resubmit';

  return (
    <Drawer
      open={id !== undefined}
      onClose={onClose}
      width={mobile ? '100%' : 640}
      title={app ? `${app.name} · ${programmeName(app.programmeCode)}` : t('benefit.detail')}
      data-testid="application-drawer"
      destroyOnClose
    >
      {detail.error && <Alert type="error" showIcon message={detail.error} />}
      {app && (
        <ApplicationBody
          app={app}
          statusText={statusText(app)}
          actions={
            allowed.length > 0 ? (
              <Space wrap>{allowed.map(actionButton)}</Space>
            ) : (
              <Typography.Text type="secondary">{t('benefit.noActions')}</Typography.Text>
            )
          }
          onResolve={
            canReview && app.status === 'public_notice'
              ? (objectionId) => setPending({ action: 'resolveObjection', objectionId })
              : undefined
          }
        />
      )}
      <Modal
        open={pending !== undefined}
        title={pending ? actionLabel(pending.action) : ''}
        okText={t('common.ok')}
        cancelText={t('common.cancel')}
        confirmLoading={busy}
        onOk={() => void submitPending()}
        onCancel={() => {
          setPending(undefined);
          form.resetFields();
        }}
        destroyOnClose
      >
        <Form form={form} layout="vertical" preserve={false}>
          {pending?.action === 'villageApprove' && (
            <Form.Item name="noticeDays" label={t('benefit.noticeDays')} extra="7">
              <InputNumber min={1} max={60} precision={0} style={{ width: 160 }} placeholder="7" />
            </Form.Item>
          )}
          {pending?.action === 'resolveObjection' && (
            <Form.Item name="upheld" initialValue={false} label={t('benefit.finding')}>
              <Radio.Group
                options={[
                  { value: false, label: t('benefit.dismissed') },
                  { value: true, label: t('benefit.upheld') },
                ]}
              />
            </Form.Item>
          )}
          {pending?.action !== 'villageApprove' && (
            <Form.Item
              name="reason"
              label={pending?.action === 'resubmit' ? t('benefit.note') : t('benefit.reason')}
              rules={
                reasonRequired
                  ? [{ required: true, whitespace: true, message: t('benefit.reasonRequired') }]
                  : []
              }
            >
              <Input.TextArea rows={3} maxLength={500} showCount data-testid="application-reason" />
            </Form.Item>
          )}
        </Form>
      </Modal>
    </Drawer>
  );
}

function ApplicationBody({
  app,
  statusText,
  actions,
  onResolve,
}: {
  app: Application;
  statusText: string;
  actions: ReactNode;
  onResolve: ((objectionId: string) => void) | undefined;
}) {
  const { t } = useI18n();
  const levels = ['village', 'township', 'county'] as const;
  return (
    <Space direction="vertical" size="middle" style={{ width: '100%' }}>
      <Descriptions size="small" column={1} bordered>
        <Descriptions.Item label={t('benefit.status')}>
          <Tag color={appStatusColor[app.status] ?? 'default'} data-testid="application-status">
            {statusText}
          </Tag>
        </Descriptions.Item>
        <Descriptions.Item label={t('benefit.idNumber')}>{orDash(app.idNumberMasked)}</Descriptions.Item>
        <Descriptions.Item label={t('benefit.hukou')}>{app.hukouCode}</Descriptions.Item>
        <Descriptions.Item label={t('benefit.channel')}>
          {codeLabel(t, 'benefit.channel', app.channel)}
        </Descriptions.Item>
        <Descriptions.Item label={t('benefit.enteredOn')}>{formatDate(app.enteredOn)}</Descriptions.Item>
        <Descriptions.Item label={t('benefit.account')}>
          {orDash(app.accountMasked)} {app.accountName ? `（${app.accountName}）` : ''}
        </Descriptions.Item>
        {app.notice && (
          <Descriptions.Item label={t('benefit.notice')}>
            {t('benefit.noticeRange', {
              round: app.notice.round,
              from: formatDate(app.notice.firstDay),
              to: formatDate(app.notice.lastDay),
              days: app.notice.days,
            })}
          </Descriptions.Item>
        )}
        {app.enrolment && (
          <Descriptions.Item label={t('benefit.enrolment')}>
            {t('benefit.enrolFrom', { month: app.enrolment.fromMonth })}
            {app.enrolment.suspendedFrom &&
              ` · ${t('benefit.action.suspend')} ${app.enrolment.suspendedFrom}`}
          </Descriptions.Item>
        )}
        <Descriptions.Item label={t('benefit.approvals')}>
          <Space wrap>
            {levels.map((level) => {
              const approval = app.approvals[level];
              return (
                <Tag key={level} color={approval ? 'green' : 'default'}>
                  {t(`benefit.level.${level}`)} {approval ? formatDate(approval.date) : '—'}
                </Tag>
              );
            })}
          </Space>
        </Descriptions.Item>
      </Descriptions>

      <div>
        <Typography.Title level={5}>{t('benefit.nextActions')}</Typography.Title>
        {actions}
      </div>

      {app.objections.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('benefit.objections')}</Typography.Title>
          {app.objections.map((o) => (
            <div key={o.id} style={{ marginBottom: 8 }} data-testid="application-objection">
              <Space wrap>
                <Typography.Text>
                  {formatDate(o.raisedOn)}：{o.summary}
                </Typography.Text>
                {o.status === 'open' ? (
                  <Tag color="orange">{t('benefit.objectionOpen')}</Tag>
                ) : (
                  <Tag>{o.status}</Tag>
                )}
                {o.status === 'open' && onResolve && (
                  <Button size="small" onClick={() => onResolve(o.id)}>
                    {t('benefit.action.resolveObjection')}
                  </Button>
                )}
              </Space>
              {o.finding && (
                <div>
                  <Typography.Text type="secondary">
                    {t('benefit.finding')}：{o.finding}
                  </Typography.Text>
                </div>
              )}
            </div>
          ))}
        </div>
      )}

      <div>
        <Typography.Title level={5}>{t('benefit.trail')}</Typography.Title>
        <Timeline
          data-testid="application-trail"
          items={app.trail.map((step) => ({
            key: step.stepNo,
            color: step.action === 'return' || step.action === 'reject' ? 'red' : 'blue',
            children: (
              <>
                <div>
                  <Typography.Text strong>{codeLabel(t, 'benefit.action', step.action)}</Typography.Text>{' '}
                  <Typography.Text type="secondary">
                    {formatDate(step.date)} · {orDash(step.username)}
                  </Typography.Text>
                </div>
                <div>
                  {step.from ? `${codeLabel(t, 'benefit.appStatus', step.from)} → ` : ''}
                  {codeLabel(t, 'benefit.appStatus', step.to)}
                </div>
                {step.reason && (
                  <Typography.Text type="secondary">
                    {t('benefit.reason')}：{step.reason}
                  </Typography.Text>
                )}
              </>
            ),
          }))}
        />
      </div>

      <div>
        <Typography.Title level={5}>{t('benefit.screeningAtEntry')}</Typography.Title>
        <Typography.Paragraph>
          <pre style={{ whiteSpace: 'pre-wrap', margin: 0, fontFamily: 'inherit' }}>
            {app.screening.explanationText}
          </pre>
        </Typography.Paragraph>
      </div>
      {app.notices.length > 0 && (
        <div>
          <Typography.Title level={5}>{t('benefit.notice')}</Typography.Title>
          {app.notices.map((n) => (
            <div key={n.round}>
              {formatDate(n.firstDay)} – {formatDate(n.lastDay)} · {formatFen(n.amountFen)}
            </div>
          ))}
        </div>
      )}
    </Space>
  );
}
