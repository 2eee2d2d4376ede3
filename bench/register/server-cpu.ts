// CPU seconds spent by a local PostgreSQL server, read from /proc: the postmaster's own time, the
// time of its reaped children (cutime + cstime) and of its live children (backends, checkpointer,
// WAL writer …). The difference of two readings is the server's CPU over the interval; a child that
// exits is counted once the postmaster has reaped it. Undefined when the server is not a process of
// this machine (or /proc is not readable).
import { readdirSync, readFileSync } from 'node:fs';

const TICKS_PER_SECOND = 100; // USER_HZ on Linux

interface ProcStat {
  pid: number;
  comm: string;
  ppid: number;
  /** utime + stime, in ticks. */
  own: number;
  /** cutime + cstime (reaped children), in ticks. */
  children: number;
}

function readStat(pid: string): ProcStat | undefined {
  try {
    const text = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const close = text.lastIndexOf(')');
    const comm = text.slice(text.indexOf('(') + 1, close);
    const fields = text
      .slice(close + 2)
      .split(' ')
      .map(Number);
    // fields[0] is the state (NaN here), then ppid …; utime is field 14 of the file, i.e. fields[11].
    return {
      pid: Number(pid),
      comm,
      ppid: fields[1] ?? 0,
      own: (fields[11] ?? 0) + (fields[12] ?? 0),
      children: (fields[13] ?? 0) + (fields[14] ?? 0),
    };
  } catch {
    return undefined;
  }
}

/** Total CPU seconds of every postmaster of the machine and its children so far. */
export function postgresCpuSeconds(): number | undefined {
  let stats: ProcStat[];
  try {
    stats = readdirSync('/proc')
      .filter((entry) => /^\d+$/.test(entry))
      .map(readStat)
      .filter((s): s is ProcStat => s !== undefined && s.comm === 'postgres');
  } catch {
    return undefined;
  }
  const pids = new Set(stats.map((s) => s.pid));
  const postmasters = stats.filter((s) => !pids.has(s.ppid));
  if (postmasters.length === 0) return undefined;
  let ticks = 0;
  for (const s of stats) ticks += pids.has(s.ppid) ? s.own : s.own + s.children;
  return ticks / TICKS_PER_SECOND;
}

/** CPU seconds of this process (user + system). */
export function processCpuSeconds(): number {
  const usage = process.cpuUsage();
  return (usage.user + usage.system) / 1e6;
}
