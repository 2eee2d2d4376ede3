import { Flex, Typography } from 'antd';
import type { ReactNode } from 'react';

export interface PageHeaderProps {
  title: ReactNode;
  subTitle?: ReactNode;
  /** Buttons on the right (wrap under the title on a phone). */
  extra?: ReactNode;
}

export function PageHeader({ title, subTitle, extra }: PageHeaderProps) {
  return (
    <Flex className="page-header" justify="space-between" align="center" wrap gap={12}>
      <div>
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
        {subTitle && <Typography.Text type="secondary">{subTitle}</Typography.Text>}
      </div>
      {extra && (
        <Flex gap={8} wrap>
          {extra}
        </Flex>
      )}
    </Flex>
  );
}
