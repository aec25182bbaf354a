-- Sync protocol v1 (crates/server/API.md): spaces and their records.
-- The server stores opaque ciphertext and cannot read it.
--
-- One row per space, kept after erasure as a tombstone (verifier NULL,
-- counters 0, erased_at set), so a late device cannot bring the space back.
-- The row is also the space's lock: a push reads and updates it in the
-- same write transaction, which is how seq follows commit order.
CREATE TABLE spaces (
    space_id     BLOB    PRIMARY KEY NOT NULL CHECK (length(space_id) = 16),
    -- SHA-256 of the access token; NULL once erased.
    verifier     BLOB    CHECK (verifier IS NULL OR length(verifier) = 32),
    last_seq     INTEGER NOT NULL DEFAULT 0,  -- highest seq given in this space
    record_count INTEGER NOT NULL DEFAULT 0,  -- for the quota
    data_bytes   INTEGER NOT NULL DEFAULT 0,  -- decoded bytes, for the quota
    erased_at    INTEGER,                     -- Unix seconds; set iff erased
    CHECK ((verifier IS NULL) = (erased_at IS NOT NULL))
);

-- Records are immutable: inserted once, deleted only with their space.
-- (space_id, id) makes pushes idempotent; (space_id, seq) is the pull index.
CREATE TABLE records (
    space_id BLOB    NOT NULL REFERENCES spaces (space_id),
    id       TEXT    NOT NULL,  -- client-chosen, 1-64 of [A-Za-z0-9_-]
    seq      INTEGER NOT NULL,  -- per space, strictly increasing in commit order
    data     BLOB    NOT NULL,  -- nonce || ciphertext+tag, at most 16 KiB
    PRIMARY KEY (space_id, id),
    UNIQUE (space_id, seq)
);
