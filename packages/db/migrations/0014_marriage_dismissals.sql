-- Civil-affairs marriages and divorces the register lacks (婚姻登记未入库): a record whose two parties
-- were both found in the register, while neither person's log holds such an event between them. The
-- list is derived; it keeps only what a clerk dismissed (with the reason). An item leaves the list by
-- itself once the register records the marriage or divorce.
CREATE TABLE marriage_dismissals (
  -- the civil_marriages record (the file's record_id, without a party's #1 / #2)
  record_id text PRIMARY KEY,
  reason text NOT NULL,
  dismissed_by text NOT NULL,
  dismissed_at timestamptz NOT NULL
);
