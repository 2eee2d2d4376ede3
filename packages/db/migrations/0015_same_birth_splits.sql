-- A hospital birth and a hukou birth row the server paired as one baby, which a clerk found to be two
-- babies (不是同一个孩子). The pairing skips the two from then on, so the hukou row is listed again on
-- its own; either may still pair with another record. Kept with the reason; a retry changes nothing.
CREATE TABLE same_birth_splits (
  hospital_record_id text NOT NULL,
  hukou_record_id text NOT NULL,
  reason text NOT NULL,
  split_by text NOT NULL,
  split_at timestamptz NOT NULL,
  PRIMARY KEY (hospital_record_id, hukou_record_id)
);
