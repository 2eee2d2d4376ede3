// Benefits: programmes as data, screening with explanations, applications and review, 公示, payment
// batches within yearly budgets, bank files (CSV, XLSX) and results, the stop on death, the
// life-events worklist (a child turning 3, a hukou move out of the county, a death), the 年审, the
// programme dashboard and a family's benefits for the person page.
//
// The register tells `benefits.lifeEvents.onRegisterEvents` of every accepted death and merge, an
// import's all at once (application.ts wires it); POST /api/benefits/life-events/death applies a
// recorded death by hand.
export { BenefitsServices } from './benefits.service';
export type { ApplicationAction, NewApplicationInput } from './application-commands';
export type { ApplicationView } from './applications.service';
export type { DeathOutcome } from './life-events.service';
export type { EndOutcome } from './enrolment-ending';
export type { BankFileAdapter, BankFileLine, BankResultRow, ParsedResults } from './bank-file';
export { csvBankAdapter } from './bank-file';
export { xlsxBankAdapter } from './bank-file-xlsx';
export { bankAdapters } from './bank-adapters';
export { benefitsRoutes } from './benefits.routes';
