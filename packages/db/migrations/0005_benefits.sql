-- Family benefits: programmes as data, append-only amount schedules, applications with their review
-- trail, enrolments, 公示 and objections, payment batches and lines, bank result imports,
-- overpayments to recover. Amounts are bigint fen (分), never floats.

-- A programme's definition (rules, categories without their amounts, ends-when) as the core's JSON;
-- the columns beside it repeat what lists and filters need. Amounts live in benefit_amount_schedules.
CREATE TABLE benefit_programmes (
  code text PRIMARY KEY CHECK (code ~ '^[a-z0-9_]{1,40}$'),
  name text NOT NULL,
  short_name text NOT NULL,
  document_number text NOT NULL,
  region_prefix text NOT NULL CHECK (region_prefix ~ '^[0-9]{0,12}$'),
  valid_from date NOT NULL,
  valid_to date,
  beneficiary text NOT NULL CHECK (beneficiary IN ('person', 'household')),
  payment_period text NOT NULL CHECK (payment_period IN ('monthly', 'yearly', 'one_time')),
  definition jsonb NOT NULL,
  origin text NOT NULL CHECK (origin IN ('national', 'local')),
  created_at timestamptz NOT NULL,
  created_by text
);

-- Amounts: a change is a new row from a date, never an edit (the database refuses updates and deletes).
CREATE TABLE benefit_amount_schedules (
  seq bigint GENERATED ALWAYS AS IDENTITY PRIMARY KEY,
  programme_code text NOT NULL REFERENCES benefit_programmes (code),
  category_code text NOT NULL,
  effective_from date NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  basis text NOT NULL CHECK (basis IN ('per_month', 'per_year', 'once')),
  source text NOT NULL,
  verified boolean NOT NULL,
  note text,
  created_at timestamptz NOT NULL,
  created_by text,
  UNIQUE (programme_code, category_code, effective_from)
);
CREATE TRIGGER benefit_amount_schedules_append_only BEFORE UPDATE OR DELETE ON benefit_amount_schedules
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER benefit_amount_schedules_no_truncate BEFORE TRUNCATE ON benefit_amount_schedules
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- An application and its current state (the core's BenefitApplication without its trail, in `state`).
-- hukou_code is the beneficiary's hukou place when it was entered: the case belongs to that village.
-- Bank account details are SM4-sealed; only the masked form is readable.
CREATE TABLE benefit_applications (
  id uuid PRIMARY KEY,
  programme_code text NOT NULL REFERENCES benefit_programmes (code),
  person_key text NOT NULL,
  hukou_code text NOT NULL,
  channel text NOT NULL CHECK (channel IN ('family', 'worker')),
  entered_by text NOT NULL,
  entered_on date NOT NULL,
  status text NOT NULL CHECK (status IN ('village_review', 'public_notice', 'township_review', 'county_review',
    'enrolled', 'returned_to_applicant', 'rejected', 'withdrawn', 'suspended', 'terminated')),
  state jsonb NOT NULL,
  declared jsonb NOT NULL DEFAULT '{}',
  screening jsonb NOT NULL,
  account_sealed text,
  account_masked text,
  account_name text,
  version integer NOT NULL DEFAULT 1,
  updated_at timestamptz NOT NULL
);
-- One live case per person and programme: a new application only after the last one ended.
CREATE UNIQUE INDEX benefit_applications_one_live ON benefit_applications (person_key, programme_code)
  WHERE status NOT IN ('rejected', 'withdrawn', 'terminated');
CREATE INDEX benefit_applications_hukou ON benefit_applications (hukou_code text_pattern_ops, status);

-- The review trail: every transition is a row (who, when, from, to, reason), never changed.
CREATE TABLE benefit_application_steps (
  application_id uuid NOT NULL REFERENCES benefit_applications (id),
  step_no integer NOT NULL CHECK (step_no >= 1),
  action text NOT NULL,
  from_status text,
  to_status text NOT NULL,
  date date NOT NULL,
  user_id text NOT NULL,
  username text,
  reason text,
  at timestamptz NOT NULL,
  PRIMARY KEY (application_id, step_no)
);
CREATE TRIGGER benefit_application_steps_append_only BEFORE UPDATE OR DELETE ON benefit_application_steps
  FOR EACH ROW EXECUTE FUNCTION refuse_change();
CREATE TRIGGER benefit_application_steps_no_truncate BEFORE TRUNCATE ON benefit_application_steps
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- Who is paid: one row per approved application, months as 'YYYY-MM'; ends_before is the first month
-- not paid, suspended_from the first month held back.
CREATE TABLE benefit_enrolments (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL UNIQUE REFERENCES benefit_applications (id),
  programme_code text NOT NULL REFERENCES benefit_programmes (code),
  person_key text NOT NULL,
  hukou_code text NOT NULL,
  category_code text NOT NULL,
  from_month text NOT NULL CHECK (from_month ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  suspended_from text CHECK (suspended_from ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  ends_before text CHECK (ends_before ~ '^[0-9]{4}-(0[1-9]|1[0-2])$'),
  status text NOT NULL CHECK (status IN ('active', 'suspended', 'terminated')),
  account_sealed text,
  account_masked text,
  account_name text,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL
);
CREATE UNIQUE INDEX benefit_enrolments_one_live ON benefit_enrolments (person_key, programme_code)
  WHERE status <> 'terminated';
CREATE INDEX benefit_enrolments_scope ON benefit_enrolments (programme_code, hukou_code text_pattern_ops);

-- 公示: the only fields a public notice may show (name, village, programme, amount, masked ID number).
CREATE TABLE benefit_notices (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES benefit_applications (id),
  round integer NOT NULL CHECK (round >= 1),
  village_code text NOT NULL,
  programme_code text NOT NULL REFERENCES benefit_programmes (code),
  person_name text NOT NULL,
  id_number_masked text,
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  amount_basis text NOT NULL CHECK (amount_basis IN ('per_month', 'per_year', 'once')),
  first_day date NOT NULL,
  last_day date NOT NULL CHECK (last_day >= first_day),
  taken_down_on date,
  UNIQUE (application_id, round)
);
CREATE INDEX benefit_notices_village ON benefit_notices (village_code text_pattern_ops, last_day);

-- Objections raised during a 公示; who objected is not stored.
CREATE TABLE benefit_objections (
  id uuid PRIMARY KEY,
  application_id uuid NOT NULL REFERENCES benefit_applications (id),
  notice_round integer NOT NULL,
  raised_on date NOT NULL,
  recorded_by text NOT NULL,
  summary text NOT NULL,
  status text NOT NULL CHECK (status IN ('open', 'upheld', 'dismissed')),
  finding text,
  resolved_by text,
  resolved_on date
);
CREATE INDEX benefit_objections_application ON benefit_objections (application_id);

-- A payment batch for one programme, period and jurisdiction, within its budget; total_fen is the sum
-- of its lines (checked by the service in the same transaction as the lines).
CREATE TABLE benefit_payment_batches (
  id uuid PRIMARY KEY,
  programme_code text NOT NULL REFERENCES benefit_programmes (code),
  period text NOT NULL CHECK (period ~ '^[0-9]{4}(-(0[1-9]|1[0-2]))?$'),
  scope_code text NOT NULL,
  follow_up_of uuid REFERENCES benefit_payment_batches (id),
  status text NOT NULL CHECK (status IN ('draft', 'approved', 'exported', 'reconciled', 'cancelled')),
  budget_fen bigint NOT NULL CHECK (budget_fen >= 0),
  total_fen bigint NOT NULL CHECK (total_fen >= 0),
  line_count integer NOT NULL CHECK (line_count >= 0),
  built_by text NOT NULL,
  built_at timestamptz NOT NULL,
  approved_by text,
  approved_at timestamptz,
  exported_by text,
  exported_at timestamptz,
  CHECK (total_fen <= budget_fen OR status IN ('draft', 'cancelled'))
);
CREATE INDEX benefit_payment_batches_scope ON benefit_payment_batches (scope_code text_pattern_ops, period);

-- One payment of one person for one programme and period key ('2026-03', '2026' or 'once').
-- The key is unique across every batch and township among the lines that are pending or paid: a failed
-- (or cancelled) line frees its key so that a follow-up batch can retry it, a paid line holds it forever.
-- Lines are never deleted; a line leaves 'pending' once (to paid, failed or cancelled) and is then locked.
CREATE TABLE benefit_payment_lines (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES benefit_payment_batches (id),
  line_no integer NOT NULL CHECK (line_no >= 1),
  enrolment_id uuid NOT NULL REFERENCES benefit_enrolments (id),
  person_key text NOT NULL,
  programme_code text NOT NULL REFERENCES benefit_programmes (code),
  period_key text NOT NULL,
  hukou_code text NOT NULL,
  amount_fen bigint NOT NULL CHECK (amount_fen > 0),
  months jsonb NOT NULL,
  account_sealed text,
  account_masked text,
  account_name text,
  retry_of uuid UNIQUE REFERENCES benefit_payment_lines (id),
  status text NOT NULL CHECK (status IN ('pending', 'paid', 'failed', 'cancelled')),
  bank_reference text,
  failure_reason text,
  result_at timestamptz,
  UNIQUE (batch_id, line_no)
);
CREATE UNIQUE INDEX benefit_payment_lines_no_double_pay
  ON benefit_payment_lines (person_key, programme_code, period_key)
  WHERE status IN ('pending', 'paid');
CREATE INDEX benefit_payment_lines_batch ON benefit_payment_lines (batch_id, status);
CREATE INDEX benefit_payment_lines_person ON benefit_payment_lines (person_key, programme_code);

CREATE FUNCTION benefit_payment_lines_guard() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  IF TG_OP = 'DELETE' THEN
    RAISE EXCEPTION 'payment lines are never deleted' USING ERRCODE = 'P0001';
  END IF;
  IF OLD.status <> 'pending' THEN
    RAISE EXCEPTION 'payment line % is % and locked', OLD.id, OLD.status USING ERRCODE = 'P0001';
  END IF;
  IF NEW.person_key <> OLD.person_key OR NEW.programme_code <> OLD.programme_code
     OR NEW.period_key <> OLD.period_key OR NEW.amount_fen <> OLD.amount_fen
     OR NEW.batch_id <> OLD.batch_id OR NEW.enrolment_id <> OLD.enrolment_id THEN
    RAISE EXCEPTION 'payment line % may change only its result', OLD.id USING ERRCODE = 'P0001';
  END IF;
  RETURN NEW;
END
$$;
CREATE TRIGGER benefit_payment_lines_guard BEFORE UPDATE OR DELETE ON benefit_payment_lines
  FOR EACH ROW EXECUTE FUNCTION benefit_payment_lines_guard();
CREATE TRIGGER benefit_payment_lines_no_truncate BEFORE TRUNCATE ON benefit_payment_lines
  FOR EACH STATEMENT EXECUTE FUNCTION refuse_change();

-- A bank result file applied to a batch (a rejected file changes nothing and is not stored here).
CREATE TABLE benefit_bank_imports (
  id uuid PRIMARY KEY,
  batch_id uuid NOT NULL REFERENCES benefit_payment_batches (id),
  format text NOT NULL,
  file_name text NOT NULL,
  content_hash text NOT NULL,
  paid_count integer NOT NULL,
  failed_count integer NOT NULL,
  paid_fen bigint NOT NULL,
  failed_fen bigint NOT NULL,
  follow_up_batch_id uuid REFERENCES benefit_payment_batches (id),
  imported_by text NOT NULL,
  imported_at timestamptz NOT NULL,
  UNIQUE (batch_id, content_hash)
);

-- Money to recover: paid for months that were not due (after a death, a hukou move, a child turning 3).
CREATE TABLE benefit_overpayments (
  id uuid PRIMARY KEY,
  enrolment_id uuid NOT NULL REFERENCES benefit_enrolments (id),
  person_key text NOT NULL,
  programme_code text NOT NULL REFERENCES benefit_programmes (code),
  hukou_code text NOT NULL,
  cause text NOT NULL CHECK (cause IN ('death', 'hukou_move', 'age_limit', 'other')),
  event_date date NOT NULL,
  months jsonb NOT NULL,
  total_fen bigint NOT NULL CHECK (total_fen > 0),
  status text NOT NULL CHECK (status IN ('open', 'recovered', 'waived')),
  created_at timestamptz NOT NULL,
  UNIQUE (enrolment_id, cause, event_date)
);
