-- The identity of this server instance: one row, created at first start.
-- It lets clients (and operators) tell two deployments apart, and proves the
-- database is written and read back at every health check.
-- The sync work adds its own tables (devices, events) in later migrations;
-- never edit a migration that has shipped: add a new one.
CREATE TABLE instance (
    id         TEXT    PRIMARY KEY NOT NULL,
    created_at INTEGER NOT NULL  -- Unix time, seconds
);
