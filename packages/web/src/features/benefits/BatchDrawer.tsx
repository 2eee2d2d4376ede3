// A payment batch opened from the list: its status, counts, total against budget, and its lines.
import { Alert, Drawer, Space, Tag } from 'antd';
import { formatNumber } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useIsMobile } from '../../lib/responsive';
import type { Batch, BatchDetail } from './api';
import { BatchLinesTable } from './BatchLinesTable';
import { batchStatusColor, codeLabel, formatFen } from './labels';

export function BatchStatusTag({ batch }: { batch: Batch }) {
  const { t } = useI18n();
  return (
    <Tag color={batchStatusColor[batch.status] ?? 'default'} style={{ marginInlineEnd: 0 }}>
      {codeLabel(t, 'benefit.batch.status', batch.status)}
    </Tag>
  );
}

export interface BatchDrawerProps {
  open: boolean;
  onClose: () => void;
  batch: BatchDetail | undefined;
  programmeName: string;
  loading: boolean;
  error: string | undefined;
}

export function BatchDrawer({ open, onClose, batch, programmeName, loading, error }: BatchDrawerProps) {
  const { t } = useI18n();
  const mobile = useIsMobile();
  return (
    <Drawer
      open={open}
      onClose={onClose}
      width={mobile ? '100%' : 760}
      title={
        batch ? `${t('benefit.batch.detail')} · ${programmeName} ${batch.period}` : t('benefit.batch.detail')
      }
      destroyOnClose
    >
      {error && <Alert type="error" showIcon message={error} />}
      {batch && (
        <>
          <Space wrap style={{ marginBottom: 8 }}>
            <BatchStatusTag batch={batch} />
            <span>
              {t('benefit.batch.lines')} {formatNumber(batch.lineCount)}
            </span>
            <span>
              {t('benefit.batch.total')} {formatFen(batch.totalFen)}
            </span>
            <span>
              {t('benefit.batch.budgetShort')} {formatFen(batch.budgetFen)}
            </span>
          </Space>
          <BatchLinesTable lines={batch.lines} loading={loading} />
        </>
      )}
    </Drawer>
  );
}
