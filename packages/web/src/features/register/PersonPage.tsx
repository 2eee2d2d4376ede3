// The person page: basic information, family, the event timeline, residence and hukou history, and
// the event forms that can be started from here. Outside the user's scope it reads like a missing person.
import { Permission } from '@renkou/core';
import { Alert, Button, Card, Col, Flex, Result, Row } from 'antd';
import { Link, useLocation, useParams } from 'react-router-dom';
import { FamilyBenefits } from '../../components/FamilyBenefits';
import { PageHeader } from '../../components/PageHeader';
import { PageLoading } from '../../components/PageLoading';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import type { PersonView } from '../../lib/types';
import { useRequest } from '../../lib/useRequest';
import { getPerson } from './api';
import { ageOf } from './labels';
import { PersonFamily } from './PersonFamily';
import { PersonInfo } from './PersonInfo';
import { PersonTimeline } from './PersonTimeline';
import { PlacesTable } from './PlacesTable';
import type { PersonPageState } from './useEventSubmit';

function EventButtons({ person }: { person: PersonView }) {
  const { t } = useI18n();
  const alive = person.status !== 'dead';
  // The register refuses a mother younger than 12 at the birth; no button where it cannot apply.
  const mayBeMother = person.sex === 2 && (ageOf(person.birthDate) ?? 0) >= 12;
  const key = encodeURIComponent(person.personKey);
  const types = [
    ...(alive && mayBeMother ? (['birth'] as const) : []),
    ...(alive ? (['death', 'move', 'hukou', 'marriage', 'divorce'] as const) : []),
    'correction' as const,
  ];
  return (
    <Flex wrap gap={8} data-testid="person-actions">
      {types.map((type) => (
        <Link
          key={type}
          to={type === 'birth' ? `/register/new/birth?mother=${key}` : `/register/new/${type}?person=${key}`}
        >
          <Button type={type === 'birth' ? 'primary' : 'default'} data-testid={`action-${type}`}>
            {t(`action.${type}`)}
          </Button>
        </Link>
      ))}
    </Flex>
  );
}

export function PersonPage() {
  const { t } = useI18n();
  const { key = '' } = useParams();
  const canWrite = useCan(Permission.PersonWrite);
  const canReadBenefits = useCan(Permission.BenefitRead);
  // Warnings of the event just registered (from the form), shown once above the page.
  const warnings = (useLocation().state as PersonPageState | null)?.warnings ?? [];
  const detail = useRequest(
    (signal) =>
      getPerson(key, signal).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    key,
  );

  if (detail.loading && detail.data?.person.personKey !== key) return <PageLoading />;
  if (detail.error) {
    return (
      <Result
        status="warning"
        title={t('common.loadFailed')}
        subTitle={detail.error}
        extra={<Button onClick={detail.reload}>{t('common.retry')}</Button>}
      />
    );
  }
  if (!detail.data) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={<span data-testid="person-not-found">{t('person.notFound')}</span>}
        extra={
          <Link to="/persons">
            <Button type="primary">{t('nav.persons')}</Button>
          </Link>
        }
      />
    );
  }
  const { person, relatives, timeline, places } = detail.data;
  return (
    <>
      <PageHeader
        title={person.name}
        subTitle={person.residenceName ?? undefined}
        extra={
          person.householdId && (
            <Link to={`/households/${encodeURIComponent(person.householdId)}`}>
              <Button>{t('person.openHousehold')}</Button>
            </Link>
          )
        }
      />
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          closable
          data-testid="event-warnings"
          style={{ marginBottom: 12 }}
          message={t('form.warnings')}
          description={warnings.map((w) => (
            <div key={`${w.field}|${w.code}`}>{w.message}</div>
          ))}
        />
      )}
      {person.status === 'dead' && (
        <Alert type="info" showIcon style={{ marginBottom: 12 }} message={t('status.dead')} />
      )}
      <PersonInfo person={person} />
      {canWrite && (
        <Card size="small" title={t('person.actions')} style={{ marginTop: 12 }}>
          <EventButtons person={person} />
        </Card>
      )}
      <Row gutter={[12, 12]} style={{ marginTop: 12 }}>
        <Col xs={24} lg={10}>
          <Card size="small" title={t('person.family')}>
            <PersonFamily relatives={relatives} />
          </Card>
        </Col>
        <Col xs={24} lg={14}>
          <Card size="small" title={t('person.timeline')}>
            <PersonTimeline personKey={person.personKey} entries={timeline} canWrite={canWrite} />
          </Card>
        </Col>
        <Col span={24}>
          <Card size="small" title={t('person.places')}>
            <PlacesTable places={places} />
          </Card>
        </Col>
        {canReadBenefits && (
          <Col span={24}>
            <FamilyBenefits personKey={person.personKey} />
          </Col>
        )}
      </Row>
    </>
  );
}
