-- Reconciliation of hukou rows (ADR 0019).
--
-- A baby the register lacks can be recorded by the hospital and by the hukou office. The two rows
-- share no key; the server pairs them (same sex, birth dates at most two days apart, a like name or
-- the same ID number) so that the missing-birth list shows the baby once, on the hospital's item.
-- Recomputed after every link run of either source and after a review pair becomes a non-match; a
-- pair whose two items a clerk has resolved is kept as it is.
CREATE TABLE same_birth_records (
  hukou_record_id text PRIMARY KEY,
  hospital_record_id text NOT NULL UNIQUE,
  -- sameBirthScore: how strongly the two look like one baby (100 and more: the same ID number)
  score integer NOT NULL,
  paired_at timestamptz NOT NULL
);

-- Hukou rows of a move in, a move out or a death without a register person get their own list
-- (hukou_unmatched). The item check of 0008 is looked up by its definition rather than its name.
DO $$
DECLARE
  check_name text;
BEGIN
  SELECT conname INTO check_name FROM pg_constraint
    WHERE conrelid = 'link_resolutions'::regclass AND contype = 'c'
      AND pg_get_constraintdef(oid) LIKE '%unregistered_birth%';
  EXECUTE format('ALTER TABLE link_resolutions DROP CONSTRAINT %I', check_name);
END
$$;
ALTER TABLE link_resolutions
  ADD CONSTRAINT link_resolutions_item
  CHECK (item IN ('unregistered_birth', 'conflict', 'death_alive', 'hukou_unmatched'));
