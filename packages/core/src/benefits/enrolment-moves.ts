// A move of the beneficiary within the county: nothing ends, the enrolment goes with the person to the
// new village, so that the new township reviews and pays it and the old one no longer does. An
// enrolment belongs to the hukou place for programmes tied to the hukou (applied for and paid there,
// so a residence move alone does not move it) and to the residence for the others. A hukou move out
// of the county is an end, not a move (enrolment-ends.ts).
import { countyOf } from './enrolment-ends';
import { appliesInRegion, isTiedToHukou, type ProgrammeDefinition } from './programme';

export type MoveKind = 'hukou' | 'residence';

export const moveKindLabels: Record<MoveKind, string> = { hukou: '户籍', residence: '居住地' };

/** Where the register has the beneficiary now, and since when (null when unknown). */
export interface EnrolmentPlaceFacts {
  hukouCode: string;
  hukouSince: string | null;
  /** '' when the register has no residence apart from the hukou place. */
  residenceCode: string;
  residenceSince: string | null;
}

export interface EnrolmentMove {
  kind: MoveKind;
  fromCode: string;
  toCode: string;
  /** The day of the move in the register; null when unknown. */
  eventDate: string | null;
  /** In Chinese, for the worklist and the application's trail. */
  reason: string;
}

/** The move the enrolment at `enrolmentCode` has to follow, or null (no move, or one out of the county). */
export function enrolmentMoveOf(
  programme: ProgrammeDefinition,
  enrolmentCode: string,
  place: EnrolmentPlaceFacts,
): EnrolmentMove | null {
  const byHukou = isTiedToHukou(programme) || place.residenceCode === '';
  const kind: MoveKind = byHukou ? 'hukou' : 'residence';
  const toCode = byHukou ? place.hukouCode : place.residenceCode;
  const eventDate = byHukou ? place.hukouSince : place.residenceSince;
  if (toCode === enrolmentCode) return null;
  if (countyOf(toCode) !== countyOf(enrolmentCode) || !appliesInRegion(programme, toCode)) return null;
  const when = eventDate === null ? '' : `于 ${eventDate} `;
  return {
    kind,
    fromCode: enrolmentCode,
    toCode,
    eventDate,
    reason: `${moveKindLabels[kind]}${when}由 ${enrolmentCode} 迁至 ${toCode}（县内），${programme.shortName}随迁，继续发放`,
  };
}
