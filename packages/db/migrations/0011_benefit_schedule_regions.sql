-- Regional amount schedules: a county (or province, city) raises a programme's amount for its own
-- people with a schedule of its region, from a date, beside the programme's own schedules, which stay
-- as they are. '' is the programme's whole region. A date is unique within a region, so two counties
-- may start a top-up on the same day.
ALTER TABLE benefit_amount_schedules
  ADD COLUMN region_prefix text NOT NULL DEFAULT '' CHECK (region_prefix ~ '^[0-9]{0,12}$');

-- The unique key of 0005 had no region; its generated name is looked up rather than guessed.
DO $$
DECLARE
  key_name text;
BEGIN
  SELECT conname INTO key_name FROM pg_constraint
    WHERE conrelid = 'benefit_amount_schedules'::regclass AND contype = 'u';
  EXECUTE format('ALTER TABLE benefit_amount_schedules DROP CONSTRAINT %I', key_name);
END
$$;

ALTER TABLE benefit_amount_schedules
  ADD CONSTRAINT benefit_amount_schedules_date UNIQUE (programme_code, category_code, region_prefix, effective_from);
