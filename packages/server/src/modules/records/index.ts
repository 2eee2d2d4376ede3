export { RecordsService } from './records.service';
export type { LinkDecision, ComparisonWeight } from './record-linking';
export type { LinkRunResult } from './link-runs.service';
export { recordsRoutes } from './records.routes';
export { marriageRoutes } from './marriages.routes';
