// A division chooser for forms (antd Form.Item gives value/onChange): a TreeSelect that loads children
// on demand and, while the user types, lists the server's search results instead of the tree.
import { TreeSelect } from 'antd';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { useI18n } from '../lib/i18n';
import { levelLabel } from '../lib/labels';
import type { Jurisdiction } from '../lib/types';
import { useJurisdictionSearch } from './useJurisdictionSearch';
import { codeOf, keyOf, useJurisdictionTree, type LazyNode } from './useJurisdictionTree';

export interface JurisdictionSelectProps {
  /** A division code; '' = the whole country. */
  value?: string;
  onChange?: (code: string) => void;
  disabled?: boolean;
  placeholder?: string;
  'data-testid'?: string;
  id?: string;
}

export function JurisdictionSelect({
  value,
  onChange,
  disabled,
  placeholder,
  id,
  ...rest
}: JurisdictionSelectProps) {
  const { t, lang } = useI18n();
  const title = useCallback((j: Jurisdiction) => (j.code === '' ? j.name : `${j.name}（${j.code}）`), []);
  const tree = useJurisdictionTree(title);
  const search = useJurisdictionSearch();
  const [expanded, setExpanded] = useState<string[]>([]);

  const { root, reveal, get } = tree;
  useEffect(() => {
    if (root) setExpanded((keys) => (keys.length > 0 ? keys : [keyOf(root.code)]));
  }, [root]);

  // A value set from outside (editing a user) is shown by its name once its branch is loaded.
  useEffect(() => {
    if (!root || value === undefined || get(value)) return;
    reveal(value).then(
      (keys) => setExpanded((current) => [...new Set([...current, ...keys])]),
      () => undefined,
    );
  }, [root, value, reveal, get]);

  const searchData = useMemo(
    (): LazyNode[] =>
      search.results.map((j) => ({
        key: keyOf(j.code),
        value: keyOf(j.code),
        title: `${j.name}（${j.code}，${levelLabel(j.level, lang)}）`,
        isLeaf: true,
        jurisdiction: j,
      })),
    [search.results, lang],
  );

  return (
    <TreeSelect<string, LazyNode>
      id={id}
      data-testid={rest['data-testid']}
      value={value === undefined ? undefined : keyOf(value)}
      onChange={(key) => onChange?.(codeOf(key))}
      onSelect={(key) => {
        search.clear();
        reveal(codeOf(key)).then(
          (keys) => setExpanded((current) => [...new Set([...current, ...keys])]),
          () => undefined,
        );
      }}
      treeData={search.active ? searchData : tree.treeData}
      loadData={(node) => tree.loadChildren(codeOf(String(node.value ?? node.key)))}
      treeLoadedKeys={tree.loadedKeys}
      treeExpandedKeys={search.active ? [] : expanded}
      onTreeExpand={(keys) => setExpanded(keys.map(String))}
      showSearch
      searchValue={search.query}
      onSearch={search.setQuery}
      filterTreeNode={false}
      notFoundContent={search.active ? (search.loading ? t('common.loading') : t('jur.noResult')) : undefined}
      placeholder={placeholder ?? t('jur.search')}
      disabled={disabled}
      loading={!tree.root && !tree.error}
      popupMatchSelectWidth={false}
      listHeight={320}
      style={{ width: '100%' }}
      status={tree.error ? 'error' : undefined}
    />
  );
}
