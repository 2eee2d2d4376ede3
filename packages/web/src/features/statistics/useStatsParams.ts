// What the statistics pages show lives in the address (?j=&from=&to=&basis=&cfrom=&cto=), so a drill-down
// is a step the browser's back button undoes and a view can be bookmarked or sent. Missing parts take
// their defaults: the user's scope, the last full year of the register, the residence basis.
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router-dom';
import { useCurrentSession } from '../../lib/session';
import { useRequest } from '../../lib/useRequest';
import { fetchDataset, type Basis, type Dataset } from './api';
import { defaultPeriod, isPeriod, type Period } from './period';

export interface StatsParams {
  /** The user's own top division (the root of the picker and of drilling up). */
  root: string;
  jurisdiction: string;
  period: Period;
  basis: Basis;
  compare: Period | undefined;
}

export interface StatsParamsState {
  dataset: Dataset | null | undefined;
  datasetError: string | undefined;
  /** Undefined until the register's dates are known. */
  params: StatsParams | undefined;
  update: (change: Partial<StatsParams>, replace?: boolean) => void;
}

let datasetAnswer: Promise<Dataset | null> | undefined;

/** The register's dates change only with an import; asked once per page load. */
function datasetOnce(): Promise<Dataset | null> {
  datasetAnswer ??= fetchDataset().catch((error: unknown) => {
    datasetAnswer = undefined;
    throw error;
  });
  return datasetAnswer;
}

export function useStatsParams(): StatsParamsState {
  const session = useCurrentSession();
  const [search, setSearch] = useSearchParams();
  const dataset = useRequest(() => datasetOnce(), 'dataset');

  const params = useMemo((): StatsParams | undefined => {
    const data = dataset.data;
    if (!data) return undefined;
    const scope = session.user.scope;
    const root = /^\d{2,12}$/.test(scope) ? scope : data.coverage;
    const j = search.get('j');
    const jurisdiction = j && /^\d{2,12}$/.test(j) && j.startsWith(root) ? j : root;
    const from = search.get('from');
    const to = search.get('to');
    const period = isPeriod(from, to) ? { from: from ?? '', to: to ?? '' } : defaultPeriod(data);
    const basis: Basis = search.get('basis') === 'hukou' ? 'hukou' : 'residence';
    const cfrom = search.get('cfrom');
    const cto = search.get('cto');
    const compare = isPeriod(cfrom, cto) ? { from: cfrom ?? '', to: cto ?? '' } : undefined;
    return { root, jurisdiction, period, basis, compare };
  }, [dataset.data, search, session.user.scope]);

  const update = useCallback(
    (change: Partial<StatsParams>, replace = false) => {
      if (!params) return;
      const next = { ...params, ...change };
      const query: Record<string, string> = {
        j: next.jurisdiction,
        from: next.period.from,
        to: next.period.to,
        basis: next.basis,
      };
      if (next.compare) {
        query.cfrom = next.compare.from;
        query.cto = next.compare.to;
      }
      setSearch(query, { replace });
    },
    [params, setSearch],
  );

  return { dataset: dataset.data, datasetError: dataset.error, params, update };
}
