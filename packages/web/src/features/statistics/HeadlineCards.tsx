// The headline figures of a division and period, with the change from the comparison period.
import { Card, Tag, Typography } from 'antd';
import type { ReactNode } from 'react';
import { formatNumber } from '../../lib/format';
import { useI18n, type MessageKey } from '../../lib/i18n';
import type { Indicators } from './api';
import { formatChange, formatHeadline, label, type NumericName } from './indicators';

export interface HeadlineCardsProps {
  indicators: Indicators;
  compare?: Indicators;
  /** The period is a whole year: 年末人口 rather than 期末人口. */
  yearly: boolean;
}

const HEADLINES: NumericName[] = [
  'population_end',
  'births',
  'deaths',
  'cbr',
  'cdr',
  'natural_growth_rate',
  'srb',
  'tfr',
  'share_65_plus',
];

function Figure({
  name,
  title,
  value,
  before,
  extra,
  compared,
}: {
  name: NumericName;
  title: string;
  value: number | null;
  before: number | null | undefined;
  extra?: ReactNode;
  compared: boolean;
}) {
  const { t } = useI18n();
  return (
    <Card size="small" className="stats-card" data-testid={`stat-${name}`} data-value={value ?? ''}>
      <div className="stats-card-title">{title}</div>
      <div className="stats-card-value" data-testid={`stat-${name}-text`}>
        {formatHeadline(name, value)}
      </div>
      {extra}
      {compared && (
        <Typography.Text type="secondary" className="stats-card-change" data-testid={`stat-${name}-change`}>
          {t('stats.compareHint')} {formatChange(name, value, before)}
        </Typography.Text>
      )}
    </Card>
  );
}

export function HeadlineCards({ indicators, compare, yearly }: HeadlineCardsProps) {
  const { t } = useI18n();
  const titleOf = (name: NumericName): string => {
    const key: MessageKey = name === 'population_end' && yearly ? 'ind.population_year_end' : label(name);
    return name === 'cbr' || name === 'cdr' || name === 'natural_growth_rate' ? `${t(key)}（‰）` : t(key);
  };
  const ci = indicators.srb_ci95;
  const status = indicators.srb_status;
  const flagged = status === 'high' || status === 'low';
  const srbExtra = (
    <div className="stats-card-extra" data-testid="stat-srb-interval">
      {ci ? t('stats.interval', { low: formatNumber(ci[0], 1), high: formatNumber(ci[1], 1) }) : '—'}{' '}
      {status && (
        <Tag color={flagged ? 'volcano' : undefined} data-testid="stat-srb-status" data-status={status}>
          {t(`stats.srb.${status}`)}
        </Tag>
      )}
    </div>
  );
  return (
    <div className="stats-cards" data-testid="stats-headline">
      {HEADLINES.map((name) => (
        <div key={name} className={name === 'srb' ? 'stats-card-wide' : undefined}>
          <Figure
            name={name}
            title={titleOf(name)}
            value={indicators[name]}
            before={compare?.[name]}
            compared={compare !== undefined}
            extra={name === 'srb' ? srbExtra : undefined}
          />
        </div>
      ))}
    </div>
  );
}
