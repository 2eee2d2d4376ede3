// Import step 2: for each file, what it holds and which standard column each of its columns is
// (the server's guess preselected; a column left unmapped is kept as an attribute), with the first
// rows for a look. The first import into an empty register also names the dataset.
import { EVENT_COLUMNS, SYNTHETIC_PERSON_COLUMNS } from '@renkou/core';
import { Card, Flex, List, Select, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import type { ImportKind, ImportPreview } from '../../lib/types';

// The standard columns of spec/interchange.md §1.
export const CANONICAL: Record<ImportKind, readonly string[]> = {
  persons: [...SYNTHETIC_PERSON_COLUMNS, 'adopted'],
  events: EVENT_COLUMNS,
};

export interface FilePlan {
  preview: ImportPreview;
  kind: ImportKind;
  mapping: Record<string, string>;
}

/** Standard columns chosen for more than one column of the file. */
export function duplicateTargets(mapping: Record<string, string>): string[] {
  const seen = new Map<string, number>();
  for (const target of Object.values(mapping)) if (target) seen.set(target, (seen.get(target) ?? 0) + 1);
  return [...seen].filter(([, n]) => n > 1).map(([c]) => c);
}

interface MappingRow {
  column: string;
  index: number;
}

function FileMapping({ plan, onChange }: { plan: FilePlan; onChange: (plan: FilePlan) => void }) {
  const { t } = useI18n();
  const { preview, kind, mapping } = plan;
  const options = [
    { value: '', label: t('import.keep') },
    ...CANONICAL[kind].map((c) => ({ value: c, label: c })),
  ];
  const duplicates = duplicateTargets(mapping);
  const rows = preview.header.map((column, index) => ({ column, index }));
  const mobile = useIsMobile();
  const sampleOf = (index: number) =>
    preview.sample
      .slice(0, 3)
      .map((row) => row[index] ?? '')
      .join(' | ');
  const targetSelect = (column: string, width: number | string) => (
    <Select
      style={{ width }}
      value={mapping[column] ?? ''}
      status={duplicates.includes(mapping[column] ?? '') ? 'error' : undefined}
      options={options}
      showSearch
      onChange={(value: string) => onChange({ ...plan, mapping: { ...mapping, [column]: value } })}
      data-testid={`import-map-${column}`}
    />
  );
  const columns: ColumnsType<MappingRow> = [
    { title: t('import.column'), dataIndex: 'column', width: 160 },
    {
      title: t('import.target'),
      key: 'target',
      width: 220,
      render: (_v, r) => targetSelect(r.column, 200),
    },
    {
      title: t('import.sample', { n: Math.min(3, preview.sample.length) }),
      key: 'sample',
      render: (_v, r) => (
        <Typography.Text type="secondary" ellipsis style={{ maxWidth: 320 }}>
          {sampleOf(r.index)}
        </Typography.Text>
      ),
    },
  ];
  return (
    <Card
      size="small"
      title={preview.fileName}
      extra={
        <Select<ImportKind>
          value={kind}
          style={{ width: 130 }}
          onChange={(next) => {
            const allowed = new Set(CANONICAL[next]);
            const kept = Object.fromEntries(
              Object.entries(mapping).map(([c, target]) => [c, allowed.has(target) ? target : '']),
            );
            onChange({ ...plan, kind: next, mapping: kept });
          }}
          options={(['persons', 'events'] as const).map((k) => ({ value: k, label: t(`import.kind.${k}`) }))}
          aria-label={t('import.kind')}
        />
      }
    >
      {duplicates.length > 0 && (
        <Typography.Paragraph type="danger">
          {duplicates.map((c) => t('import.duplicate', { col: c })).join('；')}
        </Typography.Paragraph>
      )}
      {mobile ? (
        <List<MappingRow>
          size="small"
          dataSource={rows}
          renderItem={(r) => (
            <List.Item style={{ display: 'block', paddingInline: 0 }}>
              <Typography.Text strong>{r.column}</Typography.Text>{' '}
              <Typography.Text type="secondary">{sampleOf(r.index)}</Typography.Text>
              <div style={{ marginTop: 4 }}>{targetSelect(r.column, '100%')}</div>
            </List.Item>
          )}
        />
      ) : (
        <Table<MappingRow>
          size="small"
          rowKey="column"
          pagination={false}
          scroll={{ x: 'max-content', y: 420 }}
          columns={columns}
          dataSource={rows}
        />
      )}
    </Card>
  );
}

export function ImportMapStep({
  plans,
  onChange,
}: {
  plans: FilePlan[];
  onChange: (plans: FilePlan[]) => void;
}) {
  return (
    <Flex vertical gap={12}>
      {plans.map((plan, i) => (
        <FileMapping
          key={plan.preview.uploadId}
          plan={plan}
          onChange={(next) => onChange(plans.map((p, j) => (i === j ? next : p)))}
        />
      ))}
    </Flex>
  );
}
