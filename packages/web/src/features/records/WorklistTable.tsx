// One worklist of the user's scope, paged on the server: the department's record beside the register's
// person (conflicting fields both ways), benefit recipients flagged, and a 处理 button per row.
import type { WorklistEntry, WorklistItem } from '@renkou/core';
import { Alert, Button, Space, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatNumber } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { getWorklist } from './api';
import { ItemsTable, PAGE_SIZE } from './ItemsTable';
import { ResolveDialog } from './ResolveDialog';
import { SameBirthTag } from './SameBirthNote';
import { sourceLabel } from './sourceLabel';

const SEX: Record<string, string> = { '1': '男', '2': '女' };
const PROGRAMMES: Record<string, string> = { jiangfu: '奖扶', tefu: '特扶', yuer_butie: '育儿补贴' };

function useColumns(item: WorklistItem): ColumnsType<WorklistEntry> {
  const i18n = useI18n();
  const { t } = i18n;
  const record: ColumnsType<WorklistEntry> = [
    { title: t('records.recordId'), dataIndex: 'recordId', width: 120 },
    { title: t('records.name'), render: (_, e) => e.record.name || '—' },
    { title: t('records.sex'), width: 60, render: (_, e) => SEX[e.record.sex] ?? '—' },
    { title: t('records.birthDate'), width: 110, render: (_, e) => e.record.birthDate || '—' },
  ];
  const person: ColumnsType<WorklistEntry> = [
    {
      title: t('records.person'),
      render: (_, e) =>
        e.person ? (
          <Link to={`/persons/${encodeURIComponent(e.person.personKey)}`}>
            {e.person.name}（{SEX[e.person.sex] ?? ''}，{e.person.birthDate}）
          </Link>
        ) : (
          '—'
        ),
    },
  ];
  switch (item) {
    case 'unregistered_birth':
      // Hospital births and hukou rows of births (a hukou row names no mother or hospital); a baby
      // both recorded is one row, the hospital's, tagged 户籍也有此出生.
      return [
        ...record,
        {
          title: t('records.recordValue'),
          render: (_, e) => (
            <>
              {sourceLabel(i18n, e.source)}
              {e.sameBirth && <SameBirthTag record={e.sameBirth} />}
            </>
          ),
        },
        { title: t('records.motherName'), render: (_, e) => e.record.motherName || '—' },
        { title: t('records.hospital'), render: (_, e) => e.record.hospital || '—' },
        { title: t('records.place'), render: (_, e) => e.record.place ?? '—' },
      ];
    case 'conflict':
      return [
        { title: t('records.recordId'), dataIndex: 'recordId', width: 120 },
        ...person,
        {
          title: `${t('records.field')}：${t('records.recordValue')} / ${t('records.registerValue')}`,
          render: (_, e) => (
            <Space direction="vertical" size={0}>
              {e.conflicts.map((c) => (
                <span key={c.field} data-testid="conflict-field">
                  {c.label}：<Typography.Text mark>{c.record}</Typography.Text> /{' '}
                  <Typography.Text>{c.register || '—'}</Typography.Text>
                </span>
              ))}
            </Space>
          ),
        },
      ];
    case 'death_alive':
      return [
        ...record,
        { title: t('records.deathDate'), width: 110, render: (_, e) => e.record.date ?? '—' },
        ...person,
        {
          title: t('records.benefits'),
          render: (_, e) =>
            e.benefits.length > 0
              ? e.benefits.map((b) => (
                  <Tag color="red" key={b}>
                    {PROGRAMMES[b] ?? b}
                  </Tag>
                ))
              : '—',
        },
      ];
    case 'hukou_unmatched':
      // A move in, move out or death the hukou office recorded for nobody in the register.
      return [
        ...record,
        {
          title: t('records.event'),
          width: 70,
          render: (_, e) => t(`records.event.${e.record.event}` as MessageKey),
        },
        { title: t('records.eventDate'), width: 110, render: (_, e) => e.record.date ?? '—' },
        { title: t('records.hukouPlace'), render: (_, e) => e.record.place ?? '—' },
        {
          title: t('records.candidate'),
          render: (_, e) =>
            e.person ? (
              <Link to={`/persons/${encodeURIComponent(e.person.personKey)}`}>
                {e.person.name}（{SEX[e.person.sex] ?? ''}，{e.person.birthDate}，
                {formatNumber(e.probability * 100, 1)}%）
              </Link>
            ) : (
              '—'
            ),
        },
      ];
    case 'review':
      return [
        ...record,
        ...person,
        {
          title: t('records.probability'),
          width: 90,
          render: (_, e) => `${formatNumber(e.probability * 100, 1)}%`,
        },
      ];
  }
}

export function WorklistTable({ item, onChanged }: { item: WorklistItem; onChanged: () => void }) {
  const { t } = useI18n();
  const [page, setPage] = useState(1);
  const [resolving, setResolving] = useState<WorklistEntry>();
  const list = useRequest((signal) => getWorklist(item, page, PAGE_SIZE, signal), `${item}|${page}`);
  const columns: ColumnsType<WorklistEntry> = [
    ...useColumns(item),
    {
      title: t('common.actions'),
      width: 90,
      render: (_, e) =>
        item === 'review' ? (
          <Link to={`/records/review/${e.id}`} data-testid="review-open">
            {t('records.open')}
          </Link>
        ) : (
          <Button size="small" onClick={() => setResolving(e)} data-testid="resolve-open">
            {t('records.resolve')}
          </Button>
        ),
    },
  ];
  return (
    <>
      {list.error && <Alert type="error" showIcon message={list.error} style={{ marginBottom: 12 }} />}
      <ItemsTable<WorklistEntry>
        rowTestId="worklist-row"
        columns={columns}
        loading={list.loading}
        data={list.data}
        page={page}
        onPage={setPage}
      />
      {resolving && (
        <ResolveDialog
          entry={resolving}
          onClose={() => setResolving(undefined)}
          onResolved={() => {
            setResolving(undefined);
            list.reload();
            onChanged();
          }}
        />
      )}
    </>
  );
}
