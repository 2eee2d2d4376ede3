// 基本信息 of the person page: masked ID number with the audited reveal, places, family status.
import { Permission } from '@renkou/core';
import { Alert, Button, Descriptions, Space, Tag } from 'antd';
import { useState } from 'react';
import { Link } from 'react-router-dom';
import { formatDate, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { useCan } from '../../lib/session';
import type { PersonView } from '../../lib/types';
import { ageOf, codeLabel, sexLabel, statusColor, statusLabel } from './labels';
import { RevealIdModal } from './RevealIdModal';

const place = (name: string | null, code: string) => (name ? `${name}（${code}）` : orDash(code));

export function PersonInfo({ person }: { person: PersonView }) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const canReveal = useCan(Permission.PersonReveal);
  const [revealing, setRevealing] = useState(false);
  const age = ageOf(person.birthDate, person.deathDate);
  const yesNo = (v: boolean) => (v ? t('common.yes') : t('common.no'));
  const attributes = Object.entries(person.attributes);

  return (
    <>
      {person.duplicateOf && (
        <Alert
          type="warning"
          showIcon
          style={{ marginBottom: 12 }}
          data-testid="merged-notice"
          message={
            <Link to={`/persons/${encodeURIComponent(person.duplicateOf)}`}>
              {t('person.mergedNotice', { name: person.duplicateOf })}
            </Link>
          }
        />
      )}
      <Descriptions
        bordered
        size="small"
        column={mobile ? 1 : { md: 2, xl: 3 }}
        data-testid="person-detail"
        items={[
          { key: 'name', label: t('person.name'), children: person.name },
          { key: 'sex', label: t('person.sex'), children: sexLabel(t, person.sex) },
          {
            key: 'birth',
            label: t('person.birthDate'),
            children: `${formatDate(person.birthDate)}（${t('person.ageValue', { n: age ?? '—' })}）`,
          },
          {
            key: 'id',
            label: t('person.idNumber'),
            children: (
              <Space wrap size={4}>
                <span data-testid="masked-id">{orDash(person.idNumberMasked)}</span>
                {canReveal && person.idNumberMasked && (
                  <Button size="small" onClick={() => setRevealing(true)} data-testid="reveal-id-button">
                    {t('reveal.button')}
                  </Button>
                )}
              </Space>
            ),
          },
          {
            key: 'status',
            label: t('person.status'),
            children: (
              <Tag color={statusColor[person.status] ?? 'default'}>{statusLabel(t, person.status)}</Tag>
            ),
          },
          ...(person.deathDate
            ? [{ key: 'death', label: t('person.deathDate'), children: formatDate(person.deathDate) }]
            : []),
          {
            key: 'res',
            label: t('person.residence'),
            children: place(person.residenceName, person.residenceCode),
          },
          { key: 'hukou', label: t('person.hukou'), children: place(person.hukouName, person.hukouCode) },
          {
            key: 'hukouType',
            label: t('person.hukouType'),
            children: codeLabel(t, 'hukouType', person.hukouType),
          },
          { key: 'ethnicity', label: t('person.ethnicity'), children: orDash(person.ethnicity) },
          {
            key: 'marital',
            label: t('person.maritalStatus'),
            children: codeLabel(t, 'marital', person.maritalStatus),
          },
          ...(person.sex === 2
            ? [{ key: 'ceb', label: t('person.childrenEverBorn'), children: person.childrenEverBorn }]
            : []),
          ...(person.birthOrder !== null
            ? [{ key: 'order', label: t('person.birthOrder'), children: person.birthOrder }]
            : []),
          {
            key: 'household',
            label: t('person.household'),
            children: person.householdId ? (
              <Link to={`/households/${encodeURIComponent(person.householdId)}`} data-testid="household-link">
                {t('person.openHousehold')}（{codeLabel(t, 'relation', person.relation)}）
              </Link>
            ) : (
              '—'
            ),
          },
          ...(person.adopted ? [{ key: 'adopted', label: t('person.adopted'), children: yesNo(true) }] : []),
          ...(person.hasDisabilityGrade
            ? [{ key: 'dis', label: t('person.disability'), children: t('person.onRecord') }]
            : []),
          ...(person.hasOnlyChildCertificate
            ? [{ key: 'oc', label: t('person.onlyChild'), children: t('person.onRecord') }]
            : []),
          ...(attributes.length > 0
            ? [
                {
                  key: 'attrs',
                  label: t('person.attributes'),
                  span: 'filled' as const,
                  children: attributes.map(([k, v]) => `${k}：${v}`).join('；'),
                },
              ]
            : []),
        ]}
      />
      {canReveal && (
        <RevealIdModal personKey={person.personKey} open={revealing} onClose={() => setRevealing(false)} />
      )}
    </>
  );
}
