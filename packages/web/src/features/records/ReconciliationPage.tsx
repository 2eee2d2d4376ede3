// /records — 核对: link a department's records against the register (with a progress bar), the
// worklists of the user's scope with their counts, and completeness (统计求实率) by township.
import { WORKLIST_ITEMS } from '@renkou/core';
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
  /** A tab's name with how many items wait on it. */
  const label = (tab: Tab, text: MessageKey, count: number | undefined, color = 'blue') => (
    <span data-testid={`records-tab-${tab}`}>
      {t(text)} <Badge count={count ?? 0} overflowCount={9999} color={color} showZero />
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
              label: label(
                item,
                `records.item.${item}` as MessageKey,
                summary.data?.[item],
                item === 'death_alive' ? 'red' : 'blue',
              ),
              children: <WorklistTable key={`${item}-${version}`} item={item} onChanged={summary.reload} />,
            })),
            {
              key: 'duplicates',
              label: label('duplicates', 'records.duplicates', duplicates.data?.total, 'orange'),
              children: <DuplicatesPanel key={`duplicates-${version}`} onChanged={duplicates.reload} />,
            },
            {
              key: 'marriages',
              label: label('marriages', 'records.marriages', marriages.data?.total),
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
