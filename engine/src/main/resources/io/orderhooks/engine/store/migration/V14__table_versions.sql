-- orderhooks engine schema, version 14: a version per read-mostly document table (the catalog, organizations and their
-- assignments), incremented by every transaction that writes the table, just before it commits. Engine instances
-- keep those tables' reads across requests and check the versions once per transaction (docs/DURABILITY.md, "Reads"):
-- a write committed on any instance is seen by the next transaction that reads the table, on every instance.
-- The rows are inserted by the engine at start. Works unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE table_versions (
    tbl     VARCHAR(64) NOT NULL PRIMARY KEY,
    version BIGINT      NOT NULL
);
