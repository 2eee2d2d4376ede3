// 待办: what ends enrolments — life events from the register (满3周岁, 户籍迁出, 死亡) and the yearly
// 年审 — each listed for review and confirmed one case at a time.
import { Tabs } from 'antd';
import { useSearchParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';
import { AnnualReviewTab } from './AnnualReviewTab';
import { LifeEventsTab } from './LifeEventsTab';

export function WorklistPage() {
  const { t } = useI18n();
  const [params, setParams] = useSearchParams();
  const tab = params.get('tab') === 'review' ? 'review' : 'events';
  return (
    <>
      <PageHeader title={t('nav.benefitWorklist')} />
      <Tabs
        activeKey={tab}
        onChange={(key) => setParams(key === 'review' ? { tab: 'review' } : {}, { replace: true })}
        items={[
          { key: 'events', label: t('benefit.worklist.events'), children: <LifeEventsTab /> },
          { key: 'review', label: t('benefit.worklist.review'), children: <AnnualReviewTab /> },
        ]}
      />
    </>
  );
}
