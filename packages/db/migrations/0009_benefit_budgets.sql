-- Budgets of family benefits per programme, year and jurisdiction (a division-code prefix, usually the
-- county), in bigint fen. Approving a payment batch is refused when the lines it commits, added to the
-- lines already committed in the year (pending or paid lines of approved, exported or reconciled
-- batches within the budget's jurisdiction), would exceed the amount. A budget is raised or lowered by
-- updating its row (never below what is committed; every change is audited).
CREATE TABLE benefit_budgets (
  programme_code text NOT NULL REFERENCES benefit_programmes (code),
  year integer NOT NULL CHECK (year BETWEEN 2000 AND 2100),
  scope_code text NOT NULL CHECK (scope_code ~ '^[0-9]{0,12}$'),
  amount_fen bigint NOT NULL CHECK (amount_fen >= 0),
  document text,
  set_by text NOT NULL,
  set_at timestamptz NOT NULL,
  PRIMARY KEY (programme_code, year, scope_code)
);

-- Committed lines are summed per programme and period of a batch.
CREATE INDEX benefit_payment_batches_programme_period ON benefit_payment_batches (programme_code, period);

-- 育儿补贴 ends with the month of the third birthday: the life-events worklist reads the age limit
-- from the programme's definition (core's ageLimit); installations seeded before it get it here.
UPDATE benefit_programmes SET definition = jsonb_set(definition, '{ageLimit}', '3'::jsonb)
  WHERE code = 'yuer_butie' AND origin = 'national' AND definition -> 'ageLimit' IS NULL;
