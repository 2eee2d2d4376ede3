// The rows of the benefits worklists as the HTTP API answers them (/api/benefits/annual-review and
// /api/benefits/life-events/worklist, with its moves): the server builds them and the web app reads them.
import type { EligibilityOutcome } from './eligibility';
import type { EnrolmentEndCause } from './enrolment-ends';
import type { MoveKind } from './enrolment-moves';

/** A live enrolment as a worklist shows it. */
export interface EnrolmentListItem {
  enrolmentId: string;
  applicationId: string;
  programmeCode: string;
  programmeName: string;
  personKey: string;
  name: string | null;
  idNumberMasked: string | null;
  hukouCode: string;
  enrolmentStatus: string;
  fromMonth: string;
}

/** 年审: the enrolment re-screened against its programme's rules. */
export interface AnnualReviewItem extends EnrolmentListItem {
  categoryCode: string;
  /** The category the rules give today, when it differs from the enrolled one (a new amount). */
  newCategoryCode: string | null;
  outcome: EligibilityOutcome;
  failed: string[];
  endsBefore: string | null;
  reason: string | null;
  explanationText: string;
}

/** A life event in the register that ends the enrolment. */
export interface LifeEventItem extends EnrolmentListItem {
  currentHukouCode: string | null;
  cause: EnrolmentEndCause;
  causeLabel: string;
  eventDate: string;
  endsBefore: string;
  reason: string;
}

/** A move within the county that the enrolment follows: for information, nothing ends. */
export interface EnrolmentMoveItem extends EnrolmentListItem {
  kind: MoveKind;
  fromCode: string;
  toCode: string;
  eventDate: string | null;
  reason: string;
}
