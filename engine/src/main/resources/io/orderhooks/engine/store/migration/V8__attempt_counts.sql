-- orderhooks engine schema, version 8: the self-service rate limits' attempt counters, shared by every engine on a
-- PostgreSQL database (one row per counter and key, counted with one atomic upsert). The key is the SHA-256 (hex) of
-- the counted key, so identities are not stored. H2 stores (one process) keep counting in memory and leave the table
-- empty. Works unchanged on H2 2.x and PostgreSQL 12+.

CREATE TABLE attempt_counts (
    counter      VARCHAR(100) NOT NULL,
    key_hash     VARCHAR(64)  NOT NULL,
    window_end   TIMESTAMP WITH TIME ZONE NOT NULL,
    attempts     INTEGER      NOT NULL,
    PRIMARY KEY (counter, key_hash)
);
CREATE INDEX attempt_counts_by_end ON attempt_counts (window_end);
