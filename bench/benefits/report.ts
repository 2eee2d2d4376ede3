// The benefits benchmark's tables, for the runner (benefits.bench.ts) and the by-hand script (existing.ts).
import { formatFen } from '@renkou/core';
import { fmtBytes, fmtInt, fmtSeconds } from '../lib/format';
import type { Table } from '../lib/types';
import { programmeLabels, type StepOptions, type StepsResult } from './steps';

function what(detail: Record<string, unknown>): string {
  return Object.entries(detail)
    .filter(([, value]) => value !== null && value !== undefined)
    .map(([key, value]) =>
      key === 'bytes' || key.endsWith('Bytes')
        ? `${key} ${fmtBytes(Number(value))}`
        : key === 'totalFen'
          ? `total ${formatFen(Number(value))}`
          : `${key} ${typeof value === 'number' ? fmtInt(value) : String(value)}`,
    )
    .join(', ');
}

export function benefitTables(result: StepsResult, options: StepOptions, register: string): Table[] {
  const steps: Table = {
    title: `Benefits steps on ${register} (screening on ${options.screeningDate}, batches for ${options.period}, county ${options.scope})`,
    columns: ['step', 'time', 'CPU (node)', 'RSS before', 'peak RSS', 'what'],
    rows: result.steps.map((s) => [
      s.label,
      fmtSeconds(s.ms),
      `${s.cpuSeconds.toFixed(1)} s`,
      fmtBytes(s.rssBeforeBytes),
      fmtBytes(s.peakRssBytes),
      what(s.detail),
    ]),
    footnotes: [
      'Each step is one call of the application services as a county officer or finance officer (the preparation and the enrolment shortcut excepted); time is wall clock, CPU is this Node process only (PostgreSQL works on its own).',
      'Peak RSS: sampled every 20 ms during the step, or the process high-water mark (ru_maxrss) when the step raised it.',
      'The XLSX export is the second export of the same batch (the first, CSV, released it); it rebuilds the whole file.',
    ],
  };
  const perCase = result.programmes.map((p) => p.service.msPerCase).filter((x): x is number => x !== null);
  const programmes: Table = {
    title: 'Programmes: candidates, enrolments and the batch',
    columns: [
      'programme',
      'screened',
      'eligible',
      'needs review',
      'candidates',
      'enrolled before',
      'via services',
      'ms / case',
      'by shortcut',
      'batch lines',
      'batch total',
      'held',
      'CSV',
      'XLSX',
    ],
    rows: result.programmes.map((p) => [
      programmeLabels[p.code],
      fmtInt((p.screening.eligible ?? 0) + (p.screening.ineligible ?? 0) + (p.screening.needs_review ?? 0)),
      fmtInt(p.screening.eligible ?? 0),
      fmtInt(p.screening.needs_review ?? 0),
      fmtInt(p.candidates),
      fmtInt(p.liveBefore),
      fmtInt(p.service.enrolled),
      p.service.msPerCase === null ? '–' : p.service.msPerCase.toFixed(0),
      fmtInt(p.bulkEnrolled),
      p.batch ? fmtInt(p.batch.lines) : '–',
      p.batch ? formatFen(p.batch.totalFen) : '–',
      p.batch ? fmtInt(p.batch.held) : '–',
      p.batch ? fmtBytes(p.batch.csvBytes) : '–',
      p.batch ? fmtBytes(p.batch.xlsxBytes) : '–',
    ]),
    footnotes: [
      'screened: living persons with the hukou in the county; candidates: eligible (育儿补贴) or lacking only the declared 1973–2001 history (奖扶, declared true on the application).',
      'via services: applications.create + actMany per review level (villageApprove, closeNotice a day later, townshipApprove, countyApprove); ms / case = their total time per enrolled case.',
      `by shortcut: the same rows written 500 cases per transaction (no bulk enrolment in the product).${perCase.length ? ` At the services' rate, 100,000 cases would take about ${((Math.max(...perCase) * 100_000) / 3_600_000).toFixed(1)} h.` : ''}`,
    ],
  };
  return [steps, programmes];
}
