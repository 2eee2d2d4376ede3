// 公示: the notices on show on a date in a village (or every village of a township), one printable
// document per village on A4 in the layout of GB/T 9704, and the same list as Excel. Only the permitted
// fields are shown — name, village, programme, amount, the masked ID number and the period (PIPL Art 25;
// 社会救助暂行办法 Art 61): the server sends nothing else.
import { FileExcelOutlined, PrinterOutlined } from '@ant-design/icons';
import { Alert, Button, Card, Col, DatePicker, Empty, Row, Space, Typography } from 'antd';
import dayjs from 'dayjs';
import { useSearchParams } from 'react-router-dom';
import { JurisdictionSelect } from '../../components/JurisdictionSelect';
import { PageHeader } from '../../components/PageHeader';
import { downloadWorkbook } from '../../lib/excel';
import { formatDate, formatDocumentDate, orDash } from '../../lib/format';
import { useI18n } from '../../lib/i18n';
import { useCurrentSession } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { listNotices, type NoticeItem } from './api';
import './benefits.css';
import { formatAmount } from './labels';

interface VillageNotice {
  code: string;
  name: string;
  firstDay: string;
  lastDay: string;
  items: NoticeItem[];
}

/** One notice per village: its rows and the period from the first day shown to the last. */
function byVillage(items: readonly NoticeItem[]): VillageNotice[] {
  const villages = new Map<string, VillageNotice>();
  for (const item of items) {
    const village = villages.get(item.villageCode) ?? {
      code: item.villageCode,
      name: item.villageName ?? item.villageCode,
      firstDay: item.firstDay,
      lastDay: item.lastDay,
      items: [],
    };
    village.items.push(item);
    if (item.firstDay < village.firstDay) village.firstDay = item.firstDay;
    if (item.lastDay > village.lastDay) village.lastDay = item.lastDay;
    villages.set(item.villageCode, village);
  }
  return [...villages.values()];
}

export function NoticesPage() {
  const { t } = useI18n();
  const { user } = useCurrentSession();
  const [params, setParams] = useSearchParams();
  const village = params.get('village') ?? (user.scope.length >= 9 ? user.scope : '');
  const date = params.get('date') ?? '';
  const notices = useRequest(
    (signal) => listNotices(village, date || undefined, signal),
    JSON.stringify([village, date]),
    village !== '',
  );
  const villages = notices.data ? byVillage(notices.data.items) : [];
  const shownOn = notices.data?.date ?? date;

  const setFilter = (name: string, value: string) => {
    const next = new URLSearchParams(params);
    if (value) next.set(name, value);
    else next.delete(name);
    setParams(next, { replace: true });
  };

  const amount = (item: NoticeItem) => formatAmount(t, item.amountFen, item.amountBasis);
  const period = (v: VillageNotice) =>
    t('benefit.notice.period', { from: formatDocumentDate(v.firstDay), to: formatDocumentDate(v.lastDay) });

  const exportExcel = async () => {
    const rows = villages.flatMap((v) =>
      v.items.map((item) => [
        v.name,
        item.name,
        orDash(item.idNumberMasked),
        item.programme,
        amount(item),
        `${formatDate(item.firstDay)} 至 ${formatDate(item.lastDay)}`,
      ]),
    );
    await downloadWorkbook(`公示名单-${village}-${shownOn}`, [
      {
        name: '公示名单',
        title: t('benefit.notice.title'),
        subtitle: [t('benefit.notice.shownOn', { date: formatDocumentDate(shownOn) })],
        header: [
          [
            t('benefit.notice.no'),
            t('benefit.notice.village'),
            t('benefit.name'),
            t('benefit.idNumber'),
            t('benefit.programme'),
            t('benefit.amount'),
            t('benefit.notice.periodColumn'),
          ],
        ],
        rows: rows.map((row, index) => [index + 1, ...row]),
        widths: [6, 16, 12, 22, 18, 18, 26],
        footer: [t('benefit.notice.objections')],
      },
    ]).catch(() => undefined);
  };

  return (
    <>
      <div className="no-print">
        <PageHeader
          title={t('nav.benefitNotices')}
          extra={
            <Space wrap>
              <Button
                icon={<FileExcelOutlined />}
                disabled={villages.length === 0}
                onClick={() => void exportExcel()}
                data-testid="notice-excel"
              >
                {t('benefit.exportExcel')}
              </Button>
              <Button
                type="primary"
                icon={<PrinterOutlined />}
                disabled={villages.length === 0}
                onClick={() => window.print()}
                data-testid="notice-print"
              >
                {t('benefit.notice.print')}
              </Button>
            </Space>
          }
        />
        <Row gutter={[8, 8]} style={{ marginBottom: 12 }}>
          <Col xs={24} sm={12} lg={8}>
            <JurisdictionSelect
              key={village === '' ? 'none' : 'some'}
              value={village || undefined}
              onChange={(v) => setFilter('village', v)}
              placeholder={t('benefit.notice.pickVillage')}
              data-testid="notice-village"
            />
          </Col>
          <Col xs={24} sm={12} lg={5}>
            <DatePicker
              style={{ width: '100%' }}
              value={date ? dayjs(date) : null}
              placeholder={t('benefit.today')}
              onChange={(d) => setFilter('date', d ? d.format('YYYY-MM-DD') : '')}
            />
          </Col>
        </Row>
        {notices.error && (
          <Alert type="error" showIcon message={notices.error} style={{ marginBottom: 12 }} />
        )}
        {village === '' && <Alert type="info" showIcon message={t('benefit.notice.pickVillage')} />}
      </div>
      {notices.data && villages.length === 0 && (
        <Card className="no-print">
          <Empty description={t('benefit.notice.none', { date: formatDate(shownOn) })} />
        </Card>
      )}
      <div data-testid="notice-documents" data-state={notices.loading ? 'loading' : 'ready'}>
        {villages.map((v) => (
          <article className="notice-doc" key={v.code} data-testid="notice-doc">
            <h1 className="notice-title">{t('benefit.notice.docTitle', { village: v.name })}</h1>
            <p className="notice-body">
              {t('benefit.notice.intro', { count: v.items.length, period: period(v) })}
            </p>
            <table className="notice-table">
              <thead>
                <tr>
                  <th>{t('benefit.notice.no')}</th>
                  <th>{t('benefit.name')}</th>
                  <th>{t('benefit.notice.village')}</th>
                  <th>{t('benefit.programme')}</th>
                  <th>{t('benefit.amount')}</th>
                  <th>{t('benefit.idNumber')}</th>
                </tr>
              </thead>
              <tbody>
                {v.items.map((item, index) => (
                  <tr key={`${item.name}-${index}`} data-testid="notice-row">
                    <td>{index + 1}</td>
                    <td>{item.name}</td>
                    <td>{v.name}</td>
                    <td>{item.programme}</td>
                    <td className="notice-amount">{amount(item)}</td>
                    <td>{orDash(item.idNumberMasked)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
            <p className="notice-body" style={{ marginTop: 12 }}>
              {t('benefit.notice.objections')}
            </p>
            <p className="notice-signature">
              {t('benefit.notice.issuer', { village: v.name })}
              <br />
              {formatDocumentDate(v.firstDay)}
            </p>
          </article>
        ))}
      </div>
      <Typography.Paragraph type="secondary" className="no-print" style={{ marginTop: 12 }}>
        {t('benefit.notice.privacy')}
      </Typography.Paragraph>
    </>
  );
}
