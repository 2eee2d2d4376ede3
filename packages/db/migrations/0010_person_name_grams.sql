-- Person search that reads one page instead of sorting every match (ADR 0015).
--
-- person_name_grams holds, for every person, each distinct pair of adjacent characters of the name,
-- plus the name's first character and first pair marked with '^' (names that start with the text
-- are listed first). Its primary key (gram, name_pinyin, person_key) is the order of the search
-- page, so "names containing 古丽, in page order" is one range of the index, read until the page is
-- full. The rows are kept by the register's writer in the same transaction as persons (not by
-- triggers: statement triggers made an import on PGlite thirteen times slower); `renkou register
-- verify` compares them with person_name_grams(name) below, a second implementation of the grams.
CREATE FUNCTION person_name_grams(name text) RETURNS SETOF text
LANGUAGE sql IMMUTABLE PARALLEL SAFE AS $$
  SELECT DISTINCT g FROM (
    SELECT substr(name, i, 2) AS g FROM generate_series(1, char_length(name) - 1) AS i
    UNION ALL SELECT '^' || substr(name, 1, 1) WHERE char_length(name) >= 1
    UNION ALL SELECT '^' || substr(name, 1, 2) WHERE char_length(name) >= 2
  ) AS grams
$$;

CREATE TABLE person_name_grams (
  gram text NOT NULL,
  name_pinyin text NOT NULL,
  person_key text NOT NULL,
  PRIMARY KEY (gram, name_pinyin, person_key)
);

INSERT INTO person_name_grams (gram, name_pinyin, person_key)
SELECT g, p.name_pinyin, p.person_key FROM persons p, person_name_grams(p.name) AS g;

-- Pinyin prefixes are read as a range in the page's order (name_pinyin, person_key), so LIMIT stops
-- early; the text_pattern_ops index served the LIKE but not the ORDER BY. The places are included
-- so that the scope is tested, and matches counted, without visiting the table.
DROP INDEX persons_pinyin;
CREATE INDEX persons_pinyin ON persons (name_pinyin, person_key) INCLUDE (residence_code, hukou_code);

-- A village's listing reads its residents and its registered hukou in page order from the place
-- indexes, merged, instead of sorting the village; the pattern operator class still serves the
-- code-prefix LIKE of townships and counties.
DROP INDEX persons_residence;
CREATE INDEX persons_residence ON persons (residence_code text_pattern_ops, name_pinyin, person_key);
DROP INDEX persons_hukou;
CREATE INDEX persons_hukou ON persons (hukou_code text_pattern_ops, name_pinyin, person_key);

ANALYZE person_name_grams;
