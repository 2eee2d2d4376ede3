export { RecordsService } from './records.service';
export type { RecordImportResult, RecordProblemRow } from './records.service';
export type { LinkDecision, ComparisonWeight } from './record-linking';
export type { LinkRunResult, LinkRunView } from './link-runs.service';
export type { WorklistEntry, ResolveResult, Prefill } from './worklists.service';
export type { CompletenessReport } from './completeness.service';
export { recordsRoutes } from './records.routes';
