// `migrant_share`: residents whose hukou township differs from their residence township. Always on
// residence; the census's 流动人口 / 人户分离 need six months and a city rule, this does not.
import { percent } from './rates';

/** Township = the first 9 digits of a division code. */
export const TOWNSHIP_CODE_LENGTH = 9;

export interface ResidentCodes {
  residenceCode: string;
  hukouCode: string;
}

export function isMigrant(resident: ResidentCodes): boolean {
  return (
    resident.residenceCode.slice(0, TOWNSHIP_CODE_LENGTH) !==
    resident.hukouCode.slice(0, TOWNSHIP_CODE_LENGTH)
  );
}

/** % of the residents of J on `to` who are migrants; null when J has no residents. */
export function migrantShare(residentsOnTo: Iterable<ResidentCodes>): number | null {
  let residents = 0;
  let migrants = 0;
  for (const resident of residentsOnTo) {
    residents += 1;
    if (isMigrant(resident)) migrants += 1;
  }
  return percent(migrants, residents);
}
