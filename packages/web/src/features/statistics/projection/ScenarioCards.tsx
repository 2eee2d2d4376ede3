// The end of the projection at a glance: each scenario's total population in the last year, its TFR and
// the change from the base. In 万 as on the dashboard; the table below gives every figure in full.
import { Card } from 'antd';
import { formatLarge, formatNumber } from '../../../lib/format';
import { useI18n } from '../../../lib/i18n';
import { SCENARIOS, scenarioOf, type ProjectionResult } from './api';
import { persons, scenarioColour, scenarioLabel } from './charts';

export function ScenarioCards({ result }: { result: ProjectionResult }) {
  const { t } = useI18n();
  return (
    <div className="stats-cards" data-testid="proj-scenarios">
      {SCENARIOS.map((name) => {
        const scenario = scenarioOf(result, name);
        const first = scenario?.years[0];
        const last = scenario?.years[scenario.years.length - 1];
        if (!scenario || !first || !last) return null;
        const change = (persons(last.total) ?? 0) - (persons(first.total) ?? 0);
        const sign = change > 0 ? '+' : change < 0 ? '−' : '±';
        return (
          <Card
            key={name}
            size="small"
            className="stats-card proj-scenario-card"
            style={{ borderTopColor: scenarioColour[name] }}
            data-testid={`proj-final-${name}`}
            data-year={last.year}
            data-value={last.total}
          >
            <div className="stats-card-title">
              {t(scenarioLabel(name))} · {t('proj.finalPopulation', { year: last.year })}
            </div>
            <div className="stats-card-value" data-testid={`proj-final-${name}-text`}>
              {formatLarge(persons(last.total))}
            </div>
            <div className="stats-card-extra">
              {t('proj.scenarioTfr', { tfr: formatNumber(scenario.tfr, 2) })} ·{' '}
              {t('proj.changeFromBase', { change: `${sign}${formatLarge(Math.abs(change))}` })}
            </div>
          </Card>
        );
      })}
    </div>
  );
}
