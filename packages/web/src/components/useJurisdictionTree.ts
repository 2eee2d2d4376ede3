// The lazily loaded division tree behind JurisdictionTree and JurisdictionSelect: it starts at the
// caller's scope (GET /api/jurisdictions/root) and asks for children only when a node is opened.
// The whole tree is never loaded.
import { parentCode } from '@renkou/core';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { errorMessage } from '../lib/api';
import { fetchChildren, fetchRootJurisdiction } from '../lib/jurisdictions';
import type { Jurisdiction } from '../lib/types';

/** antd trees treat '' as no key; the country (code '') gets this one. */
export const ROOT_KEY = '__country__';
export const keyOf = (code: string): string => (code === '' ? ROOT_KEY : code);
export const codeOf = (key: string | number | bigint): string =>
  String(key) === ROOT_KEY ? '' : String(key);

export interface LazyNode {
  key: string;
  value: string;
  title: string;
  isLeaf: boolean;
  children?: LazyNode[];
  jurisdiction: Jurisdiction;
}

/** The ancestors of `code` from `top` down (both codes), or undefined when `code` lies outside `top`. */
export function ancestorsWithin(top: string, code: string): string[] | undefined {
  if (!code.startsWith(top)) return undefined;
  const chain: string[] = [];
  let current = code;
  while (current !== top) {
    const parent = current === '' ? undefined : (parentCode(current) ?? '');
    if (parent === undefined || parent.length < top.length) return undefined;
    chain.unshift(parent);
    current = parent;
  }
  return chain;
}

export function useJurisdictionTree(title: (j: Jurisdiction) => string) {
  const nodes = useRef(new Map<string, Jurisdiction>());
  const children = useRef(new Map<string, string[]>());
  const pending = useRef(new Map<string, Promise<void>>());
  const [root, setRoot] = useState<Jurisdiction>();
  const [error, setError] = useState<string>();
  const [version, setVersion] = useState(0);

  const loadChildren = useCallback((code: string): Promise<void> => {
    if (children.current.has(code)) return Promise.resolve();
    const running = pending.current.get(code);
    if (running) return running;
    const promise = fetchChildren(code)
      .then((items) => {
        for (const item of items) nodes.current.set(item.code, item);
        children.current.set(
          code,
          items.map((item) => item.code),
        );
        setVersion((v) => v + 1);
      })
      .finally(() => pending.current.delete(code));
    pending.current.set(code, promise);
    return promise;
  }, []);

  useEffect(() => {
    const controller = new AbortController();
    fetchRootJurisdiction(controller.signal).then(
      (top) => {
        nodes.current.set(top.code, top);
        setRoot(top);
        if (top.hasChildren) loadChildren(top.code).catch((e: unknown) => setError(errorMessage(e)));
      },
      (e: unknown) => {
        if (!controller.signal.aborted) setError(errorMessage(e));
      },
    );
    return () => controller.abort();
  }, [loadChildren]);

  /** Loads the branch down to `code`; answers the keys to expand so that the node shows. */
  const reveal = useCallback(
    async (code: string): Promise<string[]> => {
      if (!root) return [];
      const chain = ancestorsWithin(root.code, code);
      if (!chain) return [];
      for (const ancestor of chain) await loadChildren(ancestor);
      return chain.map(keyOf);
    },
    [root, loadChildren],
  );

  const treeData = useMemo((): LazyNode[] => {
    if (!root) return [];
    const build = (j: Jurisdiction): LazyNode => {
      const kids = children.current.get(j.code);
      return {
        key: keyOf(j.code),
        value: keyOf(j.code),
        title: title(j),
        isLeaf: !j.hasChildren,
        jurisdiction: j,
        ...(kids
          ? {
              children: kids
                .map((c) => nodes.current.get(c))
                .filter((n): n is Jurisdiction => n !== undefined)
                .map(build),
            }
          : {}),
      };
    };
    return [build(root)];
    // `version` marks changes to the maps held in refs.
  }, [root, version, title]);

  const loadedKeys = useMemo(() => [...children.current.keys()].map(keyOf), [version]);
  const get = useCallback((code: string) => nodes.current.get(code), []);

  return { root, error, treeData, loadedKeys, loadChildren, reveal, get, version };
}

export type JurisdictionTreeState = ReturnType<typeof useJurisdictionTree>;
