-- orderhooks middleware state, shared by every middleware instance (schema orderhooks_middleware).

-- One row per idempotency key (an order submit, a post-webhook LogID):
--   running: a holder (token) runs the action until lease_until; after that anyone may take over;
--   done:    the remembered answer, kept until expires_at;
--   failed:  an answer not to remember, kept briefly for the callers that waited for that run.
CREATE TABLE idempotency (
    key         text        PRIMARY KEY,
    state       text        NOT NULL CHECK (state IN ('running', 'done', 'failed')),
    token       text        NOT NULL,
    lease_until timestamptz NOT NULL,
    expires_at  timestamptz NOT NULL,
    status      integer,
    headers     text,
    body        bytea
);
CREATE INDEX idempotency_expires_at ON idempotency (expires_at);

-- Accepted asynchronous post-webhook deliveries and their dead letters, per named queue. Workers claim a
-- due row with FOR UPDATE SKIP LOCKED and hold it until they settle it.
CREATE TABLE post_queue (
    id         text        PRIMARY KEY,
    queue      text        NOT NULL,
    seq        bigserial   NOT NULL,
    log_id     text,
    verb       text        NOT NULL,
    route      text        NOT NULL,
    payload    bytea       NOT NULL,
    attempts   integer     NOT NULL DEFAULT 0,
    due_at     timestamptz NOT NULL,
    dead       boolean     NOT NULL DEFAULT false,
    last_error text,
    failed_at  timestamptz
);
CREATE INDEX post_queue_due ON post_queue (queue, due_at, seq) WHERE NOT dead;
CREATE INDEX post_queue_dead ON post_queue (queue, failed_at, seq) WHERE dead;
