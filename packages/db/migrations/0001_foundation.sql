-- Foundation: settings, the division tree, users and sessions, the audit log.
CREATE EXTENSION IF NOT EXISTS pg_trgm;

-- Refuses UPDATE, DELETE and TRUNCATE on append-only tables (audit log, later the event log).
CREATE FUNCTION refuse_change() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  RAISE EXCEPTION 'table % is append-only: % refused', TG_TABLE_NAME, TG_OP USING ERRCODE = 'P0001';
END
$$;

CREATE TABLE settings (
  key text PRIMARY KEY,
  value jsonb NOT NULL
);

-- Statistical division codes in their short form (2/4/6/9/12 digits); prefixes give the hierarchy.
CREATE TABLE jurisdictions (
  code text PRIMARY KEY CHECK (code ~ '^[0-9]+$' AND length(code) IN (2, 4, 6, 9, 12)),
  name text NOT NULL,
  level smallint NOT NULL CHECK (level BETWEEN 1 AND 5),
  parent_code text,
  valid_from date NOT NULL DEFAULT '1900-01-01',
  valid_to date,
  successor_code text,
  CHECK (valid_to IS NULL OR valid_to > valid_from)
);
CREATE INDEX jurisdictions_parent ON jurisdictions (parent_code, code);
CREATE INDEX jurisdictions_code_prefix ON jurisdictions (code text_pattern_ops);
CREATE INDEX jurisdictions_name_trgm ON jurisdictions USING gin (name gin_trgm_ops);

CREATE TABLE users (
  id uuid PRIMARY KEY,
  username text NOT NULL UNIQUE CHECK (username = lower(username)),
  display_name text NOT NULL,
  role text NOT NULL,
  scope text NOT NULL,
  password_hash text NOT NULL,
  password_changed_at timestamptz NOT NULL,
  must_change_password boolean NOT NULL DEFAULT true,
  disabled boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL,
  last_login_at timestamptz
);

CREATE TABLE password_history (
  user_id uuid NOT NULL REFERENCES users (id),
  password_hash text NOT NULL,
  changed_at timestamptz NOT NULL
);
CREATE INDEX password_history_user ON password_history (user_id, changed_at DESC);

-- Only a hash of the session token is stored: a database dump gives no usable session.
CREATE TABLE sessions (
  id uuid PRIMARY KEY,
  token_hash text NOT NULL UNIQUE,
  user_id uuid NOT NULL REFERENCES users (id),
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ended_at timestamptz,
  ip text,
  user_agent text
);
CREATE INDEX sessions_user ON sessions (user_id) WHERE ended_at IS NULL;

-- Failures are kept per user name, whether or not the user exists, so that an unknown name and a
-- wrong password behave alike (including the lock).
CREATE TABLE login_failures (
  username text NOT NULL,
  ip text,
  at timestamptz NOT NULL
);
CREATE INDEX login_failures_username ON login_failures (username, at);

CREATE TABLE login_locks (
  username text PRIMARY KEY,
  locked_until timestamptz NOT NULL
);

CREATE TABLE audit_log (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  id uuid NOT NULL UNIQUE,
  at timestamptz NOT NULL,
  user_id uuid,
  username text,
  role text,
  scope text,
  ip text,
  request_id text,
  action text NOT NULL,
  target_type text,
  target_ids text[] NOT NULL DEFAULT '{}',
  jurisdiction text,
  outcome text NOT NULL CHECK (outcome IN ('success', 'denied', 'failed')),
  purpose text,
  details jsonb NOT NULL DEFAULT '{}'
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_username ON audit_log (username, at);

-- The chain: the sealer takes committed audit rows in order and links each to the previous seal
-- with HMAC-SM3. Chaining outside the request keeps reads from serialising on one lock.
CREATE TABLE audit_seals (
  position bigint PRIMARY KEY,
  audit_id uuid NOT NULL UNIQUE REFERENCES audit_log (id),
  previous_hash text NOT NULL,
  hash text NOT NULL,
  sealed_at timestamptz NOT NULL
);

CREATE TRIGGER audit_log_append_only BEFORE UPDATE OR DELETE ON audit_log
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_log_no_truncate BEFORE TRUNCATE ON audit_log
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_seals_append_only BEFORE UPDATE OR DELETE ON audit_seals
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER audit_seals_no_truncate BEFORE TRUNCATE ON audit_seals
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();
