-- orderhooks engine schema, version 11: unique lookups. A table whose lookup must be unique (usernames, promotion
-- codes) also writes it to unique_lookup, under a unique index, so that "username taken" is decided by the database in
-- the write itself, never by a read before it (two racing creates cannot both succeed, across engine instances).
-- Rows of other tables leave it NULL, which a unique index never compares. Version 12 fills it for existing rows.
-- Works unchanged on H2 2.x and PostgreSQL 12+.

ALTER TABLE documents ADD COLUMN unique_lookup VARCHAR(400);
CREATE UNIQUE INDEX documents_by_unique_lookup ON documents (tbl, unique_lookup);
