export { openTestDatabase, withTestDatabase } from './test-database';
export type { TestDatabase } from './test-database';
export { testClock, TEST_NOW } from './fixed';
