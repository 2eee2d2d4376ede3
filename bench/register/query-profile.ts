// Time per SQL statement as the client sees it (issue 3): preload into any renkou command, e.g.
//   node --import tsx --import ./bench/register/query-profile.ts packages/cli/bin/renkou.js import register DIR
// On exit it prints the statements by total time (parameters folded, so one line per statement
// shape). Client time includes waits on node's own event loop; auto_explain gives the server's side.
import pg from 'pg';

const totals = new Map<string, { count: number; ms: number }>();
// pg's query() is overloaded; the wrapper passes its arguments through unchanged.
const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
(pg.Client.prototype as { query: unknown }).query = function (
  this: pg.Client,
  config: string | { text?: string },
  values?: unknown,
  callback?: unknown,
) {
  const text = typeof config === 'string' ? config : config?.text;
  const started = process.hrtime.bigint();
  const result = query.call(this, config, values, callback) as Promise<unknown> | undefined;
  if (text && typeof result?.then === 'function') {
    const shape = text.replace(/\$\d+/g, '$').replace(/\s+/g, ' ').slice(0, 160);
    result.then(
      () => {
        const ms = Number(process.hrtime.bigint() - started) / 1e6;
        const total = totals.get(shape) ?? { count: 0, ms: 0 };
        totals.set(shape, { count: total.count + 1, ms: total.ms + ms });
      },
      () => undefined,
    );
  }
  return result;
};

process.on('exit', () => {
  const rows = [...totals].sort((a, b) => b[1].ms - a[1].ms).slice(0, 20);
  for (const [shape, { count, ms }] of rows)
    process.stderr.write(`${ms.toFixed(0).padStart(8)} ms ${String(count).padStart(6)}×  ${shape}\n`);
});
