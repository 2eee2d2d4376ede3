// Import step 1: choose one or two files (persons and/or events), CSV or XLSX up to 20 MB; the
// templates can be downloaded here.
import { DownloadOutlined, UploadOutlined } from '@ant-design/icons';
import { Alert, Button, Flex, List, Typography } from 'antd';
import { useRef, useState } from 'react';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { templateUrl } from './api';

export const MAX_BYTES = 20 * 1024 * 1024;
const ACCEPT = '.csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function ImportFileStep({
  busy,
  error,
  onNext,
}: {
  busy: boolean;
  error: string | undefined;
  onNext: (files: File[]) => void;
}) {
  const { t } = useI18n();
  const input = useRef<HTMLInputElement>(null);
  const [files, setFiles] = useState<File[]>([]);
  const [problem, setProblem] = useState<string>();

  const choose = (list: FileList | null) => {
    const chosen = [...(list ?? [])].slice(0, 2);
    const bad = chosen.find((f) => !/\.(csv|xlsx)$/i.test(f.name));
    const big = chosen.find((f) => f.size > MAX_BYTES);
    setProblem(bad ? t('import.badType') : big ? t('import.tooBig') : undefined);
    setFiles(bad || big ? [] : chosen);
  };

  return (
    <Flex vertical gap={16}>
      <Typography.Paragraph style={{ margin: 0 }}>{t('import.hint')}</Typography.Paragraph>
      <Flex wrap gap={8} align="center">
        <Typography.Text>{t('import.templates')}</Typography.Text>
        <a href={templateUrl('persons')} download>
          <Button icon={<DownloadOutlined />}>{t('import.templatePersons')}</Button>
        </a>
        <a href={templateUrl('events')} download>
          <Button icon={<DownloadOutlined />}>{t('import.templateEvents')}</Button>
        </a>
      </Flex>
      <input
        ref={input}
        type="file"
        accept={ACCEPT}
        multiple
        hidden
        data-testid="import-file"
        onChange={(e) => {
          choose(e.target.files);
          e.target.value = '';
        }}
      />
      <div>
        <Button icon={<UploadOutlined />} size="large" onClick={() => input.current?.click()}>
          {t('import.choose')}
        </Button>
      </div>
      {files.length > 0 && (
        <List
          size="small"
          bordered
          dataSource={files}
          renderItem={(f) => (
            <List.Item>
              {f.name}（{formatNumber(Math.ceil(f.size / 1024))} KB）
            </List.Item>
          )}
        />
      )}
      {(problem ?? error) && <Alert type="error" showIcon message={problem ?? error} />}
      <div>
        <Button
          type="primary"
          size="large"
          disabled={files.length === 0}
          loading={busy}
          onClick={() => onNext(files)}
          data-testid="import-next"
        >
          {t('import.next')}
        </Button>
      </div>
    </Flex>
  );
}
