-- Sync protocol v1 (crates/server/API.md): spaces and their records.
-- The server stores opaque ciphertext and cannot read it.
--
-- One row per space, kept after erasure as a tombstone (verifier NULL,
-- counters 0, erased_at set), so a late device cannot bring the space back.
-- The row is also the space's lock: a push takes it FOR UPDATE, assigns
-- seqs from last_seq and commits before the next push of that space can
-- read last_seq, so seqs become visible in commit order.
CREATE TABLE spaces (
    space_id     BYTEA   PRIMARY KEY CHECK (length(space_id) = 16),
    -- SHA-256 of the access token; NULL once erased.
    verifier     BYTEA   CHECK (verifier IS NULL OR length(verifier) = 32),
    last_seq     BIGINT  NOT NULL DEFAULT 0,  -- highest seq given in this space
    record_count BIGINT  NOT NULL DEFAULT 0,  -- for the quota
    data_bytes   BIGINT  NOT NULL DEFAULT 0,  -- decoded bytes, for the quota
    erased_at    BIGINT,                      -- Unix seconds; set iff erased
    CHECK ((verifier IS NULL) = (erased_at IS NOT NULL))
);

-- Records are immutable: inserted once, deleted only with their space.
-- (space_id, id) makes pushes idempotent; (space_id, seq) is the pull index.
CREATE TABLE records (
    space_id BYTEA  NOT NULL REFERENCES spaces (space_id),
    id       TEXT   NOT NULL,  -- client-chosen, 1-64 of [A-Za-z0-9_-]
    seq      BIGINT NOT NULL,  -- per space, strictly increasing in commit order
    data     BYTEA  NOT NULL,  -- nonce || ciphertext+tag, at most 16 KiB
    PRIMARY KEY (space_id, id),
    UNIQUE (space_id, seq)
);

-- Ciphertext does not compress: store large values out of line as they are,
-- without spending CPU on a compression attempt.
ALTER TABLE records ALTER COLUMN data SET STORAGE EXTERNAL;
