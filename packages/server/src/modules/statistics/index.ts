export { StatisticsService } from './statistics.service';
export type { StatsQuery, StatsResult } from './statistics.service';
export { statisticsRoutes } from './statistics.routes';
