export {
  RECORD_SOURCES,
  sensitiveRecordColumns,
  type FieldKind,
  type RecordSource,
  type SourceColumn,
} from './sources';
export { readRecordRow, type RecordProblem, type RecordRowResult } from './record-rows';
export * from './api-types';
