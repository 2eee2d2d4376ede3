-- The population register: an append-only log of baseline rows and life events, and the projections
-- derived from it (persons, their residence and hukou history), rebuilt exactly by replaying the log.

-- Every accepted baseline row (kind 'baseline') and event, never changed. Sensitive cells of the
-- payload are SM4-encrypted inside it; content_hash is keyed (HMAC-SM3), so it reveals nothing. The key is the file's own
-- event_id (or person_id for baseline rows): the idempotency key of every import and form.
CREATE TABLE register_events (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  kind text NOT NULL CHECK (kind IN ('baseline', 'birth', 'death', 'move', 'hukou', 'marriage', 'divorce', 'correction', 'void')),
  event_key text NOT NULL,
  date date NOT NULL,
  person_key text NOT NULL,
  -- everyone whose state the event may change (subject, mother, father, spouse): whose log it is in
  involved text[] NOT NULL,
  target_key text,
  payload jsonb NOT NULL,
  content_hash text NOT NULL,
  recorded_date date NOT NULL,
  source text NOT NULL,
  created_by text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX register_events_key ON register_events (event_key) WHERE kind <> 'baseline';
CREATE UNIQUE INDEX register_events_baseline ON register_events (person_key) WHERE kind = 'baseline';
CREATE INDEX register_events_involved ON register_events USING gin (involved) WITH (fastupdate = off);
CREATE INDEX register_events_date ON register_events (date, seq);
CREATE TRIGGER register_events_append_only BEFORE UPDATE OR DELETE ON register_events
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER register_events_no_truncate BEFORE TRUNCATE ON register_events
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Current state of each person (a projection: written only by the register's writer and verify).
-- Sensitive fields (ID number, disability grade, 独生子女证) live only in `sensitive`, SM4-encrypted;
-- the ID number is found through its keyed blind index and shown masked.
CREATE TABLE persons (
  person_key text PRIMARY KEY,
  sensitive text,
  id_number_index text,
  id_number_masked text,
  name text NOT NULL,
  name_pinyin text NOT NULL,
  name_initials text NOT NULL,
  sex smallint NOT NULL CHECK (sex IN (1, 2)),
  birth_date date NOT NULL,
  ethnicity text,
  hukou_code text NOT NULL,
  residence_code text NOT NULL,
  household_id text,
  relation text,
  marital_status text,
  spouse_key text,
  mother_key text,
  father_key text,
  children_ever_born integer NOT NULL DEFAULT 0,
  birth_order integer,
  hukou_type text,
  adopted boolean NOT NULL DEFAULT false,
  death_date date,
  status text NOT NULL CHECK (status IN ('resident', 'left', 'dead')),
  attributes jsonb NOT NULL DEFAULT '{}',
  last_event_date date NOT NULL
);
CREATE INDEX persons_id_number ON persons (id_number_index);
CREATE INDEX persons_name ON persons (name text_pattern_ops);
CREATE INDEX persons_pinyin ON persons (name_pinyin text_pattern_ops);
CREATE INDEX persons_initials ON persons (name_initials text_pattern_ops);
CREATE INDEX persons_residence ON persons (residence_code text_pattern_ops);
CREATE INDEX persons_hukou ON persons (hukou_code text_pattern_ops);
CREATE INDEX persons_birth_date ON persons (birth_date);
CREATE INDEX persons_mother ON persons (mother_key) WHERE mother_key IS NOT NULL;
CREATE INDEX persons_father ON persons (father_key) WHERE father_key IS NOT NULL;
CREATE INDEX persons_household ON persons (household_id) WHERE household_id IS NOT NULL;

-- Where each person lived (kind 'residence') and was registered (kind 'hukou') over time, as far as
-- the register knows: [valid_from, valid_to), valid_to NULL = still. "Where on day d" is one lookup.
CREATE TABLE person_places (
  person_key text NOT NULL,
  kind text NOT NULL CHECK (kind IN ('residence', 'hukou')),
  valid_from date NOT NULL,
  valid_to date,
  code text NOT NULL,
  PRIMARY KEY (person_key, kind, valid_from),
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX person_places_code ON person_places (code text_pattern_ops, kind);

-- One import of a register dataset, with the rows it rejected (the report the web app shows).
CREATE TABLE register_imports (
  id uuid PRIMARY KEY,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  started_by text,
  source_name text NOT NULL,
  status text NOT NULL CHECK (status IN ('running', 'done', 'failed')),
  counts jsonb NOT NULL DEFAULT '{}',
  failure text
);
CREATE TABLE register_import_problems (
  import_id uuid NOT NULL REFERENCES register_imports (id),
  file text NOT NULL,
  row_no integer NOT NULL,
  severity text NOT NULL CHECK (severity IN ('error', 'warning')),
  field text NOT NULL,
  code text NOT NULL,
  message text NOT NULL
);
CREATE INDEX register_import_problems_import ON register_import_problems (import_id, file, row_no);
