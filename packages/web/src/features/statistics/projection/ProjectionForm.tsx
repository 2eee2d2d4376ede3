// The projection's inputs: the division (within the user's scope), the base date (within the register's
// dates), the horizon, an optional medium-scenario TFR and whether migration counts. Checked as the user
// types, with the reason beside the field.
import { PlayCircleOutlined } from '@ant-design/icons';
import { Button, Card, DatePicker, Form, InputNumber, Segmented, Switch } from 'antd';
import dayjs, { type Dayjs } from 'dayjs';
import { useEffect } from 'react';
import { JurisdictionSelect } from '../../../components/JurisdictionSelect';
import { useI18n } from '../../../lib/i18n';
import type { Dataset } from '../api';
import { projectionKey, type ProjectionQuery } from './api';
import { TFR_MAX, TFR_MIN, YEAR_CHOICES } from './useProjectionParams';

interface FormValues {
  jurisdiction: string;
  base: Dayjs;
  years: number;
  tfr: number | null;
  migration: boolean;
}

export interface ProjectionFormProps {
  initial: ProjectionQuery;
  /** The projection shown: the form follows it when the user goes back or forward. */
  shown: ProjectionQuery | undefined;
  root: string;
  dataset: Dataset;
  running: boolean;
  onRun: (query: ProjectionQuery) => void;
}

const toValues = (q: ProjectionQuery): FormValues => ({
  jurisdiction: q.jurisdiction,
  base: dayjs(q.base),
  years: q.years,
  tfr: q.tfr ?? null,
  migration: q.migration,
});

export function ProjectionForm({ initial, shown, root, dataset, running, onRun }: ProjectionFormProps) {
  const { t } = useI18n();
  const [form] = Form.useForm<FormValues>();
  const migration = Form.useWatch('migration', form);
  const start = dayjs(dataset.start);
  const end = dayjs(dataset.end);
  const outside = (d: Dayjs) => d.isBefore(start, 'day') || d.isAfter(end, 'day');

  const shownKey = shown ? projectionKey(shown) : undefined;
  useEffect(() => {
    if (shown) form.setFieldsValue(toValues(shown));
    // `shown` is a new object on every address change; its key says whether it is another projection.
  }, [shownKey, form]);

  const submit = (values: FormValues) =>
    onRun({
      jurisdiction: values.jurisdiction,
      base: values.base.format('YYYY-MM-DD'),
      years: values.years,
      ...(values.tfr !== null && values.tfr !== undefined ? { tfr: values.tfr } : {}),
      migration: values.migration,
    });

  return (
    <Card size="small" className="proj-form-card">
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={toValues(initial)}
        onFinish={submit}
        className="proj-form"
        data-testid="proj-form"
      >
        <Form.Item
          name="jurisdiction"
          label={t('proj.jurisdiction')}
          className="proj-field-jurisdiction"
          rules={[
            { required: true, message: t('proj.jurisdictionRequired') },
            {
              validator: async (_, code: string | undefined) => {
                if (code && !code.startsWith(root)) throw new Error(t('proj.outOfScope'));
              },
            },
          ]}
        >
          <JurisdictionSelect data-testid="proj-jurisdiction" />
        </Form.Item>
        <Form.Item
          name="base"
          label={t('proj.base')}
          extra={t('proj.baseHelp', { start: dataset.start })}
          className="proj-field-base"
          rules={[
            { required: true, message: t('proj.baseRequired') },
            {
              validator: async (_, value: Dayjs | null | undefined) => {
                if (value && outside(value))
                  throw new Error(t('proj.baseOutside', { start: dataset.start, end: dataset.end }));
              },
            },
          ]}
        >
          <DatePicker allowClear={false} disabledDate={outside} data-testid="proj-base" />
        </Form.Item>
        <Form.Item name="years" label={t('proj.years')} extra={t('proj.yearsHelp')}>
          <Segmented<number>
            options={YEAR_CHOICES.map((n) => ({ value: n, label: t('proj.yearsOption', { n }) }))}
            data-testid="proj-years"
          />
        </Form.Item>
        <Form.Item
          name="tfr"
          label={t('proj.tfr')}
          extra={t('proj.tfrHelp')}
          rules={[{ type: 'number', min: TFR_MIN, max: TFR_MAX, message: t('proj.tfrRange') }]}
        >
          <InputNumber<number>
            step={0.1}
            precision={2}
            placeholder={t('proj.tfrPlaceholder')}
            style={{ width: 160 }}
            data-testid="proj-tfr"
          />
        </Form.Item>
        <Form.Item
          name="migration"
          label={t('proj.migration')}
          valuePropName="checked"
          extra={t(migration === false ? 'proj.migrationOff' : 'proj.migrationOn')}
        >
          <Switch data-testid="proj-migration" />
        </Form.Item>
        <Form.Item label=" " className="proj-actions">
          <Button
            type="primary"
            htmlType="submit"
            icon={<PlayCircleOutlined />}
            loading={running}
            data-testid="proj-run"
          >
            {t('proj.run')}
          </Button>
        </Form.Item>
      </Form>
    </Card>
  );
}
