-- Reconciliation: runs of `renkou link --source` (or the web app's 核对) and the decision each run made
-- for each department record, with the weights that made it; the clerks' verdicts on review pairs and
-- their resolutions of worklist items (漏报 births, conflicting fields, deaths of people alive in the
-- register). A rerun replaces a source's open decisions and keeps every one a clerk has touched.
CREATE TABLE link_runs (
  id uuid PRIMARY KEY,
  -- start order (two runs may start within one clock tick)
  seq bigint GENERATED ALWAYS AS IDENTITY UNIQUE,
  source text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  started_by text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  -- {stage, done, total}: what the web app's progress bar shows
  progress jsonb NOT NULL DEFAULT '{}',
  -- {records, autoMatch, review, nonMatch, kept}
  counts jsonb NOT NULL DEFAULT '{}',
  failure text
);
CREATE INDEX link_runs_source ON link_runs (source, seq DESC);

-- One current decision per department record. class is the model's; verdict is the link as it stands
-- (the model's for auto_match and non_match, the clerk's for a review pair, NULL while undecided).
-- comparisons: [{name, level, weight}] per comparison of the model, weight in bits (log2 m/u + tf).
CREATE TABLE link_decisions (
  id uuid PRIMARY KEY,
  run_id uuid NOT NULL REFERENCES link_runs (id),
  source text NOT NULL,
  record_id text NOT NULL,
  person_key text,
  probability double precision NOT NULL CHECK (probability >= 0 AND probability <= 1),
  match_weight double precision,
  comparisons jsonb NOT NULL DEFAULT '[]',
  class text NOT NULL CHECK (class IN ('auto_match', 'review', 'non_match')),
  verdict text CHECK (verdict IN ('match', 'non_match')),
  -- the clerk's verdict on a review pair (NULL: open, or decided by the model)
  resolution text CHECK (resolution IN ('match', 'non_match')),
  resolved_by text,
  reason text,
  resolved_at timestamptz,
  created_at timestamptz NOT NULL,
  UNIQUE (source, record_id),
  FOREIGN KEY (source, record_id) REFERENCES department_records (source, record_id),
  CHECK (person_key IS NOT NULL OR class = 'non_match'),
  CHECK ((resolution IS NULL) = (resolved_at IS NULL))
);
CREATE INDEX link_decisions_person ON link_decisions (person_key) WHERE person_key IS NOT NULL;
CREATE INDEX link_decisions_open ON link_decisions (source, class, verdict);

-- A worklist item resolved: item is unregistered_birth, conflict or death_alive; action what the clerk
-- did (register, correct, keep, dismiss) and why. One resolution per decision and item.
CREATE TABLE link_resolutions (
  decision_id uuid NOT NULL REFERENCES link_decisions (id),
  item text NOT NULL CHECK (item IN ('unregistered_birth', 'conflict', 'death_alive')),
  action text NOT NULL CHECK (action IN ('register', 'correct', 'keep', 'dismiss')),
  reason text NOT NULL,
  resolved_by text NOT NULL,
  resolved_at timestamptz NOT NULL,
  PRIMARY KEY (decision_id, item)
);
