// 数据导入: choose files → check the column mapping → run with a progress bar → result. The running
// import is named in the address (?id=), so the user can leave and come back to it.
import { Alert, Button, Card, Col, DatePicker, Flex, Form, Row, Steps } from 'antd';
import type { Dayjs } from 'dayjs';
import { useState } from 'react';
import { useSearchParams } from 'react-router-dom';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { PageHeader } from '../../components/PageHeader';
import { errorMessage } from '../../lib/api';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import { useRequest } from '../../lib/useRequest';
import { fetchDataset, previewImport, startImport } from './api';
import { ImportFileStep } from './ImportFileStep';
import { duplicateTargets, ImportMapStep, type FilePlan } from './ImportMapStep';
import { ImportResult, ImportRunning, useImportStatus } from './ImportProgress';

interface DatasetValues {
  coverage?: string;
  start?: Dayjs;
  end?: Dayjs;
}

export function ImportPage() {
  const { t } = useI18n();
  const mobile = useIsMobile();
  const [params, setParams] = useSearchParams();
  const importId = params.get('id') ?? '';
  const [plans, setPlans] = useState<FilePlan[]>([]);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const [datasetForm] = Form.useForm<DatasetValues>();
  const dataset = useRequest((signal) => fetchDataset(signal), 'dataset', importId === '');
  const { status, error: pollError } = useImportStatus(importId);

  const step = importId ? (status && status.status !== 'running' ? 3 : 2) : plans.length > 0 ? 1 : 0;

  const preview = async (files: File[]) => {
    setBusy(true);
    setError(undefined);
    try {
      const previews = await Promise.all(files.map((f) => previewImport(f)));
      setPlans(previews.map((p) => ({ preview: p, kind: p.kind, mapping: { ...p.suggestedMapping } })));
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const run = async () => {
    setError(undefined);
    let values: DatasetValues = {};
    if (dataset.data === null) {
      try {
        values = await datasetForm.validateFields();
      } catch {
        return;
      }
    }
    setBusy(true);
    try {
      const uploads = plans.map((p) => ({ uploadId: p.preview.uploadId, kind: p.kind, mapping: p.mapping }));
      const { importId: id } = await startImport(
        uploads,
        values.coverage && values.start && values.end
          ? {
              coverage: values.coverage,
              start: values.start.format('YYYY-MM-DD'),
              end: values.end.format('YYYY-MM-DD'),
            }
          : undefined,
      );
      setParams({ id });
      setPlans([]);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setBusy(false);
    }
  };

  const again = () => {
    setPlans([]);
    setParams({});
  };
  const required = [{ required: true, message: t('form.required') }];
  const invalid = plans.some((p) => duplicateTargets(p.mapping).length > 0);

  return (
    <>
      <PageHeader title={t('nav.registerImport')} />
      <Steps
        current={step}
        size="small"
        type={mobile ? 'inline' : 'default'}
        style={{ marginBottom: 16, maxWidth: 900 }}
        items={(['file', 'map', 'run', 'result'] as const).map((s) => ({ title: t(`import.step.${s}`) }))}
      />
      {step === 0 && <ImportFileStep busy={busy} error={error} onNext={(files) => void preview(files)} />}
      {step === 1 && (
        <Flex vertical gap={12}>
          <ImportMapStep plans={plans} onChange={setPlans} />
          {dataset.data === null && (
            <Card size="small" title={t('import.dataset')}>
              <Form form={datasetForm} layout="vertical">
                <Row gutter={12}>
                  <Col xs={24} md={10}>
                    <Form.Item name="coverage" label={t('import.coverage')} rules={required}>
                      <JurisdictionSelect />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item name="start" label={t('import.start')} rules={required}>
                      <DatePicker style={{ width: '100%' }} placeholder={t('form.pickDate')} />
                    </Form.Item>
                  </Col>
                  <Col xs={12} md={7}>
                    <Form.Item name="end" label={t('import.end')} rules={required}>
                      <DatePicker style={{ width: '100%' }} placeholder={t('form.pickDate')} />
                    </Form.Item>
                  </Col>
                </Row>
              </Form>
            </Card>
          )}
          {error && <Alert type="error" showIcon message={error} />}
          <Flex gap={8} wrap>
            <Button size="large" onClick={() => setPlans([])}>
              {t('import.back')}
            </Button>
            <Button
              type="primary"
              size="large"
              loading={busy}
              disabled={invalid || dataset.loading}
              onClick={() => void run()}
              data-testid="import-run"
            >
              {t('import.run')}
            </Button>
          </Flex>
        </Flex>
      )}
      {step === 2 && <ImportRunning status={status} error={pollError} />}
      {step === 3 && status && <ImportResult status={status} onAgain={again} />}
    </>
  );
}
