-- Search by characters of a name (张三 inside 王张三丰): a GIN index on the name's characters finds
-- the few rows holding all of them; LIKE then checks their order. pg_trgm would not help: a two-
-- character query has no trigram, and CJK word characters depend on the database's locale.
CREATE INDEX persons_name_characters ON persons USING gin (string_to_array(name, NULL));
