-- Register duplicates (重复登记). A person registered twice is merged by a correction on the second
-- record (field duplicate_of, the first record's key): both logs stay, and the merged record counts
-- nowhere (status 'merged'). An empty correction undoes a wrong merge.
ALTER TABLE persons ADD COLUMN duplicate_of text;

-- The status check of 0002 had no 'merged'; its generated name is looked up rather than guessed.
DO $$
DECLARE
  check_name text;
BEGIN
  SELECT conname INTO check_name FROM pg_constraint
    WHERE conrelid = 'persons'::regclass AND contype = 'c' AND pg_get_constraintdef(oid) LIKE '%status%';
  EXECUTE format('ALTER TABLE persons DROP CONSTRAINT %I', check_name);
END
$$;
ALTER TABLE persons
  ADD CONSTRAINT persons_status CHECK (status IN ('resident', 'left', 'dead', 'merged'));
ALTER TABLE persons
  ADD CONSTRAINT persons_duplicate_of CHECK ((duplicate_of IS NULL) = (status <> 'merged'));

-- Pairs of persons a link run of the register against itself (link_runs.source 'register') found
-- likely to be one person. The model never merges: a clerk merges (resolution 'merge', kept_key the
-- record that stays) or says they are different people ('distinct'). A rerun replaces the open pairs
-- and keeps the decided ones, so a pair marked distinct does not come back.
CREATE TABLE duplicate_pairs (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES link_runs (id),
  person_key_a text NOT NULL,
  person_key_b text NOT NULL,
  probability double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
  match_weight double precision NOT NULL,
  -- [{name, level, weight}] per comparison of the model, weight in bits (log2 m/u + tf)
  comparisons jsonb NOT NULL DEFAULT '[]',
  resolution text CHECK (resolution IN ('merge', 'distinct')),
  kept_key text,
  reason text,
  resolved_by text,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (person_key_a, person_key_b),
  CHECK (person_key_a < person_key_b),
  CHECK ((resolution IS NULL) = (resolved_at IS NULL)),
  CHECK ((resolution IS DISTINCT FROM 'merge') = (kept_key IS NULL))
);
CREATE INDEX duplicate_pairs_b ON duplicate_pairs (person_key_b);
