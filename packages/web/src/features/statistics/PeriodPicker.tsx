// A period: a calendar year (the usual case) or any range of days within the register's dates.
import { DatePicker, Flex, Segmented } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useState } from 'react';
import { useI18n } from '../../lib/i18n';
import type { Dataset } from './api';
import { yearPeriod, type Period } from './period';

export interface PeriodPickerProps {
  value: Period;
  onChange: (period: Period) => void;
  dataset: Dataset;
  'data-testid'?: string;
}

const isYear = (p: Period, dataset: Dataset) => {
  const year = yearPeriod(Number(p.from.slice(0, 4)), dataset);
  return year !== undefined && year.from === p.from && year.to === p.to;
};

export function PeriodPicker({ value, onChange, dataset, ...rest }: PeriodPickerProps) {
  const { t } = useI18n();
  const [mode, setMode] = useState<'year' | 'range'>(isYear(value, dataset) ? 'year' : 'range');
  const start = dayjs(dataset.start);
  const end = dayjs(dataset.end);
  const outside = (d: Dayjs) => d.isBefore(start, 'day') || d.isAfter(end, 'day');

  return (
    <Flex gap={8} wrap align="center" data-testid={rest['data-testid']}>
      <Segmented<'year' | 'range'>
        value={mode}
        options={[
          { value: 'year', label: t('stats.periodYear') },
          { value: 'range', label: t('stats.periodRange') },
        ]}
        onChange={(next) => {
          setMode(next);
          if (next === 'year') {
            const year = yearPeriod(Number(value.to.slice(0, 4)), dataset);
            if (year) onChange(year);
          }
        }}
      />
      {mode === 'year' ? (
        <DatePicker
          picker="year"
          value={dayjs(value.from)}
          allowClear={false}
          inputReadOnly
          disabledDate={(d) => yearPeriod(d.year(), dataset) === undefined}
          onChange={(d: Dayjs | null) => {
            const year = d ? yearPeriod(d.year(), dataset) : undefined;
            if (year) onChange(year);
          }}
          style={{ width: 110 }}
          data-testid={rest['data-testid'] ? `${rest['data-testid']}-year` : undefined}
        />
      ) : (
        <DatePicker.RangePicker
          value={[dayjs(value.from), dayjs(value.to)]}
          allowClear={false}
          inputReadOnly
          disabledDate={outside}
          onChange={(range) => {
            const [from, to] = range ?? [];
            if (from && to) onChange({ from: from.format('YYYY-MM-DD'), to: to.format('YYYY-MM-DD') });
          }}
          style={{ maxWidth: 280 }}
        />
      )}
    </Flex>
  );
}
