// 户成员: the members of one household (those inside the user's scope), each a link to their page.
import { Button, Result } from 'antd';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { PageHeader } from '../../components/PageHeader';
import { ApiError } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useRequest } from '../../lib/useRequest';
import { householdMembers } from './api';
import { PersonResults } from './PersonResults';

const PAGE_SIZE = 50;

export function HouseholdPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const { id = '' } = useParams();
  const members = useRequest(
    (signal) =>
      householdMembers(id, signal).catch((e: unknown) => {
        if (e instanceof ApiError && e.status === 404) return null;
        throw e;
      }),
    id,
  );

  if (members.data === null && !members.loading) {
    return (
      <Result
        status="404"
        title="404"
        subTitle={t('person.notFound')}
        extra={
          <Link to="/persons">
            <Button type="primary">{t('nav.persons')}</Button>
          </Link>
        }
      />
    );
  }
  const items = members.data ?? [];
  return (
    <>
      <PageHeader
        title={t('household.members', { n: items.length })}
        subTitle={`${t('household.id')} ${id}`}
      />
      <PersonResults
        data={{ items, total: items.length }}
        loading={members.loading}
        error={members.error}
        page={1}
        pageSize={PAGE_SIZE}
        onPage={() => undefined}
        onOpen={(p) => void navigate(`/persons/${encodeURIComponent(p.personKey)}`)}
      />
    </>
  );
}
