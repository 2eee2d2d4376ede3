// What the 年审 and 生命事件 worklists share: the person's columns first and, last, the button that
// confirms the end of an enrolment (re-checked on the server), with its outcome in a message.
import { Permission, type EnrolmentListItem } from '@renkou/core';
import { App, Button, Popconfirm } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState, type ReactNode } from 'react';
import { orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCan } from '../../lib/session';
import type { EndOutcome } from './api';
import { endOutcomeText } from './end-outcome';
import { useRefusal } from './use-refusal';

export interface EndAction<I> {
  /** Whether the row may be confirmed (besides the user's permission to review). */
  show: (item: I) => boolean;
  description: (item: I) => ReactNode;
  testId: string;
}

/** Columns of a worklist of enrolments: name, ID number, programme, then `middle`, then the confirm button. */
export function useEndColumns<I extends EnrolmentListItem>(
  end: (enrolmentId: string) => Promise<EndOutcome>,
  reload: () => void,
): (middle: ColumnsType<I>, action: EndAction<I>) => ColumnsType<I> {
  const { t } = useI18n();
  const { message } = App.useApp();
  const refused = useRefusal();
  const canReview = useCan(Permission.BenefitReview);
  const [busy, setBusy] = useState<string>();

  const confirm = async (item: I) => {
    setBusy(item.enrolmentId);
    try {
      const outcome = await end(item.enrolmentId);
      void message.success(`${item.name ?? item.personKey}：${endOutcomeText(t, outcome)}`);
      reload();
    } catch (error) {
      refused(error, t('benefit.worklist.confirm'));
    } finally {
      setBusy(undefined);
    }
  };

  return (middle, action) => [
    { title: t('benefit.name'), key: 'name', width: 110, render: (_v, i) => i.name ?? i.personKey },
    {
      title: t('benefit.idNumber'),
      dataIndex: 'idNumberMasked',
      width: 170,
      render: (v: string | null) => orDash(v),
    },
    { title: t('benefit.programme'), dataIndex: 'programmeName', width: 90 },
    ...middle,
    {
      title: '',
      key: 'actions',
      width: 110,
      render: (_v, i) =>
        canReview &&
        action.show(i) && (
          <Popconfirm
            title={t('benefit.worklist.confirmEnd')}
            description={action.description(i)}
            okText={t('common.ok')}
            cancelText={t('common.cancel')}
            onConfirm={() => confirm(i)}
          >
            <Button size="small" type="primary" loading={busy === i.enrolmentId} data-testid={action.testId}>
              {t('benefit.worklist.confirm')}
            </Button>
          </Popconfirm>
        ),
    },
  ];
}
