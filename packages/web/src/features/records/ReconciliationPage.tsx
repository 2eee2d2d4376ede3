// /records — 核对: link a department's records against the register (with a progress bar), the
// worklists of the user's scope with their counts, and completeness (统计求实率) by township.
import { WORKLIST_ITEMS, type WorklistItem } from '@renkou/core';
import { Alert, Badge, Card, Tabs } from 'antd';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useI18n, type MessageKey } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { getDuplicates, getMarriages, getSources, getWorklistSummary } from './api';
import { CompletenessPanel } from './CompletenessPanel';
import { DuplicatesPanel } from './DuplicatesPanel';
import { LinkRunPanel } from './LinkRunPanel';
import { MarriagesPanel } from './MarriagesPanel';
import { WorklistTable } from './WorklistTable';

const TABS = [...WORKLIST_ITEMS, 'duplicates', 'marriages', 'completeness'] as const;
type Tab = (typeof TABS)[number];

export function ReconciliationPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab: Tab = (TABS as readonly string[]).includes(params.get('tab') ?? '')
    ? (params.get('tab') as Tab)
    : 'unregistered_birth';
  const sources = useRequest((signal) => getSources(signal), 'sources');
  const summary = useRequest((signal) => getWorklistSummary(signal), 'summary');
  const duplicates = useRequest((signal) => getDuplicates(1, 1, signal), 'duplicates');
  const marriages = useRequest((signal) => getMarriages(1, 1, signal), 'marriages');
  // A finished run or a new file changes every list: remount the open one.
  const [version, setVersion] = useState(0);
  const refresh = () => {
    sources.reload();
    summary.reload();
    duplicates.reload();
    marriages.reload();
    setVersion((v) => v + 1);
  };
  const label = (item: WorklistItem) => (
    <span data-testid={`records-tab-${item}`}>
      {t(`records.item.${item}` as MessageKey)}{' '}
      <Badge
        count={summary.data?.[item] ?? 0}
        overflowCount={9999}
        color={item === 'death_alive' ? 'red' : 'blue'}
        showZero
      />
    </span>
  );
  return (
    <>
      <PageHeader title={t('nav.records')} subTitle={t('records.subtitle')} />
      {sources.error && <Alert type="error" showIcon message={sources.error} style={{ marginBottom: 12 }} />}
      <LinkRunPanel sources={sources.data?.items ?? []} onChanged={refresh} />
      <Card size="small">
        <Tabs
          activeKey={tab}
          onChange={(key) => setParams({ tab: key }, { replace: true })}
          destroyOnHidden
          items={[
            ...WORKLIST_ITEMS.map((item) => ({
              key: item,
              label: label(item),
              children: <WorklistTable key={`${item}-${version}`} item={item} onChanged={summary.reload} />,
            })),
            {
              key: 'duplicates',
              label: (
                <span data-testid="records-tab-duplicates">
                  {t('records.duplicates')}{' '}
                  <Badge count={duplicates.data?.total ?? 0} overflowCount={9999} color="orange" showZero />
                </span>
              ),
              children: <DuplicatesPanel key={`duplicates-${version}`} onChanged={duplicates.reload} />,
            },
            {
              key: 'marriages',
              label: (
                <span data-testid="records-tab-marriages">
                  {t('records.marriages')}{' '}
                  <Badge count={marriages.data?.total ?? 0} overflowCount={9999} color="blue" showZero />
                </span>
              ),
              children: <MarriagesPanel key={`marriages-${version}`} onChanged={marriages.reload} />,
            },
            {
              key: 'completeness',
              label: <span data-testid="records-tab-completeness">{t('records.completeness')}</span>,
              children: <CompletenessPanel />,
            },
          ]}
        />
      </Card>
    </>
  );
}
