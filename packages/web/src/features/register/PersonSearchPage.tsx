// 人口查询: one search box (ID number, name, pinyin or initials), filters, paged results. The query
// lives in the address, so going back from a person page returns to the same results.
import { SearchOutlined } from '@ant-design/icons';
import { Permission } from '@renkou/core';
import { Button, Col, DatePicker, Input, Row, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useState } from 'react';
import { Link, useNavigate, useSearchParams } from 'react-router-dom';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { PageHeader } from '../../components/PageHeader';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { searchPersons, type PersonQuery } from './api';
import { sexLabel, statusLabel } from './labels';
import { PersonResults } from './PersonResults';

const PAGE_SIZE = 20;
type Filter = 'q' | 'jurisdiction' | 'birthDate' | 'sex' | 'status';

export function PersonSearchPage() {
  const { t } = useI18n();
  const navigate = useNavigate();
  const canWrite = useCan(Permission.PersonWrite);
  const [params, setParams] = useSearchParams();
  const get = (name: Filter) => params.get(name) ?? '';
  const page = Math.max(1, Number(params.get('page')) || 1);
  const [text, setText] = useState(get('q'));

  const update = (changes: Partial<Record<Filter | 'page', string>>) => {
    const next = new URLSearchParams(params);
    for (const [name, value] of Object.entries(changes)) {
      if (value) next.set(name, value);
      else next.delete(name);
    }
    if (!('page' in changes)) next.delete('page');
    setParams(next, { replace: true });
  };

  const query: PersonQuery = {
    q: get('q') || undefined,
    jurisdiction: get('jurisdiction') || undefined,
    birthDate: get('birthDate') || undefined,
    sex: get('sex') ? Number(get('sex')) : undefined,
    status: get('status') || undefined,
    page,
    pageSize: PAGE_SIZE,
  };
  const persons = useRequest((signal) => searchPersons(query, signal), JSON.stringify(query));

  return (
    <>
      <PageHeader
        title={t('nav.persons')}
        extra={
          canWrite && (
            <>
              <Link to="/register/new/birth">
                <Button type="primary">{t('nav.registerBirth')}</Button>
              </Link>
              <Link to="/register/import">
                <Button>{t('nav.registerImport')}</Button>
              </Link>
            </>
          )
        }
      />
      <Space.Compact style={{ width: '100%', maxWidth: 560, marginBottom: 12 }}>
        <Input
          allowClear
          value={text}
          onChange={(e) => {
            setText(e.target.value);
            if (e.target.value === '' && get('q')) update({ q: '' });
          }}
          onPressEnter={() => update({ q: text.trim() })}
          placeholder={t('person.search')}
          aria-label={t('person.search')}
          data-testid="person-search-input"
        />
        <Button
          type="primary"
          icon={<SearchOutlined />}
          onClick={() => update({ q: text.trim() })}
          data-testid="person-search-button"
        >
          {t('common.search')}
        </Button>
      </Space.Compact>
      <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
        <Col xs={24} sm={12} lg={7}>
          <JurisdictionSelect
            key={get('jurisdiction') === '' ? 'all' : 'some'}
            value={get('jurisdiction') || undefined}
            onChange={(code) => update({ jurisdiction: code })}
            placeholder={t('person.allJurisdictions')}
          />
        </Col>
        <Col xs={12} sm={12} lg={5}>
          <DatePicker
            style={{ width: '100%' }}
            placeholder={t('person.birthDate')}
            value={get('birthDate') ? dayjs(get('birthDate')) : null}
            onChange={(d) => update({ birthDate: d ? d.format('YYYY-MM-DD') : '' })}
          />
        </Col>
        <Col xs={12} sm={6} lg={3}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('person.sex')}
            value={get('sex') || undefined}
            onChange={(v?: string) => update({ sex: v ?? '' })}
            options={['1', '2'].map((v) => ({ value: v, label: sexLabel(t, v) }))}
          />
        </Col>
        <Col xs={12} sm={6} lg={4}>
          <Select
            allowClear
            style={{ width: '100%' }}
            placeholder={t('person.status')}
            value={get('status') || undefined}
            onChange={(v?: string) => update({ status: v ?? '' })}
            options={['resident', 'left', 'dead', 'merged'].map((v) => ({
              value: v,
              label: statusLabel(t, v),
            }))}
          />
        </Col>
        <Col xs={12} sm={12} lg={3}>
          <Button
            block
            onClick={() => {
              setText('');
              setParams(new URLSearchParams(), { replace: true });
            }}
          >
            {t('common.reset')}
          </Button>
        </Col>
      </Row>
      <PersonResults
        data={persons.data}
        loading={persons.loading}
        error={persons.error}
        page={page}
        pageSize={PAGE_SIZE}
        onPage={(p) => update({ page: String(p) })}
        onOpen={(p) => void navigate(`/persons/${encodeURIComponent(p.personKey)}`)}
      />
    </>
  );
}
