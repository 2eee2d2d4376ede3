// Family benefit programmes: programmes as data, a rule language with explanations, entitlements in
// fen, overpayments, the application review state machine and payment-batch checks. Pure: no I/O.
export { BenefitErrorCode, benefitDomainError, type BenefitError, type BenefitResult } from './errors';
export * from './money';
export * from './calendar';
export * from './facts';
export * from './fact-catalogue';
export * from './rules';
export * from './rule-validation';
export * from './rule-evaluation';
export * from './programme';
export * from './amount-schedules';
export * from './eligibility';
export * from './national-programmes';
export * from './entitlements';
export * from './overpayment';
export * from './enrolment-ends';
export * from './enrolment-moves';
export * from './requalification';
export * from './application';
export * from './application-transitions';
export * from './payment-batch';
export * from './worklist-items';
