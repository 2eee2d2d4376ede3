// On a phone (360 px) the benefits tables collapse into cards: one card per row, paged like the table.
import { Card, List } from 'antd';
import type { ReactNode } from 'react';

export interface CardListProps<T> {
  items: readonly T[];
  rowKey: (item: T) => string;
  loading: boolean;
  emptyText: ReactNode;
  render: (item: T) => ReactNode;
  onOpen?: (item: T) => void;
  pagination?: { current: number; pageSize: number; total: number; onChange: (page: number) => void };
  testId?: string;
  cardTestId?: string;
}

export function CardList<T>({
  items,
  rowKey,
  loading,
  emptyText,
  render,
  onOpen,
  pagination,
  testId,
  cardTestId,
}: CardListProps<T>) {
  return (
    <List<T>
      data-testid={testId}
      loading={loading}
      dataSource={[...items]}
      locale={{ emptyText }}
      rowKey={rowKey}
      pagination={
        pagination && pagination.total > pagination.pageSize
          ? { ...pagination, simple: true, align: 'center', showSizeChanger: false }
          : false
      }
      renderItem={(item) => (
        <List.Item style={{ padding: '4px 0', borderBlockEnd: 'none' }}>
          <Card
            size="small"
            hoverable={onOpen !== undefined}
            className={onOpen ? 'clickable-row' : undefined}
            style={{ width: '100%' }}
            onClick={onOpen ? () => onOpen(item) : undefined}
            data-testid={cardTestId}
            data-key={rowKey(item)}
          >
            {render(item)}
          </Card>
        </List.Item>
      )}
    />
  );
}
