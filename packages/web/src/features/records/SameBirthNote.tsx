// 户籍也有此出生: the hukou office's row of the same baby, shown on the hospital's missing birth. The
// two are one item and are resolved together (ADR 0019).
import type { SameBirthRecord } from '@renkou/core';
import { Alert, Tag, Typography } from 'antd';
import { useI18n, type I18n } from '../../lib/i18n';

const SEX: Record<string, string> = { '1': '男', '2': '女' };

function fields(record: SameBirthRecord, t: I18n['t']): string {
  return t('records.sameBirth.fields', {
    id: record.recordId,
    name: record.name || '—',
    sex: SEX[record.sex] ?? '—',
    born: record.birthDate || '—',
    place: record.place || '—',
    date: record.date ?? '—',
  });
}

/** In the list's row: the tag and the hukou row's fields under it. */
export function SameBirthTag({ record }: { record: SameBirthRecord }) {
  const { t } = useI18n();
  return (
    <div data-testid="same-birth">
      <Tag color="green">{t('records.sameBirth')}</Tag>
      <Typography.Text type="secondary" style={{ fontSize: 12 }}>
        {fields(record, t)}
      </Typography.Text>
    </div>
  );
}

/** In the resolve dialog: the hukou row is resolved with this item. */
export function SameBirthNote({ record }: { record: SameBirthRecord }) {
  const { t } = useI18n();
  return (
    <Alert
      type="info"
      showIcon
      style={{ marginBottom: 12 }}
      message={t('records.sameBirth')}
      description={`${fields(record, t)}。${t('records.sameBirth.together')}`}
      data-testid="same-birth-note"
    />
  );
}
