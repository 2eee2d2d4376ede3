import { Card, Flex, Segmented, Typography } from 'antd';
import type { ReactNode } from 'react';
import { useI18n, type Lang } from '../../lib/i18n';

/** The centred card of the login and password pages, with the language switch. */
export function AuthCard({ title, children }: { title: string; children: ReactNode }) {
  const { t, lang, setLang } = useI18n();
  return (
    <div className="auth-page">
      <Card className="auth-card">
        <Flex vertical align="center" gap={4} style={{ marginBottom: 24 }}>
          <Typography.Title level={3} style={{ margin: 0, color: '#1f5fbf', textAlign: 'center' }}>
            {t('app.title')}
          </Typography.Title>
          <Typography.Text type="secondary">{title}</Typography.Text>
        </Flex>
        {children}
        <Flex justify="center" style={{ marginTop: 16 }}>
          <Segmented<Lang>
            size="small"
            value={lang}
            onChange={setLang}
            options={[
              { label: '中文', value: 'zh' },
              { label: 'English', value: 'en' },
            ]}
          />
        </Flex>
      </Card>
    </div>
  );
}
