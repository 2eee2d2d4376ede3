-- Grows an imported register sevenfold without the importer, to time imports into a ~2 M-person
-- register in minutes (issue 3). Every baseline person gets six copies whose keys sort right after
-- the original's (P0012345a…f) and whose names, places and dates are the original's, so each index
-- of persons, person_places, person_name_grams and register_events is as large and as interleaved as
-- a real register's. The copies have no events. Use a scratch database only:
--   createdb -T renkou_prof_base renkou_prof_huge && psql -d renkou_prof_huge -f bench/register/inflate-register.sql
CREATE TEMP TABLE copy_suffix AS SELECT unnest(ARRAY['a', 'b', 'c', 'd', 'e', 'f']) AS s;

INSERT INTO persons (person_key, sensitive, id_number_index, id_number_masked, name, name_pinyin, name_initials,
  sex, birth_date, ethnicity, hukou_code, residence_code, household_id, relation, marital_status,
  spouse_key, mother_key, father_key, children_ever_born, birth_order, hukou_type, adopted, death_date,
  status, attributes, last_event_date)
SELECT p.person_key || c.s, sensitive, id_number_index, id_number_masked, name, name_pinyin, name_initials,
  sex, birth_date, ethnicity, hukou_code, residence_code, household_id, relation, marital_status,
  spouse_key, mother_key, father_key, children_ever_born, birth_order, hukou_type, adopted, death_date,
  status, attributes, last_event_date
FROM persons p, copy_suffix c;

INSERT INTO person_places (person_key, kind, valid_from, valid_to, code)
SELECT p.person_key || c.s, kind, valid_from, valid_to, code FROM person_places p, copy_suffix c;

INSERT INTO person_name_grams (gram, name_pinyin, person_key)
SELECT gram, name_pinyin, person_key || c.s FROM person_name_grams g, copy_suffix c;

INSERT INTO register_events (kind, event_key, date, person_key, involved, target_key, payload,
  content_hash, recorded_date, source, created_by)
SELECT kind, event_key || c.s, date, person_key || c.s, ARRAY[person_key || c.s], target_key, payload,
  content_hash, recorded_date, source, created_by
FROM register_events e, copy_suffix c
WHERE kind = 'baseline';

VACUUM ANALYZE;
