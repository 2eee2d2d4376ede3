export { RecordsService } from './records.service';
export type { RecordImportResult, RecordProblemRow } from './records.service';
export type { LinkDecision } from './record-linking';
