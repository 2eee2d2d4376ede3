// Benefits: programmes as data, screening with explanations, applications and review, 公示, payment
// batches, bank files and results, and the stop on death.
//
// The register's death handling should call `benefits.lifeEvents.onDeath(personKey, deathDate)` once a
// death event is accepted: in PersonService.recordEvent (form entry) and after an import's event
// batch (RegisterService.importFiles), for every accepted death. Until then
// POST /api/benefits/life-events/death applies a recorded death for one person.
export { BenefitsServices } from './benefits.service';
export type { ApplicationAction, NewApplicationInput } from './application-commands';
export type { ApplicationView } from './applications.service';
export type { DeathOutcome } from './life-events.service';
export type { BankFileAdapter, BankFileLine, BankResultRow, ParsedResults } from './bank-file';
export { bankAdapters, csvBankAdapter } from './bank-file';
export { benefitsRoutes } from './benefits.routes';
