// The shapes of /api/records/marriages: civil-affairs marriages and divorces whose two parties are both
// in the register while the register holds no such event between them (婚姻登记未入库). Types only.
import type { DuplicateSide } from './api-types';

/** One party: as the civil-affairs record names them, and the register person it was linked to. */
export interface MarriageParty {
  side: '1' | '2';
  /** The name on the civil-affairs record. */
  recordName: string;
  /** As a duplicate pair's side (the ID number masked as everywhere), with the marriage as it stands. */
  person: DuplicateSide & {
    /** The register's marital status code now (GB/T 2261.2: 10 未婚, 2x 已婚, 30 丧偶, 40 离婚). */
    maritalStatus: string | null;
    /** The spouse the register names now. */
    spouse: { personKey: string; name: string } | null;
  };
}

export interface MarriageEntry {
  /** The civil-affairs record_id (the file's, without a party's #1 / #2). */
  recordId: string;
  event: 'marriage' | 'divorce';
  date: string;
  parties: [MarriageParty, MarriageParty];
  /** What the register's marriage or divorce form needs (/register/new/FORM?person=KEY). */
  prefill: { form: 'marriage' | 'divorce'; query: { person: string }; values: Record<string, string> };
}
