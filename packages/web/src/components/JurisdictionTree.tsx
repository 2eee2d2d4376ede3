// The division tree panel: lazy antd Tree from the caller's scope down, with a search box that asks
// the server (GET /api/jurisdictions?q=) and opens the tree at the chosen result.
import { Alert, Empty, Input, List, Spin, Tree, Typography } from 'antd';
import { useCallback, useEffect, useState } from 'react';
import { errorMessage, isAbort } from '../lib/api';
import { useI18n } from '../lib/i18n';
import { levelLabel } from '../lib/labels';
import type { Jurisdiction } from '../lib/types';
import { codeOf, keyOf, useJurisdictionTree, type LazyNode } from './useJurisdictionTree';
import { useJurisdictionSearch } from './useJurisdictionSearch';

export interface JurisdictionTreeProps {
  /** The selected division's code ('' = the country). */
  selectedCode?: string;
  onSelect?: (jurisdiction: Jurisdiction) => void;
  /** Called once with the top of the caller's scope, so a page can select it first. */
  onRootLoaded?: (root: Jurisdiction) => void;
  /** Pixel height of the scrolling tree; virtual scrolling keeps thousands of villages smooth. */
  height?: number;
}

export function JurisdictionTree({
  selectedCode,
  onSelect,
  onRootLoaded,
  height = 520,
}: JurisdictionTreeProps) {
  const { t, lang } = useI18n();
  const title = useCallback((j: Jurisdiction) => j.name, []);
  const tree = useJurisdictionTree(title);
  const [expanded, setExpanded] = useState<string[]>([]);
  const search = useJurisdictionSearch();
  const [revealError, setRevealError] = useState<string>();

  const { root } = tree;
  useEffect(() => {
    if (!root) return;
    setExpanded((keys) => (keys.length > 0 ? keys : [keyOf(root.code)]));
    onRootLoaded?.(root);
    // Only when the root arrives.
  }, [root]);

  const { reveal } = tree;
  const open = useCallback(
    (code: string) => {
      reveal(code).then(
        (keys) => setExpanded((current) => [...new Set([...current, ...keys])]),
        (e: unknown) => {
          if (!isAbort(e)) setRevealError(errorMessage(e));
        },
      );
    },
    [reveal],
  );

  // A division selected from outside (a row of the children table) is opened in the tree too.
  useEffect(() => {
    if (selectedCode !== undefined) open(selectedCode);
  }, [selectedCode, open]);

  const choose = (j: Jurisdiction) => {
    search.clear();
    onSelect?.(j);
    open(j.code);
  };

  const error = tree.error ?? revealError;
  return (
    <div data-testid="jurisdiction-tree" className="jurisdiction-tree">
      <Input.Search
        placeholder={t('jur.search')}
        allowClear
        value={search.query}
        onChange={(e) => search.setQuery(e.target.value)}
        onSearch={(value) => search.setQuery(value)}
        loading={search.loading}
        data-testid="jurisdiction-search"
        style={{ marginBottom: 8 }}
      />
      {error && <Alert type="error" showIcon message={error} style={{ marginBottom: 8 }} />}
      {search.active ? (
        <List<Jurisdiction>
          size="small"
          loading={search.loading}
          dataSource={search.results}
          locale={{ emptyText: search.error ?? t('jur.noResult') }}
          style={{ maxHeight: height, overflowY: 'auto' }}
          renderItem={(j) => (
            <List.Item className="clickable-row" onClick={() => choose(j)}>
              <span>{j.name}</span>
              <Typography.Text type="secondary">
                {j.code} · {levelLabel(j.level, lang)}
              </Typography.Text>
            </List.Item>
          )}
        />
      ) : !tree.root && !tree.error ? (
        <Spin style={{ display: 'block', padding: 24 }} />
      ) : tree.root ? (
        <Tree<LazyNode>
          blockNode
          showLine
          treeData={tree.treeData}
          loadData={(node) => tree.loadChildren(codeOf(node.key))}
          loadedKeys={tree.loadedKeys}
          expandedKeys={expanded}
          onExpand={(keys) => setExpanded(keys.map(String))}
          selectedKeys={selectedCode === undefined ? [] : [keyOf(selectedCode)]}
          onSelect={(_keys, info) => {
            if (info.selected) onSelect?.(info.node.jurisdiction);
          }}
          height={height}
        />
      ) : (
        <Empty image={Empty.PRESENTED_IMAGE_SIMPLE} />
      )}
    </div>
  );
}
