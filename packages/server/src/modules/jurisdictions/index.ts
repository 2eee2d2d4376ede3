export { JurisdictionService, COUNTRY } from './jurisdictions.service';
export type { Jurisdiction } from './jurisdictions.service';
export { jurisdictionsRoutes } from './jurisdictions.routes';
export { readDivisions } from './division-source';
