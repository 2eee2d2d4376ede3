-- Other departments' records (hospital births, hukou, civil-affairs deaths and marriages), imported
-- whole or not at all. ID numbers are sealed in the payload like the register's; the blind index of
-- the record's main ID number lets linkage find the register's person with the same number.
CREATE TABLE record_imports (
  id uuid PRIMARY KEY,
  source text NOT NULL,
  file_name text NOT NULL,
  started_at timestamptz NOT NULL,
  finished_at timestamptz,
  status text NOT NULL CHECK (status IN ('done', 'rejected')),
  counts jsonb NOT NULL DEFAULT '{}',
  created_by text
);

CREATE TABLE department_records (
  source text NOT NULL,
  record_id text NOT NULL,
  import_id uuid NOT NULL REFERENCES record_imports (id),
  payload jsonb NOT NULL,
  content_hash text NOT NULL,
  id_number_index text,
  jurisdiction_code text,
  record_date date,
  PRIMARY KEY (source, record_id)
);
CREATE INDEX department_records_place ON department_records (source, jurisdiction_code text_pattern_ops);
CREATE INDEX department_records_id_number ON department_records (id_number_index);
