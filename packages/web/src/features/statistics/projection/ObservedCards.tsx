// The levels the projection starts from, observed in the register over the five years before the base:
// total fertility, the sex ratio at birth and life expectancy at birth by sex (from its own life tables).
import { Card, Flex, Typography } from 'antd';
import { formatNumber } from '../../../lib/format';
import { useI18n, type MessageKey } from '../../../lib/i18n';
import { scenarioOf, type ProjectionResult } from './api';

type ObservedName = keyof ProjectionResult['observed'];

const FIGURES: { name: ObservedName; digits: number; years?: boolean }[] = [
  { name: 'tfr', digits: 2 },
  { name: 'srb', digits: 1 },
  { name: 'e0Male', digits: 1, years: true },
  { name: 'e0Female', digits: 1, years: true },
];

const labelOf = (name: ObservedName): MessageKey => `proj.observed.${name}`;

export function ObservedCards({ result }: { result: ProjectionResult }) {
  const { t } = useI18n();
  const medium = scenarioOf(result, 'medium')?.tfr;
  return (
    <Flex vertical gap={8}>
      <Typography.Text strong>
        {t('proj.observed')}{' '}
        <span className="stats-hint">
          {t('proj.observedWindow', { from: result.window.from, to: result.window.to })}
        </span>
      </Typography.Text>
      <div className="stats-cards" data-testid="proj-observed">
        {FIGURES.map(({ name, digits, years }) => {
          const value = result.observed[name];
          return (
            <Card
              key={name}
              size="small"
              className="stats-card"
              data-testid={`proj-observed-${name}`}
              data-value={value ?? ''}
            >
              <div className="stats-card-title">{t(labelOf(name))}</div>
              <div className="stats-card-value">
                {formatNumber(value, digits)}
                {years && value !== null && <span className="proj-card-unit">{t('proj.unit.years')}</span>}
              </div>
              {name === 'tfr' && medium !== undefined && (
                <div className="stats-card-extra">
                  {t('proj.mediumTfr', { tfr: formatNumber(medium, 2) })}
                </div>
              )}
            </Card>
          );
        })}
      </div>
    </Flex>
  );
}
