-- The identity of this server instance: one row, created at first start.
-- It lets clients (and operators) tell two deployments apart, and proves the
-- database is written and read back at every health check.
-- `one_row` makes "one row" a constraint: several server processes may
-- start at once on the same database, and only the first insert wins.
-- Never edit a migration that has shipped: add a new one.
CREATE TABLE instance (
    id         TEXT    PRIMARY KEY NOT NULL,
    created_at BIGINT  NOT NULL,  -- Unix time, seconds
    one_row    BOOLEAN NOT NULL DEFAULT TRUE UNIQUE CHECK (one_row)
);
