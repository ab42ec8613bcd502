-- The ledger: one row per admitted job. A job's cost is reserved when it is admitted, committed at its
-- real cost when its images are delivered, and released when it fails, so nobody pays for an image
-- they did not get. Times are Unix milliseconds (UTC).
CREATE TABLE ledger (
    job_id       TEXT PRIMARY KEY,
    guild_id     INTEGER,
    channel_id   INTEGER NOT NULL,
    user_id      INTEGER NOT NULL,
    command      TEXT NOT NULL,
    model        TEXT NOT NULL,
    state        TEXT NOT NULL CHECK (state IN ('reserved', 'committed', 'released')),
    images       INTEGER NOT NULL,
    reserved_usd REAL NOT NULL,
    cost_usd     REAL,
    created_at   INTEGER NOT NULL,
    settled_at   INTEGER
);
CREATE INDEX ledger_user ON ledger (guild_id, user_id, created_at);
CREATE INDEX ledger_guild ON ledger (guild_id, created_at);
CREATE INDEX ledger_time ON ledger (created_at);

-- Limits set at run time by a guild's admins. No row: inherit. `value` NULL: no limit.
-- scope is 'guild' (target_id 0), 'role' or 'user'.
CREATE TABLE limit_overrides (
    guild_id  INTEGER NOT NULL,
    scope     TEXT NOT NULL CHECK (scope IN ('guild', 'role', 'user')),
    target_id INTEGER NOT NULL,
    name      TEXT NOT NULL,
    value     REAL,
    PRIMARY KEY (guild_id, scope, target_id, name)
);

-- Members blocked from Easel in a guild. `until` NULL: until unblocked.
CREATE TABLE blocks (
    guild_id   INTEGER NOT NULL,
    user_id    INTEGER NOT NULL,
    until      INTEGER,
    reason     TEXT NOT NULL,
    created_at INTEGER NOT NULL,
    PRIMARY KEY (guild_id, user_id)
);
