export { StatisticsService } from './statistics.service';
export type { ProjectionQuery, ProjectionResult, StatsQuery, StatsResult } from './statistics.service';
export { statisticsRoutes } from './statistics.routes';
