-- Aggregate tables of the statistics (docs/decisions/0014-statistics-cubes.md): what the register's
-- persons add up to by place code × month × sex × single-year age, kept equal to a scan of the
-- projections by a refresher that follows register_events.seq. Months are numbered from 1970-01 = 0;
-- basis 0 = residence (现住地), 1 = hukou (户籍); sex 0 = male, 1 = female; age 100 = 100+.
CREATE TABLE stat_cube_population (
  basis smallint NOT NULL,
  month integer NOT NULL,
  code text NOT NULL,
  -- indexed sex × 101 + age (PostgreSQL arrays start at 1): days lived in the month at that age,
  -- and persons present on the month's last day at their age that day. One row per code and month
  -- rather than one per cell: the demo county's 12 M cells took 1.6 GB as rows, as arrays ~100 MB.
  days integer[] NOT NULL,
  stock integer[] NOT NULL,
  PRIMARY KEY (basis, month, code)
);

-- Births (kind 1: sex of the child, age of the mother, −1 unknown; birth order) and deaths (kind 2:
-- sex and age of the deceased, order 0), where they happened.
CREATE TABLE stat_cube_events (
  basis smallint NOT NULL,
  month integer NOT NULL,
  code text NOT NULL,
  kind smallint NOT NULL,
  sex smallint NOT NULL,
  age smallint NOT NULL,
  birth_order smallint NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (basis, month, code, kind, sex, age, birth_order)
);

-- Changes of place while alive; from_code '' = an arrival with no earlier place in the register.
CREATE TABLE stat_cube_moves (
  basis smallint NOT NULL,
  month integer NOT NULL,
  from_code text NOT NULL,
  to_code text NOT NULL,
  count integer NOT NULL,
  PRIMARY KEY (basis, month, from_code, to_code)
);

-- Residents on each month's last day by residence and hukou code (the migrant share): one count
-- per month of the covered range, counts[1] being its first month.
CREATE TABLE stat_cube_residents (
  residence_code text NOT NULL,
  hukou_code text NOT NULL,
  counts integer[] NOT NULL,
  PRIMARY KEY (residence_code, hukou_code)
);

-- What each person contributed when the tables were last brought up to date: a change to the
-- person is applied as (new − old) without reading the log again.
CREATE TABLE stat_cube_persons (
  person_key text PRIMARY KEY,
  inputs jsonb NOT NULL
);
