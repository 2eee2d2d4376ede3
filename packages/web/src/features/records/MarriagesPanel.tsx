// 婚姻登记未入库: marriages and divorces civil affairs registered whose two parties are both in the
// register, while the register holds no such event between them. 补登 opens the register's marriage
// or divorce form prefilled (the item leaves the list once the event is recorded); 不需登记 asks for a
// reason. Both parties are shown as the record names them and as the register knows them.
import type { MarriageEntry, MarriageParty } from '@renkou/core';
import { Alert, Button, Form, Space, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link, useNavigate } from 'react-router-dom';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { dismissMarriage, getMarriages } from './api';
import { DecisionModal, ReasonField, useDecision, type DecisionDialogProps } from './DecisionModal';
import { ItemsTable, PAGE_SIZE } from './ItemsTable';

const SEX: Record<string, string> = { '1': '男', '2': '女' };

type Row = MarriageEntry & { id: string };

function Party({ party }: { party: MarriageParty }) {
  const { t } = useI18n();
  const { person } = party;
  const marital = person.maritalStatus ? t(`marital.${person.maritalStatus.charAt(0)}0` as MessageKey) : '—';
  return (
    <Space direction="vertical" size={0}>
      <Link to={`/persons/${encodeURIComponent(person.personKey)}`}>
        {person.name}（{SEX[person.sex] ?? ''}，{person.birthDate}）
      </Link>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('records.marriageRecordName')}：{party.recordName || '—'} · {person.idNumber || '—'}
      </Typography.Text>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {t('records.marriageRegisterState')}：{marital}
        {person.spouse && `，${t('records.marriageSpouse')} ${person.spouse.name}`}
      </Typography.Text>
    </Space>
  );
}

function DismissDialog({ entry, onClose, onResolved }: DecisionDialogProps<MarriageEntry>) {
  const { t } = useI18n();
  const [form] = Form.useForm<{ reason: string }>();
  const { busy, error, submit } = useDecision(async ({ reason }: { reason: string }) => {
    await dismissMarriage(entry.recordId, reason);
    onResolved();
  });
  return (
    <DecisionModal
      title={t('records.marriageDismiss')}
      busy={busy}
      error={error}
      submitTestId="marriage-dismiss-submit"
      onClose={onClose}
      onOk={() => void form.validateFields().then(submit)}
    >
      <Form form={form} layout="vertical">
        <ReasonField testId="marriage-dismiss-reason" />
      </Form>
    </DecisionModal>
  );
}

export function MarriagesPanel({ onChanged }: { onChanged: () => void }) {
  const { t } = useI18n();
  const navigate = useNavigate();
  const [page, setPage] = useState(1);
  const [dismissing, setDismissing] = useState<MarriageEntry>();
  const list = useRequest((signal) => getMarriages(page, PAGE_SIZE, signal), `marriages|${page}`);
  // The table keys its rows by id: an item's is its civil-affairs record_id.
  const data = list.data && {
    total: list.data.total,
    items: list.data.items.map((e): Row => ({ ...e, id: e.recordId })),
  };

  const register = (entry: MarriageEntry) =>
    void navigate(
      `/register/new/${entry.prefill.form}?person=${encodeURIComponent(entry.prefill.query.person)}`,
      { state: { prefill: entry.prefill.values } },
    );

  const columns: ColumnsType<Row> = [
    {
      title: t('records.marriageEvent'),
      width: 110,
      render: (_, e) => (
        <Space direction="vertical" size={0}>
          <span>{t(`records.marriage.${e.event}` as MessageKey)}</span>
          <Typography.Text type="secondary">{e.date}</Typography.Text>
        </Space>
      ),
    },
    { title: t('records.marriageParty1'), render: (_, e) => <Party party={e.parties[0]} /> },
    { title: t('records.marriageParty2'), render: (_, e) => <Party party={e.parties[1]} /> },
    { title: t('records.marriageRecord'), width: 120, dataIndex: 'recordId' },
    {
      title: t('common.actions'),
      width: 170,
      render: (_, e) => (
        <Space>
          <Button size="small" type="primary" onClick={() => register(e)} data-testid="marriage-register">
            {t('records.marriageRegister')}
          </Button>
          <Button size="small" onClick={() => setDismissing(e)} data-testid="marriage-dismiss">
            {t('records.marriageDismissShort')}
          </Button>
        </Space>
      ),
    },
  ];

  return (
    <>
      <Space direction="vertical" style={{ width: '100%', marginBottom: 12 }}>
        <Typography.Text type="secondary">{t('records.marriagesHelp')}</Typography.Text>
        {list.error && <Alert type="error" showIcon message={list.error} />}
      </Space>
      <ItemsTable<Row>
        rowTestId="marriage-row"
        columns={columns}
        loading={list.loading}
        data={data}
        page={page}
        onPage={setPage}
      />
      {dismissing && (
        <DismissDialog
          entry={dismissing}
          onClose={() => setDismissing(undefined)}
          onResolved={() => {
            setDismissing(undefined);
            list.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}
