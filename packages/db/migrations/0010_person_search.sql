-- Person search that reads a page instead of sorting every match (ADR 0015).
--
-- person_name_grams holds, for every person, each distinct character and each distinct pair of
-- adjacent characters of the name, plus the name's first character and first pair marked with '^'
-- (names that start with the text are listed first). Its primary key is (gram, name_pinyin,
-- person_key), the order of the search page, so "names containing 古丽, in page order" is one range
-- of the index read until the page is full; the name and both places are included, so LIKE checks
-- longer texts and the scope is tested (and matches counted) without visiting any table. The rows follow persons through statement-level triggers, so every
-- writer (import, forms, replays, voids) keeps them; `renkou register verify` compares them with
-- the names in persons.
CREATE FUNCTION person_name_grams(name text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT g FROM (
    SELECT substr(name, i, 1) AS g FROM generate_series(1, char_length(name)) AS i
    UNION ALL SELECT substr(name, i, 2) FROM generate_series(1, char_length(name) - 1) AS i
    UNION ALL SELECT '^' || substr(name, 1, 1) WHERE char_length(name) >= 1
    UNION ALL SELECT '^' || substr(name, 1, 2) WHERE char_length(name) >= 2
  ) AS grams
$$;

CREATE TABLE person_name_grams (
  gram text NOT NULL,
  name_pinyin text NOT NULL,
  person_key text NOT NULL,
  name text NOT NULL,
  residence_code text NOT NULL,
  hukou_code text NOT NULL,
  PRIMARY KEY (gram, name_pinyin, person_key) INCLUDE (name, residence_code, hukou_code)
);
CREATE INDEX person_name_grams_person ON person_name_grams (person_key);

CREATE FUNCTION person_name_grams_insert() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  INSERT INTO person_name_grams (gram, name_pinyin, person_key, name, residence_code, hukou_code)
  SELECT g, n.name_pinyin, n.person_key, n.name, n.residence_code, n.hukou_code
  FROM new_rows n, person_name_grams(n.name) AS g;
  RETURN NULL;
END $$;

CREATE FUNCTION person_name_grams_update() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  -- Renamed persons get new rows; moved ones new places; the rest (marriages, deaths) nothing.
  IF EXISTS (
    SELECT 1 FROM new_rows n JOIN old_rows o ON o.person_key = n.person_key
    WHERE o.name <> n.name OR o.name_pinyin <> n.name_pinyin
  ) THEN
    DELETE FROM person_name_grams g
    USING new_rows n JOIN old_rows o ON o.person_key = n.person_key
    WHERE g.person_key = n.person_key AND (o.name <> n.name OR o.name_pinyin <> n.name_pinyin);
    INSERT INTO person_name_grams (gram, name_pinyin, person_key, name, residence_code, hukou_code)
    SELECT g, n.name_pinyin, n.person_key, n.name, n.residence_code, n.hukou_code
    FROM new_rows n JOIN old_rows o ON o.person_key = n.person_key, person_name_grams(n.name) AS g
    WHERE o.name <> n.name OR o.name_pinyin <> n.name_pinyin;
  END IF;
  UPDATE person_name_grams g SET residence_code = n.residence_code, hukou_code = n.hukou_code
  FROM new_rows n JOIN old_rows o ON o.person_key = n.person_key
  WHERE g.person_key = n.person_key AND o.name = n.name AND o.name_pinyin = n.name_pinyin
    AND (o.residence_code <> n.residence_code OR o.hukou_code <> n.hukou_code);
  RETURN NULL;
END $$;

CREATE FUNCTION person_name_grams_delete() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
  DELETE FROM person_name_grams g USING old_rows o WHERE g.person_key = o.person_key;
  RETURN NULL;
END $$;

CREATE TRIGGER persons_name_grams_insert AFTER INSERT ON persons
  REFERENCING NEW TABLE AS new_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_grams_insert();
CREATE TRIGGER persons_name_grams_update AFTER UPDATE ON persons
  REFERENCING OLD TABLE AS old_rows NEW TABLE AS new_rows
  FOR EACH STATEMENT EXECUTE FUNCTION person_name_grams_update();
CREATE TRIGGER persons_name_grams_delete AFTER DELETE ON persons
  REFERENCING OLD TABLE AS old_rows FOR EACH STATEMENT EXECUTE FUNCTION person_name_grams_delete();

-- Backfill the persons already registered.
INSERT INTO person_name_grams (gram, name_pinyin, person_key, name, residence_code, hukou_code)
SELECT g, p.name_pinyin, p.person_key, p.name, p.residence_code, p.hukou_code
FROM persons p, person_name_grams(p.name) AS g;

-- The grams replace the GIN index on the name's characters (0004).
DROP INDEX persons_name_characters;

-- Pinyin prefixes are read as a range in the page's order (name_pinyin, person_key) with the
-- database's own collation, so LIMIT stops early; the text_pattern_ops index could serve the LIKE
-- but not the ORDER BY. Initials stay on their pattern index. Both now cover what the search tests
-- (initials, pinyin, key, places), so matches are counted and the initials-only ones sorted
-- without visiting the table.
DROP INDEX persons_pinyin;
CREATE INDEX persons_pinyin ON persons (name_pinyin, person_key)
  INCLUDE (name_initials, residence_code, hukou_code);
DROP INDEX persons_initials;
CREATE INDEX persons_initials ON persons (name_initials text_pattern_ops)
  INCLUDE (name_pinyin, person_key, residence_code, hukou_code);

ANALYZE person_name_grams;
