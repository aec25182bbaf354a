-- The professional space (API.md, "Professional space"): accounts, their
-- sessions, groups with a join code, learners who joined with consent (and
-- the summary they chose to publish), live workshops and their answers.
-- Leaving a group deletes the member row; its answers go with it (CASCADE).
CREATE TABLE pro_accounts (
    account_id    TEXT    PRIMARY KEY,   -- 32 hex, random
    email         TEXT    NOT NULL UNIQUE,        -- trimmed, lowercase
    password_hash TEXT    NOT NULL,               -- Argon2id PHC string
    is_admin      BOOLEAN NOT NULL,
    created_at    BIGINT NOT NULL
);

-- The cookie holds a random token; only its SHA-256 is stored.
CREATE TABLE pro_sessions (
    session_hash BYTEA   PRIMARY KEY CHECK (length(session_hash) = 32),
    account_id   TEXT    NOT NULL REFERENCES pro_accounts (account_id) ON DELETE CASCADE,
    csrf_token   TEXT    NOT NULL,
    created_at   BIGINT NOT NULL,
    last_seen    BIGINT NOT NULL
);
CREATE INDEX pro_sessions_account ON pro_sessions (account_id);

CREATE TABLE pro_groups (
    group_id    TEXT    PRIMARY KEY,
    owner_id    TEXT    NOT NULL REFERENCES pro_accounts (account_id),
    name        TEXT    NOT NULL,
    join_code   TEXT    NOT NULL,
    created_at  BIGINT NOT NULL,
    archived_at BIGINT
);
-- A code is unique among active groups; an archived group frees its code.
CREATE UNIQUE INDEX pro_groups_active_code ON pro_groups (join_code) WHERE archived_at IS NULL;
CREATE INDEX pro_groups_owner ON pro_groups (owner_id);

-- member_id is what the professional sees; the space id never leaves here.
CREATE TABLE pro_members (
    member_id     TEXT    PRIMARY KEY,
    group_id      TEXT    NOT NULL REFERENCES pro_groups (group_id),
    space_id      BYTEA   NOT NULL REFERENCES spaces (space_id),
    display_name  TEXT    NOT NULL,
    under_15      BOOLEAN NOT NULL,
    parent_agreed BOOLEAN NOT NULL,
    consented_at  BIGINT NOT NULL,
    summary       TEXT,                           -- JSON, as the learner published it
    summary_at    BIGINT,
    UNIQUE (group_id, space_id)
);
CREATE INDEX pro_members_space ON pro_members (space_id);

CREATE TABLE workshops (
    workshop_id TEXT    PRIMARY KEY,
    group_id    TEXT    NOT NULL REFERENCES pro_groups (group_id),
    content_id  TEXT    NOT NULL,
    kind        TEXT    NOT NULL,                 -- lesson | quiz
    step        BIGINT NOT NULL,
    started_at  BIGINT NOT NULL,
    ended_at    BIGINT
);
CREATE INDEX workshops_group ON workshops (group_id);

CREATE TABLE workshop_answers (
    workshop_id TEXT    NOT NULL REFERENCES workshops (workshop_id),
    member_id   TEXT    NOT NULL REFERENCES pro_members (member_id) ON DELETE CASCADE,
    step        BIGINT NOT NULL,
    choices     TEXT    NOT NULL,                 -- JSON array of choice ids
    answered_at BIGINT NOT NULL,
    PRIMARY KEY (workshop_id, member_id, step)
);
